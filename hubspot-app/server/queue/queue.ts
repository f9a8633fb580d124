// A sync run waiting for a worker. Every job names its portal; a job is retried when its worker fails
// or dies (its lock times out), and the run it belongs to records attempts and finishes once.
import { z } from 'zod';

export const RunJobSchema = z.object({
  runId: z.string().min(1),
  portalId: z.string().regex(/^\d+$/),
  kind: z.enum(['install', 'scheduled', 'rescore-portal', 'rescore-records']),
  /** rescore-records: which records (from webhooks or the card). */
  records: z.array(z.object({ object: z.enum(['contacts', 'companies']), id: z.string().regex(/^\d+$/) })).optional(),
});
export type RunJob = z.infer<typeof RunJobSchema>;

/** Thrown by a handler that cannot run the job now (its portal is busy elsewhere): retried later without counting as a failure. */
export class RetryLater extends Error {
  override name = 'RetryLater';
  readonly afterMs: number;
  constructor(reason: string, afterMs: number) {
    super(reason);
    this.afterMs = afterMs;
  }
}

export interface JobQueue {
  enqueue(job: RunJob): Promise<void>;
  /** Starts taking jobs, `concurrency` at a time. */
  work(handler: (job: RunJob) => Promise<void>, concurrency: number): Promise<void>;
  /** Stops taking jobs; waits up to graceMs for running ones; those still running are requeued and returned. */
  stop(graceMs: number): Promise<RunJob[]>;
}

export interface QueueTuning {
  /** A job whose worker went silent this long is given to another worker. */
  jobTimeoutMs: number;
  pollMs: number;
  maxAttempts: number;
}
