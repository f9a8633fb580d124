// One worker thread asked one thing at a time, for the customer-table pieces (thread-runner.ts) and
// the order-file pieces (order-piece-worker.ts): a reply settles the call in progress; an error in
// the worker or its exit fails that call and every later one (a bug in a piece fails the command,
// never a silent fallback).
import { Worker, type TransferListItem } from 'node:worker_threads';

/** What a worker answers: its output, or the error it met, with a file system error's code (ENOENT …). */
export type WorkerReply<T> = { ok: true; output: T } | { ok: false; message: string; stack: string; code: string | null };

/**
 * Where a worker's code is: `source` next to this file when running from source (Node strips the
 * types), or the bundle's own entry dist/cli/`bundled` (build/targets/cli.ts), this code then being in
 * one of the bundle's chunks (dist/cli/chunks/) or in dist/cli/tierwise.js itself.
 */
export function workerEntryUrl(source: string, bundled: string, here: string = import.meta.url): URL {
  if (here.endsWith('.ts')) return new URL(`./${source}`, here);
  return new URL(here.includes('/chunks/') ? `../${bundled}` : `./${bundled}`, here);
}

export class WorkerCalls {
  readonly #worker: Worker;
  #waiting: { resolve: (output: unknown) => void; reject: (error: Error) => void } | null = null;
  #failure: Error | null = null;

  /** `doing`: what the worker does, for the message when it stops (e.g. " while reading a piece of the order file"). */
  constructor(url: URL, doing = '') {
    this.#worker = new Worker(url);
    // Only a call in progress keeps the process alive: a worker left open never hangs the command.
    this.#worker.unref();
    this.#worker.on('message', (reply: WorkerReply<unknown>) => {
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
    this.#worker.on('exit', (code) => this.#fail(new Error(`a worker thread stopped (exit code ${code})${doing}`)));
  }

  /** Sends `message` (transferring `transfer`) and waits for the reply; `what` names the call if one is still in progress. */
  call<T>(message: unknown, transfer: readonly TransferListItem[], what: string): Promise<T> {
    if (this.#failure !== null) return Promise.reject(this.#failure);
    if (this.#waiting !== null) return Promise.reject(new Error(`a worker thread was asked for ${what} while still busy`));
    this.#worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.#waiting = { resolve: resolve as (output: unknown) => void, reject };
      this.#worker.postMessage(message, [...transfer]);
    });
  }

  /**
   * Stops the worker, without waiting for it to be gone. With `reason`, a call still in progress fails
   * with it (its caller awaits it); without, such a call is left unsettled, as when its caller has
   * already given up on it.
   * Not waiting: terminate()'s promise settles on the worker's 'exit', which can come late (a worker
   * inside a blocking call stops when the call returns) or, as seen for a worker stopped mid-read on a
   * busy machine (Node 24.21), never, while the process counts nothing left to do: awaiting it ended
   * `score --orders` there, exit code 0 and nothing written. The worker is unref'd by then, so it never
   * holds the command open either.
   */
  async close(reason?: Error): Promise<void> {
    this.#worker.removeAllListeners('exit');
    if (reason !== undefined) this.#fail(reason);
    void this.#worker.terminate();
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
