// Writes the scored table: the input's rows and columns untouched, in order, plus the result columns.
// Rows are produced one at a time and streamed, so a million-row file never exists twice in memory.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { extname } from 'node:path';
import type { Language } from '../../core/schema/options.ts';
import type { Cell, TableScore } from '../../adapters/table/contract.ts';
import type { TableFile } from '../../adapters/table/read-file.ts';
import { resultCells, resultHeaders } from '../../adapters/result-columns.ts';
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
  let end = file.cells.length;
  while (end > score.headerRow && (file.cells[end - 1] ?? []).every((c) => cellText(c) === '')) end--;
  let next = 0;
  for (let i = 0; i < end; i++) {
    const line = source.text.slice(source.spans.starts[i], source.spans.ends[i]);
    const missing = width - (file.cells[i]?.length ?? 0);
    const pad = missing > 0 ? d.repeat(missing) : '';
    const rowNumber = i + 1;
    if (rowNumber === score.headerRow) {
      yield line + pad + d + headers;
      continue;
    }
    const scored = score.rows[next];
    if (scored !== undefined && scored.row === rowNumber) {
      next++;
      yield line + pad + d + resultCells(scored.result, language).map((c) => csvField(c, d)).join(d);
    } else {
      yield line + pad;
    }
  }
}

function csvField(cell: Cell, delimiter: string = ','): string {
  if (typeof cell === 'number') return String(cell);
  const text = typeof cell === 'string' ? cell : cell instanceof Date ? cell.toISOString().slice(0, 10) : cell === null || cell === undefined ? '' : String(cell);
  const plain = text.indexOf('"') < 0 && text.indexOf(delimiter) < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0;
  return plain ? text : `"${text.replace(/"/g, '""')}"`;
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
