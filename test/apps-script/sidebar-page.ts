// The sidebar from the built bundle in real headless Chromium, with google.script.run bridged to the
// emulated server functions as Apps Script provides it (chained handlers, one async call per server
// function, put in front of the sidebar's own script as the Apps Script sandbox does).
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Runtime } from './emulator.ts';

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

export interface SidebarPage {
  page: Page;
  /** Page errors and console errors seen so far. */
  problems: string[];
}

/** `slow`: server functions that wait this many ms before running, as a long run does in Sheets. */
export async function openSidebar(browser: Browser, rt: Runtime, slow: Record<string, number> = {}): Promise<SidebarPage> {
  rt.run('showSidebar');
  const html = rt.ui.sidebars[rt.ui.sidebars.length - 1] as string;
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  await page.exposeFunction('__gasCall', async (name: string, args: unknown[]) => {
    if (slow[name] !== undefined) await new Promise((resolve) => setTimeout(resolve, slow[name]));
    try {
      // Arguments and results cross as JSON, as google.script.run serialises them (no Dates).
      return { ok: true, value: JSON.parse(JSON.stringify(rt.run(name, ...(JSON.parse(JSON.stringify(args)) as unknown[])) ?? null)) as unknown };
    } catch (error) {
      return { ok: false, value: (error as Error).message };
    }
  });
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
  return { page, problems };
}
