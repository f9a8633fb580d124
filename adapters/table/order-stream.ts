// `score --orders` on a text file, in pieces: each piece of text is parsed into rows (order-text-rows.ts),
// each row read as an order (order-table.ts's OrderRows) and added to the aggregator's typed arrays;
// rows are dropped as soon as they are read. A plain row (customer id, ISO date, plain amount) is
// read from the text without cells (plain-order-rows.ts), with the same result. What is kept: per customer, the id once, contact
// details and the trail of their orders; per kept order, 16 bytes (customer, day, amount); the rows
// that could not be read. Same result as reading the whole file (readTable + readOrderTable), which
// is what happens for an .xlsx workbook. Two things are only known at the end and start a second
// pass when they turn out otherwise: the file is not UTF-8 (read-text-stream.ts), or its slash dates
// are day/month (read as month/day until a date says otherwise).
import { OptionsSchema, type Language, type Options, type OptionsInput } from '../../core/schema/options.ts';
import { WORDS } from '../../core/i18n/index.ts';
import { OrderAggregator } from '../../core/aggregate-orders.ts';
import { TableConfigSchema, TableError, type Cell, type OrderField, type TableConfigInput } from './contract.ts';
import { OrderTextRows } from './order-text-rows.ts';
import { plainColumnsOf, PlainOrderRows, type PlainColumns } from './plain-order-rows.ts';
import type { PlainPiece } from './plain-order-piece.ts';
import type { RowProblem } from './csv.ts';
import { streamTextTable, type StreamedText, type TextStart } from './read-text-stream.ts';
import { orderLayout, OrderRows, type LinesRead, type OrderRow } from './order-table.ts';
import { footerNote, mayBeFooter, tableBody, type Layout } from './read-rows.ts';
import { cellText } from './header-row.ts';
import { DateOrderEvidence, type DateOrder } from './cells.ts';
import { dateOrderNote } from './date-columns.ts';
import { clearEarlierResults } from './earlier-results.ts';
import { findResultBlock } from '../result-columns.ts';
import { orderResults, type OrderResults, type OrdersToScore } from './order-results.ts';
import { orderHistoryFromColumns } from './order-columns.ts';
import { OrderLinesApart, type LinePlacement } from '../../core/order-lines.ts';
import { TextHashes } from '../../core/text-hashes.ts';

export interface StreamedOrderScore {
  /** The scored rows, to be read batch by batch (rows with an unclosed quote already reported in place). */
  results: OrderResults;
  /** The file's encoding, delimiter and line end, for writing the scored copy in kind. */
  text: StreamedText;
  /** Rows with an unclosed quote (their cells were not read): `results` reports them. */
  problems: RowProblem[];
}

/**
 * Scores the order table in the text file at `path`, reading it in pieces. `onRows` hears how many
 * rows were read so far. `plainRows: false` reads every row as cells (for tests: the same result).
 */
export async function scoreOrderFile(path: string, configInput: TableConfigInput, optionsInput: OptionsInput, onRows?: (rows: number) => void, pieceBytes?: number, plainRows = true): Promise<StreamedOrderScore> {
  const options = OptionsSchema.parse(optionsInput);
  return scoreOrderRead(await readOrderFile(path, configInput, options, onRows, pieceBytes, plainRows), options);
}

/** Scores an order file read (by readOrderFile, or in pieces on worker threads: cli/score/threads/order-pieces.ts). */
export function scoreOrderRead(read: OrderFileRead, optionsInput: OptionsInput): StreamedOrderScore {
  const options = OptionsSchema.parse(optionsInput);
  const history = orderHistoryFromColumns(read.aggregator);
  const results = orderResults(read.table, read.aggregator, history, options, read.problems);
  return { results, text: read.text, problems: read.problems };
}

/** An order file read: its layout, bad rows and trails, the kept orders in the aggregator, the rows with an unclosed quote. */
export interface OrderFileRead {
  table: OrdersToScore;
  aggregator: OrderAggregator;
  problems: RowProblem[];
  text: StreamedText;
}

