// One piece of a customer table, as a worker thread holds it through the steps of protocol.ts:
// parse its text, find its ids and date evidence, read its rows into customers, score them with the
// table's global ranks into its output lines, and write those into the scored file. Each step calls the code the one-thread path runs
// (csv.ts, customer-table.ts, core/score.ts, write-output.ts), so a piece's lines are that path's lines.
import { Writable } from 'node:stream';
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import type { Cell, ScoredRow } from '../../../adapters/table/contract.ts';
import { parseDelimitedOffsets, type RowSpans } from '../../../adapters/table/csv.ts';
import { TextRows } from '../../../adapters/table/text-rows.ts';
import { DateOrderEvidence } from '../../../adapters/table/cells.ts';
import { blankResultCells } from '../../../adapters/table/earlier-results.ts';
import { mayBeFooter, tableBody } from '../../../adapters/table/read-rows.ts';
import { repeatableId, type CustomerRow, type RowContext } from '../../../adapters/table/customer-table.ts';
import { CustomerColumns } from '../../../adapters/table/customer-columns.ts';
import { PlainIds, readCustomersInto } from '../../../adapters/table/plain-customer-rows.ts';
import { idHashes } from '../../../adapters/table/repeated-ids.ts';
import { blankCustomer } from '../../../core/customer-guard.ts';
import { PassReader } from '../../../core/pass-reader.ts';
import { headerOfColumn, scoredRowOf } from '../../../adapters/table/score-table.ts';
import type { Result } from '../../../core/schema/result.ts';
import { encoderFor } from '../../../adapters/table/text-encoding.ts';
import { OptionsSchema, type Options } from '../../../core/schema/options.ts';
import { checkCustomers, scoreRange, type CheckedCustomers } from '../../../core/score.ts';
import { dayNumber } from '../../../core/dates.ts';
import { lastContentRow, ScoredLines, writeLines, writeStream } from '../write-output.ts';
import { writeUtf8Lines } from '../utf8-lines.ts';
import { FactsWriter } from './summary-facts.ts';
import { HEAD_ROWS, type IdsInput, type IdsOutput, type LayoutInput, type LayoutOutput, type ParseInput, type ParseOutput, type ReadInput, type ReadOutput, type ScoreInput, type ScoreOutput, type WriteInput } from './protocol.ts';

/** Customers scored at a time: results of a small range die young (a larger range's are promoted to the old generation first). */
const SCORED_AT_ONCE = 1024;

/**
 * The piece's data rows once read: the customers are kept as columns (customer-columns.ts) for the
 * scorer to read back, and only the rows that cannot be scored as CustomerRows, with their problem.
 */
interface ReadRows {
  /** Table index of the first data row, and how many data rows follow it. */
  first: number;
  count: number;
  /** By data row (0 = the first): the rows that are not customers. */
  unscored: Map<number, CustomerRow>;
}

/** What a step leaves for the next one. */
interface Parsed {
  text: string;
  delimiter: ',' | ';' | '\t';
  /** The piece's rows, read from its text on demand (no grid of cells). */
  cells: TextRows;
  spans: RowSpans;
}

export class TablePiece {
  #parsed: Parsed | null = null;
  #layout: LayoutInput | null = null;
  #rows: ReadRows = { first: 0, count: 0, unscored: new Map() };
  #scoring: { options: Options; reader: PassReader; checked: CheckedCustomers } | null = null;
  #chunks: Uint8Array[] = [];
  /** The piece's own file its lines were streamed into (ScoreInput.streamInto side), until the write step copies it. */
  #side: string | null = null;
  /** The ids the layout step hashed, for the ids step. */
  #ids: string[] = [];

  parse({ text, delimiter }: ParseInput): ParseOutput {
    const parsed = parseDelimitedOffsets(text, delimiter);
    const cells = new TextRows(parsed, delimiter);
    // Rows with an unclosed quote are only counted: the main thread then reads the file in one piece.
    this.#parsed = { text: parsed.text, delimiter, cells, spans: parsed.spans };
    const head: Cell[][] = [];
    for (let i = 0; i < Math.min(cells.length, HEAD_ROWS); i++) head.push(cells.row(i) as Cell[]);
    return { rows: cells.length, head, unclosedQuotes: parsed.problems.length };
  }

