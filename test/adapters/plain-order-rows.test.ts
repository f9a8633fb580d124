// Plain order rows read straight from the text (adapters/table/plain-order-rows.ts) must give exactly
// what reading every row as cells gives, whatever the file mixes in: quotes, emails, blanks around
// cells, other date and number forms, bad cells, footers, repeated headers, wider rows, CRLF, a BOM.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import '../fast-check-seed.ts';
import { readTable } from '../../adapters/table/read-file.ts';
import { scoreTable } from '../../adapters/table/score-table.ts';
import { reportUnreadableRows } from '../../adapters/table/unreadable-rows.ts';
import { clearEarlierResults } from '../../adapters/table/earlier-results.ts';
import { scoreOrderFile } from '../../adapters/table/order-stream.ts';
import { collectOrderResults } from '../../adapters/table/order-results.ts';
import { INCOMPLETE, NOT_PLAIN, PlainOrderRows, plainColumnsOf } from '../../adapters/table/plain-order-rows.ts';
import { orderLayout } from '../../adapters/table/order-table.ts';
import { OrderAggregator } from '../../core/aggregate-orders.ts';
import { CustomerTrails } from '../../adapters/table/customer-trails.ts';
import type { OptionsInput } from '../../core/schema/options.ts';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-plain-'));
const asOf = '2026-11-01';
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function wholeFile(path: string, options: OptionsInput) {
  const table = await readTable(path);
  clearEarlierResults(table.cells);
  const score = scoreTable(table.cells, { kind: 'orders' }, options);
  return { score: reportUnreadableRows(score, table.problems, 'en'), problems: table.problems };
}

async function inPieces(path: string, options: OptionsInput, pieceBytes: number, plainRows: boolean) {
  const streamed = await scoreOrderFile(path, {}, options, undefined, pieceBytes, plainRows);
  return { score: collectOrderResults(streamed.results), problems: streamed.problems };
}

// Each cell is mostly plain, sometimes not: most rows are read from the text, the rest as cells, in any mix.
const plainIds = ['C1', 'C2', 'c10', 'x', '0', 'C-1 b', 'customer-with-a-long-id-0001', 'customer-with-a-long-id-0002'];
const otherIds = ['C1 ', ' C2', 'co-op 7', 'Report9', 'TOTAL', 'Grand', '', 'Ann@Example.com', 'ann@example.com', '"C,3"', '"C1"', 'ÉLISE', '中文客户', 'customer-with-a-long-id-0001 '];
const plainDates = ['2026-01-05', '2025-12-31', '2026-10-31', '2026-11-01', '2026-11-02', '2024-02-29'];
const otherDates = ['2026-02-30', '2026-13-01', '3/1/2026', '1/25/2026', ' 2026-01-05', '', '20260105', '"2026-03-04"', '2026-1-5'];
const plainAmounts = ['12', '12.50', '-3', '0', '-0', '007.10', '0.1', '9007199254740993', '123456789012.345'];
const otherAmounts = ['$5', '1,234.50', '12.', '.5', '', 'twelve', '12345678901234567.5', '"7,5"', ' 8', '1e3', '−4', '(3.00)'];
const extras = ['note', 'note', 'note', '', '"a ""quoted"" note"', '"two\nlines"', 'Grand Totals (3 records)'];
const lines = ['', 'customer_id,date,amount', 'Grand Totals (3 records)', 'Copyright (c) 2026 Shop', 'C1,2026-01-05,5,extra,wider,row', 'C9,2026-03-01,"12.50,unclosed', '\r'];

const mostly = (plain: string[], other: string[]) => fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...plain) }, { weight: 1, arbitrary: fc.constantFrom(...other) });
const row = fc.record({ id: mostly(plainIds, otherIds), date: mostly(plainDates, otherDates), amount: mostly(plainAmounts, otherAmounts), extra: fc.constantFrom(...extras) });
const entry = fc.oneof({ weight: 12, arbitrary: row }, { weight: 1, arbitrary: fc.constantFrom(...lines) });
const headers = [
  { header: 'customer_id,date,amount', cells: (r: Row) => [r.id, r.date, r.amount] },
  { header: 'customer_id,date,amount,note', cells: (r: Row) => [r.id, r.date, r.amount, r.extra] },
  { header: 'note,Customer ID,Order Date,Amount', cells: (r: Row) => [r.extra, r.id, r.date, r.amount] },
  { header: 'date,amount,customer', cells: (r: Row) => [r.date, r.amount, r.id] },
  // Not plain: statuses are read by the general reader only.
  { header: 'customer_id,date,amount,status', cells: (r: Row) => [r.id, r.date, r.amount, r.extra === '' ? 'paid' : 'refunded'] },
];
type Row = { id: string; date: string; amount: string; extra: string };

function tableText(h: number, entries: (Row | string)[], delimiter: string, lineEnd: string, bom: boolean, endBreak: boolean): string {
  const { header, cells } = headers[h] as (typeof headers)[number];
  const out = [header.replaceAll(',', delimiter)];
  for (const e of entries) out.push(typeof e === 'string' ? e.replaceAll(',', delimiter) : cells(e).join(delimiter));
  return (bom ? '\uFEFF' : '') + out.join(lineEnd) + (endBreak ? lineEnd : '');
}

