// A long Score run seen from the sidebar: progress in the document cache (the sidebar polls it) and a
// cancel flag the run checks between batches. Apps Script stops a run at 6 minutes; the run stops
// itself before writing when too little time is left.
// https://developers.google.com/apps-script/guides/services/quotas (script runtime 6 min)
import { say, type Said } from './messages/index.ts';

const PROGRESS = 'tierwise.progress';
const CANCEL = 'tierwise.cancel';
/** Rows per setValues: about a million cells, so a 100k-row table is one call per block. */
export const BATCH_CELLS = 1_000_000;
/** Past this, nothing more is written and the user is told. */
export const WRITE_DEADLINE_MS = 5 * 60 * 1000;

export class RunControl {
  readonly started: number;
  private readonly cache: GoogleAppsScript.Cache.Cache | null;
  constructor(started: number, cache: GoogleAppsScript.Cache.Cache | null) {
    this.started = started;
    this.cache = cache;
    cache?.remove(CANCEL);
  }
  progress(said: Said): void {
    this.cache?.put(PROGRESS, JSON.stringify(said), 600);
  }
  cancelled(): boolean {
    return this.cache?.get(CANCEL) === '1';
  }
  outOfTime(now = Date.now()): boolean {
    return now - this.started > WRITE_DEADLINE_MS;
  }
  finish(): void {
    this.cache?.remove(PROGRESS);
    this.cache?.remove(CANCEL);
  }
}

export function readProgress(cache: GoogleAppsScript.Cache.Cache | null): Said | null {
  const text = cache?.get(PROGRESS) ?? null;
  return text === null ? null : (JSON.parse(text) as Said);
}

export function requestCancel(cache: GoogleAppsScript.Cache.Cache | null): void {
  cache?.put(CANCEL, '1', 600);
}

/** How a batched write ended, and how many rows it wrote. */
export interface Written {
  end: 'done' | 'cancelled' | 'outOfTime';
  rows: number;
  total: number;
}

/** Writes rows [0, total) in batches of `perBatch`; between batches, stops when cancelled or when time runs short. */
export function inBatches(total: number, perBatch: number, control: RunControl, write: (from: number, to: number) => void): Written {
  for (let from = 0; from < total; from += perBatch) {
    if (from > 0 && control.cancelled()) return { end: 'cancelled', rows: from, total };
    if (from > 0 && control.outOfTime()) return { end: 'outOfTime', rows: from, total };
    const to = Math.min(total, from + perBatch);
    write(from, to);
    control.progress(say((m) => m.progressWriting(to, total)));
  }
  return { end: 'done', rows: total, total };
}
