// Score works on the user's table and leaves them on it; it remembers each table it scored (sheet id
// and header row), with that table's own settings; a trigger, which has no active sheet, scores
// the remembered tables.
import { describe, expect, it } from 'vitest';
import { startRuntime } from './emulator.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const opts = { asOfRule: 'fixed', asOf: '2026-11-01' };
const table = (prefix: string) => [
  ['Cust ID', 'Last Order', '# of Orders', 'Total Spent'],
  [`${prefix}1`, d('2026-10-20'), 12, 1234.5],
  [`${prefix}2`, d('2026-03-15'), 3, 200],
  [`${prefix}3`, d('2025-01-01'), 1, 20],
];

describe('the right sheet', () => {
  it('leaves the user on their tab after the first Score, so a second Score and the panel still work', () => {
    const rt = startRuntime(table('C'));
    const users = rt.spreadsheet.active;
    expect(rt.run<{ ok: boolean }>('scoreActiveSheet', opts).ok).toBe(true);
    expect(rt.spreadsheet.active).toBe(users);
    expect(rt.run<{ ok: boolean; message: string }>('scoreActiveSheet', opts)).toMatchObject({ ok: true, message: '3 customers scored.' });
    users.activeRow = 2;
    expect(rt.run<{ ok: boolean; id: string }>('getPlaybookForSelection')).toMatchObject({ ok: true, id: 'C1' });
  });

  it('scores the remembered table when Score is pressed on the summary sheet', () => {
    const rt = startRuntime(table('C'));
    const users = rt.spreadsheet.active;
    rt.run('scoreActiveSheet', opts);
    users.set(2, 3, 1); // C1 now has one order: its result changes
    const before = users.cell(2, 7);
    rt.spreadsheet.getSheetByName('Tierwise summary')?.activate();
    expect(rt.run<{ ok: boolean }>('scoreActiveSheet').ok).toBe(true);
    expect(users.cell(1, 5)).toBe('Tier');
    expect(users.cell(2, 7)).not.toBe(before);
    expect(rt.spreadsheet.getSheetByName('Tierwise summary')?.cell(1, 5)).toBe('');
  });

  it('keeps settings per table: each table scores in its own language', () => {
    const rt = startRuntime(table('C'));
    const first = rt.spreadsheet.active;
    const second = rt.spreadsheet.addUserSheet('Shop 2', table('S'));
    rt.run('scoreActiveSheet', { ...opts, options: { language: 'zh-CN' } });
    second.activate();
    rt.run('scoreActiveSheet', opts);
    expect(first.cell(1, 5)).toBe('客户分层');
    expect(second.cell(1, 5)).toBe('Tier');
    first.activate();
    expect(rt.run<{ settings: { options: { language: string } } }>('getSidebarState').settings.options.language).toBe('zh-CN');
  });

  it('in a trigger, scores every remembered table, not the first tab', () => {
    const rt = startRuntime(table('C'));
    const first = rt.spreadsheet.active;
    const notes = rt.spreadsheet.addUserSheet('Notes', [['Meeting notes', 'not a table']], 0);
    const second = rt.spreadsheet.addUserSheet('Shop 2', table('S'));
    rt.run('scoreActiveSheet', opts);
    second.activate();
    rt.run('scoreActiveSheet', opts);
    for (const sheet of [first, second]) {
      sheet.set(4, 2, rt.date('2026-10-31'));
      sheet.set(4, 3, 40);
      sheet.set(4, 4, 9000);
    }
    const firstBefore = first.cell(4, 5);
    const secondBefore = second.cell(4, 5);
    rt.runAsTrigger('dailyRescore');
    expect(notes.grid).toEqual([['Meeting notes', 'not a table']]);
    expect(first.cell(4, 5)).not.toBe(firstBefore);
    expect(second.cell(4, 5)).not.toBe(secondBefore);
    const log = rt.spreadsheet.getSheetByName('Tierwise summary');
    // Newest first: the trigger's two runs, then the two Score presses.
    const runs = log?.grid.slice(2).map((r) => [r[12], r[13], r[14]]).filter((r) => r[0] !== '' && r[0] !== undefined);
    expect(runs).toEqual([['Shop 2', 3, 'scored'], ['Customers', 3, 'scored'], ['Shop 2', 3, 'scored'], ['Customers', 3, 'scored']]);
  });
});
