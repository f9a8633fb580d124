/// <reference types="google-apps-script" />
// (The reference brings Apps Script's types for the emulator, which the root tsconfig leaves to apps-script/tsconfig.json.)
// DESIGN.md "Google Sheets add-on" contract, checked on the BUILT bundle (dist/apps-script/Code.js)
// in the project's Apps Script emulator, called the three ways Apps Script calls it.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRuntime, type Value } from '../apps-script/emulator.ts';
import { RESULT_HEADERS, ROOT } from './outsider.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const HEADER = ['Customer ID', 'Name', 'Last Purchase', 'Orders', 'Total Spend'];
const table = (n: number): Value[][] => [HEADER, ...Array.from({ length: n }, (_, i) => [`S${i + 1}`, `Name ${i + 1}`, d(`2026-${String(1 + (i % 10)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`), 1 + (i % 6), 25 * (1 + (i % 11))])];
const opts = { asOfRule: 'fixed', asOf: '2026-11-01' };

describe('the built bundle’s global functions', () => {
  it('defines every DESIGN entry point as a top-level function', () => {
    const code = readFileSync(join(ROOT, 'dist', 'apps-script', 'Code.js'), 'utf8');
    for (const name of ['onOpen', 'onInstall', 'showSidebar', 'scoreActiveSheet', 'getPlaybookForSelection', 'TIERWISE_TIER', 'TIERWISE_CHURN_RISK']) expect(code, name).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  });

  it('onOpen and onInstall build a menu; showSidebar opens a sidebar', () => {
    const opened = startRuntime(table(3));
    opened.runInAuthModeNone('onOpen', {});
    expect(opened.ui.menu.length).toBeGreaterThan(0);
    const installed = startRuntime(table(3));
    installed.run('onInstall', {});
    expect(installed.ui.menu.length).toBeGreaterThan(0);
    installed.run('showSidebar');
    expect(installed.ui.sidebars).toHaveLength(1);
  });
});

describe('scoreActiveSheet', () => {
  it('writes the result headers after the user’s columns, returns a summary, and keeps every row and cell', () => {
    const values = table(30);
    const rt = startRuntime(values);
    const summary = rt.run<{ ok: boolean }>('scoreActiveSheet', opts);
    expect(summary).toMatchObject({ ok: true });
    const sheet = rt.spreadsheet.active;
    expect(sheet.grid[0]?.slice(0, HEADER.length + RESULT_HEADERS.length)).toEqual([...HEADER, ...RESULT_HEADERS]);
    for (let row = 2; row <= values.length; row++) {
      expect(sheet.cell(row, 1)).toBe(values[row - 1]?.[0]);
      expect(['A', 'B', 'C', 'D']).toContain(sheet.cell(row, HEADER.length + 1));
    }
    expect(rt.spreadsheet.active).toBe(sheet); // the user stays on their tab
  });

  it('reads and writes in the same number of calls for 20 rows and 2,000', () => {
    const calls = (n: number) => {
      const rt = startRuntime(table(n));
      rt.run('scoreActiveSheet', opts);
      return { reads: rt.log.count('Range.getValues'), writes: rt.log.count('Range.setValues') };
    };
    expect(calls(2000)).toEqual(calls(20));
  });

  it('heads its column "Tierwise Segment" where the user already has a Segment column, and leaves the user’s alone', () => {
    const values = table(12).map((row, i) => [...row, i === 0 ? 'Segment' : 'mine']);
    const rt = startRuntime(values);
    expect(rt.run<{ ok: boolean }>('scoreActiveSheet', opts)).toMatchObject({ ok: true });
    const header = rt.spreadsheet.active.grid[0] as Value[];
    expect(header.slice(0, HEADER.length + 1)).toEqual([...HEADER, 'Segment']);
    expect(header).toContain('Tierwise Segment');
    for (let row = 2; row <= values.length; row++) expect(rt.spreadsheet.active.cell(row, HEADER.length + 1)).toBe('mine');
  });
});

describe('bad rows', () => {
  it('keep their place with the reason in Why, and no user row is moved or dropped', () => {
    const values: Value[][] = [HEADER, ['A', 'Ada', d('2026-01-05'), 3, 120], ['', '', '', '', ''], ['B', 'Bob', '31/31/2026', 2, 40], ['C', 'Cy', d('2026-09-05'), 1, 80], ['C', 'Cy again', d('2026-09-06'), 2, 90]];
    const rt = startRuntime(values);
    expect(rt.run<{ ok: boolean }>('scoreActiveSheet', opts)).toMatchObject({ ok: true });
    const sheet = rt.spreadsheet.active;
    const why = HEADER.length + RESULT_HEADERS.length;
    for (let row = 1; row <= values.length; row++) expect(sheet.grid[row - 1]?.slice(0, 2)).toEqual(values[row - 1]?.slice(0, 2));
    expect(String(sheet.cell(4, why))).toMatch(/^Row 4, column "Last Purchase"/);
    expect(String(sheet.cell(6, why))).toMatch(/^Row 6/);
    for (const row of [4, 6]) expect(sheet.cell(row, HEADER.length + 1)).toBe('');
    for (const row of [2, 5]) expect(['A', 'B', 'C', 'D']).toContain(sheet.cell(row, HEADER.length + 1));
  });
});

