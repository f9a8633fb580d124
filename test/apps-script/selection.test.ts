// The selected customer's panel reads one row of Tierwise's cached results, whatever the size of the
// table (no re-scoring on a click), follows the selection, and works on order tables.
import { describe, expect, it } from 'vitest';
import { startRuntime } from './emulator.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const opts = { asOfRule: 'fixed', asOf: '2026-11-01' };
const HEADER = ['Cust ID', 'Last Order', '# of Orders', 'Total Spent'];
const rows = (n: number) => [HEADER, ...Array.from({ length: n }, (_, i) => [`C${i + 1}`, d(`2026-0${1 + (i % 9)}-1${i % 10}`), 1 + (i % 7), 10 * (1 + (i % 13))])];

describe('the selected customer', () => {
  it('reads a handful of cells per click, whatever the number of rows', () => {
    const read = (n: number) => {
      const rt = startRuntime(rows(n));
      rt.run('scoreActiveSheet', opts);
      rt.spreadsheet.active.activeRow = n + 1;
      const before = rt.log.cellsRead;
      const c = rt.run<{ ok: boolean; id: string }>('getPlaybookForSelection');
      expect(c).toMatchObject({ ok: true, id: `C${n}` });
      return rt.log.cellsRead - before;
    };
    const small = read(20);
    expect(small).toBeLessThanOrEqual(HEADER.length + 9); // one row, from the id to the last result column
    expect(read(20_000)).toBe(small);
  });

  it('shows the cached result of the row, in the language asked for', () => {
    const rt = startRuntime(rows(12));
    rt.run('scoreActiveSheet', opts);
    const sheet = rt.spreadsheet.active;
    sheet.activeRow = 5;
    const en = rt.run<{ segment: string; tier: string; followUpBy: string; nextAction: string }>('getPlaybookForSelection', 'en');
    expect(en.tier).toBe(sheet.cell(5, 5));
    expect(en.segment).toBe(sheet.cell(5, 6));
    expect(en.followUpBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const zh = rt.run<{ tierLabel: string; playbook: { tier: { summary: string } } }>('getPlaybookForSelection', 'zh-CN');
    expect(zh.tierLabel).toMatch(/^[A-D] (核心|潜力|普通|沉睡)$/);
    sheet.activeRow = 1;
    expect(rt.run<{ ok: boolean; said: { en: string } }>('getPlaybookForSelection')).toMatchObject({ ok: false, said: { en: 'Select a customer row to see its playbook.' } });
  });

  it('says the table has not been scored instead of scoring it on a click', () => {
    const rt = startRuntime(rows(5));
    rt.spreadsheet.active.activeRow = 3;
    expect(rt.run<{ ok: boolean; said: { en: string } }>('getPlaybookForSelection')).toMatchObject({ ok: false, said: { en: 'This table has not been scored yet: press Score first.' } });
    expect(rt.log.count('Range.setValues')).toBe(0);
  });

  it('on an order table, shows the customer of the selected order from the customers sheet', () => {
    const rt = startRuntime([
      ['Order ID', 'Customer', 'Order Date', 'Amount'],
      [1, 'A', d('2026-01-05'), 120],
      [2, 'B', d('2026-02-07'), 40],
      [3, 'A', d('2026-09-05'), 80],
      [4, 'a', d('2026-09-06'), 10], // another customer: ids are case-sensitive
    ]);
    rt.run('scoreActiveSheet', { ...opts, kind: 'orders' });
    rt.spreadsheet.active.activeRow = 5;
    expect(rt.run<{ ok: boolean; id: string }>('getPlaybookForSelection')).toMatchObject({ ok: true, id: 'a' });
    rt.spreadsheet.active.activeRow = 4;
    expect(rt.run<{ ok: boolean; id: string; sheet: string }>('getPlaybookForSelection')).toMatchObject({ ok: true, id: 'A', sheet: 'Tierwise customers' });
    rt.spreadsheet.active.activeRow = 3;
    expect(rt.run<{ ok: boolean; id: string }>('getPlaybookForSelection')).toMatchObject({ ok: true, id: 'B' });
    // And on the customers sheet itself.
    const customers = rt.spreadsheet.getSheetByName('Tierwise customers');
    customers?.activate();
    if (customers) customers.activeRow = 3;
    expect(rt.run<{ ok: boolean; id: string }>('getPlaybookForSelection')).toMatchObject({ ok: true, id: 'B' });
  });
});
