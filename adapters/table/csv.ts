// Delimited text → rows of cells. Sniffs the delimiter (comma, semicolon, tab, or whitespace-aligned
// columns like CDNOW's files), honours quotes (RFC 4180), a BOM and CRLF line ends, and reports a quote
// that never closes instead of letting it swallow the rest of the file.
import { clip } from './clip.ts';
import { WORDS } from '../../core/i18n/index.ts';

export type Delimiter = ',' | ';' | '\t' | 'whitespace';

export function sniffDelimiter(sample: string): Delimiter {
  const lines = sample.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 20);
  const score = (d: string) => {
    const counts = lines.map((l) => l.split(d).length - 1);
    const nonZero = counts.filter((c) => c > 0);
    return nonZero.length === 0 ? 0 : nonZero.length * 10 + Math.min(...nonZero);
  };
  const candidates: [Delimiter, number][] = [[',', score(',')], [';', score(';')], ['\t', score('\t')]];
  candidates.sort((a, b) => b[1] - a[1]);
  const best = candidates[0];
  if (best !== undefined && best[1] > 0) return best[0];
  return 'whitespace';
}

/** Where each row lies in the text: row i is text.slice(starts[i], ends[i]) (without its line break). */
export interface RowSpans {
  starts: Int32Array;
  ends: Int32Array;
  /** Number of cells in each row. */
  widths: Int32Array;
}

/** A row the parser could not read as the writer meant it: an opening quote with no matching close. */
export interface RowProblem {
  /** 0-based index into the parsed rows (the user's row number is index + 1). */
  index: number;
  /** In English, for the error frames that are English (cli/commands/score.ts); results word it per language (unreadable-rows.ts). */
  message: string;
  /** The field (1-based) whose quote never closes, and the text after the quote (clipped, quoted). */
  field: number;
  before: string;
}

export interface ParsedText {
  rows: string[][];
  spans: RowSpans;
  text: string;
  /** Rows read up to their line end with the stray quote taken literally; each must be reported, not scored. */
  problems: RowProblem[];
}

/** Parses delimited text; quoted fields may hold delimiters, quotes ("") and line breaks. */
export function parseDelimited(input: string, delimiter: Delimiter = sniffDelimiter(input.slice(0, 64 * 1024))): string[][] {
  return parseDelimitedWithSpans(input, delimiter).rows;
}

/**
 * A quoted field that spans lines is an unclosed quote when the file ends inside it, when its closing
 * quote is followed by more text instead of a delimiter (that quote opened another field), or when a
 * line inside it has as many delimiters as a whole row, not spaced like prose: it swallowed rows.
 */
export function swallowsRows(value: string, sep: string, rowWidth: number): boolean {
  if (rowWidth < 2) return false;
  let start = value.indexOf('\n');
  while (start >= 0) {
    const next = value.indexOf('\n', start + 1);
    const parts = value.slice(start + 1, next < 0 ? value.length : next).split(sep);
    // Prose puts a space after its commas ("called, left a message"); exported rows do not.
    if (parts.length >= rowWidth && parts.filter((p) => p.startsWith(' ')).length * 2 < parts.length - 1) return true;
    start = next;
  }
  return false;
}

/** The report for row `index` (0-based) whose field `field` (0-based) opens a quote that never closes, before `after`. */
export function unclosedQuote(index: number, field: number, after: string): RowProblem {
  const before = clip(after);
  return { index, field: field + 1, before, message: WORDS.en.problems.unclosedQuote(index + 1, field + 1, before) };
}

