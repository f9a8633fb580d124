// `score --orders` reading an order text file on several threads, with the same aggregator and trails
// (so the same output bytes) as reading it in one thread (adapters/table/order-stream.ts readOrderFile).
//
// The main thread reads the head (the first rows, where the header is found) with the one-thread
// reader, OrderPass, which also says whether the table's rows can be plain (plain-order-rows.ts
// plainColumnsOf). The rest of the file is cut at line starts into pieces (one per thread, smaller for
// a big file). With no more pieces than threads the main thread reads the first piece on with the same
// OrderPass, as one thread would. Each worker thread (order-worker.ts) reads a piece's rows, all plain,
// into its own typed arrays, then takes the next piece; the main thread adds the pieces to the OrderPass
// in piece order as they come (PlainOrderRows.addPiece), row numbers offset by the rows before each
// piece, and finishes it as one thread would. Only the pieces in flight are held besides the
// aggregator's 16 bytes an order.
// Anything in a worker's piece that the plain reader would leave to the general reader (a row that is
// not plain, a quote, a blank or footer-like row, a row wider than the head's, a non-ISO date, a byte
// order mark inside, bytes that are not UTF-8, ...), an earlier run's result block, a quote left open
// where the head or the main thread's piece ends, a day/month date: null, and the caller reads the file
// in one thread, start to finish.
import { open, stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { OptionsSchema, type OptionsInput } from '../../../core/schema/options.ts';
import { TableConfigSchema, TableError, type TableConfigInput } from '../../../adapters/table/contract.ts';
import { OrderPass, type OrderFileRead } from '../../../adapters/table/order-stream.ts';
import { streamTextTable, type TextStart } from '../../../adapters/table/read-text-stream.ts';
import type { PlainPiece } from '../../../adapters/table/plain-order-piece.ts';
import type { DateOrder } from '../../../adapters/table/cells.ts';
import { piecesFor } from './plan.ts';
import type { OrderPieceInput, OrderPieceOutput, OrderPieceReply } from './order-protocol.ts';

/** Rows the one-thread reader reads as cells before it offers rows to the plain reader (order-stream.ts OrderPass: the header is among them). */
const HEAD_ROWS = 20;
/** Text read at a time while looking for the head's end; the head is given up on past HEAD_LIMIT (a file of very wide rows is read in one thread). */
const HEAD_PIECE_BYTES = 64 << 10;
const HEAD_LIMIT = 1 << 20;
/** Bytes read at a time (as read-text-stream.ts reads a whole file). */
const BLOCK_BYTES = 4 << 20;
/** Bytes looked at after a piece's nominal start for the next line start. */
const CUT_WINDOW = 64 << 10;

/** Reads pieces one after another: on a worker thread (OrderPieceWorker), or in this thread for tests (order-piece-file.ts readOrderPiece). */
export interface PieceReader {
  read(input: OrderPieceInput): Promise<OrderPieceOutput>;
  close(): Promise<void>;
}

export interface OrderThreads {
  threads: number;
  minPieceBytes: number;
  /** The largest piece (MAX_PIECE_BYTES): a big file is cut into more pieces than threads, so fewer orders wait outside the aggregator. */
  maxPieceBytes?: number;
  onRows?: (rows: number) => void;
  /** One reader per thread. */
  readerFor?: () => PieceReader;
}

/** The largest piece: ~5M plain orders of the bench's kind, ~85 MB of typed arrays, added to the aggregator as soon as the pieces before it are. */
export const MAX_PIECE_BYTES = 128 << 20;

/** The file read in pieces on `threads` worker threads, or null when it is to be read in one thread (see above). */
export async function readOrderFileInPieces(path: string, configInput: TableConfigInput, optionsInput: OptionsInput, how: OrderThreads): Promise<OrderFileRead | null> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    // Reading it in one thread says why it cannot be read, in the words it always used.
    if ((error as NodeJS.ErrnoException).code !== undefined) return null;
    throw error;
  }
  const pieces = piecesFor(size, how.threads, how.minPieceBytes);
  if (pieces < 2) return null;
  const config = TableConfigSchema.parse({ ...configInput, kind: 'orders' });
  const options = OptionsSchema.parse(optionsInput);
  const dateOrder: DateOrder = config.dateOrder === 'auto' ? 'mdy' : config.dateOrder;
  const head = await readHead(path, (start) => new OrderPass(start, config, options, dateOrder, how.onRows));
  if (head === null) return null;
  const { pass } = head;
  const at = pass.handOver();
  if (at === null) return null;
  const count = Math.max(pieces, Math.ceil((size - head.bytes) / (how.maxPieceBytes ?? MAX_PIECE_BYTES)));
  const cuts = await lineStarts(path, head.bytes, size, count);
  if (cuts.length < 2) return null;
  // Room for the orders at the head's rate of bytes per row, so the pieces' arrays rarely grow.
  const bytesPerRow = head.bytes / Math.max(1, at.rows);
  const inputs: OrderPieceInput[] = [];
  // No more pieces than threads: this thread reads the first piece itself, with the one-thread reader
  // (no piece to hand over and add for it), while the worker threads read the others.
  const here = cuts.length - 1 <= pieces;
  for (let k = here ? 1 : 0; k + 1 < cuts.length; k++) {
    const start = cuts[k] as number;
    const end = cuts[k + 1] as number;
    inputs.push({ path, start, end, final: end === size, delimiter: at.delimiter, columns: at.columns, widest: at.widest, expectedRows: Math.ceil(((end - start) / bytesPerRow) * 1.03) + 64 });
  }
  const aggregator = pass.aggregator;
  aggregator.reserve(aggregator.orderCount + HEAD_ROWS + Math.ceil(((size - head.bytes) / bytesPerRow) * 1.03));
  const readers = Array.from({ length: Math.min(pieces - (here ? 1 : 0), inputs.length) }, how.readerFor ?? (() => new OrderPieceWorker()));
  try {
    const read = readInTurn(inputs, readers);
    if (here && !(await readHere(path, cuts[0] as number, cuts[1] as number, pass))) return null;
    for (const piece of read) {
      const output = await piece;
      if (!output.plain) return null;
      pass.addPlainPiece(output.piece);
    }
  } finally {
    await Promise.all(readers.map((r) => r.close()));
  }
  const read = pass.finish();
  // A day/month date in the head: the one-thread reader reads the file again that way.
  if (read.inferred !== null && read.inferred !== dateOrder) return null;
  return { table: read.table, aggregator: read.aggregator, problems: read.problems, text: { encoding: head.start.encoding, delimiter: head.start.delimiter, lineEnd: head.lineEnd } };
}

