// An order table → orders for the core, or a reason per row. Reads order exports as shops write them:
// one row per order, or one row per line item grouped by the order number (core/order-lines.ts);
// the customer is the customer column, or the email where there is none (or it says 0, a guest);
// the amount is the order total, else the sum of line amounts, else quantity × unit price.
// Orders whose status says they are not purchases are left out and counted (core/order-status.ts).
import type { Order } from '../../core/schema/order.ts';
import { OrderAssembler, type LinePlacement, type OrderLine, type OrderProblem } from '../../core/order-lines.ts';
import type { TextHashes } from '../../core/text-hashes.ts';
import { LEFT_OUT_REASONS, noneLeftOut, type LeftOutReason } from '../../core/order-status.ts';
import { ORDER_FIELDS, type Cell, type OrderField, type TableConfig } from './contract.ts';
import { normalizeHeader, ORDER_REQUIRED } from './headers.ts';
import { footerNote, headerKeysOf, layoutOf, quote, rowKind, tableBody, type Layout } from './read-rows.ts';
import { cellText } from './header-row.ts';
import { Invalid, parseDate, parseMoney, type DateOrder } from './cells.ts';
import { columnDateOrders } from './date-columns.ts';
import { idText } from './customer-table.ts';
import { clip } from './clip.ts';
import { flatCopy } from './csv-stream.ts';
import { CustomerTrails } from './customer-trails.ts';
import type { Language } from '../../core/schema/options.ts';
import { WORDS } from '../../core/i18n/index.ts';
import type { ProblemWords } from '../../core/i18n/problem-words.ts';
import type { TableWords } from '../../core/i18n/host-words.ts';

/** Where an order's lines are (core/order-lines.ts), or a survey: only each order number's last row is noted (TextHashes.set). */
export type LinesRead = LinePlacement | { survey: TextHashes };

const isSurvey = (lines: LinesRead): lines is { survey: TextHashes } => typeof lines === 'object' && 'survey' in lines;

export interface OrderRow {
  /** The order's first row, or the row that could not be read. */
  row: number;
  id: string | null;
  order: Order | null;
  error: string | null;
}

/** What became of each customer's orders, for the customers whose orders were not all kept. */
export interface CustomerTrail {
  firstRow: number;
  kept: number;
  /** Kept orders with a negative amount (cancellation invoices, returns). */
  negative: number;
  negativeTotal: number;
  /** Left-out orders per reason; null when none was. */
  leftOut: Record<LeftOutReason, number> | null;
}

export interface OrderTable extends Layout<OrderField> {
  /** One per kept order (at its first row) and one per row that could not be read, in row order. */
  rows: OrderRow[];
  /** Every customer named by a readable order, by id, in order of first appearance. */
  customers: Map<string, CustomerTrail>;
  /** Orders left out, per reason. */
  leftOut: Record<LeftOutReason, number>;
  warnings: string[];
}

// A "Price" column alone (no quantity) is the order's price, as in a plain list of orders.
const SUBSTITUTES = { customerId: [['email']], amount: [['lineAmount'], ['quantity', 'unitPrice'], ['unitPrice']] } as const;
const round2 = (x: number) => Math.round(x * 100) / 100;

export function readOrderTable(cells: readonly Cell[][], config: TableConfig, language: Language = 'en'): OrderTable {
  const layout = orderLayout(cells, config, language);
  const { range, footer } = tableBody(cells, layout.headerIndex);
  const warnings: string[] = [...layout.notes];
  if (footer !== null) warnings.push(footerNote(footer, WORDS[language].table));
  const dateOrder = columnDateOrders(cells, range, layout.mapping, ['date'], layout.headers, config.dateOrder, warnings, WORDS[language].table).date as DateOrder;
  const rows: OrderRow[] = [];
  const reader = new OrderRows(layout, dateOrder, (row) => rows.push(row), false, language);
  for (let r = range[0]; r < range[1]; r++) reader.read(cells[r] ?? [], r);
  const read = reader.finish();
  rows.sort((a, b) => a.row - b.row);
  return { ...layout, rows, customers: new Map(read.customers), leftOut: read.leftOut, warnings: [...warnings, ...read.notes] };
}

