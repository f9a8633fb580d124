// The head of an order file as the one-thread reader starts it, and where the rest is cut into pieces:
// for reading an order file on several threads (order-pieces.ts).
import { open } from 'node:fs/promises';
import { TableError } from '../../../adapters/table/contract.ts';
import type { OrderPass } from '../../../adapters/table/order-stream.ts';
import { streamTextTable, type TextStart } from '../../../adapters/table/read-text-stream.ts';

/** Rows the one-thread reader reads as cells before it offers rows to the plain reader (order-stream.ts OrderPass: the header is among them). */
export const HEAD_ROWS = 20;
/** Text read at a time while looking for the head's end; the head is given up on past HEAD_LIMIT (a file of very wide rows is read in one thread). */
const HEAD_PIECE_BYTES = 64 << 10;
const HEAD_LIMIT = 1 << 20;
/** Bytes looked at after a piece's nominal start for the next line start. */
const CUT_WINDOW = 64 << 10;

/** Stops streamTextTable once the head is in: `end`, where the head's text ends; -1 when the file is not to be read in pieces. */
class HeadRead extends Error {
  readonly end: number;
  constructor(end: number) {
    super('the head of the order file was read');
    this.end = end;
  }
}

export interface Head {
  pass: OrderPass;
  start: TextStart;
  lineEnd: '\n' | '\r\n';
  /** Bytes of the file the head takes (a byte order mark included). */
  bytes: number;
}

/**
 * The first HEAD_ROWS lines read by a new pass, exactly as the one-thread reader starts (encoding,
 * binary check, delimiter: read-text-stream.ts streamTextTable, stopped once the head is in). Null when
 * the file is not UTF-8 text with a delimiter, or cannot be read (the one-thread reader says why).
 */
export async function readHead(path: string, passOf: (start: TextStart) => OrderPass): Promise<Head | null> {
  // The head's bytes end after its last line break byte (never inside a UTF-8 character).
  const bytes = await afterLineBreaks(path, HEAD_ROWS, HEAD_LIMIT);
  if (bytes < 0) return null;
  let pass: OrderPass | null = null;
  let start: TextStart | null = null;
  let text = '';
  try {
    await streamTextTable(
      path,
      (s) => {
        start = s;
        // Another encoding (decided, or UTF-8 found wrong in the first megabyte) or whitespace-aligned text: one thread.
        if ((s.encoding !== 'utf-8' && s.encoding !== 'utf-8-bom') || s.delimiter === 'whitespace') throw new HeadRead(-1);
        pass = passOf(s);
        return (piece, final) => {
          text += piece;
          const end = endOfLines(text, HEAD_ROWS);
          if (end >= 0) throw new HeadRead(end);
          if (final) throw new HeadRead(-1);
        };
      },
      HEAD_PIECE_BYTES,
    );
  } catch (error) {
    if (error instanceof TableError) return null;
    if (!(error instanceof HeadRead)) throw error;
    if (error.end < 0 || pass === null || start === null) return null;
    const headText = text.slice(0, error.end);
    (pass as OrderPass).push(headText, false, { read: 0, size: 0 });
    const lf = headText.indexOf('\n');
    const lineEnd = lf > 0 && headText.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
    return { pass, start, lineEnd, bytes };
  }
  return null;
}

/** The byte after the file's `lines`-th line break byte within its first `limit` bytes; -1 when there is none. */
async function afterLineBreaks(path: string, lines: number, limit: number): Promise<number> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return -1; // the one-thread reader says why it cannot be read
  }
  try {
    const bytes = Buffer.alloc(limit);
    const { bytesRead } = await handle.read(bytes, 0, limit, 0);
    let at = 0;
    for (let k = 0; k < lines; k++) {
      const lf = bytes.subarray(0, bytesRead).indexOf(10, at);
      if (lf < 0) return -1;
      at = lf + 1;
    }
    return at;
  } finally {
    await handle.close();
  }
}

/** Where the text after its first `lines` line breaks starts; -1 when it has fewer. */
function endOfLines(text: string, lines: number): number {
  let at = 0;
  for (let k = 0; k < lines; k++) {
    const lf = text.indexOf('\n', at);
    if (lf < 0) return -1;
    at = lf + 1;
  }
  return at;
}

/** Byte offsets [from, c1, …, size] of up to `pieces` pieces of about equal length, each cut just after a line break byte. */
export async function lineStarts(path: string, from: number, size: number, pieces: number): Promise<number[]> {
  const cuts = [from];
  const handle = await open(path, 'r');
  try {
    const window = Buffer.alloc(CUT_WINDOW);
    for (let k = 1; k < pieces; k++) {
      let at = Math.max(cuts[cuts.length - 1] as number, from + Math.floor(((size - from) * k) / pieces));
      let cut = -1;
      while (cut < 0 && at < size) {
        const { bytesRead } = await handle.read(window, 0, Math.min(window.length, size - at), at);
        if (bytesRead === 0) break;
        const lf = window.subarray(0, bytesRead).indexOf(10);
        if (lf >= 0) cut = at + lf + 1;
        else at += bytesRead;
      }
      if (cut < 0 || cut >= size) break;
      cuts.push(cut);
    }
  } finally {
    await handle.close();
  }
  if (size > (cuts[cuts.length - 1] as number)) cuts.push(size);
  return cuts;
}
