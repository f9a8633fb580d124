// An order table → orders for the core, or a reason per row. Reads order exports as shops write them:
// one row per order, or one row per line item grouped by the order number (core/order-lines.ts);
// the customer is the customer column, or the email where there is none (or it says 0, a guest);
// the amount is the order total, else the sum of line amounts, else quantity × unit price.
// Orders whose status says they are not purchases are left out and counted (core/order-status.ts).
import type { Order } from '../../core/schema/order.ts';
import { OrderAssembler, type OrderLine, type OrderProblem } from '../../core/order-lines.ts';
import { LEFT_OUT_REASONS, noneLeftOut, type LeftOutReason } from '../../core/order-status.ts';
import { ORDER_FIELDS, type Cell, type OrderField, type TableConfig } from './contract.ts';
import { normalizeHeader, ORDER_REQUIRED } from './headers.ts';
import { footerNote, headerKeysOf, layoutOf, quote, rowKind, tableBody, type Layout } from './read-rows.ts';
import { cellText } from './header-row.ts';
import { Invalid, parseDate, parseMoney, type DateOrder } from './cells.ts';
import { columnDateOrders } from './date-columns.ts';
import { idText } from './customer-table.ts';
import { clip } from './clip.ts';

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
const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

export function readOrderTable(cells: readonly Cell[][], config: TableConfig): OrderTable {
  const layout = layoutOf(cells, ORDER_FIELDS, ORDER_REQUIRED, config.columns, 'order', { kind: 'orders', substitutes: SUBSTITUTES });
  const { headers, mapping } = layout;
  // A bare "Id" next to an email in an order export is the order's id (Shopify's is), not the customer's.
  if (mapping.customerId !== undefined && mapping.email !== undefined && config.columns.customerId === undefined && normalizeHeader(headers[mapping.customerId] ?? '') === 'id') {
    if (mapping.orderId === undefined) mapping.orderId = mapping.customerId;
    delete mapping.customerId;
    layout.notes.push(`Column "${headers[mapping.email]}" is read as the customer: a bare "Id" in an order export is the order's id`);
  }
  const { range, footer } = tableBody(cells, layout.headerIndex);
  const warnings: string[] = [...layout.notes];
  if (footer !== null) warnings.push(footerNote(footer));
  const dateOrder = columnDateOrders(cells, range, mapping, ['date'], headers, config.dateOrder, warnings).date as DateOrder;
  const headerKeys = headerKeysOf(headers, mapping, (['customerId', 'date', 'amount'] as const).filter((f) => mapping[f] !== undefined));
  const header = (field: OrderField) => headers[mapping[field] as number] ?? field;
  const column = (field: OrderField) => mapping[field];
  const customerColumn = column('customerId');
  const emailColumn = column('email');
  const useQuantity = mapping.amount === undefined && mapping.lineAmount === undefined;
  const text = (row: readonly Cell[], field: OrderField) => {
    const c = column(field);
    return c === undefined ? null : cellText(row[c]) || null;
  };
  // Order files repeat ids and dates; sharing one string per value keeps millions of rows small.
  const shared = new Map<string, string>();
  const share = (s: string) => {
    const found = shared.get(s);
    if (found !== undefined) return found;
    if (shared.size < 2_000_000) shared.set(s, s);
    return s;
  };
  const rows: OrderRow[] = [];
  const assembler = new OrderAssembler();
  // The row being read and what is wrong with it: one reader for all rows, nothing allocated per row unless a cell is bad.
  let cellsOfRow: readonly Cell[] = [];
  let problems: string[] | null = null;
  const money = (field: OrderField): number | null => {
    const c = column(field);
    if (c === undefined) return null;
    const value = parseMoney(cellsOfRow[c]);
    if (value instanceof Invalid) {
      (problems ??= []).push(`column "${header(field)}": ${quote(cellsOfRow[c])} is not ${value.expected}`);
      return null;
    }
    return value;
  };
  for (let r = range[0]; r < range[1]; r++) {
    cellsOfRow = cells[r] ?? [];
    problems = null;
    const row = r + 1;
    const kind = rowKind(cellsOfRow, headerKeys);
    if (kind !== 'data') {
      rows.push({ row, id: null, order: null, error: kind === 'blank' ? `Row ${row} is blank` : `Row ${row} repeats the header row` });
      continue;
    }
    let customerId = customerColumn === undefined ? '' : idText(cellsOfRow[customerColumn]);
    // No customer column, an empty one, or WooCommerce's 0 for a guest: the email is the customer.
    if ((customerId === '' || customerId === '0') && emailColumn !== undefined) {
      const email = cellText(cellsOfRow[emailColumn]).toLowerCase();
      if (email !== '') customerId = email;
    }
    // Emails are one customer however they are capitalised.
    if (customerId.includes('@')) customerId = customerId.toLowerCase();
    const dateCell = cellsOfRow[mapping.date as number];
    const date = parseDate(dateCell, dateOrder);
    if (date instanceof Invalid) (problems ??= []).push(`column "${header('date')}": ${quote(dateCell)} is not ${date.expected}`);
    const total = money('amount');
    let lineAmount = money('lineAmount');
    if (useQuantity) {
      const quantity = mapping.quantity === undefined ? 1 : money('quantity');
      const unitPrice = money('unitPrice');
      lineAmount = quantity === null || unitPrice === null ? null : round2(quantity * unitPrice);
    }
    const refunded = money('refunded');
    const orderId = mapping.orderId === undefined ? '' : idText(cellsOfRow[mapping.orderId]);
    const line: OrderLine = {
      orderId, // mostly unique: not worth a shared copy
      customerId: customerId === '' ? '' : share(customerId),
      date: date === null || date instanceof Invalid ? null : share(date),
      total,
      lineAmount,
      refunded,
      status: text(cellsOfRow, 'status'),
      cancelled: text(cellsOfRow, 'cancelledAt') !== null,
      name: text(cellsOfRow, 'name'),
      email: text(cellsOfRow, 'email'),
      region: text(cellsOfRow, 'region'),
      owner: text(cellsOfRow, 'owner'),
    };
    const bad = problems as string[] | null;
    if (bad !== null) {
      const of = orderId === '' ? '' : ` (order ${clip(orderId)} is left out)`;
      rows.push({ row, id: customerId || null, order: null, error: `Row ${row}, ${bad.join('; ')}${of}` });
    }
    assembler.add(line, row, bad !== null);
  }

  const assembled = assembler.finish();
  const customers = new Map<string, CustomerTrail>();
  const trail = (id: string, row: number): CustomerTrail => {
    let t = customers.get(id);
    if (t === undefined) {
      t = { firstRow: row, kept: 0, negative: 0, negativeTotal: 0, leftOut: null };
      customers.set(id, t);
    }
    return t;
  };
  const leftOut = noneLeftOut();
  // Kept and left-out orders each come in row order: merged, customers are listed by their first row.
  const { kept, leftOut: dropped } = assembled;
  for (let i = 0, j = 0; i < kept.length || j < dropped.length; ) {
    const k = kept[i];
    const l = dropped[j];
    if (k !== undefined && (l === undefined || k.row < l.row)) {
      i++;
      rows.push({ row: k.row, id: k.order.customerId, order: k.order, error: null });
      const t = trail(k.order.customerId, k.row);
      t.kept++;
      if (k.order.amount < 0) {
        t.negative++;
        t.negativeTotal = round2(t.negativeTotal + k.order.amount);
      }
    } else if (l !== undefined) {
      j++;
      leftOut[l.reason]++;
      const t = trail(l.customerId, l.row);
      (t.leftOut ??= noneLeftOut())[l.reason]++;
    }
  }
  for (const p of assembled.problems) rows.push({ row: p.row, id: p.customerId || null, order: null, error: problemText(p.row, p.problem, header, mapping) });
  rows.sort((a, b) => a.row - b.row);

  const summary = summaryNotes(assembled, leftOut, layout.source, header, mapping, useQuantity);
  return { ...layout, rows, customers, leftOut, warnings: [...warnings, ...summary] };
}

