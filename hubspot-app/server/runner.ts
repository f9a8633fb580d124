// What a worker does with a job: take the portal's lease (one run per portal at a time, across
// machines), start the run (a run already finished is not run again), sync on a private copy of the
// portal's state, record the outcome once. A portal whose refresh token HubSpot refuses was
// uninstalled: it is removed. A failure is recorded on the run and the job retried by the queue.
import { DailyLimitError, HubSpotError } from '../../adapters/hubspot/transport.ts';
import type { AppContext } from './context.ts';
import { PortalDisconnectedError } from './oauth/portal-tokens.ts';
import { RetryLater, type RunJob } from './queue/queue.ts';
import { withPortalState } from './sync/portal-state.ts';
import { runPortalSync } from './sync/portal-sync.ts';

export interface RunnerOptions {
  workerId: string;
  /** How long a lease lasts without renewal: the job timeout of the queue. */
  leaseMs: number;
  log: (level: 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown>) => void;
}

export function runner(ctx: AppContext, options: RunnerOptions): (job: RunJob) => Promise<void> {
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
      try {
        const report = await withPortalState(store, job.portalId, (state) =>
          runPortalSync(state, job, {
            hubspotBaseUrl: ctx.config.hubspotBaseUrl,
            accessToken: ctx.tokens.forPortal(job.portalId),
            clock,
            timeZone: portal.timeZone,
            onProgress: (done, total) => {
              renew();
              store.progress(job.runId, done, total).catch((error: unknown) => options.log('warn', 'could not record progress', { runId: job.runId, error: error instanceof Error ? error.message : String(error) }));
            },
          }),
        );
        const counted = await store.finishRun(job.runId, clock.now(), { report });
        options.log('info', counted ? 'run finished' : 'run had already been finished by another worker', { portalId: job.portalId, runId: job.runId, kind: job.kind, written: report.objects.reduce((n, o) => n + o.written, 0) });
      } catch (error) {
        if (error instanceof PortalDisconnectedError) {
          await ctx.uninstall(job.portalId, 'HubSpot refused its refresh token (uninstalled in HubSpot)');
          return;
        }
        // A 401 on a token we refreshed by its expiry: one refresh tells revoked (uninstalled) from a glitch.
        if (error instanceof HubSpotError && error.status === 401) {
          try {
            await ctx.tokens.afterUnauthorized(job.portalId);
          } catch (refreshError) {
            if (!(refreshError instanceof PortalDisconnectedError)) throw refreshError;
            await ctx.uninstall(job.portalId, 'HubSpot refused its tokens (uninstalled in HubSpot)');
            return;
          }
        }
        const message = error instanceof Error ? error.message : String(error);
        await store.finishRun(job.runId, clock.now(), { error: message });
        // The daily limit is spent until the portal's midnight: tomorrow's run will pick up.
        if (error instanceof DailyLimitError) return;
        throw error;
      }
    } finally {
      await store.releaseLease(job.portalId, options.workerId);
    }
  };
}
