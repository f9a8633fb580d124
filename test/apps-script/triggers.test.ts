// The daily re-score runs at the hour the user picked in the spreadsheet's time zone, logs every run
// on the summary sheet, and a failure is shown at the next open and in the sidebar.
import { describe, expect, it } from 'vitest';
import { startRuntime } from './emulator.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const table = () => [
  ['Cust ID', 'Last Order', '# of Orders', 'Total Spent'],
  ['C1', d('2026-10-20'), 12, 1234.5],
  ['C2', d('2026-03-15'), 3, 200],
];

describe('the daily re-score', () => {
  it('runs at the picked hour in the spreadsheet’s time zone, and rescheduling replaces the trigger', () => {
    const rt = startRuntime(table(), { timeZone: 'Asia/Shanghai' });
    expect(rt.run<{ en: string }>('scheduleDailyRescore', 7).en).toBe('Tierwise will re-score the tables it scored every day around 07:00 (Asia/Shanghai).');
    expect(rt.triggers).toEqual([{ handler: 'dailyRescore', days: 1, hour: 7, minute: 0, timeZone: 'Asia/Shanghai' }]);
    rt.run('scheduleDailyRescore', 9);
    expect(rt.triggers).toEqual([{ handler: 'dailyRescore', days: 1, hour: 9, minute: 0, timeZone: 'Asia/Shanghai' }]);
    expect(rt.run<{ scheduledHour: number }>('getSidebarState').scheduledHour).toBe(9);
    expect(rt.run<{ en: string }>('scheduleDailyRescore', 24).en).toMatch(/^Settings not saved: hour/);
  });

  it('logs a failed run on the summary sheet and says so at the next open and in the sidebar', () => {
    const rt = startRuntime(table());
    const sheet = rt.spreadsheet.active;
    rt.run('scoreActiveSheet', { asOfRule: 'fixed', asOf: '2026-11-01' });
    rt.run('scheduleDailyRescore', 6);
    sheet.set(1, 2, 'Something else'); // the user renamed the date column: the table can no longer be read
    rt.runAsTrigger('dailyRescore');
    const summary = rt.spreadsheet.getSheetByName('Tierwise summary');
    const newest = summary?.grid[2]?.slice(11, 16);
    expect(newest?.[1]).toBe('Customers');
    expect(newest?.[3]).toBe('failed');
    expect(String(newest?.[4])).toMatch(/^Nothing was written: /);
    rt.run('onOpen', { authMode: 'LIMITED' });
    expect(rt.spreadsheet.toasts[0]).toMatch(/^The daily re-score on \d{4}-\d{2}-\d{2} \d{2}:\d{2} failed: Nothing was written/);
    const state = rt.run<{ lastFailure: { en: string } | null }>('getSidebarState');
    expect(state.lastFailure?.en).toMatch(/failed: Nothing was written/);
    // In AuthMode.NONE the menu is all onOpen may do.
    rt.spreadsheet.toasts.length = 0;
    rt.runInAuthModeNone('onOpen', { authMode: 'NONE' });
    expect(rt.ui.menu).toContain('Remove Tierwise columns');
    expect(rt.spreadsheet.toasts).toEqual([]);
    // A good run clears the warning.
    sheet.set(1, 2, 'Last Order');
    rt.runAsTrigger('dailyRescore');
    expect(rt.run<{ lastFailure: unknown }>('getSidebarState').lastFailure).toBeNull();
  });
});

describe('the run log', () => {
  it('keeps the last ten runs within the 9 KB a property may hold, even with long Chinese errors', () => {
    const rt = startRuntime(table());
    rt.run('scoreActiveSheet', { asOfRule: 'fixed', asOf: '2026-11-01', options: { language: 'zh-CN' } });
    rt.spreadsheet.active.set(1, 2, '不是日期列'.repeat(40)); // every daily run now fails with a long message
    for (let i = 0; i < 12; i++) rt.runAsTrigger('dailyRescore');
    const runs = JSON.parse(rt.properties.get('tierwise.runLog') ?? '[]') as unknown[];
    expect(runs).toHaveLength(10);
    const log = rt.spreadsheet.getSheetByName('Tierwise summary')?.grid.map((r) => r[14]).filter((v) => v === '失败');
    expect(log).toHaveLength(10);
  });
});