/** Reads the order table in the text file at `path` into an aggregator (scoreOrderFile's reading; the arguments are its). */
export async function readOrderFile(path: string, configInput: TableConfigInput, optionsInput: OptionsInput, onRows?: (rows: number) => void, pieceBytes?: number, plainRows = true): Promise<OrderFileRead> {
  const config = TableConfigSchema.parse({ ...configInput, kind: 'orders' });
  const options = OptionsSchema.parse(optionsInput);
  let dateOrder: DateOrder = config.dateOrder === 'auto' ? 'mdy' : config.dateOrder;
  // An order's line items are read as they are in shops' exports, one after another, until an order
  // number comes back after other orders' rows: then a survey of each order number's last row, and
  // the file read again with them (core/order-lines.ts).
  let lines: LinePlacement = 'together';
  for (;;) {
    let read: Awaited<ReturnType<typeof readOnce>>;
    try {
      read = await readOnce(path, config, options, dateOrder, lines, onRows, pieceBytes, plainRows);
    } catch (error) {
      if (!(error instanceof OrderLinesApart) || lines !== 'together') throw error;
      const lastRows = new TextHashes();
      await readOnce(path, config, options, dateOrder, { survey: lastRows }, onRows, pieceBytes, plainRows);
      lines = lastRows;
      continue;
    }
    if (read.inferred !== null && read.inferred !== dateOrder) {
      // A date like 31/1/2026 says the column is day/month: read again that way, as readOrderTable would have from the start.
      dateOrder = read.inferred;
      continue;
    }
    return { table: read.table, aggregator: read.aggregator, problems: read.problems, text: read.text };
  }
}

/** One pass over the file (readOrderFile's): throws OrderLinesApart when `lines` is 'together' and they are not. */
async function readOnce(path: string, config: Config, options: Options, dateOrder: DateOrder, lines: LinesRead, onRows: ((rows: number) => void) | undefined, pieceBytes: number | undefined, plainRows: boolean) {
  let pass: OrderPass | undefined;
  const text = await streamTextTable(
    path,
    (start) => {
      pass = new OrderPass(start, config, options, dateOrder, onRows, plainRows, lines);
      return (piece, final, bytes) => (pass as OrderPass).push(piece, final, bytes);
    },
    pieceBytes,
    options.language,
  );
  return { ...(pass as OrderPass).finish(), text };
}

/** The table cannot be read as orders; `problems`: rows with an unclosed quote so far (one near the top can hide the header). */
export class OrderFileError extends TableError {
  readonly problems: readonly RowProblem[];
  constructor(message: string, problems: readonly RowProblem[]) {
    super(message);
    this.problems = [...problems];
  }
}

export type Config = ReturnType<typeof TableConfigSchema.parse>;

/**
 * One pass over the text. The text after the first rows can also be read on worker threads when its
 * rows are all plain (cli/score/threads/order-pieces.ts): handOver() says from where, addPlainPiece()
 * takes each piece's orders in turn.
 */
export class OrderPass {
  private readonly config: Config;
  private readonly dateOrder: DateOrder;
  private readonly onRows: ((rows: number) => void) | undefined;
  private readonly parser: OrderTextRows;
  private readonly delimiter: TextStart['delimiter'];
  private readonly plainRows: boolean;
  private readonly lines: LinesRead;
  /** Reads plain rows from the text (plain-order-rows.ts), when the table's can be. */
  private plain: PlainOrderRows | null = null;
  /** Rows were read as cells since the reader last handed its orders on. */
  private unflushed = false;
  private pieces = 0;
  readonly aggregator: OrderAggregator;
  /** The first rows, until the header can be found (20 rows and one that is not blank, as layoutOf reads). */
  private head: Cell[][] | null = [];
  private headNonBlank = false;
  private layout: Layout<OrderField> | null = null;
  private reader: OrderRows | null = null;
  /** The old result block to blank (clearEarlierResults), below row `earlierRow`. */
  private earlier: { row: number; start: number; end: number } | null = null;
  /** Rows that may be a report's footer (tableBody): read once a row that cannot be comes, or judged at the end. */
  private pending: { cells: Cell[]; index: number }[] = [];
  private readonly evidence = new DateOrderEvidence();
  private readonly badRows: OrderRow[] = [];
  private readonly language: Language;

