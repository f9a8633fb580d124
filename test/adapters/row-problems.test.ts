// Problems as data, worded by the table adapter: row and column, in the options' language; and the
// one scorability rule (core/scorable.ts) applied to table rows and to customers handed to the core.
import { describe, expect, it } from 'vitest';
import { scoreTable } from '../../adapters/table/score-table.ts';
import { scoreCustomers } from '../../core/score.ts';
import { scorabilityProblems } from '../../core/scorable.ts';
import { dayNumber } from '../../core/dates.ts';
import type { Cell } from '../../adapters/table/contract.ts';

const AS_OF = '2026-11-01';
const cells: Cell[][] = [
  ['Customer ID', 'First Order', 'Last Order', 'Orders', 'Total Spend'],
  ['C1', '2025-01-05', '2026-10-20', '12', '4200'],
  ['C2', '2025-01-05', '31/31/2026', '3', '300'],
  ['C3', '2026-06-01', '2026-02-01', '2', '80'],
  ['C4', '2025-01-05', '2026-09-01', '0', '50'],
  ['C5', '', '2026-09-01', '4', ''],
  ['C6', '', '', '5', ''],
  [],
  ['C7', '2025-01-05', '2026-10-01', '2', '100'],
];
const errors = (language: 'en' | 'zh-CN') => scoreTable(cells, {}, { asOf: AS_OF, language }).rows.map((r) => [r.row, r.result.error]);

describe('row problems, worded by row and column', () => {
  it('says each in English', () => {
    expect(errors('en')).toEqual([
      [2, null],
      [3, 'Row 3, column "Last Order": "31/31/2026" is not a date (expected e.g. 2026-03-01)'],
      [4, 'Row 4, column "First Order": 2026-06-01 is after the last purchase 2026-02-01 (column "Last Order")'],
      [5, 'Row 5, column "Orders" says 0, but column "Last Order" has a date (2026-09-01)'],
      [6, 'Row 6, column "Total Spend" is empty, but column "Last Order" has a date'],
      [7, 'Row 7, column "Last Order" is empty, but column "Orders" says 5'],
      [8, 'Row 8 is blank'],
      [9, null],
    ]);
  });

  it('says each in Chinese for zh-CN, with the same row, column and value', () => {
    expect(errors('zh-CN')).toEqual([
      [2, null],
      [3, '第 3 行：“Last Order”列："31/31/2026" 不是日期（例如 2026-03-01）'],
      [4, '第 4 行：“First Order”列：2026-06-01 晚于最近购买日期 2026-02-01（“Last Order”列）'],
      [5, '第 5 行：“Orders”列为 0，但“Last Order”列有日期（2026-09-01）'],
      [6, '第 6 行：“Total Spend”列为空，但“Last Order”列有日期'],
      [7, '第 7 行：“Last Order”列为空，但“Orders”列为 5'],
      [8, '第 8 行为空'],
      [9, null],
    ]);
  });
});

describe('one scorability rule', () => {
  const days = (first: string | null, last: string | null) => ({ first: first === null ? NaN : dayNumber(first), last: last === null ? NaN : dayNumber(last) });
  const base = { firstPurchase: null, lastPurchase: null, orders: null, purchaseDays: null, totalSpend: null };

  it('reports problems as {code, field, value}', () => {
    const record = { ...base, lastPurchase: '2026-09-01', orders: 0 };
    expect(scorabilityProblems(record, days(null, '2026-09-01'), AS_OF, dayNumber(AS_OF))).toEqual([
      { code: 'dateWithZeroOrders', field: 'orders', value: '0', date: '2026-09-01' },
      { code: 'dateWithoutSpend', field: 'totalSpend', value: null, date: '2026-09-01' },
    ]);
    expect(scorabilityProblems({ ...base }, days(null, null), AS_OF, dayNumber(AS_OF))).toBeNull();
  });

  it('words the first problem of a customer handed to the core in the options’ language', () => {
    const customer = { id: 'x', lastPurchase: '2026-09-01', orders: 0, totalSpend: 10 };
    expect(scoreCustomers([customer], { asOf: AS_OF })[0]?.error).toBe('has a last purchase date (2026-09-01) but 0 orders');
    expect(scoreCustomers([customer], { asOf: AS_OF, language: 'zh-CN' })[0]?.error).toBe('有最近购买日期（2026-09-01），但订单数为 0');
  });
});

describe('an order table’s customer with no purchase left', () => {
  const orders: Cell[][] = [
    ['Customer ID', 'Order Date', 'Amount', 'Status'],
    ['A', '2026-10-01', '50', 'refunded'],
    ['B', '2026-10-02', '80', 'paid'],
    ['C', '2026-10-03', '-20', 'paid'],
  ];
  const errorOf = (id: string, language: 'en' | 'zh-CN') => scoreTable(orders, { kind: 'orders' }, { asOf: AS_OF, language }).rows.find((r) => r.id === id)?.result.error;

  it('says why in English and in Chinese', () => {
    expect(errorOf('A', 'en')).toBe('Row 2, customer "A": not scored: only orders left out as not purchases (1 refunded), no completed purchase in this file (a past or would-be buyer, not a prospect)');
    expect(errorOf('A', 'zh-CN')).toBe('第 2 行，客户“A”：未评分：此文件中只有不计为购买的订单（已退款 1 笔），没有完成的购买（曾经或将要购买的客户，不是潜在客户）');
    expect(errorOf('C', 'en')).toContain('not scored: only 1 cancellation or return totalling -20.00,');
    expect(errorOf('C', 'zh-CN')).toContain('未评分：此文件中只有1 笔取消或退货（合计 -20.00）');
    expect(errorOf('B', 'zh-CN')).toBeNull();
  });

  it('says a bad order row in both languages, with the order it leaves out', () => {
    const cells: Cell[][] = [
      ['Customer ID', 'Order ID', 'Order Date', 'Amount'],
      ['A', '1001', '2026-10-01', '50'],
      ['B', '1002', 'yesterday', '80'],
    ];
    const error = (language: 'en' | 'zh-CN') => scoreTable(cells, { kind: 'orders' }, { asOf: AS_OF, language }).rows.find((r) => r.row === 3)?.result.error;
    expect(error('en')).toBe('Row 3, column "Order Date": "yesterday" is not a date (expected e.g. 2026-03-01) (order "1002" is left out)');
    expect(error('zh-CN')).toBe('第 3 行：“Order Date”列："yesterday" 不是日期（例如 2026-03-01）（订单 "1002" 不计入）');
  });
});
