// Order exports as shops write them → one order each, ready for OrderAggregator.
// Line-item exports (Shopify, WooCommerce, Shopee, Lazada, 有赞, 微店, the online-retail invoice
// export) give one row per item: the rows of one order share its number, and order-level cells
// (total, status, refunded amount) are on the first row only (Shopify) or repeated on every row
// (WooCommerce, Shopee): either way they count once. Line amounts (a line total, or quantity × unit
// price) are summed when there is no order total. A refund recorded on the order nets against its
// total; an order whose status says it is not a purchase (order-status.ts) is left out and counted.
// Outline: OrderLine (one row, parsed) → OrderAssembler.add → finish() → kept orders, left-out orders, problems.
//
// Where the lines of an order are: 'anywhere' gathers every order until finish() (a whole table in
// memory); 'together' settles an order as soon as a row of another order comes, which is how the
// exports above write their lines (one after another), so a file read in pieces keeps one order open,
// not ten million. An order number that comes back after another order's rows throws OrderLinesApart.
// The reader then surveys the file for each order number's last row (TextHashes) and reads it again
// with them: an order is complete at its last row, and the orders are handed on in order of first row
// as soon as every order before is complete, so only the orders between an open one's first and last
// rows are held (an export sorted by day and product keeps about a day's). The answer is the same.
import type { Order } from './schema/order.ts';
import { classifyStatus, type LeftOutReason } from './order-status.ts';
import { TextHashes } from './text-hashes.ts';

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
  spoiled: boolean;
}

/** With last rows known: an order waiting to be handed on, complete once the row `lastRow` is read; `own`: a row without an order number. */
interface InTurn extends Gathering {
  lastRow: number;
  own: boolean;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** An order started by its first line. */
const gatheringOf = (line: OrderLine, row: number, spoiled: boolean): Gathering => ({ row, orderId: line.orderId, line, lineSum: line.lineAmount ?? 0, spoiled });

/** 'anywhere', 'together', or each order number's last row (a survey of the whole table: TextHashes.set(orderId, row)). */
export type LinePlacement = 'anywhere' | 'together' | TextHashes;

/** An order's lines were not together: order `orderId` came back at `row`, after other orders' rows. */
export class OrderLinesApart extends Error {
  readonly orderId: string;
  readonly row: number;
  constructor(orderId: string, row: number) {
    super(`order "${orderId}" has a line at row ${row}, after the lines of other orders: its lines are not together`);
    this.name = 'OrderLinesApart';
    this.orderId = orderId;
    this.row = row;
  }
}

export class OrderAssembler {
  private readonly byId = new Map<string, Gathering>();
  private readonly gathering: Gathering[] = [];
  /** 'together': the order whose lines are being read, and the order numbers settled before it. */
  private open: Gathering | null = null;
  private readonly settledIds: TextHashes | null;
  /** Last rows known: the orders not handed on yet, in order of first row, from `turnHead`. */
  private readonly lastRows: TextHashes | null;
  private turns: InTurn[] = [];
  private turnHead = 0;
  private readonly out: AssembledOrders = { kept: [], leftOut: [], problems: [], continuationRows: 0, negative: 0 };
  /** Rows that were orders of their own were settled as they came, before the gathered ones: sort at the end. */
  private settledEarly = false;

  constructor(placement: LinePlacement = 'anywhere') {
    this.settledIds = placement === 'together' ? new TextHashes() : null;
    this.lastRows = typeof placement === 'string' ? null : placement;
  }

  /**
   * Adds one row. The first line of an order is kept and completed by later ones (not copied: pass a
   * fresh object per row). `spoiled`: the row had a cell that could not be read, so its order is reported, not guessed.
   */
  add(line: OrderLine, row: number, spoiled = false): void {
    if (this.lastRows !== null) this.addInTurn(this.lastRows, line, row, spoiled);
    else if (this.settledIds !== null) this.addTogether(this.settledIds, line, row, spoiled);
    else this.addAnywhere(line, row, spoiled);
  }

  /** 'anywhere': every order gathered until finish(). */
  private addAnywhere(line: OrderLine, row: number, spoiled: boolean): void {
    if (line.orderId === '') {
      // An order of its own: settled now, so a million-row order list keeps only the orders.
      this.settleOwn(line, row, spoiled);
      this.settledEarly = true;
      return;
    }
    const existing = this.byId.get(line.orderId);
    if (existing !== undefined) {
      this.extend(existing, line, spoiled);
      return;
    }
    const g = gatheringOf(line, row, spoiled);
    this.byId.set(line.orderId, g);
    this.gathering.push(g);
  }

  /** 'together': the open order is settled when a row of another order comes; a settled order number coming back throws. */
  private addTogether(settledIds: TextHashes, line: OrderLine, row: number, spoiled: boolean): void {
    const open = this.open;
    if (open !== null && open.orderId === line.orderId) {
      this.extend(open, line, spoiled);
      return;
    }
    this.settleOpen();
    if (line.orderId === '') {
      this.settleOwn(line, row, spoiled);
      return;
    }
    if (!settledIds.add(line.orderId)) throw new OrderLinesApart(line.orderId, row);
    this.open = gatheringOf(line, row, spoiled);
  }

