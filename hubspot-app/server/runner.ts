// What a worker does with a job: take the portal's lease (one run per portal at a time, across
// machines), start the run (a run already finished is not run again), sync with the portal's state in
// the app database (checkpoints survive a killed worker), record the outcome once. A portal whose
// tokens HubSpot refuses was uninstalled: it is removed. A run stopped by HubSpot being unreachable is
// recorded and retried by the queue; one stopped by what a person must fix is recorded only.
import { portalLimiter, type Clock, type RateLimiter } from '../../adapters/hubspot/token-bucket.ts';
import type { AppContext } from './context.ts';
import { RetryLater, type RunJob } from './queue/queue.ts';
import { DbSyncState } from './sync/db-sync-state.ts';
import { runPortalSync } from './sync/portal-sync.ts';
import { portalSettings } from './portal-settings.ts';

export interface RunnerOptions {
  workerId: string;
  /** How long a lease lasts without renewal: the job timeout of the queue. */
  leaseMs: number;
  log: (level: 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown>) => void;
}

/** Who ran the portal last, and when it ended (in the portal's sync state, shared by every worker). */
const LAST_RUN = 'app:lastRun';
/** HubSpot's burst window (110 requests per 10 s per account). */
const WINDOW_MS = 10_000;

/**
 * A worker's limiter knows only its own requests: when the portal's previous run was another worker's
 * (another process, maybe another machine) and ended less than a window ago, wait for that window to
 * pass, so the two runs' requests never share one.
 */
export async function afterPreviousRun(state: DbSyncState, workerId: string, clock: Clock): Promise<number> {
  const previous = /^(\S+) (\d+)$/.exec((await state.get(LAST_RUN)) ?? '');
  if (previous === null || previous[1] === workerId) return 0;
  const wait = Number(previous[2]) + WINDOW_MS - clock.now();
  if (wait <= 0) return 0;
  await clock.sleep(wait);
  return wait;
}

export function runner(ctx: AppContext, options: RunnerOptions): (job: RunJob) => Promise<void> {
  // One limiter per portal for the life of this worker: back-to-back runs of a portal share HubSpot's window.
  const limiters = new Map<string, RateLimiter>();
  const limiterOf = (portalId: string) => {
    let limiter = limiters.get(portalId);
    if (limiter === undefined) limiters.set(portalId, (limiter = portalLimiter(ctx.clock)));
    return limiter;
  };
  return async (job) => {
    const { store, clock } = ctx;
    if (!(await store.takeLease(job.portalId, options.workerId, clock.now() + options.leaseMs, clock.now()))) {
      throw new RetryLater(`portal ${job.portalId} is being synced by another worker`, Math.min(30_000, options.leaseMs));
    }
    let lastRenewal = clock.now();
    const renew = () => {
      if (clock.now() - lastRenewal < options.leaseMs / 3) return;
      lastRenewal = clock.now();
      store.takeLease(job.portalId, options.workerId, clock.now() + options.leaseMs, clock.now()).then(
        (held) => held || options.log('warn', 'lost the portal lease mid-run', { portalId: job.portalId, runId: job.runId }),
        (error: unknown) => options.log('warn', 'could not renew the portal lease', { portalId: job.portalId, error: error instanceof Error ? error.message : String(error) }),
      );
    };
    try {
      if (!(await store.startRun(job.runId, clock.now()))) {
        options.log('info', 'run already finished or gone; nothing to do', { portalId: job.portalId, runId: job.runId });
        return;
      }
      const portal = await store.portal(job.portalId);
      if (portal === null || portal.status !== 'active') {
        await store.finishRun(job.runId, clock.now(), { error: 'Tierwise is not installed in this account any more.' });
        return;
      }
      const state = new DbSyncState(store.db, job.portalId);
      await afterPreviousRun(state, options.workerId, clock);
      const report = await runPortalSync(state, job, {
        hubspotBaseUrl: ctx.config.hubspotBaseUrl,
        tokens: ctx.tokens.provider(job.portalId),
        clock,
        limiter: limiterOf(job.portalId),
        timeZone: portal.timeZone,
        settings: await portalSettings(store, job.portalId),
        onProgress: (done, total) => {
          renew();
          store.progress(job.runId, done, total).catch((error: unknown) => options.log('warn', 'could not record progress', { runId: job.runId, error: error instanceof Error ? error.message : String(error) }));
        },
      });
      await state.set(LAST_RUN, `${options.workerId} ${clock.now()}`);
      const stopped = report.stopped;
      if (stopped === null) {
        const counted = await store.finishRun(job.runId, clock.now(), { report });
        options.log('info', counted ? 'run finished' : 'run had already been finished by another worker', { portalId: job.portalId, runId: job.runId, kind: job.kind, written: report.objects.reduce((n, o) => n + o.written, 0) });
        return;
      }
      if (stopped.code === 'disconnected') {
        await ctx.uninstall(job.portalId, 'HubSpot refused its tokens (uninstalled in HubSpot)');
        return;
      }
      await store.finishRun(job.runId, clock.now(), { error: stopped.message });
      options.log('warn', 'run stopped', { portalId: job.portalId, runId: job.runId, code: stopped.code });
      // Worth another attempt later: HubSpot unreachable or answering oddly. The rest wait for a person
      // (scopes, a property clash) or for tomorrow (the daily limit); the next daily run tries again.
      if (stopped.code === 'unreachable' || stopped.code === 'unexpected-answer' || stopped.code === 'hubspot-error') throw new Error(stopped.message);
    } finally {
      await store.releaseLease(job.portalId, options.workerId);
    }
  };
}
