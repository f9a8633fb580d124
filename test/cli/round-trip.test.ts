// Every output format round-trips: for CSV, TSV, XLSX, GBK and UTF-16 inputs, each written CSV and
// XLSX is read back (CSV decoded independently with iconv-lite, XLSX with read-excel-file) and every
// input row is found exactly once, in its place, with its own cells and its result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import iconv from 'iconv-lite';
import { main } from '../../cli/main.ts';
import type { CliIo } from '../../cli/io.ts';
import { parseDelimited } from '../../adapters/table/csv.ts';

const AS_OF = '2026-11-01';
const HEADER = ['Customer ID', 'Name', 'Last Purchase', 'Orders', 'Total Spend'];
const RESULT_WIDTH = 9;

interface InputRow {
  id: string;
  name: string;
  last: string | null; // ISO date, or null for a value that is not a date
  orders: number;
  spend: number;
}

const text = (chars: string[]) => fc.string({ unit: fc.constantFrom(...chars), maxLength: 8 });
const rowArb = fc.record({
  prefix: fc.constantFrom('', '=', '+', '@', '-'),
  suffix: text(['a', 'Z', '9', 'é', '中', ',', '"', ';', '_']),
  name: text(['a', 'b', ' ', 'é', '张', '三', ',', '"', '\n', '\t', '=']).map((s) => s.trim()),
  day: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null, freq: 8 }),
  orders: fc.integer({ min: 1, max: 30 }),
  cents: fc.integer({ min: 0, max: 900_000 }),
});
const tableArb = fc.array(rowArb, { minLength: 1, maxLength: 25 }).map((rows): InputRow[] =>
  rows.map((r, i) => ({
    id: `${r.prefix}C${i}${r.suffix}`,
    name: r.name,
    last: r.day === null ? null : new Date(Date.UTC(2024, 0, 1) + r.day * 86_400_000).toISOString().slice(0, 10),
    orders: r.orders,
    spend: r.cents / 100,
  })),
);

type Format = 'csv' | 'tsv' | 'xlsx' | 'gbk' | 'utf16';
const FORMATS: Format[] = ['csv', 'tsv', 'xlsx', 'gbk', 'utf16'];

function field(value: string, d: string): string {
  return value.includes(d) || value.includes('"') || value.includes('\n') || value.includes('\r') ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The user's cells as text, the way they are in the file. */
function cellsOf(r: InputRow): string[] {
  return [r.id, r.name, r.last ?? 'soon', String(r.orders), String(r.spend)];
}

async function writeInput(file: string, format: Format, rows: InputRow[]): Promise<void> {
  if (format === 'xlsx') {
    const { default: writeXlsxFile } = await import('write-excel-file/node');
    const data = [
      HEADER.map((value) => ({ value })),
      ...rows.map((r) => [
        { value: r.id, type: String },
        r.name === '' ? null : { value: r.name, type: String },
        r.last === null ? { value: 'soon', type: String } : { value: new Date(`${r.last}T00:00:00Z`), format: 'yyyy-mm-dd' },
        { value: r.orders },
        { value: r.spend },
      ]),
    ];
    await writeXlsxFile(data as never).toFile(file);
    return;
  }
  const d = format === 'tsv' || format === 'utf16' ? '\t' : ',';
  const body = [HEADER, ...rows.map(cellsOf)].map((cells) => cells.map((c) => field(c, d)).join(d)).join('\r\n') + '\r\n';
  if (format === 'gbk') writeFileSync(file, iconv.encode(body, 'gb18030'));
  else if (format === 'utf16') writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]));
  else writeFileSync(file, body);
}

function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return Object.assign(stream, { text: () => chunks.join('') });
}

async function tierwise(args: string[], cwd: string): Promise<string> {
  const stdout = sink();
  const stderr = sink();
  const io: CliIo = { stdout, stderr, env: {}, cwd };
  const code = await main(args, io);
  if (code !== 0) throw new Error(`tierwise ${args.join(' ')} → ${code}: ${stderr.text()}`);
  return stdout.text();
}

interface JsonRow {
  row: number;
  id: string | null;
  tier: string | null;
  churnRisk: number | null;
  followUpBy: string | null;
  reasons: string;
  error: string | null;
}

/** Reads a written CSV back with iconv-lite in the encoding Tierwise promises for this input. */
function readCsvBack(file: string, format: Format): string[][] {
  const bytes = readFileSync(file);
  let body: string;
  if (format === 'gbk') body = iconv.decode(bytes, 'gb18030');
  else if (format === 'utf16') {
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    body = iconv.decode(bytes.subarray(2), 'utf16le');
  } else {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    body = iconv.decode(bytes.subarray(3), 'utf8');
  }
  return parseDelimited(body, format === 'tsv' || format === 'utf16' ? '\t' : ',');
}

