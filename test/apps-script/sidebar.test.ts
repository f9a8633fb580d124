// The sidebar in real headless Chromium against the emulated server: correct a mapping, score, follow
// the selection, switch to 简体中文 (everything re-labelled, nothing left in English), schedule; and
// HTML/script payloads in every kind of text the sidebar shows, found inert in both languages.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startRuntime } from './emulator.ts';
import { launch, openSidebar } from './sidebar-page.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const SHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const customers = () => [
  ['Cust ID', 'Name', 'Last Visit', 'Orders', 'Spend', 'Region'],
  ['C1', 'Ada', d('2026-10-20'), 12, 1234.5, 'North'],
  ['C2', 'Bob', d('2026-03-15'), 3, 200, 'South'],
  ['C3', 'Cy', d('2025-01-01'), 1, 50, 'North'],
  ['C4', 'Dee', d('2026-09-01'), 5, 800, 'East'],
  ['C5', 'Eve', d('2026-10-30'), 1, 30, 'West'],
];

async function scored(page: Page, text: string | RegExp): Promise<void> {
  await expect.poll(() => page.textContent('#message'), { timeout: 10_000 }).toMatch(text);
  await page.waitForFunction(() => !(document.getElementById('score') as HTMLButtonElement).disabled);
}

describe('the sidebar', () => {
  it('corrects a mapping, scores, follows the selected customer, and speaks 简体中文 throughout', async () => {
    const rt = startRuntime(customers());
    const { page, problems } = await openSidebar(browser, rt);
    // "Last Visit" is not a known header: the user picks it for "Last purchase".
    await page.selectOption('select[data-field="lastPurchase"]', { label: 'Last Visit' });
    await page.fill('#asOf', '2026-11-01');
    await page.click('#score');
    await scored(page, '5 customers scored.');
    expect(rt.spreadsheet.active.cell(1, 7)).toBe('Tier');
    expect(await page.locator('#tiers .bar').count()).toBe(4);

    rt.spreadsheet.active.activeRow = 4;
    await page.click('#selection');
    await expect.poll(() => page.textContent('#customer')).toContain('C3');
    expect(await page.textContent('#customer')).toContain('Contact within 24 hours');
    // The panel follows the selection without another click.
    rt.spreadsheet.active.activeRow = 2;
    await expect.poll(() => page.textContent('#customer h2'), { timeout: 5000 }).toContain('C1');
    rt.spreadsheet.active.activeRow = 4;
    await expect.poll(() => page.textContent('#customer h2'), { timeout: 5000 }).toContain('C3');
    await page.screenshot({ path: join(SHOTS, 'sidebar-en.png'), fullPage: true });

    await page.selectOption('#language', 'zh-CN');
    // Re-labelled at once: no English left on screen, and the sheet's sentences are said to need a Score.
    expect(await page.textContent('#score')).toBe('评分');
    expect(await page.textContent('#message')).toBe('点击“评分”，即可用简体中文重写 Tierwise 的列、下一步行动和原因。');
    expect(await page.textContent('#tiers')).toContain('A 核心');
    await expect.poll(() => page.textContent('#customer')).toContain('挽回步骤');
    await page.click('#score');
    await scored(page, '已为 5 位客户评分。');
    expect(rt.spreadsheet.active.cell(1, 7)).toBe('客户分层');
    await expect.poll(() => page.textContent('#customer')).toContain('24小时内联系客户');
    const visible = await page.evaluate(() => document.body.innerText);
    for (const english of ['Score', 'Tiers', 'Churn risk', 'Next action', 'customers scored', 'Why']) expect(visible).not.toContain(english);
    await page.screenshot({ path: join(SHOTS, 'sidebar-zh-CN.png'), fullPage: true });

    await page.selectOption('#hour', '7');
    await page.click('#schedule');
    await expect.poll(() => page.textContent('#scheduleMessage')).toBe('Tierwise 将每天约 07:00（Etc/UTC）为已评分的表重新评分。');
    expect(rt.triggers).toMatchObject([{ handler: 'dailyRescore', hour: 7, timeZone: 'Etc/UTC' }]);
    await page.click('#unschedule');
    await expect.poll(() => page.textContent('#scheduleMessage')).toBe('已停止每日重新评分。');
    expect(rt.triggers).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps saved thresholds and date order when Score is pressed', async () => {
    const rt = startRuntime(customers());
    rt.run('saveSettings', { dateOrder: 'dmy', columns: { lastPurchase: 'Last Visit' }, options: { churn: { highAt: 55, mediumAt: 30 } } });
    const { page } = await openSidebar(browser, rt);
    await page.fill('#asOf', '2026-11-01');
    await page.click('#score');
    await scored(page, 'customers scored');
    const state = rt.run<{ settings: { dateOrder: string; asOf: string; options: { churn: { highAt: number } } } }>('getSidebarState');
    expect(state.settings.dateOrder).toBe('dmy');
    expect(state.settings.options.churn.highAt).toBe(55);
    expect(state.settings.asOf).toBe('2026-11-01');
    await page.close();
  });
});

