// A spreadsheet window drawn in HTML for the listing screenshots: the grid holds exactly the values the
// emulated sheet holds after the real bundle ran (with its conditional-format colours), the add-on's
// sidebar runs live in an iframe on the right, and the sheet tabs are the spreadsheet's sheets.
// Cell text is always escaped: it is data, never markup.

export type Value = string | number | boolean | Date;

export const WIDTH = 1280;
export const HEIGHT = 800;
const CHROME = 104; // title, menu and formula bar
const TABS = 36;
const SIDEBAR = 300;
const ROW = 21;
const HEADER = 22;
const ROW_NUMBERS = 46;
export const VISIBLE_ROWS = Math.floor((HEIGHT - CHROME - TABS - HEADER) / ROW);

export interface Fill {
  text: string;
  background: string;
  column: number;
  fromRow: number;
  toRow: number;
}

export interface GridView {
  values: Value[][];
  fills: Fill[];
  /** Columns kept on the left while the rest is scrolled (Sheets' frozen columns). */
  frozenColumns: number;
  /** The first column shown right of the frozen ones (1-based). */
  scrolledTo: number;
  selectedRow: number | null;
  /** Width of the grid area; by default the window less the sidebar. */
  width?: number;
  /** Optional drawing over the grid, e.g. the summary sheet's chart, placed at a column and row. */
  overlay?: { html: string; column: number; row: number };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** What Sheets shows for a value: dates as yyyy-mm-dd, numbers as typed, booleans upper case. */
export function displayed(value: Value | undefined): string {
  if (value === undefined || value === '') return '';
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') return (value as Date).toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  return value;
}

const isRightAligned = (value: Value | undefined) => typeof value === 'number' || value instanceof Date || Object.prototype.toString.call(value) === '[object Date]';

/** CJK characters are about twice as wide as Latin ones in the grid font. */
const textWidth = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 13 : 7), 0);

/** Text spills into the next cell when that one is empty, as in Sheets, so it does not widen its column. */
const spills = (row: readonly Value[], column: number) => typeof row[column - 1] === 'string' && displayed(row[column]) === '';

function columnWidth(values: Value[][], column: number): number {
  const widest = Math.max(0, ...values.slice(0, VISIBLE_ROWS + 1).map((row) => (spills(row, column) ? 0 : textWidth(displayed(row[column - 1])))));
  return Math.max(64, Math.min(260, widest + 14));
}

export function gridHtml(view: GridView): string {
  // Empty columns beyond the data fill the window, as in a real sheet.
  const lastColumn = Math.max(26, ...view.values.map((r) => r.length));
  const columns = [...Array.from({ length: view.frozenColumns }, (_, i) => i + 1), ...Array.from({ length: Math.max(0, lastColumn - view.scrolledTo + 1) }, (_, i) => view.scrolledTo + i)];
  const available = (view.width ?? WIDTH - SIDEBAR) - ROW_NUMBERS;
  const shown: { column: number; width: number }[] = [];
  let used = 0;
  for (const column of columns) {
    const width = columnWidth(view.values, column);
    shown.push({ column, width });
    used += width;
    if (used > available) break;
  }
  const fillOf = (row: number, column: number, text: string) =>
    view.fills.find((f) => f.column === column && row >= f.fromRow && row <= f.toRow && f.text === text)?.background;
  const head = `<tr><th class="corner"></th>${shown.map(({ column, width }) => `<th style="width:${width}px" class="${column === view.frozenColumns ? 'frozen' : ''}">${columnLetter(column)}</th>`).join('')}</tr>`;
  const body = Array.from({ length: VISIBLE_ROWS }, (_, i) => {
    const row = i + 1;
    const values = view.values[i] ?? [];
    const selected = row === view.selectedRow;
    const cells = shown
      .map(({ column }) => {
        const value = values[column - 1];
        const text = displayed(value);
        const background = fillOf(row, column, text);
        const classes = [isRightAligned(value) ? 'num' : '', column === view.frozenColumns ? 'frozen' : '', selected && column === 1 ? 'active' : '', text !== '' && spills(values, column) ? 'spill' : ''].filter(Boolean).join(' ');
        return `<td${classes ? ` class="${classes}"` : ''}${background ? ` style="background:${background}"` : ''}>${escapeHtml(text)}</td>`;
      })
      .join('');
    return `<tr${selected ? ' class="selected"' : ''}><th>${row}</th>${cells}</tr>`;
  }).join('');
  let overlay = '';
  if (view.overlay) {
    const left = ROW_NUMBERS + shown.filter((s) => s.column < (view.overlay as { column: number }).column).reduce((w, s) => w + s.width, 0) + 12;
    overlay = `<div class="overlay" style="left:${left}px;top:${HEADER + (view.overlay.row - 1) * ROW + 8}px">${view.overlay.html}</div>`;
  }
  return `<table>${head}${body}</table>${overlay}`;
}

