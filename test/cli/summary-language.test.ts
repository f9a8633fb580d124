// The terminal summary speaks the language of the options: headers, counts and key figures.
import { describe, expect, it } from 'vitest';
import { scoreTable } from '../../adapters/table/score-table.ts';
import { renderSummary } from '../../cli/score/summary-table.ts';
import type { Cell } from '../../adapters/table/contract.ts';

const cells: Cell[][] = [
  ['Customer ID', 'Last Purchase', 'Orders', 'Total Spend', 'Region'],
  ['C1', '2026-10-20', '12', '4200', 'North'],
  ['C2', '2026-03-15', '2', '300', 'South'],
  ['C3', 'not a day', '1', '50', 'South'],
];

describe('the CLI summary', () => {
  it('is in English by default, with the bad row', () => {
    const text = renderSummary(scoreTable(cells, {}, { asOf: '2026-11-01' }), 'f.csv', '2026-11-01');
    expect(text.split('\n')[0]).toBe('Tierwise · f.csv · as of 2026-11-01');
    expect(text).toContain('2 customers scored, 0 without a purchase yet (prospects), 1 row needs attention (see column Why)');
    expect(text).toMatch(/^Tier +Customers +Share/m);
    expect(text).toContain('Rows that need attention (1):');
  });

  it('is in Chinese for zh-CN: no English header, count or figure line is left', () => {
    const text = renderSummary(scoreTable(cells, {}, { asOf: '2026-11-01', language: 'zh-CN' }), 'f.csv', '2026-11-01', 'zh-CN');
    expect(text.split('\n')[0]).toBe('Tierwise · f.csv · 截至 2026-11-01');
    expect(text).toContain('已评分客户 2 位，尚未购买（潜在客户）0 位，1 行需要处理（见“原因”列）');
    expect(text).toMatch(/^分层 +客户数 +占比/m);
    expect(text).toMatch(/^区域 +客户数/m);
    expect(text).toContain('需要处理的行（1）：');
    expect(text).toContain('\n注：仅 2 位客户可评分，少于 100（rfm.minCustomers）');
    expect(text).toContain('第 4 行：“Last Purchase”列："not a day" 不是日期（例如 2026-03-01）');
    for (const english of ['customers scored', 'Customers  ', 'Share', 'Repurchase rate', 'Region', 'Rows that need attention', 'Only', 'Row ']) expect(text).not.toContain(english);
  });
});
