// Writes the scored table: the input's rows and columns untouched, in order, plus the result columns.
// Rows are produced one at a time and streamed, so a million-row file never exists twice in memory.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { extname } from 'node:path';
import type { Language } from '../../core/schema/options.ts';
import type { Cell, ScoredRow, TableScore } from '../../adapters/table/contract.ts';
import type { TableFile } from '../../adapters/table/read-file.ts';
import { RESULT_COLUMNS, resultCells, resultHeaders } from '../../adapters/result-columns.ts';
import type { Result } from '../../core/schema/result.ts';
import { cellText } from '../../adapters/table/header-row.ts';

/** The rows to write: customer tables keep every input row; order tables get one row per customer. */
export function* scoredRows(cells: readonly Cell[][], score: TableScore, language: Language): Generator<Cell[]> {
  const headers = resultHeaders(language);
  if (score.kind === 'orders') {
    yield ['Customer', 'Source row', ...headers];
    for (const r of score.rows) yield [r.id ?? '', r.row, ...resultCells(r.result, language)];
    return;
  }
  const width = score.headers.length;
  // Trailing blank lines of the input are not rows anyone wrote.
  let end = cells.length;
  while (end > score.headerRow && (cells[end - 1] ?? []).every((c) => cellText(c) === '')) end--;
  let next = 0; // score.rows are in row order
  for (let i = 0; i < end; i++) {
    const row = cells[i] ?? [];
    const padded = row.length >= width ? row : [...row, ...new Array<Cell>(width - row.length).fill('')];
    const rowNumber = i + 1;
    if (rowNumber === score.headerRow) {
      yield [...padded, ...headers];
      continue;
    }
    const scored = score.rows[next];
    if (scored !== undefined && scored.row === rowNumber) {
      next++;
      yield [...padded, ...resultCells(scored.result, language)];
    } else {
      yield padded as Cell[];
    }
  }
}

/**
 * The scored table as text lines when the input was delimited text: each input row is copied byte for
 * byte (quotes, number formats and all) and the result fields follow, in the input's own delimiter.
 */
export function* scoredTextLines(file: TableFile, score: TableScore, language: Language): Generator<string> {
  const source = file.text;
  if (source === null || source.delimiter === 'whitespace' || score.kind === 'orders') {
    for (const row of scoredRows(file.cells, score, language)) yield row.map((c) => csvField(c, ',')).join(',');
    return;
  }
  const d = source.delimiter;
  const width = score.headers.length;
  const headers = resultHeaders(language).map((h) => csvField(h, d)).join(d);
  const { starts, ends, widths } = source.spans;
  // Rows after the last scored one are trailing blank lines: not rows anyone wrote.
  const lastRow = score.rows.length > 0 ? (score.rows[score.rows.length - 1] as ScoredRow).row : score.headerRow;
  const end = Math.min(starts.length, lastRow);
  let next = 0;
  const quotedActions = new Map<string, string>();
  for (let i = 0; i < end; i++) {
    const line = source.text.slice(starts[i], ends[i]);
    const missing = width - (widths[i] ?? 0);
    const pad = missing > 0 ? d.repeat(missing) : '';
    const rowNumber = i + 1;
    if (rowNumber === score.headerRow) {
      yield line + pad + d + headers;
      continue;
    }
    const scored = score.rows[next];
    if (scored !== undefined && scored.row === rowNumber) {
      next++;
      yield line + pad + d + resultFields(scored.result, language, d, quotedActions);
    } else {
      yield line + pad;
    }
  }
}

/** The result cells as delimited text; next actions repeat, so their quoting is remembered. */
function resultFields(result: Result, language: Language, d: string, quotedActions: Map<string, string>): string {
  const cells = resultCells(result, language);
  let out = '';
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c] as Cell;
    let field: string;
    if (c === NEXT_ACTION && typeof cell === 'string') {
      field = quotedActions.get(cell) ?? csvField(cell, d);
      if (quotedActions.size < 1000) quotedActions.set(cell, field);
    } else field = csvField(cell, d);
    out += c === 0 ? field : d + field;
  }
  return out;
}

const NEXT_ACTION = RESULT_COLUMNS.findIndex((c) => c.key === 'nextAction');

function csvField(cell: Cell, delimiter: string = ','): string {
  if (typeof cell === 'number') return String(cell);
  const text = typeof cell === 'string' ? cell : cell instanceof Date ? cell.toISOString().slice(0, 10) : cell === null || cell === undefined ? '' : String(cell);
  if (text.indexOf('"') >= 0) return `"${text.replace(/"/g, '""')}"`;
  const plain = text.indexOf(delimiter) < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0;
  return plain ? text : `"${text}"`;
}

export async function writeLines(stream: NodeJS.WritableStream, lines: Iterable<string>): Promise<void> {
  let chunk = '';
  for (const line of lines) {
    chunk += line + '\n';
    if (chunk.length >= 1 << 20) {
      if (!stream.write(chunk)) await once(stream, 'drain');
      chunk = '';
    }
  }
  if (chunk !== '') stream.write(chunk);
}

export async function writeTable(path: string, file: TableFile, score: TableScore, language: Language): Promise<void> {
  if (extname(path).toLowerCase() === '.xlsx') {
    const { default: writeXlsxFile } = await import('write-excel-file/node');
    const data = [...scoredRows(file.cells, score, language)].map((row) =>
      row.map((cell) => (cell === null || cell === undefined || cell === '' ? null : { value: cell instanceof Date ? cell : typeof cell === 'number' ? cell : String(cell) })),
    );
    await writeXlsxFile(data as never).toFile(path);
    return;
  }
  const stream = createWriteStream(path);
  await writeLines(stream, scoredTextLines(file, score, language));
  stream.end();
  await once(stream, 'finish');
}
