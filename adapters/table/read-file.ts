// A file on disk → a grid of cells: CSV/TSV/semicolon/whitespace text (UTF-8, UTF-16, GB18030 or
// Windows-1252; see text-encoding.ts) or XLSX.
// Refuses files that are not tables before anything is scored or written.
import { readFile } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { TableError, type Cell } from './contract.ts';
import { parseDelimitedWithSpans, sniffDelimiter, type Delimiter, type RowProblem, type RowSpans } from './csv.ts';
import { decodeBytes, type TextEncoding } from './text-encoding.ts';
import { clip } from './clip.ts';

/** A table read from disk; for delimited text, also the text itself, so output can copy rows untouched. */
export interface TableFile {
  cells: Cell[][];
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

/** Why a file cannot be opened, in one sentence. */
export function fileSystemProblem(path: string, error: unknown, doing: 'read' | 'written'): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return doing === 'read' ? `${path}: no such file` : `${path} cannot be written: the folder ${dirname(path)} does not exist`;
  if (code === 'EACCES' || code === 'EPERM') return `${path} cannot be ${doing}: permission denied`;
  if (code === 'EISDIR') return `${path} is a folder, not a file`;
  if (code === 'ENOTDIR') return `${path} cannot be ${doing}: a part of the path is a file, not a folder`;
  if (code === 'ENOSPC') return `${path} cannot be written: the disk is full`;
  return `${path} cannot be ${doing} (${code ?? (error instanceof Error ? error.message : String(error))})`;
}

/** A table file opened: an XLSX workbook's cells, or a text table decoded, with its delimiter sniffed. */
export type OpenedTable =
  | { kind: 'workbook'; cells: Cell[][] }
  | { kind: 'text'; encoding: TextEncoding; decoded: string; delimiter: Delimiter };

/** Reads and decodes a table file, refusing what is not a table before anything is parsed. */
export async function openTable(path: string, sheet?: string): Promise<OpenedTable> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new TableError(fileSystemProblem(path, error, 'read'));
  }
  if (bytes.length === 0) throw new TableError(`${path} is empty: expected a header row and one row per customer or order`);
  const isZip = ZIP_MAGIC.every((b, i) => bytes[i] === b);
  const extension = extname(path).toLowerCase();
  if (isZip || extension === '.xlsx') {
    if (!isZip) throw new TableError(`${path} is named .xlsx but is not an Excel workbook`);
    return { kind: 'workbook', cells: await readWorkbook(path, bytes, sheet) };
  }
  if (extension === '.xls') throw new TableError(`${path} is an old Excel (.xls) file: save it as .xlsx or .csv`);
  if (sheet !== undefined) throw new TableError(`${path} is a text table, so it has no sheet ${clip(sheet)} (sheets are for .xlsx workbooks)`);
  const { encoding, text: decoded } = decodeBytes(bytes);
  if (looksBinary(decoded)) throw new TableError(`${path} is not a text table or an .xlsx workbook (it looks like binary data)`);
  return { kind: 'text', encoding, decoded, delimiter: sniffDelimiter(decoded.slice(0, 64 * 1024)) };
}

/** The text's own line break (Windows exports use CRLF), from its first line. */
export function lineEndOf(decoded: string): '\n' | '\r\n' {
  const firstBreak = decoded.indexOf('\n');
  return firstBreak > 0 && decoded.charCodeAt(firstBreak - 1) === 13 ? '\r\n' : '\n';
}

/** `onRows` hears how many rows of a text file were read so far (for progress lines). */
export async function readTable(path: string, sheet?: string, onRows?: (rows: number) => void): Promise<TableFile> {
  const opened = await openTable(path, sheet);
  if (opened.kind === 'workbook') return { cells: opened.cells, text: null, problems: [] };
  const { encoding, decoded, delimiter } = opened;
  const parsed = parseDelimitedWithSpans(decoded, delimiter, onRows);
  // A row with an unclosed quote is not read as data: its cells are dropped and the row is reported.
  for (const problem of parsed.problems) parsed.rows[problem.index] = [];
  return { cells: parsed.rows, text: { text: parsed.text, delimiter, spans: parsed.spans, encoding, lineEnd: lineEndOf(decoded) }, problems: parsed.problems };
}

async function readWorkbook(path: string, bytes: Buffer, sheet: string | undefined): Promise<Cell[][]> {
  const { default: readXlsxFile } = await import('read-excel-file/node');
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    sheets = await readXlsxFile(bytes);
  } catch (error) {
    throw new TableError(`${path} is not a readable .xlsx workbook (${(error as Error).message})`);
  }
  const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => s.sheet === sheet);
  if (chosen === undefined) {
    throw new TableError(`${path} has no sheet "${sheet ?? ''}"; sheets: ${sheets.map((s) => `"${s.sheet}"`).join(', ')}`);
  }
  return chosen.data.map((row) => row.map((cell) => (cell === null ? '' : (cell as Cell))));
}