/** The header row and column mapping of an order table (`cells`: its first 20 rows are enough). */
export function orderLayout(cells: readonly Cell[][], config: TableConfig, language: Language = 'en'): Layout<OrderField> {
  const layout = layoutOf(cells, ORDER_FIELDS, ORDER_REQUIRED, config.columns, 'order', { kind: 'orders', substitutes: SUBSTITUTES, words: WORDS[language].table });
  const { headers, mapping } = layout;
  // A bare "Id" next to an email in an order export is the order's id (Shopify's is), not the customer's.
  if (mapping.customerId !== undefined && mapping.email !== undefined && config.columns.customerId === undefined && normalizeHeader(headers[mapping.customerId] ?? '') === 'id') {
    if (mapping.orderId === undefined) mapping.orderId = mapping.customerId;
    delete mapping.customerId;
    layout.notes.push(`Column "${headers[mapping.email]}" is read as the customer: a bare "Id" in an order export is the order's id`);
  }
  return layout;
}

/** What reading all rows found besides the orders: each customer's trail, left-out counts, and notes for the summary. */
export interface OrdersRead {
  /** In order of first appearance. */
  customers: CustomerTrails;
  leftOut: Record<LeftOutReason, number>;
  notes: string[];
}

/**
 * Reads the data rows of an order table one at a time, in row order. Every kept order and every row
 * that cannot be read goes to `onRow` (kept orders at their first row; in row order when the table
 * has no order numbers, else at finish()). With `streaming`, text kept past the row is copied out of
 * the file's piece (csv-stream.ts, flatCopy), and orders without numbers are handed on as they come.
 */
export class OrderRows {
  private readonly layout: Layout<OrderField>;
  /** How a row's problems are said: row and column, in the options' language. */
  private readonly words: ProblemWords;
  /** File-level notes, in the options' language. */
  private readonly notes: TableWords;
  private readonly dateOrder: DateOrder;
  private readonly onRow: (row: OrderRow) => void;
  private readonly streaming: boolean;
  private readonly headerKeys: [number, string][];
  private readonly useQuantity: boolean;
  private readonly assembler: OrderAssembler;
  /** Orders are settled as rows come (no order numbers, an order's lines together, or each one's last row known), not all at finish(). */
  private readonly settlesAsRead: boolean;
  /** A survey: each order number's last row is noted here, and nothing else is read. */
  private readonly survey: TextHashes | null;
  private readonly keep: (s: string) => string;
  readonly customers = new CustomerTrails();
  private readonly leftOut = noneLeftOut();
  private kept = 0;
  private dropped = 0;
  private negative = 0;
  private continuationRows = 0;
  private sinceTaken = 0;
  /** Kept orders with a negative amount read by a plain-row reader (plain-order-rows.ts), not the assembler. */
  private plainNegative = 0;

  /**
   * `lines`: where an order's line items are (core/order-lines.ts): 'together' throws OrderLinesApart
   * at the row where an order number comes back after another order's rows. `{ survey }`: only note
   * each order number's last row in it (the survey that reading with last rows needs).
   */
  constructor(layout: Layout<OrderField>, dateOrder: DateOrder, onRow: (row: OrderRow) => void, streaming: boolean, language: Language = 'en', lines: LinesRead = 'anywhere') {
    this.survey = isSurvey(lines) ? lines.survey : null;
    this.assembler = new OrderAssembler(isSurvey(lines) ? 'anywhere' : lines);
    this.settlesAsRead = layout.mapping.orderId === undefined || lines !== 'anywhere';
    this.words = WORDS[language].problems;
    this.notes = WORDS[language].table;
    this.layout = layout;
    this.dateOrder = dateOrder;
    this.onRow = onRow;
    this.streaming = streaming;
    const { headers, mapping } = layout;
    this.headerKeys = headerKeysOf(headers, mapping, (['customerId', 'date', 'amount'] as const).filter((f) => mapping[f] !== undefined));
    this.useQuantity = mapping.amount === undefined && mapping.lineAmount === undefined;
    if (streaming) this.keep = flatCopy;
    else {
      // Order files repeat ids and dates; sharing one string per value keeps millions of rows small.
      const shared = new Map<string, string>();
      this.keep = (s: string) => {
        const found = shared.get(s);
        if (found !== undefined) return found;
        if (shared.size < 2_000_000) shared.set(s, s);
        return s;
      };
    }
  }

  private header(field: OrderField): string {
    return this.layout.headers[this.layout.mapping[field] as number] ?? field;
  }