/**
 * Reads the file's bytes [start, end) (between line starts) into the pass, decoded as the whole file is
 * (a byte order mark there is text, as in the middle of the file). False when they are not UTF-8, or
 * when the rows that follow cannot be handed over to plain pieces (a quote left open at `end`, rows
 * mostly not plain): the file is then read in one thread.
 */
async function readHere(path: string, start: number, end: number, pass: OrderPass): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(BLOCK_BYTES, end - start));
    for (let at = start; at < end; ) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, end - at), at);
      if (bytesRead === 0) throw new Error(`the order file ended at byte ${at}, before byte ${end}: it changed while it was read`);
      at += bytesRead;
      let text: string;
      try {
        text = decoder.decode(buffer.subarray(0, bytesRead), { stream: at < end });
      } catch (error) {
        if (error instanceof TypeError) return false;
        throw error;
      }
      pass.push(text, false, { read: 0, size: 0 });
    }
  } finally {
    await handle.close();
  }
  return pass.handOver() !== null;
}

/**
 * Each piece's reading, in piece order: the readers take the pieces in turn, each the next one not yet
 * taken, until a piece is not plain (or fails) and the rest are left. A piece is only awaited after the
 * pieces before it, so every piece awaited was taken.
 */
function readInTurn(inputs: OrderPieceInput[], readers: PieceReader[]): Promise<OrderPieceOutput>[] {
  const outputs = inputs.map(() => {
    let settle: { resolve: (o: OrderPieceOutput) => void; reject: (e: unknown) => void } | null = null;
    const promise = new Promise<OrderPieceOutput>((resolve, reject) => {
      settle = { resolve, reject };
    });
    // Awaited in turn: a failure is seen when its turn comes (or never, when an earlier piece was not plain).
    promise.catch(() => {});
    return { promise, settle: settle as unknown as { resolve: (o: OrderPieceOutput) => void; reject: (e: unknown) => void } };
  });
  let next = 0;
  let stopped = false;
  for (const reader of readers) {
    void (async () => {
      while (!stopped && next < inputs.length) {
        const k = next++;
        const out = outputs[k] as (typeof outputs)[number];
        try {
          const output = await reader.read(inputs[k] as OrderPieceInput);
          if (!output.plain) stopped = true;
          out.settle.resolve(output);
        } catch (error) {
          stopped = true;
          out.settle.reject(error);
        }
      }
    })();
  }
  return outputs.map((o) => o.promise);
}