  layout(input: LayoutInput): LayoutOutput {
    const { cells } = this.#need(this.#parsed, 'parse');
    this.#layout = input;
    const { rowOffset } = input;
    if (input.earlier !== null) blankResultCells(cells, Math.max(0, input.earlier.row + 1 - rowOffset), input.earlier.block);
    const start = Math.max(0, input.headerIndex + 1 - rowOffset);
    let end = cells.length;
    let tableEnd: LayoutOutput['end'] = null;
    if (input.last) {
      // tableBody on this piece alone: exact unless every row of it might belong to a footer block reaching back into the piece before.
      const local = tableBody(cells, Math.max(-1, input.headerIndex - rowOffset));
      end = local.range[1];
      const after = lastContentRow(cells, end);
      tableEnd = {
        bodyEnd: end + rowOffset,
        footer: local.footer === null ? null : { from: local.footer.from + rowOffset, to: local.footer.to + rowOffset, lines: local.footer.lines },
        lastContent: after === 0 ? 0 : after + end + rowOffset,
        unsure: input.headerIndex < rowOffset && everyRowMayBeFooter(cells),
      };
    }
    const context = this.#context(input, {}, '');
    const ids: string[] = [];
    const idRows: number[] = [];
    const evidence = input.dateColumns.map(() => new DateOrderEvidence());
    // Plain ids and ISO dates are read from the text (plain-customer-rows.ts), any other cell as a cell.
    const plain = PlainIds.for(cells, context);
    for (let r = start; r < end; r++) {
      let id = plain === null ? undefined : plain.idAt(r);
      if (id === undefined) id = repeatableId(cells, r, context);
      if (id !== null) {
        ids.push(id);
        idRows.push(r);
      }
      for (let c = 0; c < evidence.length; c++) {
        const column = input.dateColumns[c] as number;
        if (plain === null || !plain.noDateOrder(r, column)) (evidence[c] as DateOrderEvidence).add(cells.cell(r, column));
      }
    }
    this.#ids = ids;
    return { hashes: idHashes(ids), idRows: Int32Array.from(idRows), seen: evidence.map((e) => e.seen()), end: tableEnd };
  }

