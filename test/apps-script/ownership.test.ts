// Tierwise owns only what it added, found by developer metadata, never by header text; and it can
// take all of it away again.
import { describe, expect, it } from 'vitest';
import { startRuntime, FakeRange } from './emulator.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const opts = { asOfRule: 'fixed', asOf: '2026-11-01' };
// The user already has columns named like Tierwise's: their own tiering and notes.
const HEADER = ['Cust ID', 'Last Order', '# of Orders', 'Total Spent', 'Tier', 'Segment', 'Why'];
const table = () => [
  HEADER,
  ['C1', d('2026-10-20'), 12, 1234.5, 'Gold', 'Retail', 'met at fair'],
  ['C2', d('2026-03-15'), 3, 200, 'Silver', 'Online', ''],
  ['C3', d('2025-01-01'), 1, 20, 'Bronze', 'Retail', 'called twice'],
];

describe('ownership', () => {
  it('leaves a user column named like a result column alone and heads its own "Tierwise <header>"', () => {
    const rt = startRuntime(table());
    const sheet = rt.spreadsheet.active;
    rt.run('scoreActiveSheet', opts);
    rt.run('scoreActiveSheet', opts);
    const shown = (v: unknown) => (typeof v === 'object' && v !== null && 'toISOString' in v ? (v as Date).toISOString() : v);
    expect(sheet.grid.map((r) => r.slice(0, HEADER.length).map(shown))).toEqual(table().map((r) => r.map(shown)));
    expect(sheet.grid[0]?.slice(HEADER.length)).toEqual(['Tierwise Tier', 'Tierwise Segment', 'RFM', 'Churn risk', 'Churn level', 'Lifecycle', 'Next action', 'Follow up by', 'Tierwise Why']);
    expect(['A', 'B', 'C', 'D']).toContain(sheet.cell(2, HEADER.length + 1));
    expect(sheet.getLastColumn()).toBe(HEADER.length + 9);
  });

  it('recognises its columns by metadata only: a user column headed "RFM" typed later is not taken over', () => {
    const rt = startRuntime(table());
    const sheet = rt.spreadsheet.active;
    rt.run('scoreActiveSheet', opts);
    const width = sheet.getLastColumn();
    sheet.set(1, width + 1, 'Churn risk');
    sheet.set(2, width + 1, 'my guess: low');
    rt.run('scoreActiveSheet', opts);
    expect(sheet.cell(1, width + 1)).toBe('Churn risk');
    expect(sheet.cell(2, width + 1)).toBe('my guess: low');
    expect(sheet.getLastColumn()).toBe(width + 1);
  });

  it('"Remove Tierwise columns" deletes exactly what Tierwise added: columns, formats, rules, sheets, metadata, settings, schedule', () => {
    const rt = startRuntime(table());
    const sheet = rt.spreadsheet.active;
    const userRule = { text: 'Gold', background: '#000', ranges: [new FakeRange(sheet, 2, 5, 3, 1)], getRanges: () => userRule.ranges };
    sheet.rules = [userRule];
    sheet.formats.push({ row: 1, column: 1, rows: 4, columns: 1, format: '@' });
    const before = sheet.grid.map((r) => [...r]);
    rt.run('scoreActiveSheet', opts);
    rt.run('scheduleDailyRescore', 7);
    expect(rt.spreadsheet.sheets.map((s) => s.name)).toEqual(['Customers', 'Tierwise summary']);
    // It asks first; "No" leaves everything.
    rt.ui.answers.push('NO');
    expect(rt.run('removeTierwise')).toBeNull();
    expect(rt.spreadsheet.sheets).toHaveLength(2);
    expect(sheet.getLastColumn()).toBe(HEADER.length + 9);
    const said = rt.run<{ en: string }>('removeTierwise');
    expect(said.en).toBe('Removed 9 Tierwise columns and 1 Tierwise sheet; your own cells are as they were.');
    expect(sheet.grid).toEqual(before);
    expect(sheet.getLastColumn()).toBe(HEADER.length);
    expect(sheet.rules).toEqual([userRule]);
    expect(sheet.formats).toEqual([{ row: 1, column: 1, rows: 4, columns: 1, format: '@' }]);
    expect(rt.spreadsheet.sheets.map((s) => s.name)).toEqual(['Customers']);
    expect(rt.spreadsheet.metadata).toEqual([]);
    expect([...rt.properties.keys()]).toEqual([]);
    expect(rt.triggers).toEqual([]);
    expect(rt.run<{ en: string }>('removeTierwise').en).toBe('Tierwise has added nothing to this spreadsheet.');
  });

  it('removes the customers sheet of an order table and never a user sheet that shares its name', () => {
    const rt = startRuntime([
      ['Order ID', 'Customer', 'Order Date', 'Amount'],
      [1, 'A', d('2026-01-05'), 120],
      [2, 'B', d('2026-02-07'), 40],
    ]);
    const mine = rt.spreadsheet.addUserSheet('Tierwise customers', [['my own notes']]);
    rt.run('scoreActiveSheet', { ...opts, kind: 'orders' });
    expect(mine.grid).toEqual([['my own notes']]);
    expect(rt.spreadsheet.sheets.map((s) => s.name)).toEqual(['Customers', 'Tierwise customers', 'Tierwise customers (2)', 'Tierwise summary']);
    rt.run('removeTierwise');
    expect(rt.spreadsheet.sheets.map((s) => s.name)).toEqual(['Customers', 'Tierwise customers']);
    expect(rt.spreadsheet.getSheetByName('Tierwise customers')).toBe(mine);
  });
});