  /**
   * `lines`: where an order's line items are (core/order-lines.ts); 'together' throws OrderLinesApart
   * when they are not; `{ survey }` only notes each order number's last row there (order-table.ts OrderRows).
   */
  constructor(start: TextStart, config: Config, options: ReturnType<typeof OptionsSchema.parse>, dateOrder: DateOrder, onRows?: (rows: number) => void, plainRows = true, lines: LinesRead = 'anywhere') {
    this.config = config;
    this.lines = lines;
    this.delimiter = start.delimiter;
    this.plainRows = plainRows;
    this.dateOrder = dateOrder;
    this.onRows = onRows;
    this.aggregator = new OrderAggregator(options);
    this.language = options.language;
    this.parser = new OrderTextRows(start.delimiter, (cells, index) => this.row(cells, index));
  }

  push(piece: string, final: boolean, bytes: { read: number; size: number }): void {
    this.parser.push(piece, final);
    // After the first piece, room for as many orders as the file has rows at its rate so far (a few
    // more): the aggregator's arrays then neither double (48 bytes an order while copying) nor need trimming.
    if (this.pieces++ === 0 && !final && bytes.read > 0) this.aggregator.reserve(Math.ceil((this.parser.rows * bytes.size * 1.03) / bytes.read) + 1024);
  }

  private row(cells: Cell[], index: number): void {
    if (((index + 1) & 0xffff) === 0 && this.onRows !== undefined) this.onRows(index + 1);
    const head = this.head;
    if (head !== null) {
      head.push(cells);
      if (!this.headNonBlank && !cells.every((c) => cellText(c) === '')) this.headNonBlank = true;
      if (head.length >= 20 && this.headNonBlank) this.start();
      return;
    }
    this.data(cells, index);
  }

  /** The header is found in the first rows; the rows below it are read. */
  private start(): void {
    const head = this.head as Cell[][];
    this.head = null;
    // As the score command does for a whole grid: an earlier run's result cells are blanked before anything reads them.
    const earlierRow = clearEarlierResults(head);
    if (earlierRow >= 0) {
      const block = findResultBlock((head[earlierRow] ?? []).map(cellText));
      if (block !== null) this.earlier = { row: earlierRow, start: block.start, end: block.end };
    }
    let layout: Layout<OrderField>;
    try {
      layout = orderLayout(head, this.config, this.language);
    } catch (error) {
      if (error instanceof TableError) throw new OrderFileError(error.message, this.parser.problems);
      throw error;
    }
    this.layout = layout;
    const reader = new OrderRows(layout, this.dateOrder, (row) => (row.order !== null ? this.aggregator.add(row.order) : this.badRows.push(row)), true, this.language, this.lines);
    this.reader = reader;
    // Plain rows are read from the text; not under an earlier run's result block (its cells are blanked first).
    const columns = this.plainRows && this.earlier === null && this.delimiter !== 'whitespace' ? plainColumnsOf(layout) : null;
    if (columns !== null) {
      const plain = new PlainOrderRows(columns, this.delimiter as ',' | ';' | '\t', this.aggregator, reader.customers);
      this.plain = plain;
      this.parser.usePlain((text, start, final, index, widest) => {
        const next = plain.parse(text, start, final, widest);
        if (next >= 0) this.plainRow(text, index);
        return next;
      });
    } else this.parser.usePlain(null);
    for (let r = layout.headerIndex + 1; r < head.length; r++) this.data(head[r] as Cell[], r);
  }

  private data(cells: Cell[], index: number): void {
    const earlier = this.earlier;
    if (earlier !== null && index > earlier.row) for (let c = earlier.start; c < Math.min(earlier.end, cells.length); c++) cells[c] = '';
    if (mayBeFooter(cells)) {
      this.pending.push({ cells, index });
      return;
    }
    if (this.pending.length > 0) {
      for (const p of this.pending) this.read(p.cells, p.index);
      this.pending = [];
    }
    this.read(cells, index);
  }

