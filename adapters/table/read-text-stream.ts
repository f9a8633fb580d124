// A text table on disk → its text, a piece at a time, decided and decoded exactly as read-file.ts does
// for the whole file (encoding, binary check, delimiter, line end), without ever holding the file.
// UTF-8 is only known valid at the end: a file that turns out not to be starts again in its legacy
// encoding (decided, as for a whole file, from its first megabyte).
import { open, type FileHandle } from 'node:fs/promises';
import { TableError } from './contract.ts';
import { sniffDelimiter, type Delimiter } from './csv.ts';
import { decoderLabel, legacyEncoding, markedEncoding, type TextEncoding } from './text-encoding.ts';
import { extname } from 'node:path';
import { fileSystemProblem, looksBinary, ZIP_MAGIC } from './read-file.ts';
import { WORDS } from '../../core/i18n/index.ts';
import type { Language } from '../../core/schema/options.ts';

/** Bytes read at a time. */
export const PIECE_BYTES = 4 << 20;

export interface TextStart {
  encoding: TextEncoding;
  delimiter: Delimiter;
}

/** Handles the pieces of one pass over the text; `final` on the last. `bytes`: how far into the file (of `size` bytes) the text so far goes. */
export type OnPiece = (text: string, final: boolean, bytes: { read: number; size: number }) => void;

export interface StreamedText extends TextStart {
  /** The input's own line break, for writing output in kind. */
  lineEnd: '\n' | '\r\n';
}

class NotUtf8 extends Error {}

/**
 * Whether `path` is read as text (not an .xlsx workbook, nor a file readTable refuses: named .xls, a
 * sheet asked of a text file, one that cannot be opened), so it can be read in pieces.
 */
export async function isTextTable(path: string, sheet: string | undefined): Promise<boolean> {
  const extension = extname(path).toLowerCase();
  if (sheet !== undefined || extension === '.xlsx' || extension === '.xls') return false;
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch {
    return false; // readTable says why it cannot be read
  }
  try {
    const magic = Buffer.alloc(4);
    const { bytesRead } = await handle.read(magic, 0, 4, 0);
    return !(bytesRead === 4 && ZIP_MAGIC.every((b, i) => magic[i] === b));
  } finally {
    await handle.close();
  }
}

/**
 * Reads the text table at `path`. `start` is called at the start of each pass (twice when UTF-8 turns
 * out wrong) and returns that pass's piece handler. `pieceBytes` is for tests of piece boundaries.
 */
export async function streamTextTable(path: string, start: (text: TextStart) => OnPiece, pieceBytes = PIECE_BYTES, language: Language = 'en'): Promise<StreamedText> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new TableError(fileSystemProblem(path, error, 'read', language));
  }
  try {
    const size = (await handle.stat()).size;
    if (size === 0) throw new TableError(WORDS[language].files.empty(path));
    // The first megabyte decides the encoding, as decodeBytes decides it from the whole file's first megabyte.
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    await readFully(handle, head, 0);
    const marked = markedEncoding(head);
    if (marked !== null) return await pass(path, handle, size, head, marked.encoding, marked.skip, pieceBytes, start, language);
    try {
      return await pass(path, handle, size, head, 'utf-8', 0, pieceBytes, start, language);
    } catch (error) {
      if (!(error instanceof NotUtf8)) throw error;
      return await pass(path, handle, size, head, legacyEncoding(head), 0, pieceBytes, start, language);
    }
  } finally {
    await handle.close();
  }
}

const HEAD_BYTES = 1 << 20;

async function readFully(handle: FileHandle, into: Buffer, position: number): Promise<number> {
  let filled = 0;
  while (filled < into.length) {
    const { bytesRead } = await handle.read(into, filled, into.length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled;
}

/** A TextDecoder as decodeBytes makes it: UTF-8 fatal (a bad byte means another encoding), the others replace what they cannot read. */
function decoderOf(encoding: TextEncoding): (bytes: Uint8Array, final: boolean) => string {
  const decoder = new TextDecoder(decoderLabel(encoding), { fatal: encoding === 'utf-8' });
  return (bytes, final) => {
    try {
      return final ? decoder.decode(bytes) : decoder.decode(bytes, { stream: true });
    } catch (error) {
      if (encoding === 'utf-8' && error instanceof TypeError) throw new NotUtf8();
      throw error;
    }
  };
}

async function pass(path: string, handle: FileHandle, size: number, head: Buffer, encoding: TextEncoding, skip: number, pieceBytes: number, start: (text: TextStart) => OnPiece, language: Language): Promise<StreamedText> {
  // The binary check and the delimiter look at the start of the text, as read-file.ts does.
  const headText = decoderOf(encoding)(head.subarray(skip), head.length >= size);
  if (looksBinary(headText)) throw new TableError(WORDS[language].files.binary(path));
  const delimiter = sniffDelimiter(headText.slice(0, 64 * 1024));
  const onPiece = start({ encoding, delimiter });
  const decode = decoderOf(encoding);
  let lineEnd: '\n' | '\r\n' | null = null;
  let before = -1; // the last character of the text so far, for a "\r\n" split between pieces
  let offset = 0; // characters before this piece
  const see = (text: string) => {
    if (lineEnd !== null) return;
    const at = text.indexOf('\n');
    if (at >= 0) {
      const previous = at > 0 ? text.charCodeAt(at - 1) : before;
      lineEnd = offset + at > 0 && previous === 13 ? '\r\n' : '\n';
    } else if (text.length > 0) before = text.charCodeAt(text.length - 1);
    offset += text.length;
  };
  const buffer = Buffer.alloc(Math.min(pieceBytes, size));
  let position = skip;
  for (;;) {
    const got = await readFully(handle, buffer, position);
    position += got;
    const final = got < buffer.length || position >= size;
    const text = decode(buffer.subarray(0, got), final);
    see(text);
    onPiece(text, final, { read: position, size });
    if (final) break;
  }
  return { encoding, delimiter, lineEnd: lineEnd ?? '\n' };
}
