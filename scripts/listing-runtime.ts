// The add-on as the listing screenshots show it: the built bundle (dist/apps-script/Code.js) running in
// the test emulator on one of the sample files, and its real sidebar HTML with google.script.run
// bridged to that emulator (as test/apps-script/sidebar.test.ts does it).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { parseDelimited } from '../adapters/table/csv.ts';
import { startRuntime, type Runtime } from '../test/apps-script/emulator.ts';

type Value = string | number | boolean | Date;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A CSV cell as File ▸ Import gives it to an en-US spreadsheet with "convert text to numbers and
 * dates" on: plain numbers and ISO or M/D/YYYY dates become values, anything else stays text.
 */
export function importedCell(text: string): Value {
  if (NUMBER.test(text)) return Number(text);
  const iso = ISO_DATE.exec(text);
  if (iso) return new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])));
  const us = US_DATE.exec(text);
  if (us) return new Date(Date.UTC(Number(us[3]), Number(us[1]) - 1, Number(us[2])));
  return text;
}

/**
 * The sample file as a sheet. customers.csv opens with an export title line; a sheet starts with its
 * header row, so lines before the first line with as many cells as the widest are left out.
 */
export function sheetFromCsv(path: string): Value[][] {
  const rows = parseDelimited(readFileSync(path, 'utf8'));
  const width = Math.max(...rows.map((r) => r.filter((c) => c !== '').length));
  const header = rows.findIndex((r) => r.filter((c) => c !== '').length === width);
  return rows.slice(header).map((row) => row.map(importedCell));
}

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
