// The rows of a table as its readers ask for them: whole rows (the header, the last rows, a row to
// report) or one cell at a time (a million data rows, of which only the mapped cells are read).
// A grid of cells (XLSX, Sheets' getValues(), whitespace columns) answers from its arrays; delimited
// text answers from the text itself (text-rows.ts), so a million rows are not held as 9M strings.
import type { Cell } from './contract.ts';

export interface TableRows {
  readonly length: number;
  /** Row i's cells (for text rows a new array each call; [] past the end). */
  row(i: number): readonly Cell[];
  /** Cell c of row i: row(i)[c], without the rest of the row. */
  cell(i: number, c: number): Cell;
  /** True when no cell of row i holds anything but spaces (null, undefined or text that trims to ''). */
  blank(i: number): boolean;
  /** Row i will not be read again (a grid drops its cells; text rows hold none). */
  release(i: number): void;
  /** Empties cells block.start … block.end − 1 of rows from … length − 1 (an earlier run's results). */
  clearColumns(from: number, block: { start: number; end: number }): void;
}

/** A grid's own rows or text rows: what the readers take, so hosts that hold a grid pass it as it is. */
export type Rows = readonly Cell[][] | TableRows;

/** A blank cell as rowKind always read it: nothing, or text of spaces only. */
export function blankCell(c: Cell): boolean {
  return c === null || c === undefined || (typeof c === 'string' && c.trim() === '');
}

/** A grid of cells as TableRows; cells are read and changed in place. */
export class GridRows implements TableRows {
  readonly #cells: Cell[][];

  constructor(cells: Cell[][]) {
    this.#cells = cells;
  }

  get length(): number {
    return this.#cells.length;
  }

  row(i: number): readonly Cell[] {
    return this.#cells[i] ?? [];
  }

  cell(i: number, c: number): Cell {
    return (this.#cells[i] ?? [])[c];
  }

  blank(i: number): boolean {
    const row = this.#cells[i] ?? [];
    for (let k = 0; k < row.length; k++) if (!blankCell(row[k])) return false;
    return true;
  }

  release(i: number): void {
    if (i < this.#cells.length) this.#cells[i] = [];
  }

  clearColumns(from: number, block: { start: number; end: number }): void {
    for (let i = from; i < this.#cells.length; i++) {
      const row = this.#cells[i] as Cell[];
      for (let c = block.start; c < Math.min(block.end, row.length); c++) row[c] = '';
    }
  }
}

/** `rows` as TableRows (a grid is wrapped, not copied). */
export function rowsOf(rows: Rows): TableRows {
  return Array.isArray(rows) ? new GridRows(rows as Cell[][]) : (rows as TableRows);
}

/** Every row's cells as a grid (for readers that need one: order tables, an XLSX copy). */
export function gridOf(rows: Rows): Cell[][] {
  if (Array.isArray(rows)) return rows as Cell[][];
  const table = rows as TableRows;
  const grid = new Array<Cell[]>(table.length);
  for (let i = 0; i < table.length; i++) grid[i] = table.row(i) as Cell[];
  return grid;
}

/** The 1-based number (counted from row `from`) of the last row holding any text, 0 for none; asked from the end. */
export function lastContentRow(cells: Rows, from = 0): number {
  const rows = rowsOf(cells);
  for (let i = rows.length - 1; i >= from; i--) {
    if (rows.row(i).some((c) => c !== null && c !== '' && !(typeof c === 'string' && c.trim() === ''))) return i + 1 - from;
  }
  return 0;
}