  /** With each order's last row known: queued in order of first row, handed on once complete and every order before it is. */
  private addInTurn(lastRows: TextHashes, line: OrderLine, row: number, spoiled: boolean): void {
    const existing = line.orderId === '' ? undefined : this.byId.get(line.orderId);
    if (existing !== undefined) this.extend(existing, line, spoiled);
    else {
      const own = line.orderId === '';
      // Not surveyed (it cannot happen when both passes read the same rows): held to the end, which is always right.
      const last = own ? row : lastRows.get(line.orderId);
      const turn: InTurn = { ...gatheringOf(line, row, spoiled), lastRow: last < row ? Infinity : last, own };
      if (!own) this.byId.set(line.orderId, turn);
      this.turns.push(turn);
    }
    this.handOnCompleteTo(row);
  }

  /** Hands on, in order of first row, the orders complete by row `row` with none incomplete before them. */
  private handOnCompleteTo(row: number): void {
    const turns = this.turns;
    while (this.turnHead < turns.length && (turns[this.turnHead] as InTurn).lastRow <= row) this.handOn(turns[this.turnHead++] as InTurn);
    if (this.turnHead > 4096 && this.turnHead * 2 > turns.length) {
      this.turns = turns.slice(this.turnHead);
      this.turnHead = 0;
    }
  }

  private handOn(turn: InTurn): void {
    if (turn.own) {
      this.settleOwn(turn.line, turn.row, turn.spoiled);
      return;
    }
    this.byId.delete(turn.orderId);
    this.settleGathered(turn);
  }

  /** A later line of the order `existing`. */
  private extend(existing: Gathering, line: OrderLine, spoiled: boolean): void {
    this.out.continuationRows++;
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

  /**
   * Hands over the orders settled so far and forgets them (null when there are none). Without order
   * numbers every row is settled as it is added, with 'together' every order as the next one starts,
   * and with last rows every order at its last row once those before it are: in row order, so a host
   * reading a file in pieces keeps few; finish() then returns only the rest.
   */
  takeSettled(): Pick<AssembledOrders, 'kept' | 'leftOut' | 'problems'> | null {
    const out = this.out;
    if (out.kept.length + out.leftOut.length + out.problems.length === 0) return null;
    const taken = { kept: out.kept, leftOut: out.leftOut, problems: out.problems };
    out.kept = [];
    out.leftOut = [];
    out.problems = [];
    return taken;
  }

  /** The orders, each list in order of first row. Spoiled orders are left to the host, which reported their bad row. */
  finish(): AssembledOrders {
    this.settleOpen();
    for (let k = this.turnHead; k < this.turns.length; k++) this.handOn(this.turns[k] as InTurn);
    this.turns = [];
    this.turnHead = 0;
    for (const g of this.gathering) this.settleGathered(g);
    const out = this.out;
    if (this.settledEarly && this.gathering.length > 0) {
      const byRow = (a: { row: number }, b: { row: number }) => a.row - b.row;
      out.kept.sort(byRow);
      out.leftOut.sort(byRow);
      out.problems.sort(byRow);
    }
    return out;
  }

  /** 'together': the open order is complete (a row of another order came, or the table ended). */
  private settleOpen(): void {
    const open = this.open;
    if (open === null) return;
    this.open = null;
    this.settleGathered(open);
  }

  /** A row without an order number: an order of its own, its amount the row's (spoiled: left to the host, as below). */
  private settleOwn(line: OrderLine, row: number, spoiled: boolean): void {
    if (!spoiled) this.settle(line, row, line.total ?? line.lineAmount);
  }

  /** Spoiled orders are left to the host, which reported their bad row. */
  private settleGathered(g: Gathering): void {
    if (!g.spoiled) this.settle(g.line, g.row, g.line.total ?? (g.line.lineAmount === null ? null : round2(g.lineSum)));
  }

  /** Decides one complete order: a problem, left out (and why), or kept with its amount net of refunds. */
  private settle(l: OrderLine, row: number, gross: number | null): void {
    const out = this.out;
    if (l.customerId === '') {
      out.problems.push({ row, orderId: l.orderId, customerId: l.customerId, problem: 'noCustomer' });
      return;
    }
    if (l.date === null) {
      out.problems.push({ row, orderId: l.orderId, customerId: l.customerId, problem: 'noDate' });
      return;
    }
    if (gross === null) {
      out.problems.push({ row, orderId: l.orderId, customerId: l.customerId, problem: 'noAmount' });
      return;
    }
    const refunded = Math.abs(l.refunded ?? 0);
    let reason = l.cancelled ? 'cancelled' : classifyStatus(l.status);
    // A refund that takes back the whole (positive) order is a refunded order, whatever the status says.
    if (reason === null && refunded > 0 && gross > 0 && gross - refunded <= 0) reason = 'refunded';
    if (reason !== null) {
      out.leftOut.push({ row, orderId: l.orderId, customerId: l.customerId, reason });
      return;
    }
    const amount = refunded === 0 ? gross : round2(gross - refunded);
    if (amount < 0) out.negative++;
    out.kept.push({
      row,
      orderId: l.orderId,
      order: { customerId: l.customerId, date: l.date, amount, name: l.name, email: l.email, region: l.region, owner: l.owner },
    });
  }
}
