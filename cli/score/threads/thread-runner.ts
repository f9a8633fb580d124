// A piece of the table on its own worker thread (worker.ts): one step at a time, its reply awaited.
import type { PieceRunner } from './score-in-pieces.ts';
import type { Step, Steps } from './protocol.ts';
import { WorkerCalls } from './worker-calls.ts';
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
  readonly #calls: WorkerCalls;

  constructor(url: URL = workerUrl()) {
    this.#calls = new WorkerCalls(url);
  }

  run<S extends Step>(step: S, input: Steps[S][0]): Promise<Steps[S][1]> {
    return this.#calls.call<Steps[S][1]>({ step, input }, transferOf(input), step);
  }

  close(): Promise<void> {
    return this.#calls.close();
  }
}
