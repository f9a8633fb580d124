// Settings are validated with the core's schemas and refused in words, in both languages; custom
// functions say what is wrong in a sentence and take what Sheets passes (one cell, a TODAY() Date).
import { describe, expect, it } from 'vitest';
import { startRuntime } from './emulator.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const table = () => [
  ['Cust ID', 'Last Order', '# of Orders', 'Total Spent'],
  ['C1', d('2026-10-20'), 12, 1234.5],
  ['C2', d('2026-03-15'), 3, 200],
];

describe('settings', () => {
  it('refuses an out-of-range threshold in words, in English and in Chinese, and keeps what was saved', () => {
    const rt = startRuntime(table());
    rt.run('saveSettings', { options: { churn: { highAt: 60, mediumAt: 30 } } });
    expect(() => rt.run('saveSettings', { options: { churn: { highAt: 500 } } })).toThrow('Settings not saved: options.churn.highAt must be at most 100');
    expect(() => rt.run('saveSettings', { options: { language: 'zh-CN', periodDays: 'soon' } })).toThrow('设置未保存：options.periodDays必须是数字');
    expect(() => rt.run('saveSettings', { asOfRule: 'fixed', asOf: '2026-13-45' })).toThrow('Settings not saved: asOf must be a date (e.g. 2026-11-01)');
    const state = rt.run<{ settings: { options: { churn: { highAt: number }; language: string } } }>('getSidebarState');
    expect(state.settings.options.churn.highAt).toBe(60);
    expect(state.settings.options.language).toBe('en');
  });

  it('a Score with bad settings is refused with a sentence and writes nothing', () => {
    const rt = startRuntime(table());
    const outcome = rt.run<{ ok: boolean; message: string }>('scoreActiveSheet', { dateOrder: 'ymd' });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toBe('Settings not saved: dateOrder must be one of "auto", "mdy", "dmy"');
    expect(rt.log.count('Range.setValues')).toBe(0);
  });

  it('merges what a button sends into the saved settings instead of replacing them', () => {
    const rt = startRuntime(table());
    rt.run('saveSettings', { dateOrder: 'dmy', columns: { lastPurchase: 'Last Order' }, options: { churn: { highAt: 55, mediumAt: 25 } } });
    rt.run('scoreActiveSheet', { asOfRule: 'fixed', asOf: '2026-11-01', options: { language: 'zh-CN' } });
    const { settings } = rt.run<{ settings: { dateOrder: string; columns: Record<string, string>; options: { churn: { highAt: number }; language: string } } }>('getSidebarState');
    expect(settings).toMatchObject({ dateOrder: 'dmy', columns: { lastPurchase: 'Last Order' }, options: { churn: { highAt: 55 }, language: 'zh-CN' } });
  });
});

describe('custom functions', () => {
  it('says in words that an as-of date is not a date (no zod JSON)', () => {
    const rt = startRuntime([]);
    expect(() => rt.runAsCustomFunction('TIERWISE_SCORE', table(), '2026-13-01')).toThrow(/^The as-of date "2026-13-01" is not a date \(expected e\.g\. "2026-11-01" or TODAY\(\)\)\.$/);
  });

  it('speaks the sheet’s saved language', () => {
    const rt = startRuntime(table());
    rt.run('saveSettings', { options: { language: 'zh-CN' } });
    expect(() => rt.runAsCustomFunction('TIERWISE_SCORE', table(), 'tomorrow')).toThrow('截至日期“tomorrow”不是日期（应为例如 "2026-11-01" 或 TODAY()）。');
    expect(rt.runAsCustomFunction<unknown[][]>('TIERWISE_SCORE', table(), '2026-11-01')[0]?.[0]).toBe('客户分层');
  });

  it('takes a one-cell range (Sheets passes its value) and says what is missing', () => {
    const rt = startRuntime([]);
    expect(() => rt.runAsCustomFunction('TIERWISE_SCORE', [['Cust ID']], '2026-11-01')).toThrow(/no header row found/);
  });

  it('reads TODAY() in the spreadsheet’s time zone east of UTC', () => {
    const rt = startRuntime([], { timeZone: 'Asia/Shanghai' });
    // Bought today in Shanghai; TODAY() is midnight in Shanghai, 16:00 the day before in UTC.
    const out = rt.runAsCustomFunction<unknown[][]>('TIERWISE_SCORE', [['Cust ID', 'Last Order', 'Orders', 'Spend'], ['C1', rt.date('2026-11-01'), 3, 300]], rt.date('2026-11-01'));
    expect(out[1]?.[8]).not.toMatch(/after the as-of date/);
    expect(['A', 'B', 'C', 'D']).toContain(out[1]?.[0]);
  });

  it('reads an order table with the order fields only, whatever customer mapping was saved before, and refuses a field of the other kind in words', () => {
    const rt = startRuntime([
      ['Order ID', 'Customer', 'Order Date', 'Amount'],
      [1, 'A', d('2026-01-05'), 120],
      [2, 'B', d('2026-02-07'), 40],
      [3, 'A', d('2026-09-05'), 80],
    ]);
    // Saved while the kind was left to detection (where either kind's fields may be mapped).
    rt.run('saveSettings', { columns: { id: 'Customer', lastPurchase: 'Order Date' } });
    const outcome = rt.run<{ ok: boolean; message: string; kind: string }>('scoreActiveSheet', { kind: 'orders', columns: { customerId: 'Customer' }, asOfRule: 'fixed', asOf: '2026-11-01' });
    expect(outcome).toMatchObject({ ok: true, kind: 'orders', message: '2 customers scored.' });
    expect(rt.spreadsheet.getSheetByName('Tierwise customers')?.grid.map((r) => r[0])).toEqual(['Customer', 'A', 'B']);
    // A customer field sent for an order table is refused in words, in both languages, and nothing is saved.
    expect(() => rt.run('saveSettings', { columns: { id: 'Order ID' } })).toThrow('Settings not saved: columns.id is not a field of an order table (fields: customerId, date, amount, ');
    expect(() => rt.run('saveSettings', { columns: { lastPurchase: 'Order Date' }, options: { language: 'zh-CN' } })).toThrow('设置未保存：columns.lastPurchase不是订单表的字段（可用字段：customerId, date, amount, ');
    const refused = rt.run<{ ok: boolean; message: string }>('scoreActiveSheet', { kind: 'customers', columns: { date: 'Order Date' } });
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('columns.date is not a field of a customer table (fields: id, name, ') });
    expect(rt.run<{ settings: { kind: string; columns: Record<string, string> } }>('getSidebarState').settings).toMatchObject({ kind: 'orders', columns: { customerId: 'Customer' } });
    // Left to detection, a field of neither kind (a typo) is refused too.
    expect(() => rt.run('saveSettings', { kind: null, columns: { lastpurchase: 'Order Date' } })).toThrow('columns.lastpurchase is not a field of any table');
  });
});