/** A horizontal bar chart (Sheets' BAR type) of label/count rows, in the tier colours. */
export function barChartSvg(title: string, rows: { label: string; count: number }[], colours: readonly string[]): string {
  const width = 440;
  const barArea = 250;
  const max = Math.max(1, ...rows.map((r) => r.count));
  const bars = rows
    .map((r, i) => {
      const y = 56 + i * 48;
      const w = Math.max(2, Math.round((r.count / max) * barArea));
      return `<text x="136" y="${y + 20}" text-anchor="end" class="label">${escapeHtml(r.label)}</text><rect x="146" y="${y}" width="${w}" height="30" rx="2" fill="${colours[i % colours.length]}"/><text x="${152 + w}" y="${y + 20}" class="value">${r.count}</text>`;
    })
    .join('');
  const height = 56 + rows.length * 48 + 24;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#fff" stroke="#dadce0"/><text x="20" y="32" class="title">${escapeHtml(title)}</text><line x1="146" y1="48" x2="146" y2="${height - 20}" stroke="#9aa0a6"/>${bars}</svg>`;
}

export function tabsHtml(tabs: readonly string[], active: string): string {
  return tabs.map((t) => `<span class="tab${t === active ? ' on' : ''}">${escapeHtml(t)}</span>`).join('');
}

/** The formula bar: the selected cell's reference and what it holds. */
export function formulaHtml(ref: string, text: string): string {
  return `<span class="ref">${escapeHtml(ref)}</span><span class="fx">fx</span><span>${escapeHtml(text)}</span>`;
}

/** The window around the grid; #grid, #formula and #tabs are filled in per screenshot. */
export function windowHtml(fileName: string, sidebarHtml: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  * { box-sizing: border-box; }
  body { margin: 0; width: ${WIDTH}px; height: ${HEIGHT}px; overflow: hidden; font: 13px Roboto, "Liberation Sans", Arial, "Noto Sans CJK SC", sans-serif; color: #202124; background: #f9fbfd; }
  #chrome { height: ${CHROME}px; padding: 8px 14px 0; background: #f9fbfd; }
  .title { display: flex; align-items: center; gap: 10px; font-size: 18px; }
  .doc { width: 22px; height: 28px; border-radius: 3px; background: #188038; position: relative; }
  .doc::after { content: ''; position: absolute; left: 5px; right: 5px; top: 9px; height: 12px; border: 2px solid #fff; border-radius: 1px; }
  .menu { margin: 4px 0 0 32px; color: #444746; font-size: 14px; word-spacing: 14px; }
  .formula { display: flex; gap: 10px; align-items: center; height: 30px; margin: 8px -14px 0; padding: 0 14px; background: #fff; border-top: 1px solid #e1e3e1; border-bottom: 1px solid #e1e3e1; }
  .ref { width: 80px; color: #444746; border-right: 1px solid #e1e3e1; }
  .fx { color: #80868b; font-style: italic; }
  #main { display: flex; height: ${HEIGHT - CHROME - TABS}px; }
  #grid { position: relative; flex: 1; overflow: hidden; background: #fff; }
  table { border-collapse: collapse; table-layout: fixed; }
  th, td { height: ${ROW}px; padding: 0 4px; border: 1px solid #e2e3e3; white-space: nowrap; overflow: hidden; text-overflow: clip; max-width: 260px; font-weight: 400; }
  tr:first-child th { height: ${HEADER}px; background: #f8f9fa; color: #5f6368; font-size: 11px; text-align: center; }
  th { width: ${ROW_NUMBERS}px; min-width: ${ROW_NUMBERS}px; background: #f8f9fa; color: #5f6368; font-size: 11px; text-align: center; }
  th.corner { width: ${ROW_NUMBERS}px; }
  td.num { text-align: right; }
  td.spill { overflow: visible; position: relative; z-index: 1; }
  .frozen { border-right: 3px solid #c4c7c5; }
  tr.selected td { background-color: #e8f0fe; }
  tr.selected th { background: #d3e3fd; color: #0b57d0; }
  td.active { outline: 2px solid #1a73e8; outline-offset: -2px; }
  .overlay { position: absolute; box-shadow: 0 1px 3px rgba(60,64,67,.3); }
  .overlay .title { font: 500 16px Roboto, "Liberation Sans", Arial, sans-serif; fill: #202124; }
  .overlay .label, .overlay .value { font: 13px Roboto, "Liberation Sans", Arial, "Noto Sans CJK SC", sans-serif; fill: #3c4043; }
  #side { width: ${SIDEBAR}px; border-left: 1px solid #dadce0; background: #fff; display: flex; flex-direction: column; }
  #side header { display: flex; justify-content: space-between; align-items: center; height: 44px; padding: 0 12px 0 16px; font-size: 16px; border-bottom: 1px solid #dadce0; }
  #side header span { color: #5f6368; font-size: 20px; }
  iframe { border: 0; width: ${SIDEBAR}px; flex: 1; }
  #tabs { height: ${TABS}px; display: flex; align-items: end; gap: 2px; padding-left: 60px; background: #f9fbfd; border-top: 1px solid #e1e3e1; }
  .tab { padding: 8px 16px; color: #444746; font-size: 13px; }
  .tab.on { background: #e1e9f7; color: #0b57d0; font-weight: 500; border-radius: 0 0 6px 6px; }
  </style></head><body>
  <div id="chrome"><div class="title"><span class="doc"></span>${escapeHtml(fileName)}</div>
  <div class="menu">File Edit View Insert Format Data Tools Extensions Help</div>
  <div class="formula" id="formula"></div></div>
  <div id="main"><div id="grid"></div><div id="side"><header>Tierwise<span>×</span></header><iframe id="sidebar" srcdoc="${escapeHtml(sidebarHtml)}"></iframe></div></div>
  <div id="tabs"></div>
  </body></html>`;
}
