// score --orders read in pieces (adapters/table/order-stream.ts) must give exactly what reading the
// whole file gives (readTable + scoreTable), wherever the pieces happen to be cut: inside quoted
// fields, between "\r" and "\n", inside multi-byte UTF-8 and GBK characters, inside bad rows.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import '../fast-check-seed.ts';
import { DelimitedRows } from '../../adapters/table/csv-stream.ts';
import { parseDelimitedWithSpans, type Delimiter } from '../../adapters/table/csv.ts';
import { readTable } from '../../adapters/table/read-file.ts';
import { scoreTable } from '../../adapters/table/score-table.ts';
import { reportUnreadableRows } from '../../adapters/table/unreadable-rows.ts';
import { clearEarlierResults } from '../../adapters/table/earlier-results.ts';
import { OrderPass, scoreOrderFile } from '../../adapters/table/order-stream.ts';
import { TableConfigSchema } from '../../adapters/table/contract.ts';
import { OptionsSchema } from '../../core/schema/options.ts';
import { collectOrderResults, RANGE_SIZE } from '../../adapters/table/order-results.ts';
import { streamTextTable } from '../../adapters/table/read-text-stream.ts';
import type { OptionsInput } from '../../core/schema/options.ts';
import { resultHeaders } from '../../adapters/result-columns.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'tierwise-stream-'));
const asOf = '2026-11-01';

/** What `score --orders` computed before streaming: the whole file read, then scored. */
async function wholeFile(path: string, options: OptionsInput, config: { dateOrder?: 'mdy' | 'dmy' } = {}) {
  const table = await readTable(path);
  clearEarlierResults(table.cells);
  const score = scoreTable(table.cells, { ...config, kind: 'orders' }, options);
  return { score: reportUnreadableRows(score, table.problems, 'en'), encoding: table.text?.encoding, lineEnd: table.text?.lineEnd, problems: table.problems };
}

async function inPieces(path: string, options: OptionsInput, pieceBytes?: number, config: { dateOrder?: 'mdy' | 'dmy' } = {}) {
  const streamed = await scoreOrderFile(path, config, options, undefined, pieceBytes);
  // The streamed rows report the unreadable rows themselves (order-results.ts): compared with reportUnreadableRows on the whole file.
  return { score: collectOrderResults(streamed.results), encoding: streamed.text.encoding, lineEnd: streamed.text.lineEnd, problems: streamed.problems };
}

/** The rows of parseDelimitedWithSpans as read-file.ts hands them on: a row with an unclosed quote has no cells. */
function wholeRows(text: string, delimiter: Delimiter) {
  const parsed = parseDelimitedWithSpans(text, delimiter);
  for (const p of parsed.problems) parsed.rows[p.index] = [];
  return { rows: parsed.rows, problems: parsed.problems };
}

function pieceRows(text: string, delimiter: Delimiter, cuts: number[]) {
  const rows: string[][] = [];
  const reader = new DelimitedRows(delimiter, (cells, index) => {
    expect(index).toBe(rows.length);
    rows.push(cells);
  });
  let at = 0;
  for (const cut of [...new Set(cuts)].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b)) {
    reader.push(text.slice(at, cut), false);
    at = cut;
  }
  reader.push(text.slice(at), true);
  return { rows, problems: reader.problems };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rows read a piece at a time', () => {
  it('are the rows of the whole text, wherever the pieces are cut (quotes, doubled quotes, CR, CRLF, blank lines, unclosed quotes)', () => {
    const alphabet = fc.constantFrom('a', 'b', '1', ',', ';', '"', '""', '\n', '\r\n', '\r', ' ', '中', 'é', '\t');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 120 }), fc.array(fc.nat(400), { maxLength: 12 }), fc.constantFrom<Delimiter>(',', ';', '\t', 'whitespace'), (parts, cuts, delimiter) => {
        const text = parts.join('');
        expect(pieceRows(text, delimiter, cuts)).toEqual(wholeRows(text, delimiter));
      }),
      { numRuns: 3000 },
    );
  });

  it('strips a byte order mark only at the start of the text, even when the first piece is empty', () => {
    const text = '\uFEFFid,date,amount\r\nc1,2026-01-01,5\r\n';
    expect(pieceRows(text, ',', [0, 1, 2])).toEqual(wholeRows(text, ','));
  });
});

