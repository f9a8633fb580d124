// A file Tierwise scored before carries its result columns (Tier … Why). Re-scoring it must read the
// user's columns only: the old results are blanked in the grid (the writer puts the new ones in their
// place), so a blank row stays blank and an old Why never reads as data.
import { findResultBlock } from '../result-columns.ts';
import { cellText } from './header-row.ts';
import { rowsOf, type Rows } from './table-rows.ts';

/** The header row (among the first 20) holding Tierwise's result block, and the block's columns; null when there is none. */
export function earlierResultsOf(cells: Rows): { row: number; block: { start: number; end: number } } | null {
  const rows = rowsOf(cells);
  const limit = Math.min(rows.length, 20);
  for (let r = 0; r < limit; r++) {
    const block = findResultBlock(rows.row(r).map(cellText));
    if (block !== null) return { row: r, block };
  }
  return null;
}

/** Blanks the result block's cells in rows from … cells.length − 1. */
export function blankResultCells(cells: Rows, from: number, block: { start: number; end: number }): void {
  rowsOf(cells).clearColumns(from, block);
}

/** Blanks the old result cells below a header row holding Tierwise's result block; returns that row's index or -1. */
export function clearEarlierResults(cells: Rows): number {
  const earlier = earlierResultsOf(cells);
  if (earlier === null) return -1;
  blankResultCells(cells, earlier.row + 1, earlier.block);
  return earlier.row;
}