describe.each([
  ['told it is an order table, as the sidebar can', { kind: 'orders' }],
  ['left to detect the kind, as the menu does', {}],
] as const)('an order table, %s', (_label, kind) => {
  it('keeps every order row and lists every customer on a Tierwise customers tab', () => {
    const orders: Value[][] = [['Order ID', 'Customer', 'Order Date', 'Amount'], ...Array.from({ length: 24 }, (_, i) => [1000 + i, `K${i % 7}`, d(`2026-${String(1 + (i % 10)).padStart(2, '0')}-0${1 + (i % 9)}`), 20 + i])];
    const rt = startRuntime(orders);
    const sheet = rt.spreadsheet.active;
    const outcome = rt.run<{ ok: boolean; message: string }>('scoreActiveSheet', { ...opts, ...kind });
    expect(outcome.ok, outcome.message).toBe(true);
    for (let row = 1; row <= orders.length; row++) expect(sheet.grid[row - 1]?.slice(0, 4)).toEqual(orders[row - 1]);
    const customers = rt.spreadsheet.getSheetByName('Tierwise customers');
    expect(customers).toBeTruthy();
    const ids = new Set((customers?.grid ?? []).flat());
    for (let k = 0; k < 7; k++) expect(ids.has(`K${k}`), `K${k}`).toBe(true);
    expect(rt.spreadsheet.active).toBe(sheet);
  });
});

describe('ownership by developer metadata', () => {
  it('finds its columns again after the user renames their headers, and adds no second block', () => {
    const rt = startRuntime(table(10));
    const sheet = rt.spreadsheet.active;
    rt.run('scoreActiveSheet', opts);
    const width = (sheet.grid[0] as Value[]).filter((v) => v !== '' && v !== null).length;
    sheet.set(1, HEADER.length + 1, 'Klasse'); // the user relabels Tier
    sheet.set(1, HEADER.length + 2, 'Gruppe'); // and Segment
    sheet.set(2, 4, 40); // S1's result changes
    expect(rt.run<{ ok: boolean }>('scoreActiveSheet', opts)).toMatchObject({ ok: true });
    expect((sheet.grid[0] as Value[]).filter((v) => v !== '' && v !== null)).toHaveLength(width);
    expect(['A', 'B', 'C', 'D']).toContain(sheet.cell(2, HEADER.length + 1));
    expect(sheet.cell(2, HEADER.length + 3)).toMatch(/^[1-5]{3}$/);
  });

  it('does not take over a user column merely headed like a result column after scoring', () => {
    const rt = startRuntime(table(10));
    const sheet = rt.spreadsheet.active;
    rt.run('scoreActiveSheet', opts);
    const userCol = HEADER.length + RESULT_HEADERS.length + 1;
    sheet.set(1, userCol, 'Tier');
    for (let row = 2; row <= 11; row++) sheet.set(row, userCol, 'my note');
    expect(rt.run<{ ok: boolean }>('scoreActiveSheet', opts)).toMatchObject({ ok: true });
    for (let row = 2; row <= 11; row++) expect(sheet.cell(row, userCol)).toBe('my note');
  });
});

describe('scoreActiveSheet from a tab Tierwise created', () => {
  it('scores the table it scored before and leaves the user on the tab they are on', () => {
    const rt = startRuntime(table(10));
    const users = rt.spreadsheet.active;
    rt.run('scoreActiveSheet', opts);
    users.set(2, 4, 40); // S1 now has many orders: its result changes
    const tierBefore = [users.cell(2, HEADER.length + 1), users.cell(2, HEADER.length + 3)];
    const summary = rt.spreadsheet.getSheetByName('Tierwise summary');
    expect(summary).toBeTruthy();
    summary?.activate();
    const summaryGrid = JSON.stringify(summary?.grid[0]);
    expect(rt.run<{ ok: boolean }>('scoreActiveSheet')).toMatchObject({ ok: true });
    expect(users.grid[0]?.slice(0, HEADER.length + RESULT_HEADERS.length)).toEqual([...HEADER, ...RESULT_HEADERS]);
    expect([users.cell(2, HEADER.length + 1), users.cell(2, HEADER.length + 3)]).not.toEqual(tierBefore);
    expect(rt.spreadsheet.active).toBe(summary);
    expect(JSON.stringify(summary?.grid[0])).toBe(summaryGrid); // no result columns on the summary tab
  });
});

describe('getPlaybookForSelection and the custom functions', () => {
  it('gives the selected customer’s result after a score', () => {
    const rt = startRuntime(table(10));
    rt.run('scoreActiveSheet', opts);
    rt.spreadsheet.active.activeRow = 4;
    expect(rt.run<{ ok: boolean; id: string }>('getPlaybookForSelection')).toMatchObject({ ok: true, id: 'S3' });
  });

  it('TIERWISE_TIER and TIERWISE_CHURN_RISK answer one cell per row as read-only formulas', () => {
    const rt = startRuntime([]);
    const values = table(8);
    const tiers = rt.runAsCustomFunction<Value[][]>('TIERWISE_TIER', values, d('2026-11-01'));
    const risks = rt.runAsCustomFunction<Value[][]>('TIERWISE_CHURN_RISK', values, d('2026-11-01'));
    expect(tiers).toHaveLength(values.length);
    expect(risks).toHaveLength(values.length);
    for (const row of tiers.slice(1)) { expect(row).toHaveLength(1); expect(['A', 'B', 'C', 'D']).toContain(row[0]); }
    for (const row of risks.slice(1)) { expect(row).toHaveLength(1); expect(row[0] as number).toBeGreaterThanOrEqual(0); expect(row[0] as number).toBeLessThanOrEqual(100); }
    expect(rt.log.count('Range.setValues')).toBe(0);
  });
});
