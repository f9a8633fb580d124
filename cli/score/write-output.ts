// Writes the scored table: the input's rows and columns untouched, in order, plus the result columns
// (replacing the result columns of an earlier run, so re-scoring never adds a second block).
// Rows are produced one at a time and streamed, so a million-row file never exists twice in memory.
// CSV keeps the input's encoding where it can hold Tierwise's text (see text-encoding.ts); XLSX keeps
// dates as dates. Cells Tierwise writes from input are neutralised against formulas (formula-guard.ts).
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, extname, join } from 'node:path';
import type { Language } from '../../core/schema/options.ts';
import type { Cell, ScoredRow, TableScore } from '../../adapters/table/contract.ts';
import { fileSystemProblem, type TableFile } from '../../adapters/table/read-file.ts';
import { RESULT_COLUMNS, findResultBlock, resultCells, resultHeaders } from '../../adapters/result-columns.ts';
import type { Result } from '../../core/schema/result.ts';
import { fieldStarts } from '../../adapters/table/csv.ts';
import { neutraliseFormula } from '../../adapters/table/formula-guard.ts';
import { encoderFor, outputEncoding } from '../../adapters/table/text-encoding.ts';
import { FileError } from '../io.ts';
import { WORDS } from '../../core/i18n/index.ts';
import { csvResultFields, csvText } from './csv-result-fields.ts';
import { writeUtf8Lines } from './utf8-lines.ts';
import { XlsxStream } from './xlsx-stream.ts';
import { lastContentRow, rowsOf, type Rows } from '../../adapters/table/table-rows.ts';

export { lastContentRow } from '../../adapters/table/table-rows.ts';

const FOLLOW_UP = RESULT_COLUMNS.findIndex((c) => c.key === 'followUpBy');

/** How one result becomes cells in a given output format. */
export type ResultCellsOf = (result: Result) => Cell[];

/** The input row with its result cells: in place of an earlier run's block, or after the last column. */
function withResults(row: readonly Cell[], width: number, block: { start: number; end: number } | null, results: readonly Cell[]): Cell[] {
  const padded = row.length >= width ? row : [...row, ...new Array<Cell>(width - row.length).fill('')];
  return block === null ? [...padded, ...results] : [...padded.slice(0, block.start), ...results, ...padded.slice(block.end)];
}

/** The rows to write: customer tables keep every input row; order tables get one row per customer. */
export function* scoredRows(cells: Rows, score: TableScore, language: Language, resultCellsOf: ResultCellsOf, guard: (text: string) => string): Generator<Cell[]> {
  const headers = resultHeaders(language);
  if (score.kind === 'orders') {
    yield orderHeaderCells(language);
    for (const r of score.rows) yield orderRowCells(r, resultCellsOf, guard);
    return;
  }
  const width = score.headers.length;
  const block = findResultBlock(score.headers);
  const lastScored = lastRowOf(score);
  const rows = rowsOf(cells);
  // Lines under the table (a report's footer) are copied as they are; trailing blank lines are not rows anyone wrote.
  const end = Math.min(rows.length, Math.max(lastScored, lastContentRow(rows)));
  let next = 0; // score.rows are in row order
  for (let i = 0; i < end; i++) {
    const row = rows.row(i);
    const rowNumber = i + 1;
    if (rowNumber > lastScored) {
      yield row as Cell[];
      continue;
    }
    if (rowNumber === score.headerRow) {
      yield withResults(row, width, block, headers);
      continue;
    }
    const scored = score.rows[next];
    if (scored !== undefined && scored.row === rowNumber) {
      next++;
      yield withResults(row, width, block, resultCellsOf(scored.result));
    } else {
      const padTo = unscoredWidth(width, block);
      yield row.length >= padTo ? (row as Cell[]) : withResults(row, padTo, null, []);
    }
  }
}

/** The header of an order table's scored copy: one row per customer, named by id and the row they first appear at. */
export function orderHeaderCells(language: Language): Cell[] {
  const { customer, sourceRow } = WORDS[language].sheets.customerSheet;
  return [customer, sourceRow, ...resultHeaders(language)];
}

/** One row of an order table's scored copy (the id is text from the input: `guard` neutralises it where the format needs). */
export function orderRowCells(r: ScoredRow, resultCellsOf: ResultCellsOf, guard: (text: string) => string): Cell[] {
  return [guard(r.id ?? ''), r.row, ...resultCellsOf(r.result)];
}

/** Result cells for a CSV copy written from the results alone (no input line to keep): text neutralised against formulas. */
export const textResultCells = (language: Language): ResultCellsOf => (result) => resultCells(result, language).map((c) => (typeof c === 'string' ? neutraliseFormula(c) : c));