describe('plain order rows read from the text', () => {
  it('give the same rows, customers, problems and notes as every row read as cells, and as the whole file', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(headers.length - 1),
        fc.array(entry, { minLength: 20, maxLength: 90 }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(7, 64, 4096),
        async (h, entries, delimiter, lineEnd, bom, endBreak, piece) => {
          const path = join(dir, `t${n++}.csv`);
          writeFileSync(path, tableText(h, entries, delimiter, lineEnd, bom, endBreak));
          const options = { asOf, purchaseModel: 'off' } as const;
          const plain = await inPieces(path, options, piece, true);
          expect(plain).toEqual(await inPieces(path, options, piece, false));
          expect(plain).toEqual(await wholeFile(path, options));
        },
      ),
      { numRuns: 250 },
    );
  }, 240_000);

  it('give the same result with the purchase models and the learned churn model, on many plain rows', async () => {
    const text = ['customer_id,date,amount'];
    for (let i = 0; i < 3000; i++) {
      const day = 1 + ((i * 7) % 700);
      const date = new Date(Date.UTC(2024, 10, day)).toISOString().slice(0, 10);
      text.push(`C${(i * 7919) % 400},${date},${((i * 37) % 500) / 4 - (i % 50 === 0 ? 200 : 0)}`);
      if (i === 1500) text.push('"C7",2025-06-01,10', 'C8,2025-06-02,$10', 'bad@Mail.com,2025-06-03,4');
    }
    const path = join(dir, 'many.csv');
    writeFileSync(path, text.join('\n') + '\n');
    for (const options of [{ asOf }, { asOf, churnModel: 'learned' }] as const) {
      const plain = await inPieces(path, options, 1 << 14, true);
      expect(plain).toEqual(await inPieces(path, options, 1 << 14, false));
    }
  }, 120_000);
});

describe('a file whose rows are mostly not plain', () => {
  it('stops offering them to the plain reader after a trial, with the same result', async () => {
    const text = ['customer_id,date,amount'];
    for (let i = 0; i < 12_000; i++) text.push(`C${(i * 7919) % 900},2026-0${1 + (i % 9)}-1${i % 10},${i % 3 === 0 ? '' : '$'}${(i % 400) / 4}`);
    const path = join(dir, 'mostly-dollars.csv');
    writeFileSync(path, text.join('\r\n'));
    const options = { asOf, purchaseModel: 'off' } as const;
    const plain = await inPieces(path, options, 1 << 15, true);
    expect(plain).toEqual(await inPieces(path, options, 1 << 15, false));
    expect(plain.score.rows.length).toBe(900);
  }, 120_000);
});

describe('a plain row', () => {
  const layout = orderLayout([['customer_id', 'date', 'amount']], { kind: 'orders', columns: {}, dateOrder: 'auto' });
  const columns = plainColumnsOf(layout);
  const reader = () => new PlainOrderRows(columns as NonNullable<typeof columns>, ',', new OrderAggregator({ asOf }), new CustomerTrails());

  it('is a customer id, an ISO date and a plain amount, and ends at its line break', () => {
    expect(columns).toEqual({ customerId: 0, date: 1, amount: 2 });
    const text = 'C1,2026-01-05,12.50\r\nC2,2026-01-06,-3\n';
    expect(reader().parse(text, 0, false, 3)).toBe(21);
    expect(reader().parse(text, 21, false, 3)).toBe(text.length);
  });

  it('is left to the general reader when a cell needs more than character codes', () => {
    for (const line of ['"C1",2026-01-05,1\n', 'C1 ,2026-01-05,1\n', 'a@b.c,2026-01-05,1\n', 'C1,2026-02-30,1\n', 'C1,3/1/2026,1\n', 'C1,2026-01-05,$1\n', 'C1,2026-01-05,1.\n', ',2026-01-05,1\n', 'C1,2026-01-05\n', 'Copyright,2026-01-05,1\n', 'C1,2026-01-05,1,x\n', 'C1,2026-01-05,1\rC2,2026-01-05,1\n']) {
      expect(reader().parse(line, 0, true, 3), line).toBe(NOT_PLAIN);
    }
  });

  it('waits for the next piece when the text ends inside it', () => {
    expect(reader().parse('C1,2026-01-05,12', 0, false, 3)).toBe(INCOMPLETE);
    expect(reader().parse('C1,2026-01-05,12\r', 0, false, 3)).toBe(INCOMPLETE);
    expect(reader().parse('C1,2026-01-05,12', 0, true, 3)).toBe(16);
  });

  it('is not read in tables with order numbers, statuses or emails', () => {
    for (const header of [['order', 'customer_id', 'date', 'amount'], ['customer_id', 'date', 'amount', 'status'], ['email', 'date', 'amount'], ['customer_id', 'date', 'amount', 'Refunded Amount'], ['customer_id', 'date', 'amount', 'name']]) {
      expect(plainColumnsOf(orderLayout([header], { kind: 'orders', columns: {}, dateOrder: 'auto' })), header.join()).toBeNull();
    }
  });
});