  ids({ at }: IdsInput): IdsOutput {
    return { ids: Array.from(at, (k) => this.#ids[k] as string) };
  }

  read(input: ReadInput): ReadOutput {
    // Repeats are decided: the ids are not asked for again.
    this.#ids = [];
    const parsed = this.#need(this.#parsed, 'parse');
    const layout = this.#need(this.#layout, 'layout');
    const { rowOffset } = layout;
    const range: [number, number] = [Math.max(0, layout.headerIndex + 1 - rowOffset), Math.min(parsed.cells.length, input.bodyEnd - rowOffset)];
    const context = this.#context(layout, input.dateOrders, input.asOf);
    // Repeats were decided in row order over the whole table on the main thread.
    const firstRowOf = (_id: string, row: number) => {
      const first = input.firstRows[row - 1 - rowOffset] as number;
      return first === 0 ? undefined : first;
    };
    const columns = new CustomerColumns(layout.mapping, range[1] - range[0]);
    const rows: ReadRows = { first: range[0] + rowOffset, count: 0, unscored: new Map() };
    rows.count = readCustomersInto(parsed.cells, range, rowOffset, context, firstRowOf, columns, (k, row) => rows.unscored.set(k, row));
    this.#rows = rows;
    const options = OptionsSchema.parse(input.options);
    // Input k of the scorer is customer k of the columns, read back into one reused record each pass.
    const reader = new PassReader(Int32Array.from({ length: columns.count }, (_, k) => k), columns.checks(), blankCustomer());
    const checked = checkCustomers(reader, options, dayNumber(options.asOf));
    this.#scoring = { options, reader, checked };
    const { lastDay, orders, spend } = checked.columns.rfmInput();
    return { lastDay: lastDay.slice(), orders: orders.slice(), spend: spend.slice(), satisfactionAbove5: checked.satisfactionAbove5, fromOrders: checked.fromOrders };
  }

  async score(input: ScoreInput): Promise<ScoreOutput> {
    const parsed = this.#need(this.#parsed, 'parse');
    const layout = this.#need(this.#layout, 'layout');
    const { options, reader, checked } = this.#need(this.#scoring, 'read');
    const batch = { options, asOfDay: dayNumber(options.asOf), checked: { ...checked, satisfactionAbove5: input.satisfactionAbove5 }, ranks: input.ranks, estimates: null, churn: null };
    // Customers are scored a range at a time as their lines are written, so no piece holds all its results.
    let results: Result[] = [];
    let taken = 0;
    let scoredTo = 0;
    const nextResult = (): Result => {
      if (taken === results.length) {
        const to = Math.min(reader.count, scoredTo + SCORED_AT_ONCE);
        results = scoreRange(reader, batch, scoredTo, to);
        scoredTo = to;
        taken = 0;
      }
      return results[taken++] as Result;
    };
    const rows = this.#rows;
    this.#rows = { first: 0, count: 0, unscored: new Map() };
    const headerOf = headerOfColumn(layout.headers, layout.mapping);
    const facts = new FactsWriter(rows.count);
    const scoredRow = (k: number): Result => {
      const unscored = rows.unscored.get(k);
      const result = unscored === undefined ? nextResult() : scoredRowOf(unscored, nextResult, headerOf, options.language).result;
      facts.add(result);
      return result;
    };
    const chunks: Uint8Array[] = [];
    if (input.output === null) {
      for (let k = 0; k < rows.count; k++) scoredRow(k);
      return { chunks, bytes: 0, facts: facts.finish().columns };
    }

    const lineOf = new ScoredLines(layout.headers, options.language, parsed.delimiter);
    const { text, spans } = parsed;
    const { rowOffset, headerIndex } = layout;
    const firstScored = rows.count > 0 ? rows.first : Number.POSITIVE_INFINITY;
    const bodyEnd = firstScored + rows.count;
    const lines = function* (): Generator<string> {
      const end = Math.min(spans.starts.length, input.outputEnd - rowOffset);
      for (let i = 0; i < end; i++) {
        const line = text.slice(spans.starts[i], spans.ends[i]);
        const width = spans.widths[i] as number;
        const g = i + rowOffset;
        if (g >= firstScored && g < bodyEnd) yield lineOf.scored(line, width, scoredRow(g - firstScored));
        else if (g === headerIndex) yield lineOf.header(line, width);
        else if (g < headerIndex) yield lineOf.unscored(line, width);
        else yield line; // under the table: a footer line, byte for byte
      }
    };
    if (input.streamInto !== null) {
      // The first piece's place in the file is known: its lines go straight there as they are made (reused buffers, no chunk kept).
      const { path, at, side } = input.streamInto;
      const lineEnd = input.output.lineEnd;
      const bytes = await writeStream(path, new Uint8Array(0), (stream) => writeUtf8Lines(stream, lines(), undefined, lineEnd), side ? undefined : at);
      if (side) this.#side = path;
      return { chunks: [], bytes, facts: facts.finish().columns };
    }
    if (input.output.to === 'stream') {
      // One piece in this thread: its lines go straight into the file as the one-thread writer sends them (write-output.ts writeTable).
      const { stream, encoding, lineEnd } = input.output;
      if (encoding === 'utf-8' || encoding === 'utf-8-bom') await writeUtf8Lines(stream, lines(), undefined, lineEnd);
      else await writeLines(stream, lines(), encoderFor(encoding).encode, undefined, lineEnd);
      return { chunks: [], bytes: 0, facts: facts.finish().columns };
    }
    const sink = new Writable({
      write(chunk: Uint8Array, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    const { encoding, lineEnd } = input.output;
    // Lines kept for the write step are written as UTF-8 into new buffers the sink keeps (no chunk string to encode).
    if (input.output.to === 'file' && (encoding === 'utf-8' || encoding === 'utf-8-bom')) await writeUtf8Lines(sink, lines(), undefined, lineEnd, true);
    else await writeLines(sink, lines(), encoderFor(encoding).encode, undefined, lineEnd);
    const bytes = chunks.reduce((n, c) => n + c.byteLength, 0);
    if (input.output.to === 'file') {
      this.#chunks = chunks;
      return { chunks: [], bytes, facts: facts.finish().columns };
    }
    return { chunks: chunks.map(ownBuffer), bytes, facts: facts.finish().columns };
  }

  write({ path, at }: WriteInput): { bytes: number } {
    if (this.#side !== null) return this.#copySide(this.#side, path, at);
    const chunks = this.#chunks;
    this.#chunks = [];
    const fd = openSync(path, 'r+');
    let position = at;
    try {
      for (const chunk of chunks) {
        for (let done = 0; done < chunk.byteLength; ) done += writeSync(fd, chunk, done, chunk.byteLength - done, position + done);
        position += chunk.byteLength;
      }
    } finally {
      closeSync(fd);
    }
    return { bytes: position - at };
  }

  /** The lines streamed into the piece's own file copied into `path` from byte `at` on; the piece's file is removed. */
  #copySide(side: string, path: string, at: number): { bytes: number } {
    this.#side = null;
    const buffer = Buffer.allocUnsafe(4 << 20);
    const from = openSync(side, 'r');
    const to = openSync(path, 'r+');
    let position = at;
    try {
      for (;;) {
        const read = readSync(from, buffer, 0, buffer.length, null);
        if (read === 0) break;
        for (let done = 0; done < read; ) done += writeSync(to, buffer, done, read - done, position + done);
        position += read;
      }
    } finally {
      closeSync(from);
      closeSync(to);
    }
    unlinkSync(side);
    return { bytes: position - at };
  }

  #context(layout: LayoutInput, dateOrders: RowContext['dateOrders'], asOf: string): RowContext {
    return { headerKeys: layout.headerKeys, mapping: layout.mapping, dateOrders, asOf };
  }

  #need<T>(value: T | null, step: string): T {
    if (value === null) throw new Error(`table piece: the ${step} step has not run`);
    return value;
  }
}

/** True when every row of the piece may belong to a report's footer (asked row by row: the first that may not ends it). */
function everyRowMayBeFooter(rows: TextRows): boolean {
  for (let i = 0; i < rows.length; i++) if (!mayBeFooter(rows.row(i))) return false;
  return true;
}

/** A chunk that owns its whole buffer, so it can be transferred (small Buffers share Node's pool). */
function ownBuffer(chunk: Uint8Array): Uint8Array {
  return chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength ? chunk : new Uint8Array(chunk);
}

/** The buffers of a step's output to transfer rather than copy. */
export function transferOf(output: unknown): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  const visit = (value: unknown) => {
    if (ArrayBuffer.isView(value)) {
      if (value.buffer instanceof ArrayBuffer && !buffers.includes(value.buffer)) buffers.push(value.buffer);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
  };
  visit(output);
  return buffers;
}