describe.each(['en', 'zh-CN'] as const)('the selected-customer panel in %s', (language) => {
  it('shows only what the customer has: never "null", "undefined" or "NaN", with or without retention steps', async () => {
    const rt = startRuntime(customers(), { locale: language === 'zh-CN' ? 'zh-CN' : 'en-US' });
    const { page, problems } = await openSidebar(browser, rt);
    await page.selectOption('select[data-field="lastPurchase"]', { label: 'Last Visit' });
    await page.fill('#asOf', '2026-11-01');
    await page.click('#score');
    await scored(page, language === 'en' ? '5 customers scored.' : '已为 5 位客户评分。');
    const retention = language === 'en' ? 'Retention steps' : '挽回步骤';
    const sheet = rt.spreadsheet.active;
    // C3 (row 4) is at high risk and has retention steps; C1 (row 2) and C5 (row 6) have none.
    for (const [row, id, steps] of [[4, 'C3', true], [2, 'C1', false], [6, 'C5', false]] as const) {
      sheet.activeRow = row;
      await page.click('#selection');
      await expect.poll(() => page.textContent('#customer h2'), { timeout: 5000 }).toContain(id);
      const shown = (await page.textContent('#customer')) ?? '';
      if (steps) expect(shown).toContain(retention);
      else expect(shown).not.toContain(retention);
      for (const junk of ['null', 'undefined', 'NaN']) expect(shown).not.toContain(junk);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the sidebar on an order table', () => {
  it('shows the order fields, scores with the Score button, and shows the customer of the selected order', async () => {
    const rt = startRuntime([
      ['Order ID', 'Client', 'Order Date', 'Amount'],
      [1, 'A', d('2026-01-05'), 120],
      [2, 'B', d('2026-02-07'), 40],
      [3, 'A', d('2026-09-05'), 80],
    ]);
    const { page, problems } = await openSidebar(browser, rt, { scoreActiveSheet: 1500 });
    await page.selectOption('#kind', 'orders');
    expect(await page.locator('#columns select').evaluateAll((s) => s.map((n) => (n as HTMLSelectElement).dataset.field))).toEqual(['customerId', 'date', 'amount', 'name', 'region', 'owner']);
    await page.selectOption('select[data-field="customerId"]', { label: 'Client' });
    await page.fill('#asOf', '2026-11-01');
    await page.click('#score');
    // While a run goes on, Cancel is offered and asks the server to stop between batches.
    await page.click('#cancel');
    await expect.poll(() => rt.cache.get('tierwise.cancel')).toBe('1');
    await scored(page, '2 customers scored.');
    expect(await page.isHidden('#cancel')).toBe(true);
    expect(rt.spreadsheet.getSheetByName('Tierwise customers')?.grid.map((r) => r[0])).toEqual(['Customer', 'A', 'B']);
    rt.spreadsheet.active.activeRow = 3;
    await page.click('#selection');
    await expect.poll(() => page.textContent('#customer h2')).toContain('B');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe.each(['en', 'zh-CN'] as const)('an order table with the table kind left to detection, sidebar in %s', (language) => {
  it('scores it as the order table it is (DESIGN.md: scoreActiveSheet auto-detects), without asking', async () => {
    const rt = startRuntime(
      [
        ['Order ID', 'Customer', 'Order Date', 'Amount'],
        [1, 'A', d('2026-01-05'), 120],
        [2, 'B', d('2026-02-07'), 40],
        [3, 'A', d('2026-09-05'), 80],
      ],
      { locale: language === 'zh-CN' ? 'zh-CN' : 'en-US' },
    );
    const { page, problems } = await openSidebar(browser, rt);
    expect(await page.isHidden('#toOrders')).toBe(true);
    await page.fill('#asOf', '2026-11-01');
    await page.click('#score'); // left to detection: the customer reading fails, the order reading does not
    await scored(page, language === 'en' ? '2 customers scored.' : '已为 2 位客户评分。');
    expect(await page.isHidden('#toOrders')).toBe(true);
    expect(rt.spreadsheet.getSheetByName('Tierwise customers')?.grid.map((r) => r[0])).toEqual([language === 'en' ? 'Customer' : '客户', 'A', 'B']);
    expect(problems).toEqual([]);
    await page.close();
  });
});

// Inert: nothing the sheet holds runs or becomes an element, and the text is shown as written.
const PAYLOADS = ['<img src=x onerror="window.__pwned=(window.__pwned||0)+1">', '<script>window.__pwned=1</script>', '"><svg onload="window.__pwned=1">', '<a href="javascript:window.__pwned=1">x</a>'];

async function inert(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // Only the page's own two scripts (the google.script.run bridge and the sidebar), no injected elements.
  expect(await page.locator('script').count()).toBe(2);
  expect(await page.locator('img, svg, a, iframe, object, embed').count()).toBe(0);
  const handlers = await page.evaluate(() => [...document.querySelectorAll('*')].flatMap((n) => [...n.attributes].map((a) => a.name)).filter((a) => a.startsWith('on')));
  expect(handlers).toEqual([]);
}

describe.each(['en', 'zh-CN'] as const)('HTML and script in the sheet, sidebar in %s', (language) => {
  it('shows payloads in headers, ids, error texts, result cells, the run log and progress as text, never as markup', async () => {
    const [p0, p1, p2, p3] = PAYLOADS as [string, string, string, string];
    const rt = startRuntime(
      [
        ['Cust ID', 'Last Order', 'Orders', 'Spend', p0],
        [p1, d('2026-10-20'), 12, 1234.5, 'x'],
        ['C2', p2, 3, 200, 'y'],
        [p3, d('2026-03-15'), 3, 200, 'z'],
      ],
      { locale: language === 'zh-CN' ? 'zh-CN' : 'en-US' },
    );
    rt.properties.set('tierwise.runLog', JSON.stringify([{ at: '2026-11-02T06:00:00.000Z', sheet: p0, rows: 3, ok: false, error: p1, trigger: true }]));
    const sheet = rt.spreadsheet.active;
    const { page, problems } = await openSidebar(browser, rt, { scoreActiveSheet: 5000 });
    expect(await page.inputValue('#language')).toBe(language);
    expect(await page.locator('select[data-field="id"] option', { hasText: p0 }).count()).toBe(1);
    expect(await page.textContent('#problem')).toContain(p1);
    // Progress text comes from the server while a run goes on.
    rt.cache.set('tierwise.progress', JSON.stringify({ en: p2, 'zh-CN': p2 }));
    await page.fill('#asOf', '2026-11-01');
    await page.click('#score');
    // The sidebar asks for progress every 700 ms while the (delayed) run goes on: on a busy machine the
    // first answer can take over a second, so the run lasts 5 s and the wait for its progress 4.5 s.
    await expect.poll(() => page.textContent('#message'), { timeout: 4500 }).toBe(p2);
    await inert(page);
    await scored(page, language === 'en' ? /customers scored/ : /位客户评分/);
    await inert(page);

    // The error row: its Why holds the bad value.
    sheet.activeRow = 3;
    await page.click('#selection');
    await expect.poll(() => page.textContent('#customer')).toContain(p2);
    await inert(page);
    // A scored row whose id, segment, next action and Why the user overwrote with markup.
    const column = (header: string) => (sheet.grid[0] ?? []).indexOf(header) + 1;
    const why = column(language === 'en' ? 'Why' : '原因');
    sheet.set(2, why, `${p0}; ${p3}`);
    sheet.set(2, column(language === 'en' ? 'Next action' : '下一步行动'), p2);
    sheet.activeRow = 2;
    await expect.poll(() => page.textContent('#customer h2'), { timeout: 5000 }).toContain(p1);
    await expect.poll(() => page.textContent('#customer')).toContain(p2);
    expect(await page.textContent('#customer')).toContain(p0);
    await inert(page);
    // A table the adapter refuses: its message quotes the header.
    sheet.grid = [['<b>nothing</b>', p0], ['1', '2']];
    await page.click('#score');
    await expect.poll(() => page.getAttribute('#message', 'class'), { timeout: 10_000 }).toBe('msg error');
    await page.selectOption('#language', language === 'en' ? 'zh-CN' : 'en');
    await inert(page);
    expect(problems).toEqual([]);
    await page.close();
  });
});
