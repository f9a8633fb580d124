// A spreadsheet in 简体中文 hears the server in Chinese too: outcomes, refusals and the help.
import { describe, expect, it } from 'vitest';
import { FakeLock, startRuntime } from './emulator.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const table = () => [
  ['客户编号', '最近购买日期', '订单数', '消费金额'],
  ['C1', d('2026-10-20'), 12, 1234.5],
  ['C2', '31/31/2026', 3, 200],
  ['C3', d('2025-01-01'), 1, 20],
];
const zh = { asOfRule: 'fixed', asOf: '2026-11-01', options: { language: 'zh-CN' } };

describe('zh-CN', () => {
  it('says the outcome in Chinese, pointing at the 原因 column', () => {
    const rt = startRuntime(table());
    const outcome = rt.run<{ message: string; said: { en: string } }>('scoreActiveSheet', zh);
    expect(outcome.message).toBe('已为 2 位客户评分，1 行需要处理，请查看“原因”列。');
    expect(outcome.said.en).toBe('2 customers scored, 1 row needs attention, see column Why.');
    expect(rt.spreadsheet.active.cell(1, 5)).toBe('客户分层');
  });

  it('says a bad row in Chinese in the 原因 column, with its row, column and value (English sheets: test/apps-script/addon.test.ts)', () => {
    const rt = startRuntime(table());
    rt.run('scoreActiveSheet', zh);
    expect(rt.spreadsheet.active.cell(3, 13)).toBe('第 3 行：“最近购买日期”列："31/31/2026" 不是日期（例如 2026-03-01）');
  });

  it('refuses in Chinese when someone else is scoring', () => {
    const lock = new FakeLock();
    const rt = startRuntime(table(), { lock, locale: 'zh-CN' });
    lock.tryLock(0);
    expect(rt.run<{ message: string }>('scoreActiveSheet', zh).message).toBe('其他人正在为此表格评分，请一分钟后再试。');
  });

  it('uses the user’s Google language until a language is saved, for the help too', () => {
    const rt = startRuntime(table(), { locale: 'zh-CN' });
    rt.run('showHelp');
    expect(rt.ui.alerts[0]).toMatch(/^Tierwise 会在您的客户表右侧添加/);
    expect(rt.run<{ language: string }>('getSidebarState').language).toBe('zh-CN');
  });
});
