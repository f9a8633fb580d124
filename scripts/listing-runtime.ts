// The add-on as the listing screenshots show it: the built bundle (dist/apps-script/Code.js) running in
// the test emulator on one of the sample files, and its real sidebar HTML with google.script.run
// bridged to that emulator (as test/apps-script/sidebar.test.ts does it).
import type { Page } from 'playwright-core';
import { sheetFromCsv } from './listing-sample-sheet.ts';
import { startRuntime, type Runtime } from '../test/apps-script/emulator.ts';

export function startSample(path: string): Runtime {
  return startRuntime(sheetFromCsv(path));
}

// google.script.run as Apps Script provides it (chained handlers, one async call per server function),
// put in front of the sidebar's own script as the Apps Script sandbox does.
const BRIDGE = `<script>
  const runner = (success, failure) => new Proxy({}, { get: (_, name) => {
    if (name === 'withSuccessHandler') return (f) => runner(f, failure);
    if (name === 'withFailureHandler') return (f) => runner(success, f);
    return (...args) => { window.__gasCall(name, args).then((r) => (r.ok ? success && success(r.value) : failure && failure(new Error(String(r.value))))); };
  } });
  window.google = { script: { run: runner() } };
</script>`;

/** The sidebar HTML the bundle's showSidebar() hands to Sheets, ready to run against the emulator. */
export function sidebarHtml(rt: Runtime): string {
  rt.run('showSidebar');
  const html = rt.ui.sidebars[rt.ui.sidebars.length - 1];
  if (html === undefined) throw new Error('showSidebar() opened no sidebar');
  return html.replace('<head>', `<head>${BRIDGE}`);
}

/** Serves the page's (and its frames') google.script.run calls from the emulated server functions. */
export async function bridgeToRuntime(page: Page, rt: Runtime): Promise<void> {
  await page.exposeFunction('__gasCall', (name: string, args: unknown[]) => {
    try {
      return { ok: true, value: JSON.parse(JSON.stringify(rt.run(name, ...args) ?? null)) as unknown };
    } catch (error) {
      return { ok: false, value: (error as Error).message };
    }
  });
}
