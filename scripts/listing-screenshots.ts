// npx node scripts/listing-screenshots.ts: every picture the Marketplace Store Listing asks for, into
// apps-script/listing/ (sizes in apps-script/listing/assets.ts). The icons and card banner are drawn as
// SVG/HTML; the five screenshots are the REAL sidebar (from a fresh build of dist/apps-script/Code.js)
// driven by clicks in headless Chromium, beside a grid holding what the emulated sheet holds after
// the bundle scored sample/customers.csv or sample/orders.csv. Re-run it whenever the sidebar changes.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import buildAppsScript from '../build/targets/apps-script.ts';
import { RESULT_COLUMNS } from '../adapters/result-columns.ts';
import type { Runtime } from '../test/apps-script/emulator.ts';

/** A sheet of the emulated spreadsheet, named through Runtime (the emulator's one stable export). */
type FakeSheet = Runtime['spreadsheet']['sheets'][number];
import { ALL_ASSETS, CARD_BANNER, CONSENT_LOGO, ICONS, SCREENSHOTS, type GraphicAsset } from '../apps-script/listing/assets.ts';
import { decodePng } from '../test/listing/png.ts';
import { bannerPage, iconPage, TIER_COLOURS } from './listing-mark.ts';
import { bridgeToRuntime, sidebarHtml, startSample } from './listing-runtime.ts';
import { barChartSvg, columnLetter, displayed, formulaHtml, gridHtml, HEIGHT, tabsHtml, VISIBLE_ROWS, WIDTH, windowHtml, type Fill, type GridView } from './listing-sheet-html.ts';

const ROOT = join(import.meta.dirname, '..');
const LISTING = join(ROOT, 'apps-script', 'listing');
const AS_OF = '2026-11-01';

const changed: string[] = [];

/**
 * Writes the picture unless the file already holds the same pixels: Chromium's PNG bytes vary from
 * run to run for the same image, and a re-run should only touch pictures whose content changed.
 */
function save(asset: GraphicAsset, png: Buffer): void {
  const path = join(LISTING, asset.file);
  if (existsSync(path)) {
    const before = decodePng(readFileSync(path), asset.file);
    const after = decodePng(png, asset.file);
    if (before.width === after.width && before.height === after.height && Buffer.from(before.rgba).equals(Buffer.from(after.rgba))) return;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, png);
  changed.push(asset.file);
}

function screenshotNamed(name: string): GraphicAsset {
  const asset = SCREENSHOTS.find((s) => s.file.includes(name));
  if (asset === undefined) throw new Error(`apps-script/listing/assets.ts lists no screenshot named ${name}`);
  return asset;
}

async function drawGraphics(browser: Browser): Promise<void> {
  for (const icon of [...ICONS, CONSENT_LOGO]) {
    const page = await browser.newPage({ viewport: { width: icon.width, height: icon.height } });
    await page.setContent(iconPage(icon.width));
    save(icon, await page.screenshot({ omitBackground: true }));
    await page.close();
  }
  const page = await browser.newPage({ viewport: { width: CARD_BANNER.width, height: CARD_BANNER.height } });
  await page.setContent(bannerPage('Customer tiers, churn risk and next actions in Google Sheets™'));
  save(CARD_BANNER, await page.screenshot());
  await page.close();
}

/** The sheet's values as Sheets holds them (one getValues over its used range). */
function valuesOf(sheet: FakeSheet): (string | number | boolean | Date)[][] {
  const rows = Math.max(1, sheet.getLastRow());
  const columns = Math.max(1, sheet.getLastColumn());
  return sheet.getRange(1, 1, rows, columns).getValues();
}

/** The conditional-format colours the bundle set, as the grid paints them. */
function fillsOf(sheet: FakeSheet): Fill[] {
  return sheet.getConditionalFormatRules().flatMap((rule) => rule.ranges.map((range) => ({ text: rule.text, background: rule.background, column: range.getColumn(), fromRow: range.getRow(), toRow: range.getRow() + range.getNumRows() - 1 })));
}

/** Row (1-based) holding the result headers, and the column of each result key. */
function resultLayout(values: readonly (readonly unknown[])[]): { headerRow: number; column: Record<string, number> } {
  const headerRow = values.findIndex((row) => RESULT_COLUMNS.every((c) => row.includes(c.en) || row.includes(c['zh-CN']))) + 1;
  if (headerRow === 0) throw new Error('the scored sheet has no row with every Tierwise result header');
  const header = values[headerRow - 1] as unknown[];
  const column: Record<string, number> = {};
  for (const c of RESULT_COLUMNS) column[c.key] = header.findIndex((h) => h === c.en || h === c['zh-CN']) + 1;
  return { headerRow, column };
}

class Window {
  readonly page: Page;
  readonly sidebar: Frame;
  readonly rt: Runtime;
  /** The tab name of the user's own sheet (the emulator gives every first sheet the same name). */
  readonly userSheet: string;
  private constructor(page: Page, sidebar: Frame, rt: Runtime, userSheet: string) {
    this.page = page;
    this.sidebar = sidebar;
    this.rt = rt;
    this.userSheet = userSheet;
  }