  /** Reads data row `r` (0-based; the user's row r + 1). */
  read(cellsOfRow: readonly Cell[], r: number): void {
    const { mapping } = this.layout;
    const row = r + 1;
    const kind = rowKind(cellsOfRow, this.headerKeys);
    if (kind !== 'data') {
      if (this.survey === null) this.onRow({ row, id: null, order: null, error: kind === 'blank' ? this.words.blankRow(row) : this.words.headerAgain(row) });
      return;
    }
    if (this.survey !== null) {
      // Every data row is a line of its order, read or spoiled.
      const orderId = mapping.orderId === undefined ? '' : idText(cellsOfRow[mapping.orderId]);
      if (orderId !== '') this.survey.set(orderId, row);
      return;
    }
    let problems: string[] | null = null;
    const w = this.words;
    const money = (field: OrderField): number | null => {
      const c = mapping[field];
      if (c === undefined) return null;
      const value = parseMoney(cellsOfRow[c]);
      if (value instanceof Invalid) {
        (problems ??= []).push(w.unreadable(w.column(this.header(field)), quote(cellsOfRow[c], this.notes), w.expected[value.kind]));
        return null;
      }
      return value;
    };
    const keep = this.keep;
    const text = (field: OrderField) => {
      const c = mapping[field];
      if (c === undefined) return null;
      const t = cellText(cellsOfRow[c]);
      return t === '' ? null : this.streaming ? flatCopy(t) : t;
    };
    const customerColumn = mapping.customerId;
    const emailColumn = mapping.email;
    let customerId = customerColumn === undefined ? '' : idText(cellsOfRow[customerColumn]);
    // No customer column, an empty one, or WooCommerce's 0 for a guest: the email is the customer.
    if ((customerId === '' || customerId === '0') && emailColumn !== undefined) {
      const email = cellText(cellsOfRow[emailColumn]).toLowerCase();
      if (email !== '') customerId = email;
    }
    // Emails are one customer however they are capitalised.
    if (customerId.includes('@')) customerId = customerId.toLowerCase();
    const dateCell = cellsOfRow[mapping.date as number];
    const date = parseDate(dateCell, this.dateOrder);
    if (date instanceof Invalid) (problems ??= []).push(w.unreadable(w.column(this.header('date')), quote(dateCell, this.notes), w.expected[date.kind]));
    const total = money('amount');
    let lineAmount = money('lineAmount');
    if (this.useQuantity) {
      const quantity = mapping.quantity === undefined ? 1 : money('quantity');
      const unitPrice = money('unitPrice');
      lineAmount = quantity === null || unitPrice === null ? null : round2(quantity * unitPrice);
    }
    const refunded = money('refunded');
    const orderId = mapping.orderId === undefined ? '' : idText(cellsOfRow[mapping.orderId]);
    const line: OrderLine = {
      orderId: this.streaming ? flatCopy(orderId) : orderId, // mostly unique: not worth a shared copy
      customerId: customerId === '' ? '' : keep(customerId),
      date: date === null || date instanceof Invalid ? null : keep(date),
      total,
      lineAmount,
      refunded,
      status: text('status'),
      cancelled: text('cancelledAt') !== null,
      name: text('name'),
      email: text('email'),
      region: text('region'),
      owner: text('owner'),
    };
    const bad = problems as string[] | null;
    if (bad !== null) {
      const error = w.row(row, bad) + (orderId === '' ? '' : w.orderLeftOut(clip(orderId, this.notes)));
      this.onRow({ row, id: customerId === '' ? null : this.streaming ? flatCopy(customerId) : customerId, order: null, error: this.streaming ? flatCopy(error) : error });
    }
    this.assembler.add(line, row, bad !== null);
    // Without order numbers every row is settled as it comes, and with an order's lines together every
    // order as the next starts: hand them on in batches, keep none.
    if (this.streaming && this.settlesAsRead && ++this.sinceTaken === 4096) {
      this.sinceTaken = 0;
      this.settle(this.assembler.takeSettled());
    }
  }

  /**
   * Hands on every order read so far (a table without order numbers settles each row as it comes), so
   * that orders a plain-row reader adds next come after them, in row order.
   */
  flush(): void {
    if (this.layout.mapping.orderId !== undefined) throw new Error('an order table with order numbers settles its orders at the end: it cannot be flushed');
    this.sinceTaken = 0;
    this.settle(this.assembler.takeSettled());
  }

