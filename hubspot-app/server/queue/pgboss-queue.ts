// The job queue on PostgreSQL through pg-boss (v10): several backend instances on several machines
// take jobs with SELECT … FOR UPDATE SKIP LOCKED; a job whose worker dies expires after
// jobTimeoutMs and is retried by another (pg-boss supervision), so a queued portal sync is never lost.
import PgBoss from 'pg-boss';
import { RetryLater, RunJobSchema, type JobQueue, type QueueTuning, type RunJob } from './queue.ts';

const QUEUE = 'tierwise-runs';

export class PgBossQueue implements JobQueue {
  private readonly boss: PgBoss;
  private readonly tuning: QueueTuning;
  private readonly log: (message: string, fields: Record<string, unknown>) => void;
  private started: Promise<void> | null = null;
  private readonly active = new Map<string, { job: RunJob; done: Promise<void> }>();

  constructor(connectionString: string, tuning: QueueTuning, log: (message: string, fields: Record<string, unknown>) => void) {
    this.tuning = tuning;
    this.log = log;
    this.boss = new PgBoss({ connectionString, schema: 'tierwise_queue', max: 4, maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(tuning.jobTimeoutMs / 2000))) });
    this.boss.on('error', (error: Error) => log('pg-boss error', { error: error.message }));
  }

  private start(): Promise<void> {
    this.started ??= (async () => {
      await this.boss.start();
      await this.boss.createQueue(QUEUE, { name: QUEUE, retryLimit: this.tuning.maxAttempts, retryDelay: Math.max(1, Math.min(30, Math.round(this.tuning.jobTimeoutMs / 2000))), retryBackoff: true, expireInSeconds: Math.max(1, Math.round(this.tuning.jobTimeoutMs / 1000)) });
    })();
    return this.started;
  }

  async enqueue(job: RunJob): Promise<void> {
    await this.start();
    await this.boss.send(QUEUE, job);
  }

  async work(handler: (job: RunJob) => Promise<void>, concurrency: number): Promise<void> {
    await this.start();
    for (let i = 0; i < concurrency; i++) {
      await this.boss.work(QUEUE, { batchSize: 1, pollingIntervalSeconds: Math.max(0.5, this.tuning.pollMs / 1000) }, async (jobs) => {
        for (const job of jobs) {
          const data = RunJobSchema.parse(job.data);
          let finish = (): void => undefined;
          this.active.set(job.id, { job: data, done: new Promise<void>((resolve) => (finish = resolve)) });
          try {
            await handler(data);
          } catch (error) {
            if (!(error instanceof RetryLater)) {
              this.log('job failed; pg-boss retries it', { portalId: data.portalId, runId: data.runId, error: error instanceof Error ? error.message : String(error) });
              throw error;
            }
            // Busy elsewhere: a fresh job later, this one done (a retry would count as a failure).
            this.log('portal busy, job deferred', { portalId: data.portalId, runId: data.runId });
            await this.boss.send(QUEUE, data, { startAfter: Math.ceil(error.afterMs / 1000) });
          } finally {
            this.active.delete(job.id);
            finish();
          }
        }
      });
    }
  }

  async stop(graceMs: number): Promise<RunJob[]> {
    if (this.started === null) return [];
    await this.started;
    await this.boss.offWork(QUEUE); // no new jobs
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([Promise.all([...this.active.values()].map((a) => a.done)), new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
    // Still running after the grace period: this process is about to exit. Each such job is cancelled
    // and sent again, available at once (a failure would wait for the retry delay, a silent exit for the job timeout).
    const abandoned = [...this.active.entries()];
    for (const [id, { job }] of abandoned) {
      await this.boss.cancel(QUEUE, id);
      await this.boss.send(QUEUE, job);
    }
    await this.boss.stop({ graceful: false, wait: true });
    return abandoned.map(([, a]) => a.job);
  }
}