function problemText(row: number, problem: OrderProblem, header: (f: OrderField) => string, mapping: Partial<Record<OrderField, number>>): string {
  switch (problem) {
    case 'noCustomer': {
      const where = mapping.customerId !== undefined ? header('customerId') : header('email');
      return `Row ${row}, column "${where}": the customer id is empty`;
    }
    case 'noDate':
      return `Row ${row}, column "${header('date')}": the order date is empty`;
    case 'noAmount': {
      const where = mapping.amount !== undefined ? header('amount') : mapping.lineAmount !== undefined ? header('lineAmount') : `${header('quantity')}" and "${header('unitPrice')}`;
      return `Row ${row}, column "${where}": the amount is empty`;
    }
  }
}

/** File-level notes: how rows became orders, and which orders were left out and why. */
function summaryNotes(
  assembled: ReturnType<OrderAssembler['finish']>,
  leftOut: Record<LeftOutReason, number>,
  source: string | null,
  header: (f: OrderField) => string,
  mapping: Partial<Record<OrderField, number>>,
  useQuantity: boolean,
): string[] {
  const notes: string[] = [];
  const orders = assembled.kept.length + assembled.leftOut.length;
  if (source !== null) notes.push(`Read as a ${source}`);
  if (assembled.continuationRows > 0) {
    notes.push(`${plural(orders + assembled.continuationRows, 'row')} are the line items of ${plural(orders, 'order')}, grouped by column "${header('orderId')}"; each order's total counts once`);
  }
  if (useQuantity && mapping.quantity !== undefined) notes.push(`Order amounts are quantity × unit price (columns "${header('quantity')}" and "${header('unitPrice')}"), summed per order`);
  const total = LEFT_OUT_REASONS.reduce((n, r) => n + leftOut[r], 0);
  if (total > 0) {
    const parts = LEFT_OUT_REASONS.filter((r) => leftOut[r] > 0).map((r) => `${leftOut[r].toLocaleString('en-US')} ${r}`);
    const by = [mapping.status !== undefined ? `column "${header('status')}"` : null, mapping.cancelledAt !== undefined ? `column "${header('cancelledAt')}"` : null, mapping.refunded !== undefined ? `column "${header('refunded')}"` : null].filter((x) => x !== null);
    notes.push(`${plural(total, 'order')} left out as not purchases (${parts.join(', ')}; from ${by.join(', ')})`);
  }
  if (assembled.negative > 0) notes.push(`${plural(assembled.negative, 'order')} with a negative amount (cancellations, returns) netted against their customers' spend`);
  return notes;
}
