// How to read slash dates ("3/1/2026"), decided per column from its own values.
import type { Cell, TableConfig } from './contract.ts';
import { inferDateOrder, type DateOrder, type DateOrderInference } from './cells.ts';

export function columnDateOrders<F extends string>(
  cells: readonly Cell[][],
  range: [number, number],
  mapping: Partial<Record<F, number>>,
  dateFields: readonly F[],
  headers: readonly string[],
  configured: TableConfig['dateOrder'],
  warnings: string[],
): Partial<Record<F, DateOrder>> {
  const orders: Partial<Record<F, DateOrder>> = {};
  for (const field of dateFields) {
    const column = mapping[field];
    if (column === undefined) continue;
    if (configured !== 'auto') {
      orders[field] = configured;
      continue;
    }
    const values = function* () {
      for (let r = range[0]; r < range[1]; r++) yield (cells[r] ?? [])[column];
    };
    const inferred = inferDateOrder(values());
    orders[field] = inferred.order;
    const note = dateOrderNote(headers[column] ?? field, inferred);
    if (note !== null) warnings.push(note);
  }
  return orders;
}

/** What the summary says about how a date column's slash dates were read, or null when nothing needs saying. */
export function dateOrderNote(header: string, inferred: DateOrderInference): string | null {
  if (inferred.evidence === 'conflict') {
    return `Column "${header}" mixes day/month and month/day dates (some start with a day over 12, others have a month part over 12); read as month/day, and rows that do not fit are reported. Set "dateOrder" in the config to choose.`;
  }
  if (inferred.ambiguous) {
    return `Column "${header}" has dates like 3/4/2026 that could be month/day or day/month and none settles it; read as month/day (US). Set "dateOrder": "dmy" in the config if they are day/month.`;
  }
  return null;
}