// Orders with every kind of trouble: quoted names with commas, doubled quotes and line breaks,
// Chinese names, CRLF, bad amounts and dates, a blank row, a repeated header, an unclosed quote.
function ordersText(rows: number): string {
  const lines = ['Customer ID,Order Date,Amount,Name,Status'];
  for (let i = 0; i < rows; i++) {
    const c = `C${(i * 7919) % 61}`;
    const day = 1 + (i % 28);
    const month = 1 + ((i * 5) % 10);
    const name = i % 3 === 0 ? `"王小明, ""VIP""\n第${i}号"` : i % 3 === 1 ? `张伟${i}` : `"Müller, Jürgen"`;
    const amount = i % 97 === 5 ? 'twelve' : (10 + ((i * 37) % 200) / 7).toFixed(2);
    const date = i % 89 === 7 ? '2026-02-30' : `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const status = i % 13 === 0 ? 'refunded' : 'paid';
    lines.push(`${c},${date},${amount},${name},${status}`);
    if (i === 40) lines.push('');
    if (i === 60) lines.push('Customer ID,Order Date,Amount,Name,Status');
    if (i === 80) lines.push('C9,2026-03-01,"12.50,x,paid');
  }
  return lines.join('\r\n') + '\r\n';
}

describe('score --orders read in pieces', () => {
  const options = { asOf, purchaseModel: 'off' } as const;

  it('scores UTF-8 and GBK files cut inside quoted fields, CRLF and multi-byte characters exactly as the whole file, each bad row once', async () => {
    const text = ordersText(400);
    const utf8 = join(dir, 'orders-utf8.csv');
    writeFileSync(utf8, text);
    const gbk = join(dir, 'orders-gbk.csv');
    writeFileSync(gbk, iconv.encode(text, 'gbk'));
    for (const [path, encoding] of [[utf8, 'utf-8'], [gbk, 'gb18030']] as const) {
      const whole = await wholeFile(path, options);
      expect(whole.encoding).toBe(encoding);
      expect(whole.score.rows.filter((r) => r.result.error !== null).length).toBeGreaterThan(5);
      for (const piece of [1, 3, 7, 64, 1000]) {
        const streamed = await inPieces(path, options, piece);
        expect(streamed, `${path}, pieces of ${piece} bytes`).toEqual(whole);
        const bad = streamed.score.rows.filter((r) => r.result.error !== null).map((r) => r.row);
        expect(new Set(bad).size).toBe(bad.length);
      }
    }
  });

  it('reads day/month dates that only a late row settles, as the whole file does (a second pass)', async () => {
    const lines = ['customer,date,amount'];
    for (let i = 0; i < 300; i++) lines.push(`c${i % 20},${1 + (i % 12)}/${1 + (i % 9)}/2026,${i + 1}`);
    lines.push('c1,25/10/2026,9');
    const path = join(dir, 'dmy.csv');
    writeFileSync(path, lines.join('\n'));
    const whole = await wholeFile(path, options);
    expect(whole.score.rows.every((r) => r.result.error === null)).toBe(true);
    expect(await inPieces(path, options, 256)).toEqual(whole);
  });

  it('starts again in the legacy encoding when a byte past the first piece is not UTF-8', async () => {
    const lines = ['customer,date,amount,name'];
    for (let i = 0; i < 300; i++) lines.push(`c${i % 20},2026-0${1 + (i % 9)}-1${i % 10},${i + 1},Ann`);
    lines.push('c1,2026-03-01,9,Müller');
    const path = join(dir, 'cp1252.csv');
    writeFileSync(path, iconv.encode(lines.join('\n'), 'windows-1252'));
    const whole = await wholeFile(path, options);
    expect(whole.encoding).toBe('windows-1252');
    expect(await inPieces(path, options, 512)).toEqual(whole);
  });

  it('skips a report footer and blanks an earlier run\'s result columns, as the whole file does', async () => {
    const path = join(dir, 'footer.csv');
    const results = resultHeaders('en');
    const old = (...cells: string[]) => ',,,' + cells.join(',');
    const lines = ['Orders report', `customer,date,amount,${results.join(',')}`, 'a,2026-01-02,5' + old('A', 'Champions'), old('B', 'Loyal'), 'b,2026-02-03,7', 'x', '', 'a,2026-03-04,9', '', '', 'Grand Totals (3 records)', 'Copyright (c) 2000-2026 salesforce.com, inc.', ''];
    writeFileSync(path, lines.join('\n'));
    const whole = await wholeFile(path, options);
    expect(whole.score.warnings.some((w) => w.startsWith('Rows 9-12 are the report'))).toBe(true);
    expect(whole.score.rows.find((r) => r.row === 4)?.result.error).toBe('Row 4 is blank');
    expect(await inPieces(path, options, 5)).toEqual(whole);
  });

  it('gives every order fixture (purchase models and churn model choice included) exactly the whole-file result', async () => {
    const exports = join(ROOT, 'test', 'fixtures', 'exports');
    const files = [join(ROOT, 'sample', 'orders.csv'), ...readdirSync(exports).filter((f) => /(orders|online-retail).*\.csv$/.test(f)).map((f) => join(exports, f))];
    for (const path of files) expect(await inPieces(path, { asOf }, 4096), path).toEqual(await wholeFile(path, { asOf }));
    // The learned model reads the whole order log (order-columns.ts builds it from the typed arrays).
    const sample = join(ROOT, 'sample', 'orders.csv');
    expect(await inPieces(sample, { asOf, churnModel: 'learned' })).toEqual(await wholeFile(sample, { asOf, churnModel: 'learned' }));
  }, 240_000);

  // Shopify's orders export (test/fixtures/exports/shopify-orders.csv): one row per line item, the
  // order's cells (email, status, total, date) on its first line only, the lines one after another,
  // the order's number in "Id".
  function lineItems(orders: number, apart: boolean): string {
    const lines = ['Id,Email,Financial Status,Total,Created at,Lineitem quantity,Lineitem price'];
    for (let k = 0; k < orders; k++) {
      const status = k % 11 === 3 ? 'refunded' : k % 17 === 5 ? 'pending' : 'paid';
      const date = `2026-${String(1 + (k % 9)).padStart(2, '0')}-${String(1 + (k % 27)).padStart(2, '0')} 10:00:00 -0500`;
      lines.push(`#${1000 + k},c${k % 37}@example.com,${status},${(20 + (k % 50)).toFixed(2)},${date},1,9.50`);
      for (let j = 0; j < k % 3; j++) lines.push(`#${1000 + k},,,,,2,${(3 + j).toFixed(2)}`);
      // An order's line far from its first (a hand-sorted export): the file is surveyed for each order's last row and read again.
      if (apart && k === orders - 2) lines.push('#1007,,,,,1,4.00');
    }
    return lines.join('\n') + '\n';
  }

  it('reads a line-item export an order at a time, and one whose lines are apart with each order\'s last row, both as the whole file', async () => {
    for (const apart of [false, true]) {
      const path = join(dir, `line-items-${apart ? 'apart' : 'together'}.csv`);
      writeFileSync(path, lineItems(300, apart));
      const whole = await wholeFile(path, { asOf });
      expect(whole.score.warnings.some((w) => w.includes('are the line items of') && w.includes('column "Id"'))).toBe(true);
      expect(whole.score.rows.filter((r) => r.result.error === null).length).toBe(37);
      for (const piece of [64, 4096]) expect(await inPieces(path, { asOf }, piece), `${apart ? 'apart' : 'together'}, pieces of ${piece}`).toEqual(whole);
    }
  });

  it('reads an order-lines export sorted by day and product (every order\'s lines apart) as the whole file', async () => {
    // An ERP's order lines sorted by day, then product: the lines of an order are spread over its day.
    const rows: { day: number; product: number; line: string }[] = [];
    for (let k = 0; k < 400; k++) {
      const day = 1 + (k % 20);
      const status = k % 13 === 4 ? 'refunded' : 'paid';
      for (let j = 0; j <= k % 3; j++) {
        const product = (k * 7 + j * 11) % 17;
        rows.push({ day, product, line: `SO${5000 + k},c${k % 41},2026-03-${String(day).padStart(2, '0')},${status},P${product},${(5 + ((k + j) % 40)).toFixed(2)}` });
      }
    }
    rows.sort((a, b) => a.day - b.day || a.product - b.product);
    const path = join(dir, 'order-lines-by-product.csv');
    writeFileSync(path, ['Order No,Customer,Date,Status,Product,Line Total', ...rows.map((r) => r.line)].join('\n') + '\n');
    const whole = await wholeFile(path, { asOf });
    expect(whole.score.warnings.some((w) => w.includes('are the line items of 400 orders'))).toBe(true);
    for (const piece of [128, 4096]) expect(await inPieces(path, { asOf }, piece), `pieces of ${piece}`).toEqual(whole);
  });

  it('reads wide exports with unmapped columns exactly as the whole file (blank, footer-like and quoted cells anywhere)', async () => {
    const cell = fc.constantFrom('', ' ', '  x', 'y ', 'note', '"a, b"', '"say ""hi"""', 'Grand Totals', 'Total (2 records)', '合计', 'x\ty');
    const row = fc.record({
      customer: fc.constantFrom('c1', 'c2', 'c3', '', ' c4 '),
      date: fc.constantFrom('2026-03-01', '2026-04-02 10:00', '', 'soon'),
      amount: fc.constantFrom('5', '12.50', '', '-3', 'x'),
      extra: fc.array(cell, { minLength: 3, maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 20, maxLength: 60 }), fc.constantFrom(16, 64, 4096), async (rows, piece) => {
        const lines = ['Note,Customer,Extra,Order Date,Amount,Tail'];
        for (const r of rows) lines.push([r.extra[0], r.customer, r.extra[1], r.date, r.amount, r.extra[2]].join(','));
        const path = join(dir, 'wide.csv');
        writeFileSync(path, lines.join('\n') + '\n');
        const options = { asOf, purchaseModel: 'off' } as const;
        expect(await inPieces(path, options, piece)).toEqual(await wholeFile(path, options));
      }),
      { numRuns: 60 },
    );
  });

  it('stops reading with the lines-together reader where an order comes back, without handing on the rest', async () => {
    const text = lineItems(300, true);
    const config = TableConfigSchema.parse({ kind: 'orders' });
    const options = OptionsSchema.parse({ asOf });
    const start = { encoding: 'utf-8', delimiter: ',' } as const;
    const together = new OrderPass(start, config, options, 'mdy', undefined, true, 'together');
    expect(() => together.push(text, true, { read: text.length, size: text.length })).toThrow(/order "#1007" has a line at row \d+, after the lines of other orders/);
    const anywhere = new OrderPass(start, config, options, 'mdy', undefined, true, 'anywhere');
    anywhere.push(text, true, { read: text.length, size: text.length });
    expect(anywhere.finish().aggregator.orderCount).toBeGreaterThan(250);
  });

  it('holds few results while writing customers whose first row is a refund and whose purchase comes last', async () => {
    // Written by first row, scored by first kept order: the 3,000 customers refunded at the top are
    // written first, yet their purchases come after 3,000 other customers'.
    const lines = ['customer,date,amount,status'];
    for (let i = 0; i < 3000; i++) lines.push(`late${i},2026-01-0${1 + (i % 9)},20,refunded`);
    for (let i = 0; i < 3000; i++) lines.push(`early${i},2026-02-0${1 + (i % 9)},${10 + (i % 50)},paid`);
    for (let i = 0; i < 3000; i++) lines.push(`late${i},2026-09-0${1 + (i % 9)},${30 + (i % 70)},paid`);
    const path = join(dir, 'refunds-first.csv');
    writeFileSync(path, lines.join('\n') + '\n');
    const options = { asOf, purchaseModel: 'off' } as const;
    const streamed = await scoreOrderFile(path, {}, options);
    const score = collectOrderResults(streamed.results);
    expect(score.rows.slice(0, 3).map((r) => r.id)).toEqual(['late0', 'late1', 'late2']);
    expect({ score, encoding: streamed.text.encoding, lineEnd: streamed.text.lineEnd, problems: streamed.problems }).toEqual(await wholeFile(path, options));
    expect(streamed.results.end().mostWaiting).toBeLessThanOrEqual(2 * RANGE_SIZE);
  });

  it('says where each piece of the text came from only once per pass: a binary file is refused before any row is read', async () => {
    const path = join(dir, 'binary.csv');
    writeFileSync(path, Buffer.from([0, 1, 2, 3, 0, 0, 9, 9, 0, 1]));
    let passes = 0;
    await expect(streamTextTable(path, () => {
      passes++;
      return () => undefined;
    })).rejects.toThrow(/looks like binary data/);
    expect(passes).toBe(0);
  });
});
