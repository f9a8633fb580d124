// Order exports as shops write them → one order each, ready for OrderAggregator.
// Line-item exports (Shopify, WooCommerce, Shopee, Lazada, 有赞, 微店, the online-retail invoice
// export) give one row per item: the rows of one order share its number, and order-level cells
// (total, status, refunded amount) are on the first row only (Shopify) or repeated on every row
// (WooCommerce, Shopee): either way they count once. Line amounts (a line total, or quantity × unit
// price) are summed when there is no order total. A refund recorded on the order nets against its
// total; an order whose status says it is not a purchase (order-status.ts) is left out and counted.
// Outline: OrderLine (one row, parsed) → OrderAssembler.add → finish() → kept orders, left-out orders, problems.
import type { Order } from './schema/order.ts';
import { classifyStatus, type LeftOutReason } from './order-status.ts';

export interface OrderLine {
  /** The order number; '' when the export has none (then every row is an order of its own). */
  orderId: string;
  /** '' when this row does not say (a later line of an order whose first line does). */
  customerId: string;
  date: string | null;
  /** The order's total, taken once per order. */
  total: number | null;
  /** This line's amount (a line total, or quantity × unit price), summed over the order's lines. */
  lineAmount: number | null;
  /** Amount refunded on the order (sign ignored), taken once per order. */
  refunded: number | null;
  status: string | null;
  /** The order has a cancellation date. */
  cancelled: boolean;
  name: string | null;
  email: string | null;
  region: string | null;
  owner: string | null;
}

export type OrderProblem = 'noCustomer' | 'noDate' | 'noAmount';

export interface KeptOrder {
  order: Order;
  /** The first row of the order (any number the host uses; the table adapter passes spreadsheet rows). */
  row: number;
  orderId: string;
}

export interface LeftOutOrder {
  row: number;
  orderId: string;
  customerId: string;
  reason: LeftOutReason;
}

export interface OrderWithProblem {
  row: number;
  orderId: string;
  customerId: string;
  problem: OrderProblem;
}

export interface AssembledOrders {
  kept: KeptOrder[];
  leftOut: LeftOutOrder[];
  problems: OrderWithProblem[];
  /** Rows that were later lines of an order already started (not orders of their own). */
  continuationRows: number;
  /** Orders with a negative amount (cancellation invoices, refunds): netted against their customer. */
  negative: number;
}

/** One order being gathered from its lines. */
interface Gathering {
  row: number;
  orderId: string;
  line: OrderLine;
  lineSum: number;
  lines: number;
  spoiled: boolean;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export class OrderAssembler {
  private readonly byId = new Map<string, Gathering>();
  private readonly order: Gathering[] = [];
  private continuationRows = 0;

  /** Adds one row. `spoiled`: the row had a cell that could not be read, so its order is reported, not guessed. */
  add(line: OrderLine, row: number, spoiled = false): void {
    const existing = line.orderId === '' ? undefined : this.byId.get(line.orderId);
    if (existing === undefined) {
      const g: Gathering = { row, orderId: line.orderId, line: { ...line }, lineSum: line.lineAmount ?? 0, lines: 1, spoiled };
      if (line.orderId !== '') this.byId.set(line.orderId, g);
      this.order.push(g);
      return;
    }
    this.continuationRows++;
    existing.lines++;
    if (spoiled) existing.spoiled = true;
    const first = existing.line;
    // Order-level cells: the first non-empty value wins (Shopify fills them on the first line only).
    if (first.customerId === '') first.customerId = line.customerId;
    if (first.date === null) first.date = line.date;
    if (first.total === null) first.total = line.total;
    if (first.refunded === null) first.refunded = line.refunded;
    if (first.status === null) first.status = line.status;
    if (line.cancelled) first.cancelled = true;
    if (first.name === null) first.name = line.name;
    if (first.email === null) first.email = line.email;
    if (first.region === null) first.region = line.region;
    if (first.owner === null) first.owner = line.owner;
    if (line.lineAmount !== null) {
      existing.lineSum += line.lineAmount;
      if (first.lineAmount === null) first.lineAmount = line.lineAmount;
    }
  }

  /** The orders in order of their first row. Spoiled orders are left to the host, which reported their bad row. */
  finish(): AssembledOrders {
    const out: AssembledOrders = { kept: [], leftOut: [], problems: [], continuationRows: this.continuationRows, negative: 0 };
    for (const g of this.order) {
      if (g.spoiled) continue;
      const l = g.line;
      const base = { row: g.row, orderId: g.orderId, customerId: l.customerId };
      if (l.customerId === '') {
        out.problems.push({ ...base, problem: 'noCustomer' });
        continue;
      }
      if (l.date === null) {
        out.problems.push({ ...base, problem: 'noDate' });
        continue;
      }
      const gross = l.total ?? (l.lineAmount === null ? null : round2(g.lineSum));
      if (gross === null) {
        out.problems.push({ ...base, problem: 'noAmount' });
        continue;
      }
      const refunded = Math.abs(l.refunded ?? 0);
      let reason = l.cancelled ? 'cancelled' : classifyStatus(l.status);
      // A refund that takes back the whole (positive) order is a refunded order, whatever the status says.
      if (reason === null && refunded > 0 && gross > 0 && gross - refunded <= 0) reason = 'refunded';
      if (reason !== null) {
        out.leftOut.push({ ...base, reason });
        continue;
      }
      const amount = round2(gross - refunded);
      if (amount < 0) out.negative++;
      out.kept.push({
        row: g.row,
        orderId: g.orderId,
        order: { customerId: l.customerId, date: l.date, amount, name: l.name, email: l.email, region: l.region, owner: l.owner },
      });
    }
    return out;
  }
}
