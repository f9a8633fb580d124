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
import { open } from 'node:fs/promises';
import { OptionsSchema, type OptionsInput } from '../../../core/schema/options.ts';
import { TableConfigSchema, type TableConfigInput } from '../../../adapters/table/contract.ts';
import { OrderPass, type OrderFileRead } from '../../../adapters/table/order-stream.ts';
import type { PlainPiece } from '../../../adapters/table/plain-order-piece.ts';
import type { DateOrder } from '../../../adapters/table/cells.ts';
import { fileBytes, piecesFor } from './plan.ts';
import type { OrderPieceInput, OrderPieceOutput, PieceReader } from './order-protocol.ts';
import { HEAD_ROWS, lineStarts, readHead } from './order-file-head.ts';
import { OrderPieceWorker } from './order-piece-worker.ts';

/** Bytes read at a time (as read-text-stream.ts reads a whole file). */
const BLOCK_BYTES = 4 << 20;

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
  const size = await fileBytes(path);
  if (size === null) return null;
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
      const turn = await piece;
      if ('error' in turn) throw turn.error;
      if (!turn.output.plain) return null;
      pass.addPlainPiece(turn.output.piece);
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

/** A piece's reading: its output, or what stopped it (thrown when its turn comes). */
type Turn = { output: OrderPieceOutput } | { error: unknown };

/**
 * Each piece's reading, in piece order: the readers take the pieces in turn, each the next one not yet
 * taken, until a piece is not plain (or fails) and the rest are left. A piece is only awaited after the
 * pieces before it, so every piece awaited was taken.
 */
function readInTurn(inputs: OrderPieceInput[], readers: PieceReader[]): Promise<Turn>[] {
  const settles: ((turn: Turn) => void)[] = [];
  const turns = inputs.map(() => new Promise<Turn>((resolve) => settles.push(resolve)));
  let next = 0;
  let stopped = false;
  for (const reader of readers) {
    void (async () => {
      while (!stopped && next < inputs.length) {
        const k = next++;
        const settle = settles[k] as (turn: Turn) => void;
        try {
          const output = await reader.read(inputs[k] as OrderPieceInput);
          if (!output.plain) stopped = true;
          settle({ output });
        } catch (error) {
          stopped = true;
          settle({ error });
        }
      }
    })();
  }
  return turns;
}