  /** Counts `kept` orders (`negative` of them below zero) that a plain-row reader added to the aggregator and the trails itself. */
  countPlain(kept: number, negative: number): void {
    this.kept += kept;
    this.plainNegative += negative;
  }

  /** Settles the rest; kept orders, rows with a problem and the trails are complete after this. */
  finish(): OrdersRead {
    const assembled = this.assembler.finish();
    this.settle(assembled);
    this.continuationRows = assembled.continuationRows;
    this.negative = assembled.negative + this.plainNegative;
    const mapping = this.layout.mapping;
    const notes = summaryNotes(
      { orders: this.kept + this.dropped, continuationRows: this.continuationRows, negative: this.negative },
      this.leftOut,
      this.layout.source,
      (f) => this.header(f),
      mapping,
      this.useQuantity,
      this.notes,
    );
    return { customers: this.customers, leftOut: this.leftOut, notes };
  }

  /** Kept and left-out orders each come in row order: merged, customers are listed by their first row. */
  private settle(settled: Pick<ReturnType<OrderAssembler['finish']>, 'kept' | 'leftOut' | 'problems'> | null): void {
    if (settled === null) return;
    const { kept, leftOut: dropped } = settled;
    for (let i = 0, j = 0; i < kept.length || j < dropped.length; ) {
      const k = kept[i];
      const l = dropped[j];
      if (k !== undefined && (l === undefined || k.row < l.row)) {
        i++;
        this.kept++;
        this.onRow({ row: k.row, id: k.order.customerId, order: k.order, error: null });
        this.customers.addKept(k.order.customerId, k.row, k.order.amount);
      } else if (l !== undefined) {
        j++;
        this.dropped++;
        this.leftOut[l.reason]++;
        this.customers.addLeftOut(l.customerId, l.row, l.reason);
      }
    }
    const mapping = this.layout.mapping;
    for (const p of settled.problems) this.onRow({ row: p.row, id: p.customerId || null, order: null, error: problemText(p.row, p.problem, (f) => this.header(f), mapping, this.words) });
  }
}

function problemText(row: number, problem: OrderProblem, header: (f: OrderField) => string, mapping: Partial<Record<OrderField, number>>, w: ProblemWords): string {
  switch (problem) {
    case 'noCustomer':
      return w.row(row, [w.emptyId(w.column(mapping.customerId !== undefined ? header('customerId') : header('email')))]);
    case 'noDate':
      return w.row(row, [w.orderDateEmpty(w.column(header('date')))]);
    case 'noAmount': {
      const at = mapping.amount !== undefined ? w.column(header('amount')) : mapping.lineAmount !== undefined ? w.column(header('lineAmount')) : w.columns(header('quantity'), header('unitPrice'));
      return w.row(row, [w.amountEmpty(at)]);
    }
  }
}

/** File-level notes: how rows became orders, and which orders were left out and why. */
function summaryNotes(
  assembled: { orders: number; continuationRows: number; negative: number },
  leftOut: Record<LeftOutReason, number>,
  source: string | null,
  header: (f: OrderField) => string,
  mapping: Partial<Record<OrderField, number>>,
  useQuantity: boolean,
  w: TableWords,
): string[] {
  const notes: string[] = [];
  const orders = assembled.orders;
  if (source !== null) notes.push(w.readAs(source));
  if (assembled.continuationRows > 0) notes.push(w.lineItems(orders + assembled.continuationRows, orders, header('orderId')));
  if (useQuantity && mapping.quantity !== undefined) notes.push(w.quantityTimesPrice(header('quantity'), header('unitPrice')));
  const total = LEFT_OUT_REASONS.reduce((n, r) => n + leftOut[r], 0);
  if (total > 0) {
    const byReason = LEFT_OUT_REASONS.filter((r) => leftOut[r] > 0).map((reason) => ({ reason, count: leftOut[reason] }));
    const by = (['status', 'cancelledAt', 'refunded'] as const).filter((f) => mapping[f] !== undefined).map((f) => header(f));
    notes.push(w.leftOutOrders(total, byReason, by));
  }
  if (assembled.negative > 0) notes.push(w.negativeOrders(assembled.negative));
  return notes;
}
