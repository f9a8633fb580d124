// A file on disk → a grid of cells: CSV/TSV/semicolon/whitespace text (UTF-8, UTF-16, GB18030 or
// Windows-1252; see text-encoding.ts) or XLSX.
// Refuses files that are not tables before anything is scored or written.
import { readFile } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { TableError, type Cell } from './contract.ts';
import { parseDelimitedOffsets, parseDelimitedWithSpans, sniffDelimiter, type Delimiter, type RowProblem, type RowSpans } from './csv.ts';
import { gridOf, GridRows, type TableRows } from './table-rows.ts';
import { TextRows } from './text-rows.ts';
import { decodeBytes, type TextEncoding } from './text-encoding.ts';
import { clip } from './clip.ts';
import { WORDS } from '../../core/i18n/index.ts';
import type { Language } from '../../core/schema/options.ts';

/** A table read from disk; for delimited text, also the text itself, so output can copy rows untouched. */
export interface TableFile {
  /** The rows; delimited text is read from the text on demand (text-rows.ts), never held as a grid of cells. */
  rows: TableRows;
  /** Every row's cells as a grid, for readers that need one (made from `rows` on first use for delimited text). */
  readonly cells: Cell[][];
  /** `lineEnd`: the input's own line break (Windows exports use CRLF), used again when writing it back. */
  text: { text: string; delimiter: Delimiter; spans: RowSpans; encoding: TextEncoding; lineEnd: '\n' | '\r\n' } | null;
  /** Rows that could not be read (an unclosed quote): their cells are emptied, and each must be reported. */
  problems: RowProblem[];
}

export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Decoded text with NULs or many control characters is not a table (checked after decoding, so UTF-16 passes). */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 9 || (c > 13 && c < 32) || c === 0xfffd) control++;
  }
  return control > sample.length / 20;
}

export async function readTableFile(path: string, sheet?: string): Promise<Cell[][]> {
  return (await readTable(path, sheet)).cells;
}

/** Why a file cannot be opened, in one sentence, in `language`. */
export function fileSystemProblem(path: string, error: unknown, doing: 'read' | 'written', language: Language = 'en'): string {
  const say = WORDS[language].files;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return doing === 'read' ? say.noSuchFile(path) : say.noFolder(path, dirname(path));
  if (code === 'EACCES' || code === 'EPERM') return say.permission(path, doing);
  if (code === 'EISDIR') return say.isFolder(path);
  if (code === 'ENOTDIR') return say.notFolder(path, doing);
  if (code === 'ENOSPC') return say.diskFull(path);
  return say.otherProblem(path, doing, code ?? (error instanceof Error ? error.message : String(error)));
}

/** A table file opened: an XLSX workbook's cells, or a text table decoded, with its delimiter sniffed. */
export type OpenedTable =
  | { kind: 'workbook'; cells: Cell[][] }
  | { kind: 'text'; encoding: TextEncoding; decoded: string; delimiter: Delimiter };

/** Reads and decodes a table file, refusing what is not a table before anything is parsed. */
export async function openTable(path: string, sheet?: string, language: Language = 'en'): Promise<OpenedTable> {
  const say = WORDS[language].files;
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new TableError(fileSystemProblem(path, error, 'read', language));
  }
  if (bytes.length === 0) throw new TableError(say.empty(path));
  const isZip = ZIP_MAGIC.every((b, i) => bytes[i] === b);
  const extension = extname(path).toLowerCase();
  if (isZip || extension === '.xlsx') {
    if (!isZip) throw new TableError(say.notWorkbook(path));
    return { kind: 'workbook', cells: await readWorkbook(path, bytes, sheet, language) };
  }
  if (extension === '.xls') throw new TableError(say.oldExcel(path));
  if (sheet !== undefined) throw new TableError(say.textHasNoSheet(path, clip(sheet, WORDS[language].table)));
  const { encoding, text: decoded } = decodeBytes(bytes);
  if (looksBinary(decoded)) throw new TableError(say.binary(path));
  return { kind: 'text', encoding, decoded, delimiter: sniffDelimiter(decoded.slice(0, 64 * 1024)) };
}

/** The text's own line break (Windows exports use CRLF), from its first line. */
export function lineEndOf(decoded: string): '\n' | '\r\n' {
  const firstBreak = decoded.indexOf('\n');
  return firstBreak > 0 && decoded.charCodeAt(firstBreak - 1) === 13 ? '\r\n' : '\n';
}

/** `onRows` hears how many rows of a text file were read so far (for progress lines). */
export async function readTable(path: string, sheet?: string, onRows?: (rows: number) => void, language: Language = 'en'): Promise<TableFile> {
  const opened = await openTable(path, sheet, language);
  if (opened.kind === 'workbook') return { rows: new GridRows(opened.cells), cells: opened.cells, text: null, problems: [] };
  const { encoding, decoded, delimiter } = opened;
  const lineEnd = lineEndOf(decoded);
  if (delimiter === 'whitespace') {
    const parsed = parseDelimitedWithSpans(decoded, delimiter, onRows);
    return { rows: new GridRows(parsed.rows), cells: parsed.rows, text: { text: parsed.text, delimiter, spans: parsed.spans, encoding, lineEnd }, problems: parsed.problems };
  }
  // A row with an unclosed quote is not read as data: it has no cells, and the row is reported.
  const parsed = parseDelimitedOffsets(decoded, delimiter, onRows);
  const rows = new TextRows(parsed, delimiter);
  let grid: Cell[][] | null = null;
  return {
    rows,
    get cells() {
      return (grid ??= gridOf(rows));
    },
    text: { text: parsed.text, delimiter, spans: parsed.spans, encoding, lineEnd },
    problems: parsed.problems,
  };
}

async function readWorkbook(path: string, bytes: Buffer, sheet: string | undefined, language: Language): Promise<Cell[][]> {
  const say = WORDS[language].files;
  const { default: readXlsxFile } = await import('read-excel-file/node');
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    sheets = await readXlsxFile(bytes);
  } catch (error) {
    throw new TableError(say.unreadableWorkbook(path, (error as Error).message));
  }
  const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => s.sheet === sheet);
  if (chosen === undefined) {
    throw new TableError(say.noSuchSheet(path, sheet ?? '', sheets.map((s) => s.sheet)));
  }
  return chosen.data.map((row) => row.map((cell) => (cell === null ? '' : (cell as Cell))));
}
