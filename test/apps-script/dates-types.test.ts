// Cells are read as Sheets gives them (Dates in the spreadsheet's zone, numbers, booleans) and
// written so Sheets keeps them: text as text, Follow up by as a date.
import { describe, expect, it } from 'vitest';
import { startRuntime } from './emulator.ts';
import { formatDate } from './time-zone.ts';

const HEADER = ['Cust ID', 'Last Order', '# of Orders', 'Total Spent', 'Asked about competitor'];

describe('dates read in the spreadsheet’s time zone', () => {
  it('keeps a date-time after noon on its own day (west of UTC, where it is already tomorrow in UTC)', () => {
    const rt = startRuntime([], { timeZone: 'America/Los_Angeles' });
    const sheet = rt.spreadsheet.active;
    // 20:30 in Los Angeles on 31 October is 03:30 UTC on 1 November.
    const evening = new Date(Date.parse('2026-11-01T03:30:00Z'));
    sheet.grid = [[...HEADER], ['C1', rt.date('2026-10-20'), 4, 400, false], ['C2', evening, 2, 90, true]].map((r) => r.map((v) => (v instanceof Date ? rt.date(v.toISOString().slice(0, 16)) : v)));
    const outcome = rt.run<{ ok: boolean; needAttention: number }>('scoreActiveSheet', { asOfRule: 'fixed', asOf: '2026-10-31' });
    expect(outcome).toMatchObject({ ok: true, needAttention: 0 });
    expect(sheet.cell(3, 6 + 8)).not.toMatch(/after the as-of date/);
  });

  it('keeps a date-time after noon on its own day in UTC', () => {
    const rt = startRuntime([[...HEADER], ['C1', new Date(Date.parse('2026-10-31T15:00:00Z')), 3, 100, 'no']]);
    const outcome = rt.run<{ ok: boolean; needAttention: number }>('scoreActiveSheet', { asOfRule: 'fixed', asOf: '2026-10-31' });
    expect(outcome).toMatchObject({ ok: true, needAttention: 0 });
  });

  it('scores as of today in the spreadsheet’s zone east of UTC', () => {
    const rt = startRuntime([], { timeZone: 'Pacific/Auckland' });
    // 23:30 UTC on 31 October is already 1 November in Auckland, and the customer bought then.
    rt.setClock(() => Date.parse('2026-10-31T23:30:00Z'));
    rt.spreadsheet.active.grid = [[...HEADER], ['C1', rt.date('2026-11-01'), 3, 300, 'no']];
    const outcome = rt.run<{ ok: boolean; needAttention: number }>('scoreActiveSheet');
    expect(outcome).toMatchObject({ ok: true, needAttention: 0 });
    expect(rt.run<{ today: string }>('getSidebarState').today).toBe('2026-11-01');
  });
});

describe('what is written stays as written', () => {
  it('writes RFM, labels and reasons as text and Follow up by as a date on the right day', () => {
    const rt = startRuntime([[...HEADER], ['C1', new Date(Date.parse('2026-10-20T00:00:00Z')), 4, 400, 'no'], ['C2', new Date(Date.parse('2026-01-20T00:00:00Z')), 1, 20, 'yes']], { timeZone: 'Asia/Kolkata' });
    const sheet = rt.spreadsheet.active;
    rt.run('scoreActiveSheet', { asOfRule: 'fixed', asOf: '2026-11-01' });
    const rfm = sheet.cell(2, 6 + 2);
    expect(typeof rfm).toBe('string');
    expect(rfm).toMatch(/^[1-5]{3}$/);
    expect(typeof sheet.cell(2, 6 + 3)).toBe('number');
    const followUp = sheet.cell(2, 6 + 7);
    expect(Object.prototype.toString.call(followUp)).toBe('[object Date]'); // a Date of the script's realm
    expect(formatDate(followUp as Date, 'Asia/Kolkata', 'HH:mm')).toBe('00:00');
    expect(sheet.formulas.size).toBe(0);
  });

  it('keeps leading zeros and formula-looking ids as text on the customers sheet', () => {
    const rt = startRuntime([
      ['Order ID', 'Customer', 'Order Date', 'Amount'],
      [1, '0042', new Date(Date.parse('2026-01-05T00:00:00Z')), 120],
      [2, '=IMPORTXML("http://x")', new Date(Date.parse('2026-02-07T00:00:00Z')), 40],
      [3, '0042', new Date(Date.parse('2026-09-05T00:00:00Z')), 80],
    ]);
    rt.run('scoreActiveSheet', { asOfRule: 'fixed', asOf: '2026-11-01', kind: 'orders' });
    const customers = rt.spreadsheet.getSheetByName('Tierwise customers');
    expect(customers?.grid.map((r) => r[0])).toEqual(['Customer', '0042', '=IMPORTXML("http://x")']);
    expect(customers?.formulas.size).toBe(0);
    expect(typeof customers?.cell(2, 5)).toBe('string');
  });
});
