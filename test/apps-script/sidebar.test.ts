// The sidebar from the built bundle in real headless Chromium, with google.script.run bridged to the
// emulated server functions: correct a mapping, score, select a row, see the playbook, switch to 简体中文.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startRuntime, type Runtime } from './emulator.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const SHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
});
afterAll(async () => {
  await browser?.close();
});

async function openSidebar(rt: Runtime): Promise<Page> {
  rt.run('showSidebar');
  const html = rt.ui.sidebars[0] as string;
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  await page.exposeFunction('__gasCall', (name: string, args: unknown[]) => {
    try {
      return { ok: true, value: JSON.parse(JSON.stringify(rt.run(name, ...args) ?? null)) as unknown };
    } catch (error) {
      return { ok: false, value: (error as Error).message };
    }
  });
  // google.script.run as Apps Script provides it (chained handlers, one async call per server
  // function), put in front of the sidebar's own script as the Apps Script sandbox does.
  const bridge = `<script>
    const runner = (success, failure) => new Proxy({}, { get: (_, name) => {
      if (name === 'withSuccessHandler') return (f) => runner(f, failure);
      if (name === 'withFailureHandler') return (f) => runner(success, f);
      return (...args) => { window.__gasCall(name, args).then((r) => (r.ok ? success && success(r.value) : failure && failure(new Error(String(r.value))))); };
    } });
    window.google = { script: { run: runner() } };
  </script>`;
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.setContent(html.replace('<head>', `<head>${bridge}`));
  await page.waitForSelector('#columns select', { timeout: 5000 }).catch(async () => {
    throw new Error(`sidebar did not load: ${problems.join(' | ')} ${await page.textContent('body')}`);
  });
  return page;
}

describe('the sidebar', () => {
  it('corrects a mapping, scores, shows the selected customer’s playbook, and speaks 简体中文', async () => {
    const rt = startRuntime([
      ['Cust ID', 'Name', 'Last Visit', 'Orders', 'Spend', 'Region'],
      ['C1', 'Ada', d('2026-10-20'), 12, 1234.5, 'North'],
      ['C2', 'Bob', d('2026-03-15'), 3, 200, 'South'],
      ['C3', 'Cy', d('2025-01-01'), 1, 50, 'North'],
      ['C4', 'Dee', d('2026-09-01'), 5, 800, 'East'],
      ['C5', 'Eve', d('2026-10-30'), 1, 30, 'West'],
    ]);
    const page = await openSidebar(rt);
    // "Last Visit" is not a known header: the user picks it for "Last purchase".
    await page.selectOption('select[data-field="lastPurchase"]', { label: 'Last Visit' });
    await page.fill('#asOf', '2026-11-01');
    await page.click('#score');
    await page.waitForFunction(() => !document.getElementById('message')?.classList.contains('hidden'));
    await expect.poll(() => page.textContent('#message')).toBe('5 customers scored.');
    expect(rt.spreadsheet.active.cell(1, 7)).toBe('Tier');
    expect(await page.locator('#tiers .bar').count()).toBe(4);

    rt.spreadsheet.active.activeRow = 4;
    await page.click('#selection');
    await page.waitForSelector('#customer h2');
    const customer = await page.textContent('#customer');
    expect(customer).toContain('C3');
    expect(customer).toContain('Contact within 24 hours');
    await page.screenshot({ path: join(SHOTS, 'sidebar-en.png'), fullPage: true });

    await page.selectOption('#language', 'zh-CN');
    expect(await page.textContent('#score')).toBe('评分');
    await page.click('#score');
    await page.waitForFunction(() => (document.getElementById('score') as HTMLButtonElement).textContent === '评分');
    expect(await page.textContent('#message')).toBe('5 customers scored.');
    expect(rt.spreadsheet.active.cell(1, 7)).toBe('客户分层');
    await page.click('#selection');
    await expect.poll(() => page.textContent('#customer')).toContain('24小时内联系客户');
    await page.screenshot({ path: join(SHOTS, 'sidebar-zh-CN.png'), fullPage: true });
    await page.close();
  });
});