/** `onRows` is called with the number of rows read so far, every 65,536 rows (for progress lines). */
export function parseDelimitedWithSpans(input: string, delimiter: Delimiter = sniffDelimiter(input.slice(0, 64 * 1024)), onRows?: (rows: number) => void): ParsedText {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let starts = new Int32Array(1024);
  let ends = new Int32Array(1024);
  let count = 0;
  const mark = (start: number, end: number) => {
    if (count === starts.length) {
      const s2 = new Int32Array(count * 2);
      s2.set(starts);
      starts = s2;
      const e2 = new Int32Array(count * 2);
      e2.set(ends);
      ends = e2;
    }
    starts[count] = start;
    ends[count] = end;
    count++;
    if ((count & 0xffff) === 0 && onRows !== undefined) onRows(count);
  };
  if (delimiter === 'whitespace') {
    const rows: string[][] = [];
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      const line = text.slice(start, lineEnd);
      if (!(end === text.length && line === '')) {
        rows.push(line.trim() === '' ? [] : line.trim().split(/\s+/));
        mark(start, lineEnd);
      }
      start = end + 1;
    }
    return { rows, spans: { starts: starts.subarray(0, count), ends: ends.subarray(0, count), widths: Int32Array.from(rows, (r) => r.length) }, text, problems: [] };
  }
  const rows: string[][] = [];
  const problems: RowProblem[] = [];
  let previousWidth = 0;
  let row: string[] = [];
  let rowStart = 0;
  let i = 0;
  const n = text.length;
  const sep = delimiter.charCodeAt(0);
  while (i <= n) {
    if (i === n) {
      if (row.length > 0) {
        rows.push(row);
        mark(rowStart, n);
      }
      break;
    }
    if (text.charCodeAt(i) === 34 /* " */) {
      const opening = i;
      let value = '';
      let closed = true;
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          value += text.slice(i);
          i = n;
          closed = false;
          break;
        }
        value += text.slice(i, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
      let end = i;
      while (end < n && text.charCodeAt(end) !== sep && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      const multiLine = value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
      if (!closed || (multiLine && (end > i || swallowsRows(value.replace(/\r\n?/g, '\n'), delimiter, Math.max(previousWidth, 2))))) {
        // Recover at the next line: this row is read with the quote taken literally and reported.
        let lineEnd = text.indexOf('\n', opening);
        if (lineEnd < 0) lineEnd = n;
        const spanEnd = lineEnd > rowStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
        const line = text.slice(rowStart, spanEnd);
        problems.push(unclosedQuote(rows.length, row.length, text.slice(opening + 1, spanEnd)));
        rows.push(line.split(delimiter));
        mark(rowStart, spanEnd);
        row = [];
        i = lineEnd + 1;
        rowStart = i;
        if (i >= n) break;
        continue;
      }
      row.push(value + text.slice(i, end));
      i = end;
    } else {
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === sep || c === 10 || c === 13) break;
        end++;
      }
      row.push(text.slice(i, end));
      i = end;
    }
    if (i >= n) {
      rows.push(row);
      mark(rowStart, n);
      break;
    }
    const c = text.charCodeAt(i);
    if (c === sep) {
      i++;
      if (i === n) {
        row.push('');
        rows.push(row);
        mark(rowStart, n);
        break;
      }
    } else {
      // Line end: \n, \r\n or \r.
      rows.push(row);
      if (row.length > previousWidth) previousWidth = row.length;
      mark(rowStart, i);
      row = [];
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      rowStart = i;
      if (i === n) break;
    }
  }
  return { rows, spans: { starts: starts.subarray(0, count), ends: ends.subarray(0, count), widths: Int32Array.from(rows, (r) => r.length) }, text, problems };
}

/**
 * Where each field of one row's text starts (quotes included), for rewriting some fields of a row and
 * copying the others byte for byte. Field k runs from starts[k] to starts[k + 1] - 1 (its delimiter).
 */
export function fieldStarts(line: string, delimiter: ',' | ';' | '\t'): number[] {
  const sep = delimiter.charCodeAt(0);
  const starts: number[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    starts.push(i);
    if (line.charCodeAt(i) === 34) {
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) {
          i = n;
          break;
        }
        if (line.charCodeAt(q + 1) === 34) i = q + 2;
        else {
          i = q + 1;
          break;
        }
      }
    }
    while (i < n && line.charCodeAt(i) !== sep) i++;
    if (i >= n) return starts;
    i++;
  }
}
