// A worker thread reading pieces of an order file (order-worker.ts), one at a time, for order-pieces.ts.
import type { OrderPieceInput, OrderPieceOutput, PieceReader } from './order-protocol.ts';
import { WorkerCalls } from './worker-calls.ts';

/**
 * Where the worker's code is: next to this file when running from source (Node strips the types), or
 * the bundle's own entry dist/cli/order-worker.js (build/targets/cli.ts), this code then being in one
 * of the bundle's chunks (dist/cli/chunks/) or in dist/cli/tierwise.js itself.
 */
export function orderWorkerUrl(here: string = import.meta.url): URL {
  if (here.endsWith('.ts')) return new URL('./order-worker.ts', here);
  return new URL(here.includes('/chunks/') ? '../order-worker.js' : './order-worker.js', here);
}

/** Reads pieces on a worker thread of its own (order-worker.ts), one at a time. */
export class OrderPieceWorker implements PieceReader {
  readonly #calls: WorkerCalls;

  constructor(url: URL = orderWorkerUrl()) {
    this.#calls = new WorkerCalls(url, ' while reading a piece of the order file');
  }

  read(input: OrderPieceInput): Promise<OrderPieceOutput> {
    return this.#calls.call<OrderPieceOutput>(input, [], 'a piece of the order file');
  }

  close(): Promise<void> {
    return this.#calls.close(new Error('the order file was read in one thread after all'));
  }
}
