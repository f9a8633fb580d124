// An order file read on several threads (cli/score/threads/order-pieces.ts) must leave the aggregator
// and the customers' trails exactly as reading it in one thread does (adapters/table/order-stream.ts
// readOrderFile), and must leave any file that is not plain after its head to the one-thread reader.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readOrderFile, type OrderFileRead } from '../../adapters/table/order-stream.ts';
import { readOrderFileInPieces } from '../../cli/score/threads/order-pieces.ts';
import { OrderPieceWorker } from '../../cli/score/threads/order-piece-worker.ts';
import type { PieceReader } from '../../cli/score/threads/order-protocol.ts';
import { readOrderPiece } from '../../cli/score/threads/order-piece-file.ts';
import { plainOrdersTable, type PlainOrdersTable } from './order-threads-table.ts';
import { resultHeaders } from '../../adapters/result-columns.ts';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-order-pieces-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const options = { asOf: '2026-11-01' };

function write(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Readers of pieces in this thread, a few hundred bytes decoded at a time (rows cut between blocks), each piece noted. */
function inThread(seen: { start: number; end: number }[] = [], blockBytes = 333): () => PieceReader {
  return () => ({
    read: (input) => {
      seen.push({ start: input.start, end: input.end });
      return readOrderPiece(input, blockBytes);
    },
    close: async () => {},
  });
}

/** Everything readOrderFile leaves for scoring: the aggregator's orders and customers, the trails, the table's layout, notes and bad rows. */
function stateOf(read: OrderFileRead) {
  const { ids, owner, days, amounts } = read.aggregator.orders();
  return {
    ids: [...ids],
    owner: [...owner],
    days: [...days],
    amounts: [...amounts].map((a) => (Object.is(a, -0) ? '-0' : a)),
    afterAsOf: read.aggregator.afterAsOf,
    customers: read.aggregator.finish(),
    trails: [...read.table.customers],
    headerIndex: read.table.headerIndex,
    headers: read.table.headers,
    mapping: read.table.mapping,
    warnings: read.table.warnings,
    badRows: read.table.badRows,
    problems: read.problems,
    text: read.text,
  };
}

async function bothWays(path: string, threads: number, minPieceBytes: number, readerFor?: () => PieceReader) {
  const pieces = await readOrderFileInPieces(path, {}, options, { threads, minPieceBytes, ...(readerFor === undefined ? {} : { readerFor }) });
  const one = await readOrderFile(path, {}, options);
  return { pieces, one };
}

const TABLES: [string, PlainOrdersTable][] = [
  ['plain', { rows: 3000 }],
  ['crlf-bom-no-final-break', { rows: 2500, crlf: true, bom: true, noFinalBreak: true }],
  ['messy-head', { rows: 2200, messyHead: true }],
  ['semicolons', { rows: 1800, delimiter: ';' }],
  ['tabs', { rows: 1800, delimiter: '\t', crlf: true }],
];

describe('an order file read on several threads', () => {
  it.each(TABLES)('leaves the aggregator and trails as one thread does (%s), in 2 to 9 pieces', async (name, table) => {
    const path = write(`${name}.csv`, plainOrdersTable(table));
    const one = stateOf(await readOrderFile(path, {}, options));
    expect(one.ids.length).toBeGreaterThan(300);
    expect(one.amounts.some((a) => typeof a === 'number' && a < 0)).toBe(true);
    expect(one.afterAsOf).toBeGreaterThan(0);
    for (const threads of [2, 3, 9]) {
      const seen: { start: number; end: number }[] = [];
      const pieces = await readOrderFileInPieces(path, {}, options, { threads, minPieceBytes: 500, readerFor: inThread(seen) });
      expect(pieces, `${name} in ${threads} pieces`).not.toBeNull();
      // This thread reads the first piece; the others follow one another to the file's end.
      expect(seen.length).toBe(threads - 1);
      seen.sort((a, b) => a.start - b.start);
      for (let k = 1; k < seen.length; k++) expect(seen[k]?.start).toBe(seen[k - 1]?.end);
      expect(seen[seen.length - 1]?.end).toBe(statSync(path).size);
      expect(stateOf(pieces as OrderFileRead)).toEqual(one);
    }
  });

  it('gives the same state with more pieces than threads, read in turn', async () => {
    const path = write('many-pieces.csv', plainOrdersTable({ rows: 3000, messyHead: true }));
    const one = stateOf(await readOrderFile(path, {}, options));
    const seen: { start: number; end: number }[] = [];
    const pieces = await readOrderFileInPieces(path, {}, options, { threads: 2, minPieceBytes: 500, maxPieceBytes: 2000, readerFor: inThread(seen) });
    expect(pieces).not.toBeNull();
    expect(seen.length).toBeGreaterThan(20);
    expect(stateOf(pieces as OrderFileRead)).toEqual(one);
  });

  it('gives the same state when the pieces are read on worker threads', async () => {
    const path = write('workers.csv', plainOrdersTable({ rows: 4000, messyHead: true, crlf: true }));
    const { pieces, one } = await bothWays(path, 3, 1000);
    expect(pieces).not.toBeNull();
    expect(stateOf(pieces as OrderFileRead)).toEqual(stateOf(one));
    const many = await readOrderFileInPieces(path, {}, options, { threads: 2, minPieceBytes: 500, maxPieceBytes: 3000 });
    expect(stateOf(many as OrderFileRead)).toEqual(stateOf(await readOrderFile(path, {}, options)));
  });

  it('leaves the pieces after one that is not plain unread, on worker threads', async () => {
    const path = write('workers-not-plain.csv', withRow(4000, 300, 'C5,2026-01-02,"7.50"'));
    const seen: number[] = [];
    const readerFor = (): PieceReader => {
      const worker = new OrderPieceWorker();
      return { read: (input) => (seen.push(input.start), worker.read(input)), close: () => worker.close() };
    };
    const pieces = await readOrderFileInPieces(path, {}, options, { threads: 2, minPieceBytes: 500, maxPieceBytes: 2000, readerFor });
    expect(pieces).toBeNull();
    // ~40 pieces; the row is in the fourth or so: the two threads stop soon after it.
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.length).toBeLessThan(15);
  });

  it('reads rows that are not plain in this thread\'s piece as one thread does, the other pieces on threads', async () => {
    const lines = plainOrdersTable({ rows: 3000 }).split('\n');
    lines[300] = 'C5,2026-01-02,"7.50"';
    lines[301] = 'C6,3/1/2026,8';
    lines[302] = '';
    const path = write('first-piece-not-plain.csv', lines.join('\n'));
    const seen: { start: number; end: number }[] = [];
    const { pieces, one } = await bothWays(path, 2, 500, inThread(seen));
    expect(pieces).not.toBeNull();
    expect(seen.length).toBe(1);
    expect(stateOf(pieces as OrderFileRead)).toEqual(stateOf(one));
    expect(one.table.badRows.map((r) => r.row)).toEqual([303]);
  });

  it('fails when reading a piece fails, rather than reading the file another way', async () => {
    const path = write('failing.csv', plainOrdersTable({ rows: 3000 }));
    const readerFor = (): PieceReader => ({ read: () => Promise.reject(new Error('disk gone')), close: async () => {} });
    await expect(readOrderFileInPieces(path, {}, options, { threads: 3, minPieceBytes: 500, readerFor })).rejects.toThrow('disk gone');
  });

  it('counts each customer once over all pieces, at the row they first appear on', async () => {
    const path = write('firsts.csv', plainOrdersTable({ rows: 3000 }));
    const pieces = (await readOrderFileInPieces(path, {}, options, { threads: 4, minPieceBytes: 500, readerFor: inThread() })) as OrderFileRead;
    const lines = plainOrdersTable({ rows: 3000 }).split('\n');
    const first = new Map<string, number>();
    lines.forEach((line, i) => {
      const id = line.split(',')[0] as string;
      if (i > 0 && id !== '' && !first.has(id)) first.set(id, i + 1);
    });
    const trails = [...pieces.table.customers];
    expect(trails.map(([id]) => id)).toEqual([...first.keys()]);
    for (const [id, trail] of trails) expect(trail.firstRow).toBe(first.get(id));
    expect(trails.reduce((n, [, t]) => n + t.kept, 0)).toBe(3000);
  });
});

