// Delimited text → rows of cells. Sniffs the delimiter (comma, semicolon, tab, or whitespace-aligned
// columns like CDNOW's files), honours quotes (RFC 4180), a BOM and CRLF line ends, and reports a quote
// that never closes instead of letting it swallow the rest of the file.
import { cut, quoteCut } from './clip.ts';
import { WORDS, type Words } from '../../core/i18n/index.ts';
import { DelimitedScanner, FieldStarts } from './delimited-scanner.ts';

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
  /** In English, for logs and tests; each host says it in the run's language with unclosedQuoteText. */
  message: string;
  /** The field (1-based) whose quote never closes. */
  field: number;
  /** The text after the quote, cut (clip.ts `cut`: the parser does not know the run's language), and its full length. */
  before: string;
  beforeLength: number;
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

export { swallowsRows } from './delimited-scanner.ts';

/** The report for row `index` (0-based) whose field `field` (0-based) opens a quote that never closes, before `after`. */
export function unclosedQuote(index: number, field: number, after: string): RowProblem {
  const problem = { index, field: field + 1, before: cut(after), beforeLength: after.length, message: '' };
  problem.message = unclosedQuoteText(problem, WORDS.en);
  return problem;
}

/** The problem's sentence in `words`' language, with its clipped text's length note in that language too. */
export function unclosedQuoteText(problem: RowProblem, words: Words): string {
  return words.problems.unclosedQuote(problem.index + 1, problem.field, quoteCut(problem.before, problem.beforeLength, words.table));
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
  new DelimitedScanner(delimiter, {
    row(cells, start, end) {
      rows.push(cells);
      mark(start, end);
    },
    unclosed(field, after, start, end) {
      // The row is kept with the quote taken literally (read-file.ts empties it: reported, never read as data).
      problems.push(unclosedQuote(rows.length, field, after));
      rows.push(text.slice(start, end).split(delimiter));
      mark(start, end);
    },
  }, true).scan(text, true);
  return { rows, spans: { starts: starts.subarray(0, count), ends: ends.subarray(0, count), widths: Int32Array.from(rows, (r) => r.length) }, text, problems };
}

/** Delimited text read to offsets only: where each row and each field lies, for text-rows.ts to read cells from on demand. */
export interface ParsedOffsets {
  text: string;
  spans: RowSpans;
  /** Field k of row r starts at fieldStarts[firstField[r] + k]; a row with an unclosed quote has none. */
  fieldStarts: Int32Array;
  firstField: Int32Array;
  problems: RowProblem[];
}

/**
 * parseDelimitedWithSpans without cutting a cell: the same rows, spans, widths and problems, with the
 * start of every field instead of its text (test/adapters/text-rows.test.ts checks the two agree).
 */
export function parseDelimitedOffsets(input: string, delimiter: ',' | ';' | '\t', onRows?: (rows: number) => void): ParsedOffsets {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let starts = new Int32Array(1024);
  let ends = new Int32Array(1024);
  let widths = new Int32Array(1024);
  let first = new Int32Array(1025);
  let count = 0;
  const fields = new FieldStarts();
  const problems: RowProblem[] = [];
  const grow = (a: Int32Array, size: number) => {
    const b = new Int32Array(size);
    b.set(a);
    return b;
  };
  const mark = (start: number, end: number, width: number) => {
    if (count === starts.length) {
      starts = grow(starts, count * 2);
      ends = grow(ends, count * 2);
      widths = grow(widths, count * 2);
      first = grow(first, count * 2 + 1);
    }
    starts[count] = start;
    ends[count] = end;
    widths[count] = width;
    count++;
    first[count] = fields.count;
    if ((count & 0xffff) === 0 && onRows !== undefined) onRows(count);
  };
  new DelimitedScanner(delimiter, {
    row(_cells, start, end, width) {
      mark(start, end, width);
    },
    unclosed(field, after, start, end) {
      // Reported, never read as data: the row has no fields (read-file.ts emptied its cells before), but its width is the line's.
      problems.push(unclosedQuote(count, field, after));
      mark(start, end, text.slice(start, end).split(delimiter).length);
    },
  }, false, fields).scan(text, true);
  return {
    text,
    spans: { starts: starts.subarray(0, count), ends: ends.subarray(0, count), widths: widths.subarray(0, count) },
    fieldStarts: fields.starts.subarray(0, fields.count),
    firstField: first.subarray(0, count + 1),
    problems,
  };
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