/** A row of cells as one comma-separated line. */
export const csvLine = (row: readonly Cell[]): string => row.map((c) => csvField(c, ',')).join(',');

/** Rows that are not scored (a title above the header) are padded to the user's columns, as on the first run. */
function unscoredWidth(width: number, block: { start: number; end: number } | null): number {
  return block !== null && block.end === width ? block.start : width;
}

function lastRowOf(score: TableScore): number {
  return score.rows.length > 0 ? (score.rows[score.rows.length - 1] as ScoredRow).row : score.headerRow;
}

/**
 * The scored table as text lines. When the input was delimited text each input row is copied byte for
 * byte (quotes, number formats and all) and the result fields follow, in the input's own delimiter.
 */
export function* scoredTextLines(file: TableFile, score: TableScore, language: Language): Generator<string> {
  const source = file.text;
  if (source === null || source.delimiter === 'whitespace' || score.kind === 'orders') {
    for (const row of scoredRows(file.rows, score, language, textResultCells(language), neutraliseFormula)) yield csvLine(row);
    return;
  }
  const lineOf = new ScoredLines(score.headers, language, source.delimiter);
  const { starts, ends, widths } = source.spans;
  const lastScored = lastRowOf(score);
  const end = Math.min(starts.length, Math.max(lastScored, lastContentRow(file.rows)));
  let next = 0;
  for (let i = 0; i < end; i++) {
    const line = source.text.slice(starts[i], ends[i]);
    const rowWidth = widths[i] ?? 0;
    const rowNumber = i + 1;
    if (rowNumber > lastScored) {
      yield line; // a footer line under the table, byte for byte
      continue;
    }
    if (rowNumber === score.headerRow) {
      yield lineOf.header(line, rowWidth);
      continue;
    }
    const scored = score.rows[next];
    if (scored !== undefined && scored.row === rowNumber) {
      next++;
      yield lineOf.scored(line, rowWidth, scored.result);
    } else yield lineOf.unscored(line, rowWidth);
  }
}

/**
 * How one input line of delimited text becomes its output line: the header gets the result headers,
 * a scored row its result fields, any other row (a title above the header) is padded to the user's columns.
 * Used for a whole file and for each piece scored on a worker thread (cli/score/threads/).
 */
export class ScoredLines {
  readonly #width: number;
  readonly #block: { start: number; end: number } | null;
  readonly #delimiter: ',' | ';' | '\t';
  readonly #headers: string;
  readonly #fields: (result: Result) => string;

  /** `headers`: the input's header texts (TableScore.headers). */
  constructor(headers: readonly string[], language: Language, delimiter: ',' | ';' | '\t') {
    this.#width = headers.length;
    this.#block = findResultBlock(headers);
    this.#delimiter = delimiter;
    this.#headers = resultHeaders(language).map((h) => csvField(h, delimiter)).join(delimiter);
    this.#fields = csvResultFields(language, delimiter);
  }

