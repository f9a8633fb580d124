// Delimited text → rows of cells. Sniffs the delimiter (comma, semicolon, tab, or whitespace-aligned
// columns like CDNOW's files), honours quotes (RFC 4180), a BOM and CRLF line ends.

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

/** Parses delimited text; quoted fields may hold delimiters, quotes ("") and line breaks. */
export function parseDelimited(input: string, delimiter: Delimiter = sniffDelimiter(input.slice(0, 64 * 1024))): string[][] {
  return parseDelimitedWithSpans(input, delimiter).rows;
}

export function parseDelimitedWithSpans(input: string, delimiter: Delimiter = sniffDelimiter(input.slice(0, 64 * 1024))): { rows: string[][]; spans: RowSpans; text: string } {
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
    return { rows, spans: { starts: starts.subarray(0, count), ends: ends.subarray(0, count), widths: Int32Array.from(rows, (r) => r.length) }, text };
  }
  const rows: string[][] = [];
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
      let value = '';
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          value += text.slice(i);
          i = n;
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
      mark(rowStart, i);
      row = [];
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      rowStart = i;
      if (i === n) break;
    }
  }
  return { rows, spans: { starts: starts.subarray(0, count), ends: ends.subarray(0, count), widths: Int32Array.from(rows, (r) => r.length) }, text };
}