  private read(cells: Cell[], index: number): void {
    const layout = this.layout as Layout<OrderField>;
    this.evidence.add(cells[layout.mapping.date as number]);
    (this.reader as OrderRows).read(cells, index);
    this.unflushed = true;
  }

  /** Row `index` was found plain: what row() and data() do with a data row, then its order is added. */
  private plainRow(text: string, index: number): void {
    if (((index + 1) & 0xffff) === 0 && this.onRows !== undefined) this.onRows(index + 1);
    this.beforePlain();
    // An ISO date is no evidence of day/month order (AMBIGUOUS_DATE), so the evidence needs nothing from it.
    (this.plain as PlainOrderRows).add(text, index + 1);
  }

  /** Before a plain row: rows held back as a possible footer are read, and orders read as cells handed on first, so the aggregator gets them all in row order. */
  private beforePlain(): void {
    if (this.pending.length > 0) {
      for (const p of this.pending) this.read(p.cells, p.index);
      this.pending = [];
    }
    if (this.unflushed) {
      (this.reader as OrderRows).flush();
      this.unflushed = false;
    }
  }

  /**
   * Where plain rows can be read elsewhere and handed in (addPlainPiece): the table is known, its rows
   * may be plain, and every row so far was read to the end of the text (rows held back as a possible
   * footer are settled by the first plain row, as in one thread). Null otherwise.
   */
  handOver(): { columns: PlainColumns; delimiter: ',' | ';' | '\t'; rows: number; widest: number } | null {
    const plain = this.plain;
    const at = this.parser.handOver;
    if (this.head !== null || plain === null || at === null || this.delimiter === 'whitespace') return null;
    return { columns: plain.columns, delimiter: this.delimiter, ...at };
  }

  /** The orders of the plain rows that come next in the text, read on another thread: as plainRow() would add them one by one. */
  addPlainPiece(piece: PlainPiece): void {
    const before = this.parser.rows;
    if (piece.rows === 0) return;
    this.beforePlain();
    (this.plain as PlainOrderRows).addPiece(piece, before);
    this.parser.countPlain(piece.rows);
    this.onRows?.(this.parser.rows);
  }

  finish(): { table: OrdersToScore; aggregator: OrderAggregator; problems: RowProblem[]; inferred: DateOrder | null } {
    const problems = this.parser.problems;
    if (this.head !== null) this.start();
    const layout = this.layout as Layout<OrderField>;
    // The footer block, judged as tableBody judges the end of a whole table: the header, then the pending rows.
    const pending = this.pending;
    const { range, footer } = tableBody([[], ...pending.map((p) => p.cells)], 0);
    for (let v = range[0]; v < range[1]; v++) {
      const p = pending[v - 1] as { cells: Cell[]; index: number };
      this.read(p.cells, p.index);
    }
    const warnings = [...layout.notes];
    if (footer !== null && pending.length > 0) {
      // Virtual row v is pending[v - 2], the user's row pending[v - 2].index + 1.
      const offset = (pending[0] as { index: number }).index - 1;
      warnings.push(footerNote({ from: footer.from + offset, to: footer.to + offset, lines: footer.lines }, WORDS[this.language].table));
    }
    const inferred = this.evidence.result();
    if (this.config.dateOrder === 'auto') {
      const note = dateOrderNote(layout.headers[layout.mapping.date as number] ?? 'date', inferred, WORDS[this.language].table);
      if (note !== null) warnings.push(note);
    }
    const reader = this.reader as OrderRows;
    if (this.plain !== null) reader.countPlain(this.plain.kept, this.plain.negative);
    const read = reader.finish();
    this.plain?.finish(); // after the reader's last orders, before the trails are sealed
    read.customers.seal();
    this.badRows.sort((a, b) => a.row - b.row);
    return {
      table: { headerIndex: layout.headerIndex, headers: layout.headers, mapping: layout.mapping, badRows: this.badRows, customers: read.customers, warnings: [...warnings, ...read.notes] },
      aggregator: this.aggregator,
      problems,
      inferred: this.config.dateOrder === 'auto' ? inferred.order : null,
    };
  }
}
