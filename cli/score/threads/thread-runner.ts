// A piece of the table on its own worker thread (worker.ts): one step at a time, its reply awaited.
import { Worker } from 'node:worker_threads';
import type { PieceRunner } from './score-in-pieces.ts';
import type { Reply, Step, Steps } from './protocol.ts';
import { transferOf } from './table-piece.ts';

/**
 * Where the worker's code is: next to this file when running from source (Node strips the types), or
 * the bundle's own entry dist/cli/score-worker.js (build/targets/cli.ts), this code then being in one of
 * the bundle's chunks (dist/cli/chunks/) or in dist/cli/tierwise.js itself.
 */
export function workerUrl(here: string = import.meta.url): URL {
  if (here.endsWith('.ts')) return new URL('./worker.ts', here);
  return new URL(here.includes('/chunks/') ? '../score-worker.js' : './score-worker.js', here);
}

export class ThreadRunner implements PieceRunner {
  readonly #worker: Worker;
  #waiting: { resolve: (output: unknown) => void; reject: (error: Error) => void } | null = null;
  #failure: Error | null = null;

  constructor(url: URL = workerUrl()) {
    this.#worker = new Worker(url);
    // Only a step in progress keeps the process alive: a runner left open never hangs the command.
    this.#worker.unref();
    this.#worker.on('message', (reply: Reply) => {
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
    this.#worker.on('exit', (code) => this.#fail(new Error(`a worker thread stopped (exit code ${code})`)));
  }

  run<S extends Step>(step: S, input: Steps[S][0]): Promise<Steps[S][1]> {
    if (this.#failure !== null) return Promise.reject(this.#failure);
    if (this.#waiting !== null) return Promise.reject(new Error(`a worker thread was asked for ${step} while still busy`));
    this.#worker.ref();
    return new Promise<Steps[S][1]>((resolve, reject) => {
      this.#waiting = { resolve: resolve as (output: unknown) => void, reject };
      this.#worker.postMessage({ step, input }, transferOf(input));
    });
  }

  async close(): Promise<void> {
    this.#worker.removeAllListeners('exit');
    await this.#worker.terminate();
  }

  #take() {
    const waiting = this.#waiting;
    this.#waiting = null;
    this.#worker.unref();
    return waiting;
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    this.#take()?.reject(error);
  }
}