class HeadRead extends Error {
  readonly end: number;
  constructor(end: number) {
    super('the head of the order file was read');
    this.end = end;
  }
}

interface Head {
  pass: OrderPass;
  start: TextStart;
  lineEnd: '\n' | '\r\n';
  /** Bytes of the file the head takes (a byte order mark included). */
  bytes: number;
}

/**
 * The first HEAD_ROWS lines read by a new pass, exactly as the one-thread reader starts (encoding,
 * binary check, delimiter: read-text-stream.ts streamTextTable, stopped once the head is in). Null when
 * the file is not UTF-8 text with a delimiter, or cannot be read (the one-thread reader says why).
 */
async function readHead(path: string, passOf: (start: TextStart) => OrderPass): Promise<Head | null> {
  // The head's bytes end after its last line break byte (never inside a UTF-8 character).
  const bytes = await afterLineBreaks(path, HEAD_ROWS, HEAD_LIMIT);
  if (bytes < 0) return null;
  let pass: OrderPass | null = null;
  let start: TextStart | null = null;
  let text = '';
  try {
    await streamTextTable(
      path,
      (s) => {
        start = s;
        // Another encoding (decided, or UTF-8 found wrong in the first megabyte) or whitespace-aligned text: one thread.
        if ((s.encoding !== 'utf-8' && s.encoding !== 'utf-8-bom') || s.delimiter === 'whitespace') throw new HeadRead(-1);
        pass = passOf(s);
        return (piece, final) => {
          text += piece;
          const end = endOfLines(text, HEAD_ROWS);
          if (end >= 0) throw new HeadRead(end);
          if (final) throw new HeadRead(-1);
        };
      },
      HEAD_PIECE_BYTES,
    );
  } catch (error) {
    if (error instanceof TableError) return null;
    if (!(error instanceof HeadRead)) throw error;
    if (error.end < 0 || pass === null || start === null) return null;
    const headText = text.slice(0, error.end);
    (pass as OrderPass).push(headText, false, { read: 0, size: 0 });
    const lf = headText.indexOf('\n');
    const lineEnd = lf > 0 && headText.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
    return { pass, start, lineEnd, bytes };
  }
  return null;
}

/** The byte after the file's `lines`-th line break byte within its first `limit` bytes; -1 when there is none. */
async function afterLineBreaks(path: string, lines: number, limit: number): Promise<number> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return -1; // the one-thread reader says why it cannot be read
  }
  try {
    const bytes = Buffer.alloc(limit);
    const { bytesRead } = await handle.read(bytes, 0, limit, 0);
    let at = 0;
    for (let k = 0; k < lines; k++) {
      const lf = bytes.subarray(0, bytesRead).indexOf(10, at);
      if (lf < 0) return -1;
      at = lf + 1;
    }
    return at;
  } finally {
    await handle.close();
  }
}

