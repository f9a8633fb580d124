// Progress lines on a terminal for large files (read, scored, written), nothing in pipes or with --quiet.
// A fake clock that jumps 3 s per look stands in for a slow run: the rule is checked, not the timing.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../cli/main.ts';
import type { CliIo } from '../../cli/io.ts';

function capture(isTTY: boolean): Writable & { isTTY: boolean; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return Object.assign(stream, { isTTY, text: () => chunks.join('') });
}

let dir: string;
let input: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-progress-'));
  input = join(dir, 'many.csv');
  const lines = ['Customer ID,Last Purchase,Orders,Total Spend'];
  for (let i = 0; i < 140_000; i++) lines.push(`C${i},2026-${String(1 + (i % 9)).padStart(2, '0')}-15,${1 + (i % 7)},${(i % 500) + 10}`);
  writeFileSync(input, lines.join('\n') + '\n');
});

async function run(args: string[], isTTY: boolean) {
  let now = 0;
  const stdout = capture(false);
  const stderr = capture(isTTY);
  const io: CliIo = { stdout, stderr, env: {}, cwd: dir, clock: () => (now += 3000) };
  const code = await main(args, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('progress', () => {
  it('says how many rows were read, scored and written, at least every 2 seconds, on a terminal', async () => {
    const result = await run(['score', input, '--as-of', '2026-11-01', '--out', join(dir, 'out.csv')], true);
    expect(result.code).toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines.some((l) => /^tierwise: read 65,536 rows/.test(l))).toBe(true);
    expect(lines.some((l) => /^tierwise: scored 65,536 of 140,001 rows/.test(l))).toBe(true);
    expect(lines.some((l) => /^tierwise: scored 140,000 rows .*; writing…$/.test(l))).toBe(true);
    expect(lines.some((l) => /^tierwise: wrote [\d,]+ rows/.test(l))).toBe(true);
    expect(result.stdout.trimEnd().split('\n').pop()).toBe('wrote 140,000 rows to ' + join(dir, 'out.csv'));
  });

  it('says how many order rows were read, and each long step of model fit and backtest as it starts', async () => {
    const orders = join(dir, 'orders.csv');
    const lines = ['Customer ID,Order Date,Amount'];
    for (let i = 0; i < 70_000; i++) lines.push(`C${i % 3000},2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},${(i % 90) + 10}`);
    writeFileSync(orders, lines.join('\n') + '\n');
    const backtest = await run(['backtest', orders, '--as-of', '2025-09-30', '--horizon', '60d', '--json'], true);
    expect(backtest.code, backtest.stderr).toBe(0);
    const said = backtest.stderr.trim().split('\n');
    expect(said.some((l) => /^tierwise: read 65,536 rows/.test(l))).toBe(true);
    expect(said).toContainEqual(expect.stringMatching(/^tierwise: read 70,000 orders \([\d.]+ s\); scoring the customers as of the as-of date…$/));
    expect(said.at(-1)).toMatch(/^tierwise: scored the customers against what they did next \([\d.]+ s\); comparing the churn models…$/);
    expect(JSON.parse(backtest.stdout)).toHaveProperty('customers');
    const fit = await run(['model', 'fit', orders, '--json'], true);
    expect(fit.code, fit.stderr).toBe(0);
    expect(fit.stderr.trim().split('\n').at(-1)).toMatch(/^tierwise: read 70,000 orders \([\d.]+ s\); fitting the purchase models…$/);
    // In a pipe, or with --quiet, nothing: stderr is the user's (a model fit's own notes only).
    expect((await run(['backtest', orders, '--as-of', '2025-09-30', '--horizon', '60d', '--json'], false)).stderr).toBe('');
    expect((await run(['model', 'fit', orders, '--json', '--quiet'], true)).stderr).toBe('');
  });

  it('is quiet when stderr is not a terminal, or with --quiet', async () => {
    const piped = await run(['score', input, '--as-of', '2026-11-01', '--out', join(dir, 'out2.csv')], false);
    expect(piped.stderr).toBe('');
    const quiet = await run(['score', input, '--as-of', '2026-11-01', '--out', join(dir, 'out3.csv'), '--quiet'], true);
    expect(quiet.stderr).toBe('');
  });
});
