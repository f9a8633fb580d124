// score, model fit and backtest read tables the same way: one --config with its column mapping, one
// --as-of check, and the same exit code for the same mistake.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, tierwise } from './run-cli.ts';

let orders: string;
let config: string;
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-one-cli-'));
  // CDNOW's sample orders under headers no detector knows: only the mapping can find the columns.
  const lines = readFileSync(join(ROOT, 'test', 'fixtures', 'cdnow', 'CDNOW_sample.txt'), 'utf8').trim().split('\n');
  const csv = ['Who,When,How much', ...lines.map((l) => {
    const [id, , date, , dollars] = l.trim().split(/\s+/);
    return `${id},${date},${dollars}`;
  })];
  orders = join(dir, 'odd-orders.csv');
  writeFileSync(orders, csv.join('\n') + '\n');
  config = join(dir, 'config.json');
  writeFileSync(config, JSON.stringify({ columns: { customerId: 'Who', date: 'When', amount: 'How much' } }));
});

const COMMANDS: [string, string[]][] = [
  ['score', ['score', '--orders']],
  ['model fit', ['model', 'fit']],
  ['backtest', ['backtest']],
];

describe('one command line', () => {
  it.each(COMMANDS)('%s reads the columns mapped in --config', (_, words) => {
    const run = tierwise([...words, orders, '--config', config, '--as-of', '1997-09-30', '--json']);
    expect(run.stderr).not.toMatch(/could not find/);
    expect(run.status).toBe(0);
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
  });

  it.each(COMMANDS)('%s: a missing column is exit 1 with the mapping hint', (name, words) => {
    const run = tierwise([...words, orders, '--as-of', '1997-09-30']);
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^tierwise ${name}: .*odd-orders\\.csv: .*Map (it|them) with "columns" in the config`));
  });

  it.each(COMMANDS)('%s: a bad --as-of is a usage mistake, exit 2, in the same words', (name, words) => {
    const run = tierwise([...words, orders, '--config', config, '--as-of', '1997-02-30']);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(`tierwise ${name}: --as-of "1997-02-30" is not a date: expected YYYY-MM-DD, e.g. 2026-03-01`);
    expect(run.stderr.split('\n')[1]).toMatch(new RegExp(`^Usage: tierwise ${name} `));
  });

  it.each(COMMANDS)('%s: an unknown option is exit 2 with the usage', (name, words) => {
    const run = tierwise([...words, orders, '--as-of', '1997-09-30', '--confg', config]);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(`tierwise ${name}: unknown option --confg`);
  });

  it.each(COMMANDS)('%s: --sheet on a text table is exit 1 in one sentence', (name, words) => {
    const run = tierwise([...words, orders, '--config', config, '--as-of', '1997-09-30', '--sheet', 'Orders']);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(new RegExp(`^tierwise ${name}: .*odd-orders\\.csv is a text table, so it has no sheet "Orders" \\(sheets are for \\.xlsx workbooks\\)$`));
  });

  it('model fit takes --as-of as its calibration end', () => {
    const a = tierwise(['model', 'fit', orders, '--config', config, '--as-of', '1997-09-30', '--json']);
    const b = tierwise(['model', 'fit', orders, '--config', config, '--calibration-end', '1997-09-30', '--json']);
    expect(a.status).toBe(0);
    expect(JSON.parse(a.stdout)).toEqual(JSON.parse(b.stdout));
  });
});
