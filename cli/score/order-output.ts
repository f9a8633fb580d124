// `score --orders` output, written batch by batch as the customers are scored (adapters/table/
// order-results.ts): the scored CSV, the --json array and the table on stdout each get a batch and
// the batch is dropped, so 10M orders' million results never exist at once. Bytes are those the
// whole-list writers (write-output.ts, json-output.ts) write. A workbook (.xlsx) is built in memory
// (write-excel-file writes one sheet whole; its row limit, 1,048,576, bounds it).
import { once } from 'node:events';
import type { OrderResults, OrderResultsEnd } from '../../adapters/table/order-results.ts';
import type { Cell, ScoredRow } from '../../adapters/table/contract.ts';
import type { TextEncoding } from '../../adapters/table/text-encoding.ts';
import { encoderFor, outputEncoding } from '../../adapters/table/text-encoding.ts';
import { neutraliseFormula } from '../../adapters/table/formula-guard.ts';
import type { Language } from '../../core/schema/options.ts';
import type { Result } from '../../core/schema/result.ts';
import { csvResultFields, csvText } from './csv-result-fields.ts';
import { Utf8Chunks, utf8Most } from './utf8-lines.ts';
import { ResultFieldBytes } from './result-field-bytes.ts';
import { csvLine, orderHeaderCells, orderRowCells, writeStream, writeThroughTemporary, xlsxCell, xlsxResultCells, type WriteOptions } from './write-output.ts';
import { JsonArrayWriter } from './json-output.ts';

const COMMA = 0x2c;

export interface OrderTargets {
  /** --json: the rows as a JSON array on this stream. */
  json: NodeJS.WritableStream | null;
  /** No --out and no summary: the scored table as CSV on this stream. */
  table: NodeJS.WritableStream | null;
  /** --out: the file, and the input's encoding and line end (kept in a CSV copy). */
  out: { path: string; encoding: TextEncoding | null; lineEnd: string } | null;
}

/** One batch of rows at a time, then done. */
interface Sink {
  rows(batch: readonly ScoredRow[]): Promise<void>;
  done(): Promise<void>;
}

/** Reads every batch of `results` into the targets; what the summary needs comes back. */
export async function writeOrderResults(results: OrderResults, targets: OrderTargets, options: WriteOptions): Promise<OrderResultsEnd> {
  const streams: Sink[] = [];
  if (targets.json !== null) streams.push(jsonSink(targets.json));
  if (targets.table !== null) streams.push(textSink((chunk) => write(targets.table as NodeJS.WritableStream, chunk), options, '\n'));
  const out = targets.out;
  if (out === null) {
    await pump(results, streams, options);
    return results.end();
  }
  await writeThroughTemporary(out.path, async (temporary) => {
    if (/\.xlsx$/i.test(out.path)) {
      const sheet = xlsxSink(options);
      await pump(results, [...streams, sheet], options);
      await sheet.toFile(temporary);
      return;
    }
    const encoding = outputEncoding(out.encoding, options.plainUtf8);
    const encoder = encoderFor(encoding);
    await writeStream(temporary, encoder.bom, async (file) => {
      const utf8 = encoding === 'utf-8' || encoding === 'utf-8-bom';
      const csv = utf8 ? utf8Sink(file, options, out.lineEnd) : textSink((chunk) => write(file, encoder.encode(chunk)), options, out.lineEnd);
      await pump(results, [...streams, csv], options);
    });
  }, options.language);
  return results.end();
}

async function pump(results: OrderResults, sinks: readonly Sink[], options: WriteOptions): Promise<void> {
  let rows = 0;
  for (const batch of results.batches()) {
    for (const sink of sinks) await sink.rows(batch);
    rows += batch.length;
    options.onLines?.(rows);
  }
  for (const sink of sinks) await sink.done();
}

