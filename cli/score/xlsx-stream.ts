// A one-sheet workbook (.xlsx, ECMA-376 Part 1 SpreadsheetML) written row by row into a streamed ZIP
// (zip-stream.ts): the scored copy of a million rows never exists whole in memory, as it did when
// write-excel-file built the sheet from an array of every row. Text is written as inline strings
// (§18.3.1.4 c, t="inlineStr", §18.3.1.53 is) so no shared-string table has to be known before the
// rows; text is always text (never a formula); dates are serial numbers with a date format (§18.8.30
// numFmt; custom ids from 164), as write-excel-file wrote them; the same parts, minus sharedStrings.
import type { Cell } from '../../adapters/table/contract.ts';
import { ZipStream } from './zip-stream.ts';
import { FileError } from '../io.ts';
import { WORDS } from '../../core/i18n/index.ts';
import type { Language } from '../../core/schema/options.ts';

/** Excel's rows per sheet (Excel specifications and limits: 1,048,576 rows by 16,384 columns). */
export const MAX_ROWS = 1_048_576;
const CHUNK_CHARS = 1 << 16;
const DAY_MS = 86_400_000;
/** Days from Excel's 1900 epoch (as Excel counts, 1900 wrongly a leap year) to 1970-01-01. */
const EPOCH_DAYS = 25_569;

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PARTS: [string, string][] = [
  [
    '[Content_Types].xml',
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  ],
  ['_rels/.rels', `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
  ['xl/workbook.xml', `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`],
  ['xl/_rels/workbook.xml.rels', `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`],
  // Style 1: a date; style 2: a date and time (cellXfs are 0-based).
  [
    'xl/styles.xml',
    `${XML}<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  ],
];
const SHEET_START = `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>`;
const SHEET_END = '</sheetData></worksheet>';

/** "A", "B", … "Z", "AA", …: a column's letters from its 0-based index. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

// Characters XML 1.0 does not allow (§2.2: controls other than tab, LF, CR; U+FFFE, U+FFFF) are written
// as _xHHHH_, the escape SpreadsheetML's ST_Xstring defines (§22.9.2.19), and a literal _xHHHH_ gets
// its underscore escaped (_x005F_) so a reader does not turn it into a character.
const ESCAPES = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)/g;
const NEEDS_ESCAPE = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_/;
function escaped(ch: string): string {
  if (ch === '&') return '&amp;';
  if (ch === '<') return '&lt;';
  if (ch === '>') return '&gt;';
  return `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
}
/** Text as the content of a <t> element. */
export const xmlText = (text: string): string => (NEEDS_ESCAPE.test(text) ? text.replace(ESCAPES, escaped) : text);

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/** The sheet, written a row at a time; `close` ends the workbook. */
export class XlsxStream {
  readonly #zip: ZipStream;
  readonly #sheet: ReturnType<ZipStream['entry']>;
  readonly #columns: string[] = [];
  readonly #maxRows: number;
  readonly #language: Language;
  #chunk = SHEET_START;
  #rows = 0;

  private constructor(zip: ZipStream, language: Language, maxRows: number) {
    this.#zip = zip;
    this.#language = language;
    this.#maxRows = maxRows;
    this.#sheet = zip.entry('xl/worksheets/sheet1.xml');
  }

  /** Starts a workbook on `stream` (a new file); `language` words the row-limit error; `maxRows` is Excel's limit but for tests. */
  static async open(stream: NodeJS.WritableStream, language: Language = 'en', maxRows = MAX_ROWS): Promise<XlsxStream> {
    const zip = new ZipStream(stream);
    for (const [name, text] of PARTS) await zip.file(name, text);
    return new XlsxStream(zip, language, maxRows);
  }

  /** Rows written so far. */
  get rows(): number {
    return this.#rows;
  }

  /** Writes the next row: empty cells are left out; dates as dates, numbers and booleans as such, anything else as text. */
  async row(cells: readonly Cell[]): Promise<void> {
    if (this.#rows >= this.#maxRows) throw new FileError(WORDS[this.#language].files.sheetFull(this.#maxRows.toLocaleString('en')));
    const r = ++this.#rows;
    let xml = `<row r="${r}">`;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (cell === null || cell === undefined || cell === '') continue;
      const ref = (this.#columns[c] ??= columnName(c)) + r;
      if (cell instanceof Date && !Number.isNaN(cell.getTime())) {
        const time = cell.getTime();
        const midnight = cell.getUTCHours() === 0 && cell.getUTCMinutes() === 0 && cell.getUTCSeconds() === 0;
        xml += `<c r="${ref}" s="${midnight ? 1 : 2}"><v>${time / DAY_MS + EPOCH_DAYS}</v></c>`;
      } else if (typeof cell === 'number' && Number.isFinite(cell)) xml += `<c r="${ref}"><v>${cell}</v></c>`;
      else if (typeof cell === 'boolean') xml += `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
      else {
        const text = String(cell);
        const keep = isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1)) ? ' xml:space="preserve"' : '';
        xml += `<c r="${ref}" t="inlineStr"><is><t${keep}>${xmlText(text)}</t></is></c>`;
      }
    }
    this.#chunk += xml + '</row>';
    if (this.#chunk.length >= CHUNK_CHARS) await this.#flush();
  }

  async #flush(): Promise<void> {
    const chunk = this.#chunk;
    this.#chunk = '';
    await this.#sheet.write(Buffer.from(chunk, 'utf8'));
  }

  /** Ends the sheet and the archive. */
  async close(): Promise<void> {
    this.#chunk += SHEET_END;
    await this.#flush();
    await this.#sheet.end();
    await this.#zip.close();
  }
}