async function readXlsxBack(file: string): Promise<string[][]> {
  const { default: readXlsxFile } = await import('read-excel-file/node');
  const [sheet] = await readXlsxFile(file);
  return (sheet?.data ?? []).map((row) => row.map((c) => (c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c))));
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-round-trip-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('round trip', () => {
  it('finds every input row exactly once, with its cells and its result, in every output of every input format', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(tableArb, async (rows) => {
        run++;
        for (const format of FORMATS) {
          const input = join(dir, `in-${run}-${format}.${format === 'xlsx' ? 'xlsx' : format === 'tsv' || format === 'utf16' ? 'txt' : 'csv'}`);
          await writeInput(input, format, rows);
          const results = JSON.parse(await tierwise(['score', input, '--as-of', AS_OF, '--json'], dir)) as JsonRow[];
          expect(results.map((r) => r.row)).toEqual(rows.map((_, i) => i + 2));
          for (const out of ['csv', 'xlsx'] as const) {
            const file = join(dir, `out-${run}-${format}.${out}`);
            await tierwise(['score', input, '--as-of', AS_OF, '--out', file, '--quiet'], dir);
            const back = out === 'csv' ? readCsvBack(file, format) : await readXlsxBack(file);
            expect(back).toHaveLength(rows.length + 1);
            expect(back[0]?.slice(0, HEADER.length)).toEqual(HEADER);
            rows.forEach((row, i) => {
              const result = results[i] as JsonRow;
              const written = back.filter((cells) => cells[0] === row.id);
              expect(written, `${format} → ${out}: row ${i + 2} (${row.id})`).toHaveLength(1);
              const cells = written[0] as string[];
              expect(back.indexOf(cells)).toBe(i + 1);
              expect(cells.slice(0, HEADER.length)).toEqual(cellsOf(row).map((c) => c));
              const own = cells.slice(HEADER.length, HEADER.length + RESULT_WIDTH);
              expect(own[0]).toBe(result.tier ?? '');
              expect(own[3]).toBe(result.churnRisk === null ? '' : String(result.churnRisk));
              expect(own[7]).toBe(result.followUpBy ?? '');
              expect(own[8]).toBe(result.error ?? result.reasons);
              expect(result.error === null).toBe(row.last !== null);
            });
          }
        }
      }),
      { numRuns: 6 },
    );
  });

  it('writes each customer of an order table exactly once, its id neutralised in CSV and as plain text in XLSX', async () => {
    const orderArb = fc.record({
      customer: fc.integer({ min: 0, max: 6 }),
      prefix: fc.constantFrom('', '=', '+', '-', '@'),
      day: fc.integer({ min: 0, max: 600 }),
      cents: fc.integer({ min: 100, max: 90_000 }),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(orderArb, { minLength: 1, maxLength: 30 }), async (orders) => {
        run++;
        // One spelling per customer: the prefix of its first order.
        const prefixOf = new Map<number, string>();
        for (const o of orders) if (!prefixOf.has(o.customer)) prefixOf.set(o.customer, o.prefix);
        const idOf = (customer: number) => `${prefixOf.get(customer) ?? ''}K${customer},x`;
        const lines = ['Order ID,Customer,Order Date,Amount', ...orders.map((o, i) => `${i + 1},"${idOf(o.customer)}",${new Date(Date.UTC(2025, 0, 1) + o.day * 86_400_000).toISOString().slice(0, 10)},${o.cents / 100}`)];
        const input = join(dir, `orders-${run}.csv`);
        writeFileSync(input, lines.join('\n') + '\n');
        const customers = [...new Set(orders.map((o) => idOf(o.customer)))];
        for (const out of ['csv', 'xlsx'] as const) {
          const file = join(dir, `orders-${run}-scored.${out}`);
          await tierwise(['score', input, '--orders', '--as-of', '2026-11-01', '--out', file, '--quiet'], dir);
          const back = out === 'csv' ? readCsvBack(file, 'csv') : await readXlsxBack(file);
          expect(back[0]?.slice(0, 2)).toEqual(['Customer', 'Source row']);
          expect(back).toHaveLength(customers.length + 1);
          for (const id of customers) {
            const shown = out === 'csv' && /^[=+\-@]/.test(id) ? `'${id}` : id;
            // Ids with an @ are email addresses to the order reader, matched without case (order-table.ts).
            expect(back.filter((cells) => cells[0]?.toLowerCase() === shown.toLowerCase()), `${out}: ${id}`).toHaveLength(1);
          }
        }
      }),
      { numRuns: 8 },
    );
  });
});
