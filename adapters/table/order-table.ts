// An order table (one row per order) → orders for the core, or a reason per row.
import type { Order } from '../../core/schema/order.ts';
import { ORDER_FIELDS, type Cell, type OrderField, type TableConfig } from './contract.ts';
import { ORDER_REQUIRED } from './headers.ts';
import { dataRowRange, headerKeysOf, layoutOf, quote, rowKind, type Layout } from './read-rows.ts';
import { cellText } from './header-row.ts';
import { Invalid, parseDate, parseMoney, type DateOrder } from './cells.ts';
import { columnDateOrders } from './date-columns.ts';
import { idText } from './customer-table.ts';

export interface OrderRow {
  row: number;
  id: string | null;
  order: Order | null;
  error: string | null;
}

export interface OrderTable extends Layout<OrderField> {
  rows: OrderRow[];
  warnings: string[];
}

export function readOrderTable(cells: readonly Cell[][], config: TableConfig): OrderTable {
  const layout = layoutOf(cells, ORDER_FIELDS, ORDER_REQUIRED, config.columns, 'order');
  const { headers, mapping } = layout;
  const range = dataRowRange(cells, layout.headerIndex);
  const warnings: string[] = [];
  const dateOrder = columnDateOrders(cells, range, mapping, ['date'], headers, config.dateOrder, warnings).date as DateOrder;
  const headerKeys = headerKeysOf(headers, mapping, ORDER_REQUIRED);
  const idColumn = mapping.customerId as number;
  const dateColumn = mapping.date as number;
  const amountColumn = mapping.amount as number;
  const text = (row: readonly Cell[], field: OrderField) => {
    const column = mapping[field];
    return column === undefined ? null : cellText(row[column]) || null;
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
  for (let r = range[0]; r < range[1]; r++) {
    const cellsOfRow = cells[r] ?? [];
    const row = r + 1;
    const kind = rowKind(cellsOfRow, headerKeys);
    if (kind !== 'data') {
      rows.push({ row, id: null, order: null, error: kind === 'blank' ? `Row ${row} is blank` : `Row ${row} repeats the header row` });
      continue;
    }
    const problems: string[] = [];
    const id = idText(cellsOfRow[idColumn]);
    if (id === '') problems.push(`column "${headers[idColumn]}": the customer id is empty`);
    const date = parseDate(cellsOfRow[dateColumn], dateOrder);
    if (date instanceof Invalid) problems.push(`column "${headers[dateColumn]}": ${quote(cellsOfRow[dateColumn])} is not ${date.expected}`);
    else if (date === null) problems.push(`column "${headers[dateColumn]}": the order date is empty`);
    const amount = parseMoney(cellsOfRow[amountColumn]);
    if (amount instanceof Invalid) problems.push(`column "${headers[amountColumn]}": ${quote(cellsOfRow[amountColumn])} is not ${amount.expected}`);
    else if (amount === null) problems.push(`column "${headers[amountColumn]}": the amount is empty`);
    if (problems.length > 0 || date === null || date instanceof Invalid || amount === null || amount instanceof Invalid) {
      rows.push({ row, id: id || null, order: null, error: `Row ${row}, ${problems.join('; ')}` });
      continue;
    }
    rows.push({
      row,
      id,
      order: {
        customerId: share(id),
        date: share(date),
        amount,
        name: text(cellsOfRow, 'name'),
        email: text(cellsOfRow, 'email'),
        region: text(cellsOfRow, 'region'),
        owner: text(cellsOfRow, 'owner'),
      },
      error: null,
    });
  }
  return { ...layout, rows, warnings };
}
