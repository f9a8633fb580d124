// `score --orders` output written batch by batch (cli/score/order-output.ts): the CSV copy written as
// bytes is, byte for byte, what the cell-by-cell path (csvLine of orderRowCells, every text cell through
// the formula guard) makes, in UTF-8 with its BOM and in UTF-16; the table on stdout is the same text;
// and reading the file back finds every customer of the input at the row they first appear.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scoreOrderFile } from '../../adapters/table/order-stream.ts';
import { collectOrderResults } from '../../adapters/table/order-results.ts';
import { parseDelimited } from '../../adapters/table/csv.ts';
import { neutraliseFormula } from '../../adapters/table/formula-guard.ts';
import { writeOrderResults } from '../../cli/score/order-output.ts';
import { csvLine, orderHeaderCells, orderRowCells, textResultCells } from '../../cli/score/write-output.ts';
import type { Language } from '../../core/schema/options.ts';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-order-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Ids a CSV writer can trip on: formula starts, the delimiter, quote marks, wide characters. */
const TRICKY = ['=cmd|"/c calc"!A1', 'a,b', 'say "hi"', '中文客户', '-5', '@home', '+1 555', 'line\nbreak', 'plain'];
const CUSTOMERS = 2_500; // more than one range of RANGE_SIZE customers: several batches

/** Order lines for CUSTOMERS customers (the tricky ids first), a cancellation-only customer and an unreadable amount. */
function orderText(lineEnd: string): { text: string; firstRow: Map<string, number> } {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const lines = ['Customer ID,Order Date,Amount'];
  const firstRow = new Map<string, number>();
  const add = (id: string, line: string) => {
    lines.push(line);
    if (!firstRow.has(id)) firstRow.set(id, lines.length);
  };
  for (let round = 0; round < 2; round++) {
    for (let c = 0; c < CUSTOMERS; c++) {
      const id = TRICKY[c] ?? `C${c}`;
      add(id, `${quote(id)},2026-0${1 + ((c + round * 3) % 9)}-${String(1 + (c % 28)).padStart(2, '0')},${(10 + (c % 97) + round).toFixed(2)}`);
    }
  }
  add('refund-only', 'refund-only,2026-05-01,-20.00');
  add('bad-amount', 'bad-amount,2026-05-01,twelve');
  return { text: lines.join(lineEnd) + lineEnd, firstRow };
}

async function outputs(path: string, language: Language) {
  const options = { asOf: '2026-11-01', language, purchaseModel: 'off' as const };
  const whole = collectOrderResults((await scoreOrderFile(path, {}, options)).results);
  const streamed = await scoreOrderFile(path, {}, options);
  const out = join(dir, `out-${language}.csv`);
  const table = new PassThrough();
  const shown: Buffer[] = [];
  table.on('data', (b: Buffer) => shown.push(b));
  const end = await writeOrderResults(
    streamed.results,
    { json: null, table, out: { path: out, encoding: streamed.text.encoding, lineEnd: streamed.text.lineEnd } },
    { language, plainUtf8: false },
  );
  const cells = textResultCells(language);
  const lines = [orderHeaderCells(language), ...whole.rows.map((r) => orderRowCells(r, cells, neutraliseFormula))].map(csvLine);
  return { whole, end, file: readFileSync(out), shown: Buffer.concat(shown).toString('utf8'), lines, encoding: streamed.text.encoding };
}

/** Every customer of the input found in the scored copy once, at the row they first appear. */
function expectEveryCustomer(text: string, firstRow: Map<string, number>) {
  const rows = parseDelimited(text, ',');
  const found = new Map(rows.slice(1).filter((r) => r.length > 1).map((r) => [r[0] as string, Number(r[1])]));
  expect(rows.length - 1).toBe(firstRow.size);
  for (const [id, row] of firstRow) expect(found.get(neutraliseFormula(id))).toBe(row);
}

describe('score --orders output', () => {
  for (const language of ['en', 'zh-CN'] as const) {
    it(`writes UTF-8 bytes equal to the cell-by-cell text, keeps CRLF line ends, and every customer reads back (${language})`, async () => {
      const { text, firstRow } = orderText('\r\n');
      const path = join(dir, `orders-${language}.csv`);
      writeFileSync(path, text);
      const run = await outputs(path, language);
      expect(run.encoding).toBe('utf-8');
      expect(run.end.rows).toBe(run.whole.rows.length);
      const expected = run.lines.map((l) => `${l}\r\n`).join('');
      expect(run.file.equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(expected, 'utf8')]))).toBe(true);
      expect(run.shown).toBe(run.lines.map((l) => `${l}\n`).join(''));
      expectEveryCustomer(run.file.subarray(3).toString('utf8'), firstRow);
    }, 60_000);
  }

  it('writes a UTF-16 input\'s copy in UTF-16 with the same text', async () => {
    const { text, firstRow } = orderText('\n');
    const path = join(dir, 'orders-utf16.csv');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const run = await outputs(path, 'en');
    expect(run.encoding).toBe('utf-16le');
    const expected = run.lines.map((l) => `${l}\n`).join('');
    expect(run.file.equals(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(expected, 'utf16le')]))).toBe(true);
    expectEveryCustomer(run.file.subarray(2).toString('utf16le'), firstRow);
  }, 60_000);
});
