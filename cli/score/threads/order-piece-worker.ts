// A worker thread reading pieces of an order file (order-worker.ts), one at a time, for order-pieces.ts.
import { Worker } from 'node:worker_threads';
import type { OrderPieceInput, OrderPieceOutput, OrderPieceReply, PieceReader } from './order-protocol.ts';

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
  readonly #worker: Worker;
  #waiting: { resolve: (output: OrderPieceOutput) => void; reject: (error: Error) => void } | null = null;
  #failure: Error | null = null;

  constructor(url: URL = orderWorkerUrl()) {
    this.#worker = new Worker(url);
    this.#worker.on('message', (reply: OrderPieceReply) => {
      const waiting = this.#take();
      if (reply.ok) waiting?.resolve(reply.output);
      else {
        const error: NodeJS.ErrnoException = new Error(`in a worker thread: ${reply.message}`);
        error.stack = reply.stack;
        if (reply.code !== null) error.code = reply.code;
        waiting?.reject(error);
      }
    });
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) => this.#fail(new Error(`a worker thread stopped (exit code ${code}) while reading a piece of the order file`)));
  }

  read(input: OrderPieceInput): Promise<OrderPieceOutput> {
    if (this.#failure !== null) return Promise.reject(this.#failure);
    if (this.#waiting !== null) return Promise.reject(new Error('a worker thread was sent a piece of the order file while still reading one'));
    return new Promise<OrderPieceOutput>((resolve, reject) => {
      this.#waiting = { resolve, reject };
      this.#worker.postMessage(input);
    });
  }

  async close(): Promise<void> {
    this.#worker.removeAllListeners('exit');
    this.#fail(new Error('the order file was read in one thread after all'));
    await this.#worker.terminate();
  }

  #take() {
    const waiting = this.#waiting;
    this.#waiting = null;
    return waiting;
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    this.#take()?.reject(error);
  }
}
