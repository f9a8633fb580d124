// What the main thread asks of a worker thread reading a piece of an order file (order-worker.ts),
// and what it hands back. Plain data and typed arrays only: messages are structured-cloned, the
// arrays transferred (adapters/table/plain-order-piece.ts pieceBuffers).
import type { PlainColumns } from '../../../adapters/table/plain-row-parser.ts';
import type { PlainPiece } from '../../../adapters/table/plain-order-piece.ts';
import type { WorkerReply } from './worker-calls.ts';

export interface OrderPieceInput {
  path: string;
  /** The piece's bytes: [start, end), both at line starts (end: the file's end for the last piece). */
  start: number;
  end: number;
  /** The file ends with this piece (its last row may have no line break). */
  final: boolean;
  delimiter: ',' | ';' | '\t';
  columns: PlainColumns;
  /** The most cells a row had before the pieces (a wider row is not plain). */
  widest: number;
  /** Orders the piece is expected to hold, to size its arrays. */
  expectedRows: number;
}

/**
 * The piece's orders when every row was plain UTF-8 text; else why not: a row that is not plain
 * (`row`: the piece row, 0-based), or bytes that are not UTF-8. Either way the main thread then reads
 * the whole file in one thread.
 */
export type OrderPieceOutput = { plain: true; piece: PlainPiece } | { plain: false; why: 'row'; row: number } | { plain: false; why: 'notUtf8' };

/** `code`: a file system error's code (ENOENT …), so the main thread can tell what stopped the piece. */
export type OrderPieceReply = WorkerReply<OrderPieceOutput>;

/** Reads pieces one after another: on a worker thread (order-piece-worker.ts), or in this thread for tests (order-piece-file.ts readOrderPiece). */
export interface PieceReader {
  read(input: OrderPieceInput): Promise<OrderPieceOutput>;
  close(): Promise<void>;
}
