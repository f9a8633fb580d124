// A worker thread reading pieces of an order file (order-worker.ts), one at a time, for order-pieces.ts.
import type { OrderPieceInput, OrderPieceOutput, PieceReader } from './order-protocol.ts';
import { WorkerCalls, workerEntryUrl } from './worker-calls.ts';

/** Reads pieces on a worker thread of its own (order-worker.ts), one at a time. */
export class OrderPieceWorker implements PieceReader {
  readonly #calls: WorkerCalls;

  constructor(url: URL = workerEntryUrl('order-worker.ts', 'order-worker.js')) {
    this.#calls = new WorkerCalls(url, ' while reading a piece of the order file');
  }

  read(input: OrderPieceInput): Promise<OrderPieceOutput> {
    return this.#calls.call<OrderPieceOutput>(input, [], 'a piece of the order file');
  }

  close(): Promise<void> {
    return this.#calls.close(new Error('the order file was read in one thread after all'));
  }
}