async function write(stream: NodeJS.WritableStream, chunk: string | Uint8Array): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/**
 * Chunks of about 64 KB: a 1 MB chunk of text lives long enough for its lines to be promoted to the
 * old generation, where a million customers' lines piled up as ~1.5 GB of garbage (10M orders).
 */
export const CHUNK_CHARS = 1 << 16;

/**
 * An order row's CSV fields, as csvLine(orderRowCells(...)) makes them (test/cli/order-output.test.ts
 * pins it): the id neutralised against formulas and quoted, the source row, then the result fields
 * from csvResultFields, whose texts of repeated values are made once. The cell-by-cell path copied
 * each row's text three times over and made ~600 bytes of garbage a row (bench/cases/order-output.md).
 */
class OrderRowText {
  readonly #fields: (result: Result) => string;

  constructor(language: Language) {
    this.#fields = csvResultFields(language, ',');
  }

  id(r: ScoredRow): string {
    return csvText(neutraliseFormula(r.id ?? ''), ',');
  }

  fields(r: ScoredRow): string {
    return this.#fields(r.result);
  }

  line(r: ScoredRow): string {
    return `${this.id(r)},${r.row},${this.fields(r)}`;
  }
}

/** The CSV copy as text (scoredTextLines for an order table): a header line, then a line per row, in chunks of CHUNK_CHARS. */
function textSink(write: (chunk: string) => Promise<void>, options: WriteOptions, lineEnd: string): Sink {
  const text = new OrderRowText(options.language);
  let chunk = csvLine(orderHeaderCells(options.language)) + lineEnd;
  return {
    async rows(batch) {
      for (const r of batch) {
        chunk += text.line(r) + lineEnd;
        if (chunk.length >= CHUNK_CHARS) {
          await write(chunk);
          chunk = '';
        }
      }
    },
    async done() {
      if (chunk !== '') await write(chunk);
      chunk = '';
    },
  };
}

/** The same lines as textSink's, written as UTF-8 straight into reused buffers (utf8-lines.ts): no line or chunk string is made. */
function utf8Sink(stream: NodeJS.WritableStream, options: WriteOptions, lineEnd: string): Sink {
  const text = new OrderRowText(options.language);
  const fields = new ResultFieldBytes(options.language, ',');
  const out = new Utf8Chunks(stream);
  const end = Buffer.from(lineEnd, 'utf8');
  let header: string | null = csvLine(orderHeaderCells(options.language));
  const headerFirst = async () => {
    if (header === null) return;
    await out.room(utf8Most(header) + end.length);
    out.text(header);
    out.bytes(end);
    header = null;
  };
  return {
    async rows(batch) {
      await headerFirst();
      for (const r of batch) {
        const id = text.id(r);
        const wait = out.room(utf8Most(id) + fields.prepare(r.result) + 32 + end.length);
        if (wait !== null) await wait;
        out.text(id);
        out.byte(COMMA);
        out.digits(r.row);
        out.byte(COMMA);
        fields.write(out);
        out.bytes(end);
      }
    },
    async done() {
      await headerFirst();
      await out.end();
    },
  };
}

function jsonSink(stream: NodeJS.WritableStream): Sink {
  const json = new JsonArrayWriter(stream);
  return { rows: (batch) => json.rows(batch), done: () => json.end() };
}

/** The workbook's rows, kept until the end (scoredRows for an order table, XLSX cells). */
function xlsxSink(options: WriteOptions): Sink & { toFile(path: string): Promise<void> } {
  const cellsOf = xlsxResultCells(options.language);
  const data: ReturnType<typeof xlsxCell>[][] = [orderHeaderCells(options.language).map(xlsxCell)];
  return {
    async rows(batch) {
      for (const r of batch) data.push(orderRowCells(r, cellsOf, (t) => t).map((c: Cell) => xlsxCell(c)));
    },
    async done() {},
    async toFile(path) {
      const { default: writeXlsxFile } = await import('write-excel-file/node');
      await writeXlsxFile(data as never).toFile(path);
    },
  };
}
