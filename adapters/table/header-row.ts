// Finds the header row (it need not be the first: exports often start with a title or notes).
import type { Cell } from './contract.ts';
import { detectColumns } from './headers.ts';

export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** Index of the row among the first 20 that names the most of `fields`, or -1 when none names `least`. */
export function findHeaderRow(cells: readonly Cell[][], fields: readonly string[], least: number, explicit: Readonly<Record<string, string>> = {}): number {
  let best = -1;
  let bestCount = least - 1;
  const limit = Math.min(cells.length, 20);
  for (let r = 0; r < limit; r++) {
    const row = cells[r] ?? [];
    const headers = row.map(cellText);
    const found = Object.keys(detectColumns(headers, fields as never[], explicit)).length;
    if (found > bestCount) {
      best = r;
      bestCount = found;
    }
  }
  return best;
}