/** Where the text after its first `lines` line breaks starts; -1 when it has fewer. */
function endOfLines(text: string, lines: number): number {
  let at = 0;
  for (let k = 0; k < lines; k++) {
    const lf = text.indexOf('\n', at);
    if (lf < 0) return -1;
    at = lf + 1;
  }
  return at;
}

/** Byte offsets [from, c1, …, size] of up to `pieces` pieces of about equal length, each cut just after a line break byte. */
async function lineStarts(path: string, from: number, size: number, pieces: number): Promise<number[]> {
  const cuts = [from];
  const handle = await open(path, 'r');
  try {
    const window = Buffer.alloc(CUT_WINDOW);
    for (let k = 1; k < pieces; k++) {
      let at = Math.max(cuts[cuts.length - 1] as number, from + Math.floor(((size - from) * k) / pieces));
      let cut = -1;
      while (cut < 0 && at < size) {
        const { bytesRead } = await handle.read(window, 0, Math.min(window.length, size - at), at);
        if (bytesRead === 0) break;
        const lf = window.subarray(0, bytesRead).indexOf(10);
        if (lf >= 0) cut = at + lf + 1;
        else at += bytesRead;
      }
      if (cut < 0 || cut >= size) break;
      cuts.push(cut);
    }
  } finally {
    await handle.close();
  }
  if (size > (cuts[cuts.length - 1] as number)) cuts.push(size);
  return cuts;
}

/**
 * Where the worker's code is: next to this file when running from source (Node strips the types), or
 * the bundle's own entry dist/cli/order-worker.js (build/targets/cli.ts), this code then being in one
 * of the bundle's chunks (dist/cli/chunks/) or in dist/cli/tierwise.js itself.
 */
export function orderWorkerUrl(here: string = import.meta.url): URL {
  if (here.endsWith('.ts')) return new URL('./order-worker.ts', here);
  return new URL(here.includes('/chunks/') ? '../order-worker.js' : './order-worker.js', here);
}

/** Reads pieces on a worker thread of its own (order-worker.ts), one at a time. */
export class OrderPieceWorker implements PieceReader {
  readonly #worker: Worker;
  #waiting: { resolve: (output: OrderPieceOutput) => void; reject: (error: Error) => void } | null = null;
  #failure: Error | null = null;

  constructor(url: URL = orderWorkerUrl()) {
    this.#worker = new Worker(url);
    this.#worker.on('message', (reply: OrderPieceReply) => {
      const waiting = this.#take();
      if (reply.ok) waiting?.resolve(reply.output);
      else {
        const error: NodeJS.ErrnoException = new Error(`in a worker thread: ${reply.message}`);
        error.stack = reply.stack;
        if (reply.code !== null) error.code = reply.code;
        waiting?.reject(error);
      }
    });
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) => this.#fail(new Error(`a worker thread stopped (exit code ${code}) while reading a piece of the order file`)));
  }

  read(input: OrderPieceInput): Promise<OrderPieceOutput> {
    if (this.#failure !== null) return Promise.reject(this.#failure);
    if (this.#waiting !== null) return Promise.reject(new Error('a worker thread was sent a piece of the order file while still reading one'));
    return new Promise<OrderPieceOutput>((resolve, reject) => {
      this.#waiting = { resolve, reject };
      this.#worker.postMessage(input);
    });
  }

  async close(): Promise<void> {
    this.#worker.removeAllListeners('exit');
    this.#fail(new Error('the order file was read in one thread after all'));
    await this.#worker.terminate();
  }

  #take() {
    const waiting = this.#waiting;
    this.#waiting = null;
    return waiting;
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    this.#take()?.reject(error);
  }
}
