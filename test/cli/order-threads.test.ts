// `tierwise score --orders --threads N` (the built CLI) writes the same bytes, says the same things and
// finds every customer, whether the order file is read in one thread, on two, or in many small pieces
// (TIERWISE_MIN_PIECE_BYTES), and whether it is read in pieces at all or left to the one-thread reader.
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from './run-cli.ts';
import { parseDelimited } from '../../adapters/table/csv.ts';
import { plainOrdersTable } from './order-threads-table.ts';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-order-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hash = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A smallest piece no test file reaches: one thread whatever --threads says. */
const ONE_GO = 1 << 30;

function score(file: string, threads: number, minPiece: number, extra: string[] = []) {
  const out = join(dir, `out-${threads}-${minPiece}.csv`);
  rmSync(out, { force: true });
  const args = [join(ROOT, 'bin', 'tierwise.js'), 'score', file, '--orders', '--as-of', '2026-11-01', '--threads', String(threads), '--out', out, ...extra];
  const child = spawnSync(process.execPath, args, { encoding: 'buffer', maxBuffer: 1 << 28, env: { ...process.env, TIERWISE_MIN_PIECE_BYTES: String(minPiece) } });
  return {
    status: child.status,
    output: existsSync(out) ? readFileSync(out) : null,
    stdout: child.stdout.toString('utf8').replaceAll(out, 'OUT'),
    stderr: child.stderr.toString('utf8'),
  };
}

/** One thread, two threads, and nine small pieces: the same output file, summary and notes. */
function sameEveryWay(file: string) {
  const one = score(file, 1, ONE_GO);
  expect(one.status, one.stderr).toBe(0);
  for (const [threads, minPiece] of [
    [2, 1000],
    [9, 300],
  ] as const) {
    const many = score(file, threads, minPiece);
    expect(many.status, many.stderr).toBe(0);
    expect(hash(many.output as Buffer), `${file} on ${threads} threads`).toBe(hash(one.output as Buffer));
    expect(many.stdout).toBe(one.stdout);
    expect(many.stderr).toBe(one.stderr);
  }
  return one;
}

/** The customer ids of a plain order table (first column). */
function customersIn(text: string): Set<string> {
  const rows = parseDelimited(text.replace(/^\ufeff/, ''), ',').slice(1);
  return new Set(rows.map((r) => r[0] ?? '').filter((id) => id !== ''));
}

describe('tierwise score --orders --threads', () => {
  it.each([
    ['plain', { rows: 3000 }],
    ['crlf-bom', { rows: 2500, crlf: true, bom: true, noFinalBreak: true }],
    ['messy-head', { rows: 2200, messyHead: true }],
  ] as const)('writes the same bytes on 1, 2 and 9 threads, every customer in them (%s)', (name, table) => {
    const text = plainOrdersTable(table);
    const file = join(dir, `${name}.csv`);
    writeFileSync(file, text);
    const one = sameEveryWay(file);
    const input = customersIn(text);
    // One row per customer, each input customer once (a quoted id in the messy head is the same
    // customer), and one per bad row (the head's bad date and blank row), by their "Source row".
    const rows = parseDelimited((one.output as Buffer).toString('utf8').replace(/^\ufeff/, ''), ',').slice(1);
    // A bad row's Why names its row (a customer without a purchase is named too: theirs names them).
    const isBad = (r: string[]) => {
      const why = r[r.length - 1] ?? '';
      return why.startsWith(`Row ${r[1]}`) && !why.startsWith(`Row ${r[1]}, customer "${r[0]}"`);
    };
    const bad = rows.filter(isBad);
    const customers = rows.filter((r) => !isBad(r)).map((r) => r[0] as string);
    expect(new Set(customers)).toEqual(new Set([...input].map((id) => id.replaceAll('"', ''))));
    expect(customers.length).toBe(input.size);
    expect(bad.map((r) => r[1])).toEqual(name === 'messy-head' ? ['9', '13'] : []);
  });

  it.each(['sample/orders.csv', 'test/fixtures/tables/orders.csv', 'test/fixtures/exports/generic-orders.csv', 'test/fixtures/exports/online-retail.csv'])(
    'writes the same bytes for %s (read in one thread: not plain)',
    (fixture) => {
      sameEveryWay(join(ROOT, fixture));
    },
  );

  it.each([
    ['a row that is not plain in the second piece', 2600, 'C5,2026-01-02,"7.50"'],
    ['a non-ISO date', 2600, 'C5,3/1/2026,7.50'],
    ['a quoted cell over lines', 1500, `C5,2026-01-02,"7.50${'\nmore of the cell'.repeat(30)}"`],
  ])('writes the same bytes for a file with %s (read in one thread)', (name, at, row) => {
    const lines = plainOrdersTable({ rows: 3000 }).split('\n');
    lines[at + 1] = row;
    const file = join(dir, `${name.replaceAll(/\W+/g, '-')}.csv`);
    writeFileSync(file, lines.join('\n'));
    sameEveryWay(file);
  });
});
