// Finds the header row (it need not be the first: exports often start with a title or notes).
import type { Cell } from './contract.ts';
import { detectColumns } from './headers.ts';
import { rowsOf, type Rows } from './table-rows.ts';

export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** Excel's column limit: a wider row is not a header (a one-line 50 MB file would take minutes to match). */
const MAX_HEADER_CELLS = 16_384;

/** Index of the row among the first 20 that names the most of `fields`, or -1 when none names `least`. */
export function findHeaderRow(cells: Rows, fields: readonly string[], least: number, explicit: Readonly<Record<string, string>> = {}): number {
  const rows = rowsOf(cells);
  let best = -1;
  let bestCount = least - 1;
  const limit = Math.min(rows.length, 20);
  for (let r = 0; r < limit; r++) {
    const row = rows.row(r);
    if (row.length > MAX_HEADER_CELLS) continue;
    const headers = row.map(cellText);
    const found = Object.keys(detectColumns(headers, fields as never[], explicit)).length;
    if (found > bestCount) {
      best = r;
      bestCount = found;
    }
  }
  return best;
}