  static async open(browser: Browser, rt: Runtime, fileName: string, userSheet: string): Promise<Window> {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await bridgeToRuntime(page, rt);
    await page.setContent(windowHtml(fileName, sidebarHtml(rt)));
    const frame = await (await page.waitForSelector('#sidebar')).contentFrame();
    if (frame === null) throw new Error('the sidebar iframe has no document');
    await frame.waitForSelector('#columns select', { timeout: 10_000 }).catch(() => {
      throw new Error(`the sidebar did not load: ${problems.join(' | ')}`);
    });
    return new Window(page, frame, rt, userSheet);
  }

  /** Presses the sidebar's Score and waits for its answer; an error answer stops the run. */
  async score(): Promise<string> {
    await this.sidebar.fill('#asOf', AS_OF);
    await this.sidebar.click('#score');
    await this.sidebar.waitForFunction(() => !document.getElementById('message')?.classList.contains('hidden') && !(document.getElementById('score') as HTMLButtonElement).disabled);
    const message = (await this.sidebar.textContent('#message')) ?? '';
    if (await this.sidebar.$eval('#message', (m) => m.classList.contains('error'))) throw new Error(`Score failed in the sidebar: ${message}`);
    return message;
  }

  /** Selects a row as a click in the sheet would and presses "Show the selected customer". */
  async showCustomer(row: number, id: string): Promise<{ headings: string[]; text: string }> {
    const sheet = this.rt.spreadsheet.active;
    sheet.activeRow = row;
    await this.sidebar.click('#selection');
    await this.sidebar.waitForFunction((expected) => document.querySelector('#customer h2')?.textContent?.includes(expected) ?? false, id);
    const text = (await this.sidebar.textContent('#customer')) ?? '';
    return { headings: await this.sidebar.$$eval('#customer h2', (hs) => hs.map((h) => h.textContent ?? '')), text };
  }

  async scrollSidebarTo(selector: string, block: 'start' | 'end'): Promise<void> {
    await this.sidebar.$eval(selector, (el, b) => el.scrollIntoView({ block: b }), block);
  }

  async show(sheet: FakeSheet, grid: GridView, formula: { ref: string; text: string }): Promise<void> {
    const name = (s: FakeSheet) => (s === this.rt.spreadsheet.sheets[0] ? this.userSheet : s.getName());
    await this.page.$eval('#grid', (el, html) => (el.innerHTML = html), gridHtml(grid));
    await this.page.$eval('#tabs', (el, html) => (el.innerHTML = html), tabsHtml(this.rt.spreadsheet.sheets.map(name), name(sheet)));
    await this.page.$eval('#formula', (el, html) => (el.innerHTML = html), formulaHtml(formula.ref, formula.text));
  }

  async closeSidebar(): Promise<void> {
    await this.page.$eval('#side', (el) => ((el as HTMLElement).style.display = 'none'));
  }

  async capture(asset: GraphicAsset): Promise<void> {
    await this.page.evaluate(() => document.fonts.ready);
    save(asset, await this.page.screenshot());
  }
}

function customerGrid(sheet: FakeSheet, selectedRow: number | null): { grid: GridView; layout: ReturnType<typeof resultLayout> } {
  const values = valuesOf(sheet);
  const layout = resultLayout(values);
  // Cust ID and Customer stay frozen on the left; the view is scrolled to Tierwise's columns.
  return { grid: { values, fills: fillsOf(sheet), frozenColumns: 2, scrolledTo: layout.column['tier'] as number, selectedRow }, layout };
}

