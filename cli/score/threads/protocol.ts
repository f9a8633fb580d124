// The steps a worker thread takes on its piece of a customer table, and what it hands back at each.
// Between steps the main thread decides what needs the whole table: the layout (from the first rows),
// repeated ids and each date column's day/month order (from every piece), and the R, F, M ranks.
// Plain data and typed arrays only: messages are structured-cloned, the arrays transferred.
import type { Cell, CustomerField } from '../../../adapters/table/contract.ts';
import type { DateOrder, DateOrderSeen } from '../../../adapters/table/cells.ts';
import type { OptionsInput } from '../../../core/schema/options.ts';
import type { RfmScores } from '../../../core/rfm.ts';
import type { TextEncoding } from '../../../adapters/table/text-encoding.ts';
import type { FactColumns } from './summary-facts.ts';
import type { WorkerReply } from './worker-calls.ts';

/** How many of a piece's first rows the main thread sees: the header is looked for among a table's first 20 rows. */
export const HEAD_ROWS = 20;

export interface ParseInput {
  text: string;
  delimiter: ',' | ';' | '\t';
}
export interface ParseOutput {
  rows: number;
  /** The piece's first HEAD_ROWS rows (fewer when it has fewer). */
  head: Cell[][];
  /** Rows whose quote never closes in this piece: a cut inside a quoted field, or a real unclosed quote. */
  unclosedQuotes: number;
}

export interface LayoutInput {
  /** Table index of the piece's first row. */
  rowOffset: number;
  headerIndex: number;
  headers: string[];
  mapping: Partial<Record<CustomerField, number>>;
  headerKeys: [number, string][];
  /** An earlier run's result block to blank below its header row (adapters/table/earlier-results.ts). */
  earlier: { row: number; block: { start: number; end: number } } | null;
  /** Columns of the date fields whose day/month order is inferred from their values. */
  dateColumns: number[];
  /** The last piece also finds where the table ends (a report footer, trailing blank lines). */
  last: boolean;
}
export interface LayoutOutput {
  /**
   * The hash (core/fnv1a.ts) of each id to check for repeats, in row order, and the piece's row index of
   * each: a million id strings cloned to the main thread and hashed there cost it ~0.5 s; the text of
   * the few ids whose hash another shares is asked for in the ids step.
   */
  hashes: Uint32Array;
  idRows: Int32Array;
  /** Per entry of dateColumns, what its slash dates showed in this piece. */
  seen: DateOrderSeen[];
  /** The last piece's view of the table's end; null for other pieces. */
  end: TableEnd | null;
}

export interface TableEnd {
  /** Table index one past the last data row. */
  bodyEnd: number;
  footer: { from: number; to: number; lines: string[] } | null;
  /** 1-based table row of the last line holding text at or after bodyEnd; 0 for none. */
  lastContent: number;
  /** True when the last piece holds no data row at all (the table's end may lie in an earlier piece). */
  unsure: boolean;
}

/** Which of the piece's ids (by index in LayoutOutput.hashes) to hand over as text. */
export interface IdsInput {
  at: Int32Array;
}
export interface IdsOutput {
  ids: string[];
}

export interface ReadInput {
  /** Table index one past the last data row (every piece's rows before it are data rows). */
  bodyEnd: number;
  /** Per piece row: the row its id was first seen on when it is a repeat, else 0. */
  firstRows: Int32Array;
  dateOrders: Partial<Record<CustomerField, DateOrder>>;
  asOf: string;
  options: OptionsInput;
}
export interface ReadOutput {
  /** The ranking figures of the piece's scorable customers, in row order (core/scorable-columns.ts). */
  lastDay: Float64Array;
  orders: Float64Array;
  spend: Float64Array;
  satisfactionAbove5: boolean;
  /** Scorable customers whose purchase days came from orders (a purchase model would be fitted on them). */
  fromOrders: number;
}

export interface ScoreInput {
  /** R, F, M of the piece's scorable customers, in the order of ReadOutput. */
  ranks: RfmScores;
  satisfactionAbove5: boolean;
  /** Table index one past the last line written (lines under a footer that are blank are not). */
  outputEnd: number;
  /** How lines are written; null: not at all (only the summary is shown). */
  output: PiecesOutput | null;
  /**
   * A UTF-8 file (output.to 'file') the piece writes its lines into as it makes them, from byte `at` on:
   * the scored file for the first piece, whose place in it is known before any piece is scored; for
   * the others (`side`) a new file of the piece's own, which the write step copies into the scored file
   * and removes (4 MB buffers reused, where ~170 MB of kept buffers made V8 collect the whole heap
   * again and again). Null: the lines are kept for the write step.
   */
  streamInto: (WriteInput & { side: boolean }) | null;
}
/**
 * How a piece writes its lines: encoded, and either kept for the write step (a file), handed back
 * (stdout), or written into `stream` as they are made (a piece in this thread only: a stream is not
 * data a worker can be sent; in-thread-runner.ts).
 */
export type PiecesOutput = { lineEnd: '\n' | '\r\n'; encoding: TextEncoding } & ({ to: 'file' | 'reply' } | { to: 'stream'; stream: NodeJS.WritableStream });
export interface ScoreOutput {
  /** The piece's output lines, encoded, in order: handed back when output.to is 'reply', else kept for the write step. */
  chunks: Uint8Array[];
  /** Bytes of output the piece holds or handed back. */
  bytes: number;
  /** One entry per data row of the piece. */
  facts: FactColumns;
}

/** A file opened by each piece itself and written from `at` on, so the pieces' bytes never pass through the main thread. */
export interface WriteInput {
  path: string;
  at: number;
}

export interface Steps {
  parse: [ParseInput, ParseOutput];
  layout: [LayoutInput, LayoutOutput];
  ids: [IdsInput, IdsOutput];
  read: [ReadInput, ReadOutput];
  score: [ScoreInput, ScoreOutput];
  write: [WriteInput, { bytes: number }];
}
export type Step = keyof Steps;

export type Request = { [S in Step]: { step: S; input: Steps[S][0] } }[Step];
/** `code`: a file system error's code (ENOSPC …), so the main thread words it as for one thread. */
export type Reply = WorkerReply<unknown>;
