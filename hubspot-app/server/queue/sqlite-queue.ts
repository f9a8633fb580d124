// The job queue on SQLite (one machine; `serve` and `worker` processes may share the file). A job is
// claimed in one statement under SQLite's single writer; a claim has a lock that expires, so a job
// whose worker was killed is taken again after jobTimeoutMs.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../adapters/hubspot/token-bucket.ts';
import type { Db } from '../store/db.ts';
import { RetryLater, RunJobSchema, type JobQueue, type QueueTuning, type RunJob } from './queue.ts';

export class SqliteQueue implements JobQueue {
  private stopped = false;
  private readonly running = new Set<Promise<void>>();
  private readonly active = new Map<string, RunJob>();
  private loops: Promise<void>[] = [];
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly tuning: QueueTuning;
  private readonly log: (message: string, fields: Record<string, unknown>) => void;

  constructor(db: Db, clock: Clock, tuning: QueueTuning, log: (message: string, fields: Record<string, unknown>) => void) {
    this.db = db;
    this.clock = clock;
    this.tuning = tuning;
    this.log = log;
  }

  async enqueue(job: RunJob): Promise<void> {
    await this.db.run(`INSERT INTO jobs (job_id, portal_id, payload, state, run_after, locked_until, attempts) VALUES (?, ?, ?, 'queued', ?, NULL, 0)`, [randomUUID(), job.portalId, JSON.stringify(job), this.clock.now()]);
  }

  private async claim(): Promise<{ jobId: string; job: RunJob; attempts: number } | null> {
    const now = this.clock.now();
    return this.db.transaction(async (tx) => {
      const [row] = await tx.all<{ job_id: string; payload: string; attempts: number }>(
        `SELECT job_id, payload, attempts FROM jobs WHERE (state = 'queued' AND run_after <= ?) OR (state = 'active' AND locked_until < ?) ORDER BY run_after, job_id LIMIT 1`,
        [now, now],
      );
      if (row === undefined) return null;
      await tx.run(`UPDATE jobs SET state = 'active', locked_until = ?, attempts = attempts + 1 WHERE job_id = ?`, [now + this.tuning.jobTimeoutMs, row.job_id]);
      return { jobId: row.job_id, job: RunJobSchema.parse(JSON.parse(row.payload)), attempts: Number(row.attempts) + 1 };
    });
  }

  async work(handler: (job: RunJob) => Promise<void>, concurrency: number): Promise<void> {
    for (let i = 0; i < concurrency; i++) this.loops.push(this.loop(handler));
  }

  private async loop(handler: (job: RunJob) => Promise<void>): Promise<void> {
    while (!this.stopped) {
      const claimed = await this.claim();
      if (claimed === null) {
        await this.clock.sleep(this.tuning.pollMs);
        continue;
      }
      this.active.set(claimed.jobId, claimed.job);
      const done = this.execute(claimed, handler);
      this.running.add(done);
      await done;
      this.running.delete(done);
      this.active.delete(claimed.jobId);
    }
  }

  private async execute(claimed: { jobId: string; job: RunJob; attempts: number }, handler: (job: RunJob) => Promise<void>): Promise<void> {
    try {
      await handler(claimed.job);
      await this.db.run('DELETE FROM jobs WHERE job_id = ?', [claimed.jobId]);
    } catch (error) {
      const later = error instanceof RetryLater;
      const giveUp = !later && claimed.attempts >= this.tuning.maxAttempts;
      const delay = later ? error.afterMs : Math.min(15 * 60_000, 30_000 * 2 ** (claimed.attempts - 1));
      this.log(giveUp ? 'job failed for good' : 'job will be retried', { portalId: claimed.job.portalId, runId: claimed.job.runId, attempts: claimed.attempts, error: error instanceof Error ? error.message : String(error) });
      if (giveUp) await this.db.run(`UPDATE jobs SET state = 'failed', locked_until = NULL WHERE job_id = ?`, [claimed.jobId]);
      else await this.db.run(`UPDATE jobs SET state = 'queued', locked_until = NULL, run_after = ?, attempts = attempts - ? WHERE job_id = ?`, [this.clock.now() + delay, later ? 1 : 0, claimed.jobId]);
    }
  }

  async stop(graceMs: number): Promise<RunJob[]> {
    this.stopped = true;
    const all = Promise.all([...this.running]);
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([all, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
    // Still running after the grace period: back in the queue at once (not counted as an attempt); this
    // process is about to exit and its run resumes elsewhere from its checkpoints.
    const abandoned = [...this.active.entries()];
    for (const [jobId] of abandoned) await this.db.run(`UPDATE jobs SET state = 'queued', locked_until = NULL, run_after = ?, attempts = attempts - 1 WHERE job_id = ? AND state = 'active'`, [this.clock.now(), jobId]);
    return abandoned.map(([, job]) => job);
  }
}
