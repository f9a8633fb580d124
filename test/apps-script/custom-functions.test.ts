// The custom functions find the input columns by header, in English or Chinese and in any order,
// and return the result columns they name by key (not by position).
import { describe, expect, it } from 'vitest';
import { startRuntime } from './emulator.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const CUSTOMERS = [
  ['C1', d('2026-10-20'), 12, 1234.5],
  ['C2', d('2026-03-15'), 3, 200],
  ['C3', d('2025-01-02'), 1, 15],
] as const;
const english = () => [['Cust ID', 'Last Order', '# of Orders', 'Total Spent'], ...CUSTOMERS.map((r) => [...r])];
const chinese = () => [['客户编号', '最近购买日期', '订单数', '累计消费'], ...CUSTOMERS.map((r) => [...r])];
// The same table with its columns in another order: spend, id, orders, date.
const shuffled = () => [['累计消费', '客户编号', '订单数', '最近购买日期'], ...CUSTOMERS.map(([id, date, orders, spend]) => [spend, id, orders, date])];

type Grid = (string | number)[][];
const column = (grid: Grid, header: string): (string | number)[] => {
  const at = (grid[0] ?? []).indexOf(header);
  expect(at, `no column "${header}" in ${JSON.stringify(grid[0])}`).toBeGreaterThanOrEqual(0);
  return grid.map((row) => row[at] as string | number);
};

describe('custom functions', () => {
  it('score a table with Chinese headers the same as with English ones, and in any column order', () => {
    const rt = startRuntime([]);
    const en = rt.runAsCustomFunction<Grid>('TIERWISE_SCORE', english(), '2026-11-01');
    const zh = rt.runAsCustomFunction<Grid>('TIERWISE_SCORE', chinese(), '2026-11-01');
    const moved = rt.runAsCustomFunction<Grid>('TIERWISE_SCORE', shuffled(), '2026-11-01');
    expect(zh).toEqual(en);
    expect(moved).toEqual(en);
    expect(column(en, 'Tier').slice(1).every((tier) => ['A', 'B', 'C', 'D'].includes(String(tier)))).toBe(true);
  });

  it('TIERWISE_TIER and TIERWISE_CHURN_RISK return the columns of TIERWISE_SCORE they are named for', () => {
    const rt = startRuntime([]);
    const all = rt.runAsCustomFunction<Grid>('TIERWISE_SCORE', chinese(), '2026-11-01');
    expect(rt.runAsCustomFunction<Grid>('TIERWISE_TIER', chinese(), '2026-11-01')).toEqual(column(all, 'Tier').map((cell) => [cell]));
    expect(rt.runAsCustomFunction<Grid>('TIERWISE_CHURN_RISK', shuffled(), '2026-11-01')).toEqual(column(all, 'Churn risk').map((cell) => [cell]));
    expect(column(all, 'Churn risk').slice(1).every((risk) => typeof risk === 'number' && risk >= 0 && risk <= 100)).toBe(true);
  });

  it('head the columns in the sheet’s language', () => {
    const rt = startRuntime(english());
    rt.run('saveSettings', { options: { language: 'zh-CN' } });
    const tier = rt.runAsCustomFunction<Grid>('TIERWISE_TIER', chinese(), '2026-11-01');
    const risk = rt.runAsCustomFunction<Grid>('TIERWISE_CHURN_RISK', chinese(), '2026-11-01');
    expect(tier[0]).toEqual(['客户分层']);
    expect(risk[0]).toEqual(['流失风险']);
    expect(tier).toHaveLength(4);
    expect(tier.slice(1).every(([t]) => ['A', 'B', 'C', 'D'].includes(String(t)))).toBe(true);
  });
});