  header(line: string, rowWidth: number): string {
    return spliceFields(line, rowWidth, this.#width, this.#block, this.#delimiter, this.#headers);
  }

  scored(line: string, rowWidth: number, result: Result): string {
    return spliceFields(line, rowWidth, this.#width, this.#block, this.#delimiter, this.#fields(result));
  }

  unscored(line: string, rowWidth: number): string {
    const padTo = unscoredWidth(this.#width, this.#block);
    return rowWidth < padTo ? line + this.#delimiter.repeat(padTo - rowWidth) : line;
  }
}

/** One row's text with the result fields after its last column, or in place of an earlier run's block. */
function spliceFields(line: string, rowWidth: number, width: number, block: { start: number; end: number } | null, d: ',' | ';' | '\t', results: string): string {
  if (block === null || rowWidth <= block.start) {
    const before = block === null ? width : block.start;
    const pad = rowWidth < before ? d.repeat(before - rowWidth) : '';
    const after = block !== null && width > block.end ? d.repeat(width - block.end) : '';
    return line + pad + d + results + after;
  }
  const starts = fieldStarts(line, d);
  const prefix = line.slice(0, starts[block.start]);
  const suffix = rowWidth > block.end ? line.slice((starts[block.end] as number) - 1) : '';
  const pad = width > Math.max(rowWidth, block.end) ? d.repeat(width - Math.max(rowWidth, block.end)) : '';
  return prefix + results + suffix + pad;
}

function csvField(cell: Cell, delimiter: string = ','): string {
  if (typeof cell === 'number') return String(cell);
  return csvText(typeof cell === 'string' ? cell : cell instanceof Date ? cell.toISOString().slice(0, 10) : cell === null || cell === undefined ? '' : String(cell), delimiter);
}

/** Writes lines in chunks of about 1 MB, each encoded on its own; calls `onLines` with the lines written so far. */
export async function writeLines(
  stream: NodeJS.WritableStream,
  lines: Iterable<string>,
  encode: (text: string) => Uint8Array | string = (t) => t,
  onLines?: (written: number) => void,
  lineEnd = '\n',
): Promise<number> {
  let chunk = '';
  let count = 0;
  for (const line of lines) {
    chunk += line + lineEnd;
    count++;
    if (chunk.length >= 1 << 20) {
      if (!stream.write(encode(chunk))) await once(stream, 'drain');
      chunk = '';
      onLines?.(count);
    }
  }
  if (chunk !== '') stream.write(encode(chunk));
  return count;
}

/** XLSX result cells: Follow up by as a real date. Text cells are typed as text, so none becomes a formula. */
export function xlsxResultCells(language: Language): ResultCellsOf {
  return (result) => {
    const cells: Cell[] = resultCells(result, language);
    const followUp = cells[FOLLOW_UP];
    if (typeof followUp === 'string' && followUp !== '') cells[FOLLOW_UP] = new Date(`${followUp}T00:00:00Z`);
    return cells;
  };
}

export interface WriteOptions {
  language: Language;
  /** Write CSV as UTF-8 without a byte order mark, whatever the input's encoding. */
  plainUtf8: boolean;
  onLines?: (written: number) => void;
}

/**
 * Writes the scored table to `path` (CSV/TSV text, or XLSX by extension) through a temporary file in
 * the same folder, renamed into place at the end: a failed write never leaves half a file.
 * Returns the number of rows written below the header.
 */
export async function writeTable(path: string, file: TableFile, score: TableScore, options: WriteOptions): Promise<number> {
  await writeThroughTemporary(path, async (temporary) => {
    if (extname(path).toLowerCase() === '.xlsx') {
      await writeStream(temporary, new Uint8Array(0), async (stream) => {
        const sheet = await XlsxStream.open(stream, options.language);
        for (const row of scoredRows(file.rows, score, options.language, xlsxResultCells(options.language), (t) => t)) await sheet.row(row);
        await sheet.close();
      });
    } else {
      const encoding = outputEncoding(file.text?.encoding ?? null, options.plainUtf8);
      const encoder = encoderFor(encoding);
      const lines = scoredTextLines(file, score, options.language);
      const lineEnd = file.text?.lineEnd ?? '\n';
      const utf8 = encoding === 'utf-8' || encoding === 'utf-8-bom';
      await writeStream(temporary, encoder.bom, (stream) => (utf8 ? writeUtf8Lines(stream, lines, options.onLines, lineEnd) : writeLines(stream, lines, encoder.encode, options.onLines, lineEnd)));
    }
  }, options.language);
  return score.rows.length;
}

/** Writes `path` through a temporary file in the same folder, renamed into place at the end: a failed write never leaves half a file. */
export async function writeThroughTemporary(path: string, fill: (temporary: string) => Promise<void>, language: Language = 'en'): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.tierwise-${process.pid}.tmp`);
  try {
    await fill(temporary);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    if ((error as NodeJS.ErrnoException).code !== undefined) throw new FileError(fileSystemProblem(path, error, 'written', language));
    throw error;
  }
}

/**
 * Writes `bom` and then whatever `write` sends to a new file at `path`, failing if the file system does;
 * with `at`, into the existing file from byte `at` on (a piece's place in a scored file, threads/table-piece.ts).
 * Returns the bytes written.
 */
export async function writeStream(path: string, bom: Uint8Array, write: (stream: NodeJS.WritableStream) => Promise<unknown>, at?: number): Promise<number> {
  // Room for a few chunks in flight, so rows are built while earlier ones are written.
  const stream = createWriteStream(path, at === undefined ? { highWaterMark: 16 << 20 } : { highWaterMark: 16 << 20, flags: 'r+', start: at });
  const failed = once(stream, 'error').then(([error]) => Promise.reject(error as Error));
  failed.catch(() => undefined);
  if (bom.length > 0) stream.write(bom);
  try {
    await Promise.race([write(stream), failed]);
  } catch (error) {
    // Closed before the caller removes the file: the stream opens its file asynchronously, and an open
    // still under way when writeThroughTemporary removed the temporary file made it again afterwards
    // (a `.tierwise-….tmp` left beside --out when the table could not be scored; seen in CI).
    stream.destroy();
    if (!stream.closed) await once(stream, 'close').catch(() => undefined);
    throw error;
  }
  stream.end();
  await Promise.race([once(stream, 'finish'), failed]);
  return stream.bytesWritten;
}
