import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { ROOT, tierwise } from './run-cli.ts';
import { parseDelimited } from '../../adapters/table/csv.ts';

const fixture = (name: string) => join(ROOT, 'test', 'fixtures', 'tables', name);
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-cli-'));
});

/** The --json row contract of DESIGN.md. */
const JsonRow = z.object({
  row: z.number().int(),
  id: z.string().nullable(),
  tier: z.enum(['A', 'B', 'C', 'D']).nullable(),
  segment: z.string().nullable(),
  r: z.number().int().min(1).max(5).nullable(),
  f: z.number().int().min(1).max(5).nullable(),
  m: z.number().int().min(1).max(5).nullable(),
  churnRisk: z.number().int().min(0).max(100).nullable(),
  churnLevel: z.enum(['low', 'medium', 'high']).nullable(),
  lifecycle: z.enum(['prospect', 'new', 'active', 'dormant', 'churned']).nullable(),
  nextAction: z.string().nullable(),
  followUpBy: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  reasons: z.string(),
  error: z.string().nullable(),
});

describe('tierwise score', () => {
  it('writes the input columns untouched, in order, plus the result columns', () => {
    const out = join(dir, 'scored.csv');
    const run = tierwise(['score', fixture('messy-customers.csv'), '--as-of', '2026-11-01', '--out', out]);
    expect(run.status).toBe(0);
    const input = readFileSync(fixture('messy-customers.csv'), 'utf8').trimEnd().split('\n');
    const output = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(output).toHaveLength(input.length);
    expect(output[2]).toBe(`${input[2]},Tier,Segment,RFM,Churn risk,Churn level,Lifecycle,Next action,Follow up by,Why`);
    input.slice(3).forEach((line, i) => expect(output[i + 3]?.startsWith(line)).toBe(true));
    expect(run.stdout).toContain('rows need attention');
  });

  it('prints one JSON object per input row, in input order, with errors for bad rows', () => {
    const run = tierwise(['score', fixture('messy-customers.csv'), '--as-of', '2026-11-01', '--json']);
    expect(run.status).toBe(0);
    const rows = z.array(JsonRow).parse(JSON.parse(run.stdout));
    expect(rows.map((r) => r.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    const bad = rows.find((r) => r.row === 6);
    expect(bad).toMatchObject({ tier: null, churnRisk: null, error: 'Row 6, column "Last Order": "31/31/2026" is not a date (expected e.g. 2026-03-01)' });
  });

  it('reads an order table with --orders: one object per customer, in order of first appearance', () => {
    const run = tierwise(['score', fixture('orders.csv'), '--orders', '--as-of', '2026-11-01', '--json']);
    expect(run.status).toBe(0);
    const rows = z.array(JsonRow).parse(JSON.parse(run.stdout));
    expect(rows.filter((r) => r.error === null).map((r) => r.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(run.stderr).toContain('1 order is dated after the as-of date');
  });

  it('reads and writes .xlsx workbooks', async () => {
    const { default: writeXlsxFile } = await import('write-excel-file/node');
    const input = join(dir, 'book.xlsx');
    const rows = parseDelimited(readFileSync(fixture('orders.csv'), 'utf8')).map((r) => r.map((value) => ({ value })));
    await writeXlsxFile(rows).toFile(input);
    const out = join(dir, 'book-scored.xlsx');
    const run = tierwise(['score', input, '--orders', '--as-of', '2026-11-01', '--out', out]);
    expect(run.status).toBe(0);
    const { default: readXlsxFile } = await import('read-excel-file/node');
    const [sheet] = await readXlsxFile(out);
    expect(sheet?.data[0]).toEqual(['Customer', 'Source row', 'Tier', 'Segment', 'RFM', 'Churn risk', 'Churn level', 'Lifecycle', 'Next action', 'Follow up by', 'Why']);
    expect(sheet?.data.length).toBe(6);
  });

  it('uses the mapping from --config and says which key of a bad config is wrong', () => {
    const csv = join(dir, 'odd.csv');
    writeFileSync(csv, 'Who,When,How many,How much\nx1,2026-10-01,3,$30\nx2,2026-05-01,1,$10\n');
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ columns: { id: 'Who', lastPurchase: 'When', orders: 'How many', totalSpend: 'How much' }, options: { language: 'zh-CN' } }));
    const run = tierwise(['score', csv, '--as-of', '2026-11-01', '--config', config]);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Who,When,How many,How much,客户分层,细分,RFM,流失风险,风险等级,生命周期,下一步行动,跟进日期,原因');
    writeFileSync(config, JSON.stringify({ options: { churn: { highAt: 500 } } }));
    const bad = tierwise(['score', csv, '--as-of', '2026-11-01', '--config', config]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/options\.churn\.highAt/);
  });

  it('refuses a file it cannot use with one line, and writes nothing', () => {
    const junk = join(dir, 'junk.csv');
    writeFileSync(junk, Buffer.from([0, 1, 2, 3, 255, 254, 0, 7]));
    const out = join(dir, 'never.csv');
    const run = tierwise(['score', junk, '--as-of', '2026-11-01', '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('looks like binary data');
    expect(existsSync(out)).toBe(false);
    const missing = tierwise(['score', join(dir, 'nope.csv')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no such file');
  });

  it('explains what it looked for and suggests --orders for an order file', () => {
    const run = tierwise(['score', fixture('orders.csv'), '--as-of', '2026-11-01']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no header row found');
    expect(run.stderr).toContain('--orders');
  });

  it('rejects a bad --as-of date', () => {
    const run = tierwise(['score', fixture('orders.csv'), '--as-of', '2026-13-01']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--as-of "2026-13-01" is not a date');
  });
});
