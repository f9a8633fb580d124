// How to read slash dates ("3/1/2026"), decided per column from its own values.
import type { TableConfig } from './contract.ts';
import { DateOrderEvidence, type DateOrder, type DateOrderInference } from './cells.ts';
import { rowsOf, type Rows } from './table-rows.ts';
import type { TableWords } from '../../core/i18n/host-words.ts';

export function columnDateOrders<F extends string>(
  cells: Rows,
  range: [number, number],
  mapping: Partial<Record<F, number>>,
  dateFields: readonly F[],
  headers: readonly string[],
  configured: TableConfig['dateOrder'],
  warnings: string[],
  words: TableWords,
): Partial<Record<F, DateOrder>> {
  const rows = rowsOf(cells);
  const orders: Partial<Record<F, DateOrder>> = {};
  for (const field of dateFields) {
    const column = mapping[field];
    if (column === undefined) continue;
    if (configured !== 'auto') {
      orders[field] = configured;
      continue;
    }
    const evidence = new DateOrderEvidence();
    for (let r = range[0]; r < range[1]; r++) evidence.add(rows.cell(r, column));
    const inferred = evidence.result();
    orders[field] = inferred.order;
    const note = dateOrderNote(headers[column] ?? field, inferred, words);
    if (note !== null) warnings.push(note);
  }
  return orders;
}

/** What the summary says about how a date column's slash dates were read, or null when nothing needs saying. */
export function dateOrderNote(header: string, inferred: DateOrderInference, words: TableWords): string | null {
  if (inferred.evidence === 'conflict') return words.dateOrderConflict(header);
  if (inferred.ambiguous) return words.dateOrderAmbiguous(header);
  return null;
}
