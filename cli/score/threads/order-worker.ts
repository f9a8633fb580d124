// The worker thread's entry for pieces of an order file: reads each piece it is sent (order-piece-file.ts)
// and replies, transferring the piece's typed arrays; the main thread ends the thread when all are read.
import { parentPort } from 'node:worker_threads';
import { pieceBuffers } from '../../../adapters/table/plain-order-piece.ts';
import { readOrderPiece } from './order-piece-file.ts';
import type { OrderPieceInput, OrderPieceReply } from './order-protocol.ts';

const port = parentPort;
if (port === null) throw new Error('cli/score/threads/order-worker.ts runs as a worker thread (new Worker), not on its own');

port.on('message', (input: OrderPieceInput) => {
  void answer(input).then((reply) => port.postMessage(reply, reply.ok && reply.output.plain ? pieceBuffers(reply.output.piece) : []));
});

async function answer(input: OrderPieceInput): Promise<OrderPieceReply> {
  try {
    return { ok: true, output: await readOrderPiece(input) };
  } catch (error) {
    // Sent to the main thread, which throws it there: a bug in a piece fails the command, never a silent fallback.
    const e = error instanceof Error ? error : new Error(String(error));
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, message: e.message, stack: e.stack ?? e.message, code: typeof code === 'string' ? code : null };
  }
}
