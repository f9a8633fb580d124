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
import { csvLine, orderHeaderCells, orderRowCells, textResultCells, writeStream, writeThroughTemporary, xlsxCell, xlsxResultCells, type WriteOptions } from './write-output.ts';
import { JsonArrayWriter } from './json-output.ts';

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
    const encoder = encoderFor(outputEncoding(out.encoding, options.plainUtf8));
    await writeStream(temporary, encoder.bom, async (file) => {
      const csv = textSink((chunk) => write(file, encoder.encode(chunk)), options, out.lineEnd);
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

/** The CSV copy (scoredTextLines for an order table): a header line, then a line per row, in chunks of CHUNK_CHARS. */
function textSink(write: (chunk: string) => Promise<void>, options: WriteOptions, lineEnd: string): Sink {
  const cellsOf = textResultCells(options.language);
  let chunk = csvLine(orderHeaderCells(options.language)) + lineEnd;
  return {
    async rows(batch) {
      for (const r of batch) {
        chunk += csvLine(orderRowCells(r, cellsOf, neutraliseFormula)) + lineEnd;
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
