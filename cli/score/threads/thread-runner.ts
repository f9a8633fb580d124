// A piece of the table on its own worker thread (worker.ts): one step at a time, its reply awaited.
import type { PieceRunner } from './score-in-pieces.ts';
import type { Step, Steps } from './protocol.ts';
import { WorkerCalls, workerEntryUrl } from './worker-calls.ts';
import { transferOf } from './table-piece.ts';

export class ThreadRunner implements PieceRunner {
  readonly #calls: WorkerCalls;

  constructor(url: URL = workerEntryUrl('worker.ts', 'score-worker.js')) {
    this.#calls = new WorkerCalls(url);
  }

  run<S extends Step>(step: S, input: Steps[S][0]): Promise<Steps[S][1]> {
    return this.#calls.call<Steps[S][1]>({ step, input }, transferOf(input), step);
  }

  close(): Promise<void> {
    return this.#calls.close();
  }
}
