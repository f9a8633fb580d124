// Starts the backend as `tierwise app serve` (HTTP, scheduler and, unless --no-worker, a worker) or
// `tierwise app worker` (queued runs only), and stops it gracefully: no new requests or jobs, running
// jobs get `graceMs` to finish; one still running after that keeps its queue lock and portal lease
// until they lapse, and another worker runs it again from the last saved state.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import Fastify, { type FastifyInstance } from 'fastify';
import { realClock, type Clock } from '../../adapters/hubspot/token-bucket.ts';
import { buildApp } from './app.ts';
import type { AppConfig } from './config.ts';
import type { AppContext } from './context.ts';
import { loggerOptions } from './log.ts';
import { PortalTokens } from './oauth/portal-tokens.ts';
import { TokenEndpoint } from './oauth/token-endpoint.ts';
import { redirectUri } from './routes/oauth.ts';
import { PgBossQueue } from './queue/pgboss-queue.ts';
import type { JobQueue, RunJob } from './queue/queue.ts';
import { SqliteQueue } from './queue/sqlite-queue.ts';
import { runner } from './runner.ts';
import { completeStaleCallbacks } from './routes/workflow-action.ts';
import { scheduleDue } from './scheduler.ts';
import { openStore } from './store/open.ts';
import { TokenCipher } from './token-cipher.ts';
import { uninstaller } from './uninstall.ts';

export interface Backend {
  /** The listening URL (serve only). */
  url: string | null;
  app: FastifyInstance;
  ctx: AppContext;
  /** Resolves to the runs still running after the grace period: requeued, to resume in another worker. */
  stop(graceMs?: number): Promise<RunJob[]>;
}

export async function startBackend(config: AppConfig, mode: { http: boolean; worker: boolean; scheduler: boolean }, options: { clock?: Clock; logStream?: NodeJS.WritableStream } = {}): Promise<Backend> {
  const clock = options.clock ?? realClock;
  const store = await openStore(config);
  const cipher = new TokenCipher(config.encryptionKeys.current, config.encryptionKeys.previous);
  const endpoint = new TokenEndpoint({ baseUrl: config.hubspotBaseUrl, clientId: config.clientId, clientSecret: config.clientSecret, redirectUri: redirectUri(config.publicUrl) });
  const tokens = new PortalTokens(store, cipher, endpoint, clock);
  // The log goes through the fastify instance built below; the queue and uninstaller only call it later.
  let app: FastifyInstance | null = null;
  const log = (level: 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown>) => app?.log[level](fields, message);
  const tuning = { jobTimeoutMs: config.jobTimeoutMs, pollMs: config.queuePollMs, maxAttempts: 5 };
  const queue: JobQueue = config.databaseUrl !== null ? new PgBossQueue(config.databaseUrl, tuning, (m, f) => log('warn', m, f)) : new SqliteQueue(store.db, clock, tuning, (m, f) => log('warn', m, f));
  const logger = loggerOptions(config.logLevel, options.logStream);
  const ctx: AppContext = { config, store, cipher, endpoint, tokens, clock, queue, uninstall: uninstaller({ store, tokens, endpoint, cipher, hubspotBaseUrl: config.hubspotBaseUrl, clock, log }) };
  const server = mode.http ? buildApp(ctx, options) : Fastify({ logger });
  app = server;

  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  if (mode.worker) await ctx.queue.work(runner(ctx, { workerId, leaseMs: config.jobTimeoutMs, log }), config.workerConcurrency);
  let tick: ReturnType<typeof setInterval> | undefined;
  if (mode.scheduler) {
    const schedule = () =>
      Promise.all([
        Promise.all([scheduleDue(store, ctx.queue, clock), store.purge(clock.now())]).then(
          ([portals]) => portals.length > 0 && log('info', 'daily runs queued', { portals: portals.length }),
          (error: unknown) => log('error', 'scheduler tick failed', { error: error instanceof Error ? error.message : String(error) }),
        ),
        // Workflow actions answered BLOCK whose completion never reached HubSpot (routes/workflow-action.ts).
        completeStaleCallbacks(ctx).then(
          (n) => n > 0 && log('info', 'stale workflow callbacks completed', { callbacks: n }),
          (error: unknown) => log('error', 'completing stale workflow callbacks failed', { error: error instanceof Error ? error.message : String(error) }),
        ),
      ]);
    tick = setInterval(schedule, 60_000);
    void schedule();
  }
  let url: string | null = null;
  if (mode.http) url = await server.listen({ port: config.port, host: config.host });
  else await server.ready();
  log('info', 'tierwise app backend started', { http: url !== null, worker: mode.worker, scheduler: mode.scheduler, database: store.db.dialect, workerId });

  let stopping: Promise<RunJob[]> | null = null;
  return {
    url,
    app: server,
    ctx,
    stop(graceMs = 25_000) {
      stopping ??= (async () => {
        clearInterval(tick);
        await server.close(); // stops accepting requests, finishes those in flight
        const abandoned = await ctx.queue.stop(graceMs);
        // Their portals are free for the worker that takes the requeued runs.
        await store.db.run('DELETE FROM portal_leases WHERE holder = ?', [workerId]);
        log('info', 'tierwise app backend stopped', { requeued: abandoned.length });
        if (abandoned.length === 0) await store.db.close();
        return abandoned;
      })();
      return stopping;
    },
  };
}