/** A plain table whose data row `at` (0-based) is `row` instead. */
function withRow(rows: number, at: number, row: string, table: Partial<PlainOrdersTable> = {}): string {
  const lines = plainOrdersTable({ rows, ...table }).split('\n');
  lines[at + 1] = row;
  return lines.join('\n');
}

describe('an order file left to the one-thread reader', () => {
  const ROWS = 3000;
  const LATE = 2600; // a row in the second of two pieces
  const cases: [string, string | Buffer][] = [
    ['a quoted cell in the second piece', withRow(ROWS, LATE, 'C5,2026-01-02,"7.50"')],
    ['a non-ISO date in the second piece', withRow(ROWS, LATE, 'C5,3/1/2026,7.50')],
    ['a day/month date in the second piece', withRow(ROWS, LATE, 'C5,31/1/2026,7.50')],
    ['a row wider than the header', withRow(ROWS, LATE, 'C5,2026-01-02,7.50,note')],
    ['a blank row', withRow(ROWS, LATE, '')],
    ['a footer', plainOrdersTable({ rows: ROWS }) + 'Grand Total,,123.45\n'],
    ['an email for an id', withRow(ROWS, LATE, 'ann@example.com,2026-01-02,7.50')],
    ['a byte order mark inside', withRow(ROWS, LATE, '\ufeffC5,2026-01-02,7.50')],
    ['bytes that are not UTF-8', Buffer.from(withRow(ROWS, LATE, 'C\xe95,2026-01-02,7.50'), 'latin1')],
    ['a status column', plainOrdersTable({ rows: ROWS }).replace('amount', 'amount,status').replaceAll(/(\.\d\d|\d)\n/g, '$1,paid\n')],
    ['an earlier run\'s result block', plainOrdersTable({ rows: ROWS }).replace('amount\n', `amount,${resultHeaders('en').join(',')}\n`)],
  ];

  it('reads the unchanged table in pieces (so each case below is the change alone)', async () => {
    const path = write('unchanged.csv', plainOrdersTable({ rows: ROWS }));
    expect(await readOrderFileInPieces(path, {}, options, { threads: 2, minPieceBytes: 500, readerFor: inThread() })).not.toBeNull();
  });

  it.each(cases)('with %s', async (name, text) => {
    const path = write(`${name.replaceAll(/\W+/g, '-')}.csv`, text);
    const { pieces, one } = await bothWays(path, 2, 500, inThread());
    expect(pieces).toBeNull();
    // The one-thread reader still reads it, every data row accounted for (kept, or a bad row).
    const kept = [...one.table.customers].reduce((n, [, t]) => n + t.kept, 0);
    expect(kept + one.table.badRows.length).toBeGreaterThanOrEqual(ROWS - 1);
  });

  it('with a quoted cell whose line breaks span the cut between two pieces', async () => {
    const lines = plainOrdersTable({ rows: ROWS }).split('\n');
    const text = lines.join('\n');
    // The cut goes at the first line break after the middle of the text after the head (20 lines).
    const head = lines.slice(0, 20).join('\n').length + 1;
    const middle = head + Math.floor((text.length - head) / 2);
    const at = text.slice(0, middle - 200).split('\n').length - 1;
    lines[at] = `C5,2026-01-02,"7.50${'\nmore of the cell'.repeat(30)}"`;
    const spanning = lines.join('\n');
    const size = Buffer.byteLength(spanning);
    const cut = spanning.indexOf('\n', head + Math.floor((size - head) / 2)) + 1;
    // The quote is open at the cut.
    expect((spanning.slice(0, cut).match(/"/g) ?? []).length % 2).toBe(1);
    const path = write('spanning.csv', spanning);
    const seen: { start: number; end: number }[] = [];
    const { pieces, one } = await bothWays(path, 2, 500, inThread(seen));
    expect(seen.map((s) => s.start)).toContain(cut);
    expect(pieces).toBeNull();
    expect([...one.table.customers].length).toBeGreaterThan(300);
  });

  it('with a quoted cell over lines where the head ends', async () => {
    const lines = plainOrdersTable({ rows: ROWS }).split('\n');
    lines[19] = 'C5,2026-01-02,"7.50\nmore"';
    const path = write('head-quote.csv', lines.join('\n'));
    const seen: { start: number; end: number }[] = [];
    expect(await readOrderFileInPieces(path, {}, options, { threads: 2, minPieceBytes: 500, readerFor: inThread(seen) })).toBeNull();
    expect(seen).toEqual([]);
  });

  it('with one thread, or a file smaller than two pieces', async () => {
    const path = write('small.csv', plainOrdersTable({ rows: ROWS }));
    const seen: { start: number; end: number }[] = [];
    expect(await readOrderFileInPieces(path, {}, options, { threads: 1, minPieceBytes: 500, readerFor: inThread(seen) })).toBeNull();
    expect(await readOrderFileInPieces(path, {}, options, { threads: 2, minPieceBytes: 1 << 20, readerFor: inThread(seen) })).toBeNull();
    expect(seen).toEqual([]);
  });
});