async function customerScreenshots(browser: Browser): Promise<void> {
  const rt = startSample(join(ROOT, 'sample', 'customers.csv'));
  const data = rt.spreadsheet.active;
  const window = await Window.open(browser, rt, 'Customers (Tierwise sample)', 'Customers');
  console.error(`customers.csv, English: ${await window.score()}`);

  let { grid, layout } = customerGrid(data, null);
  const tierCell = (row: number) => `${columnLetter(layout.column['tier'] as number)}${row}`;
  await window.show(data, grid, { ref: tierCell(layout.headerRow + 1), text: displayed(grid.values[layout.headerRow]?.[(layout.column['tier'] as number) - 1]) });
  await window.scrollSidebarTo('#distribution', 'end');
  await window.capture(screenshotNamed('scored-sheet-en'));

  // The customer most worth a call, with the fullest panel: on screen, highest churn risk first, the
  // first whose panel has reasons, retention steps and a playbook.
  const tierOf = (r: readonly unknown[]) => String(r[(layout.column['tier'] as number) - 1]);
  const risk = (r: readonly unknown[]) => Number(r[(layout.column['churnRisk'] as number) - 1]) || 0;
  const candidates = grid.values
    .map((r, i) => ({ row: i + 1, r }))
    .filter(({ row, r }) => row > layout.headerRow && row <= VISIBLE_ROWS && ['A', 'B', 'C', 'D'].includes(tierOf(r)))
    .sort((a, b) => risk(b.r) - risk(a.r));
  let row = 0;
  for (const candidate of candidates.slice(0, 12)) {
    const panel = await window.showCustomer(candidate.row, String(candidate.r[0]));
    if (!['Why', 'Retention steps', 'Playbook'].every((h) => panel.headings.includes(h))) continue;
    // A value the sidebar failed to fill must not reach a listing picture.
    const unfilled = /null|undefined|NaN/.exec(panel.text);
    if (unfilled) throw new Error(`the sidebar's panel for row ${candidate.row} shows "${unfilled[0]}": …${panel.text.slice(Math.max(0, unfilled.index - 60), unfilled.index + 30)}…`);
    row = candidate.row;
    break;
  }
  if (row === 0) throw new Error(`none of the first ${VISIBLE_ROWS} rows of sample/customers.csv shows reasons, retention steps and a playbook in the sidebar`);
  ({ grid } = customerGrid(data, row));
  await window.show(data, grid, { ref: `A${row}`, text: displayed(grid.values[row - 1]?.[0]) });
  await window.scrollSidebarTo('#selection', 'start');
  await window.capture(screenshotNamed('customer-playbook'));

  const summary = rt.spreadsheet.sheets.find((s) => s.getCharts().length > 0);
  if (summary === undefined) throw new Error('scoring wrote no sheet with a chart (the summary sheet)');
  const summaryValues = valuesOf(summary);
  const chart = summary.getCharts()[0] as Record<string, unknown>;
  const tierRows = summaryValues.slice(1, summaryValues.findIndex((r, i) => i > 0 && r.every((v) => v === ''))).map((r) => ({ label: String(r[0]), count: Number(r[1]) }));
  const chartHtml = barChartSvg(String(chart['title'] ?? ''), tierRows, TIER_COLOURS);
  await window.show(summary, { values: summaryValues, fills: [], frozenColumns: 0, scrolledTo: 1, selectedRow: null, overlay: { html: chartHtml, column: 5, row: 1 } }, { ref: 'A1', text: displayed(summaryValues[0]?.[0]) });
  await window.scrollSidebarTo('#distribution', 'end');
  await window.capture(screenshotNamed('summary-sheet'));

  await window.sidebar.selectOption('#language', 'zh-CN');
  console.error(`customers.csv, 简体中文: ${await window.score()}`);
  ({ grid, layout } = customerGrid(data, null));
  await window.show(data, grid, { ref: tierCell(layout.headerRow), text: displayed(grid.values[layout.headerRow - 1]?.[(layout.column['tier'] as number) - 1]) });
  await window.scrollSidebarTo('#distribution', 'end');
  await window.capture(screenshotNamed('scored-sheet-zh-CN'));
  await window.page.close();
}

async function orderScreenshot(browser: Browser): Promise<void> {
  const rt = startSample(join(ROOT, 'sample', 'orders.csv'));
  const data = rt.spreadsheet.active;
  // Scored from the menu (Extensions ▸ Tierwise ▸ Score this sheet) with the table kind saved as
  // "one row per order": the sidebar's Score button sends its customer-column mapping with an order
  // table, which the server refuses (reported to the add-on's owners), so it is not pressed here.
  rt.run('saveSettings', { kind: 'orders', asOfRule: 'fixed', asOf: AS_OF });
  const outcome = rt.run<{ ok: boolean; message: string }>('scoreActiveSheet');
  if (!outcome.ok) throw new Error(`Score this sheet failed on sample/orders.csv: ${outcome.message}`);
  console.error(`orders.csv: ${outcome.message}`);
  const window = await Window.open(browser, rt, 'Orders (Tierwise sample)', 'Orders');
  // The customers sheet is the subject here: the sidebar is closed to show all of it.
  await window.closeSidebar();
  const customers = rt.spreadsheet.sheets.find((s) => s !== data && s.getCharts().length === 0);
  if (customers === undefined) throw new Error('scoring an order table wrote no customers sheet');
  const values = valuesOf(customers);
  await window.show(customers, { values, fills: fillsOf(customers), frozenColumns: 1, scrolledTo: 2, selectedRow: null, width: WIDTH }, { ref: 'C2', text: displayed(values[1]?.[2]) });
  await window.capture(screenshotNamed('order-table'));
  await window.page.close();
}

console.error(`built ${await buildAppsScript()}`);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  await drawGraphics(browser);
  await customerScreenshots(browser);
  await orderScreenshot(browser);
} finally {
  await browser.close();
}
for (const asset of ALL_ASSETS) console.error(`${changed.includes(asset.file) ? 'wrote    ' : 'unchanged'} apps-script/listing/${asset.file} (${asset.width}×${asset.height})`);
