// Reads a piece of an order file (bytes between two line starts) as a worker thread does: decoded as
// UTF-8 a block at a time and gathered by PlainPieceRows (adapters/table/plain-order-piece.ts).
// A line break byte is never inside a UTF-8 character, so a piece cut after one decodes on its own
// exactly as that part of the whole file does.
import { open } from 'node:fs/promises';
import { PlainPieceRows } from '../../../adapters/table/plain-order-piece.ts';
import type { OrderPieceInput, OrderPieceOutput } from './order-protocol.ts';

/** Bytes read at a time (as read-text-stream.ts reads a whole file). */
const BLOCK_BYTES = 4 << 20;

export async function readOrderPiece(input: OrderPieceInput, blockBytes = BLOCK_BYTES): Promise<OrderPieceOutput> {
  const rows = new PlainPieceRows(input.columns, input.delimiter, input.widest, input.expectedRows);
  // fatal: a byte that is not UTF-8 sends the file to the one-thread reader, which decides its encoding.
  // ignoreBOM: a byte order mark at the piece's start is text here, as it is in the middle of the whole file.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const handle = await open(input.path, 'r');
  try {
    const buffer = Buffer.alloc(Math.max(1, Math.min(blockBytes, input.end - input.start)));
    for (let at = input.start; at < input.end; ) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, input.end - at), at);
      if (bytesRead === 0) throw new Error(`the order file ended at byte ${at}, before the piece's end at byte ${input.end}: it changed while it was read`);
      at += bytesRead;
      const last = at >= input.end;
      let text: string;
      try {
        text = decoder.decode(buffer.subarray(0, bytesRead), { stream: !last });
      } catch (error) {
        if (error instanceof TypeError) return { plain: false, why: 'notUtf8' };
        throw error;
      }
      if (!rows.push(text, last && input.final)) return { plain: false, why: 'row', row: rows.notPlainAt };
    }
  } finally {
    await handle.close();
  }
  const piece = rows.piece();
  return piece === null ? { plain: false, why: 'row', row: rows.notPlainAt } : { plain: true, piece };
}
