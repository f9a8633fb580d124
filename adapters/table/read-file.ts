// A file on disk → a grid of cells: CSV/TSV/semicolon/whitespace text (UTF-8, UTF-16 or GB18030) or XLSX.
// Refuses files that are not tables before anything is scored or written.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { TableError, type Cell } from './contract.ts';
import { parseDelimitedWithSpans, sniffDelimiter, type Delimiter, type RowSpans } from './csv.ts';

/** A table read from disk; for delimited text, also the text itself, so output can copy rows untouched. */
export interface TableFile {
  cells: Cell[][];
  text: { text: string; delimiter: Delimiter; spans: RowSpans } | null;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Chinese spreadsheet exports are often GB18030 (GBK); anything else fails the sanity check below.
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > sample.length / 20;
}

export async function readTableFile(path: string, sheet?: string): Promise<Cell[][]> {
  return (await readTable(path, sheet)).cells;
}

export async function readTable(path: string, sheet?: string): Promise<TableFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new TableError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot be read (${code ?? String(error)})`);
  }
  if (bytes.length === 0) throw new TableError(`${path} is empty: expected a header row and one row per customer or order`);
  const isZip = ZIP_MAGIC.every((b, i) => bytes[i] === b);
  const extension = extname(path).toLowerCase();
  if (isZip || extension === '.xlsx') {
    if (!isZip) throw new TableError(`${path} is named .xlsx but is not an Excel workbook`);
    return { cells: await readWorkbook(path, bytes, sheet), text: null };
  }
  if (extension === '.xls') throw new TableError(`${path} is an old Excel (.xls) file: save it as .xlsx or .csv`);
  if (looksBinary(bytes)) throw new TableError(`${path} is not a text table or an .xlsx workbook (it looks like binary data)`);
  const decoded = decodeText(bytes);
  const delimiter = sniffDelimiter(decoded.slice(0, 64 * 1024));
  const parsed = parseDelimitedWithSpans(decoded, delimiter);
  return { cells: parsed.rows, text: { text: parsed.text, delimiter, spans: parsed.spans } };
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
