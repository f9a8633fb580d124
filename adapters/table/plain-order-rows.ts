// The rows of a plain order export (a customer id, an ISO date and a plain amount per row: what a
// database or a shop's report writes for millions of orders) read straight from the file's text:
// numbers from character codes, the customer found in the aggregator's id index without cutting the
// id out of the text, and no cell string, OrderLine or Order per row. 10M orders: see bench/cases/read-orders.md.
// A row is plain only when OrderRows (order-table.ts) would certainly read it the same way, as a kept
// order; any other row (a quote, blanks around a cell, another date or number form, an email, a
// possible footer line, a row wider than any so far, ...) is left to it: order-stream.ts hands it on.
// Outline: plainColumnsOf (which tables can have plain rows) → PlainOrderRows.parse (one row, no
// effect) → add (the kept order, to the aggregator and the trails); addPiece (a piece's orders, read on
// a worker thread: cli/score/threads/order-pieces.ts).
import type { OrderAggregator } from '../../core/aggregate-orders.ts';
import type { OrderField } from './contract.ts';
import type { Layout } from './read-rows.ts';
import type { CustomerTrails } from './customer-trails.ts';
import { flatCopy } from './csv-stream.ts';
import { PlainRowParser, type PlainColumns } from './plain-row-parser.ts';
import type { PlainPiece } from './plain-order-piece.ts';

export { INCOMPLETE, NOT_PLAIN, type PlainColumns } from './plain-row-parser.ts';

const ISO_TEXT = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The columns of a table whose rows can be plain: one mapped to each of customer, date and amount
 * and none to anything else (order numbers, statuses, emails, contact details, line items need the
 * general reader); null otherwise. A date header that is itself an ISO date would let a data row
 * repeat the header (rowKind), so it rules plain rows out too.
 */
export function plainColumnsOf(layout: Layout<OrderField>): PlainColumns | null {
  const { mapping, headers } = layout;
  const { customerId, date, amount } = mapping;
  if (customerId === undefined || date === undefined || amount === undefined) return null;
  if (Object.entries(mapping).some(([field, column]) => column !== undefined && field !== 'customerId' && field !== 'date' && field !== 'amount')) return null;
  if (customerId === date || customerId === amount || date === amount) return null;
  if (ISO_TEXT.test((headers[date] ?? '').toLowerCase())) return null;
  return { customerId, date, amount };
}

export class PlainOrderRows extends PlainRowParser {
  private readonly aggregator: OrderAggregator;
  private readonly trails: CustomerTrails;
  /** Trail position + 1 of each aggregator position (0: not known yet): noted as customers come, so finish() looks up few ids. */
  private trailPlusOne = new Int32Array(1024);
  /** Orders added, and those with a negative amount. */
  kept = 0;
  negative = 0;

  constructor(columns: PlainColumns, delimiter: ',' | ';' | '\t', aggregator: OrderAggregator, trails: CustomerTrails) {
    super(columns, delimiter);
    this.aggregator = aggregator;
    this.trails = trails;
  }

  /**
   * Adds the order of the row parse() last found plain (`row`: the user's row number). A new customer
   * gets their trail here, in row order; their count of kept orders is set at finish().
   */
  add(text: string, row: number): void {
    const aggregator = this.aggregator;
    let c = aggregator.knownCustomer(text, this.idStart, this.idEnd);
    if (c < 0) {
      // As in addPiece: a customer new to the aggregator is new to the trails when both count as many.
      const synced = this.trails.size === aggregator.customerCount;
      const id = flatCopy(text.slice(this.idStart, this.idEnd));
      c = aggregator.customer(id);
      this.noteTrail(c, synced ? this.trails.append(id, row) : this.trails.at(id, row));
    }
    const amount = this.amount;
    if (amount < 0) {
      // Rare: the trail's negative orders and their total, in row order with the other rows'.
      this.trails.addKeptAt(this.trailOf(c, row), amount);
      this.negative++;
    }
    aggregator.addOrderOf(c, this.day, amount);
    this.kept++;
  }

  /**
   * Adds the orders of a piece read on another thread (plain-order-piece.ts), whose rows come right
   * after the `rowsBefore` rows read so far: as add() would have added them row by row. Customers new
   * here get their trail at their first row, in row order; the negative orders are netted in row order.
   */
  addPiece(piece: PlainPiece, rowsBefore: number): void {
    const aggregator = this.aggregator;
    const trails = this.trails;
    const { idText, idEnds, firstRows, owner, amounts, negatives } = piece;
    const positions = new Int32Array(idEnds.length);
    aggregator.reserveCustomers(aggregator.customerCount + idEnds.length);
    for (let j = 0, from = 0; j < idEnds.length; j++) {
      const to = idEnds[j] as number;
      let c = aggregator.knownCustomer(idText, from, to);
      if (c < 0) {
        const id = flatCopy(idText.slice(from, to));
        const row = rowsBefore + (firstRows[j] as number) + 1;
        // Every customer of the aggregator has a trail; when both count as many, they list the same
        // customers (a table of plain rows has no status column to leave an order, and so a trail, out of
        // the aggregator): one new to the aggregator is new to the trails, and noted here, so the trails
        // index them only if a row read as cells looks one up (CustomerTrails.append).
        const synced = trails.size === aggregator.customerCount;
        c = aggregator.customer(id);
        this.noteTrail(c, synced ? trails.append(id, row) : trails.at(id, row));
      }
      positions[j] = c;
      from = to;
    }
    for (let k = 0; k < negatives.length; k++) {
      const i = negatives[k] as number;
      this.trails.addKeptAt(this.trailOf(positions[owner[i] as number] as number, rowsBefore + i + 1), amounts[i] as number);
    }
    this.negative += negatives.length;
    aggregator.addOrdersOf(positions, owner, piece.days, amounts);
    this.kept += owner.length;
  }

  /**
   * Sets each customer's count of kept orders in their trail: every kept order, read here or as cells
   * (order-table.ts OrderRows), is added to both the aggregator and the trails, so the count is the
   * aggregator's. Counted once at the end rather than per row: one less random memory access per order.
   */
  finish(): void {
    if (this.kept === 0) return;
    const aggregator = this.aggregator;
    const { ids, owner } = aggregator.orders();
    const counts = new Int32Array(ids.length);
    for (let i = 0; i < owner.length; i++) {
      const c = owner[i] as number;
      counts[c] = (counts[c] as number) + 1;
    }
    for (let c = 0; c < ids.length; c++) this.trails.setKept(this.trailOf(c, 0), counts[c] as number);
  }

  /** The trail position of the aggregator's customer `c` (first seen at `row` if new to the trails). */
  private trailOf(c: number, row: number): number {
    const known = c < this.trailPlusOne.length ? (this.trailPlusOne[c] as number) - 1 : -1;
    if (known >= 0) return known;
    const t = this.trails.at(this.aggregator.idAt(c), row);
    this.noteTrail(c, t);
    return t;
  }

  private noteTrail(c: number, t: number): void {
    if (c >= this.trailPlusOne.length) {
      const grown = new Int32Array(Math.max(this.trailPlusOne.length * 2, c + 1));
      grown.set(this.trailPlusOne);
      this.trailPlusOne = grown;
    }
    this.trailPlusOne[c] = t + 1;
  }
}
