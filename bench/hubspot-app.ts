// npx node bench/hubspot-app.ts [--portals 1000] [--contacts 1000] [--latency-ms 150]
// The app's workers syncing many installed portals: each portal a fake HubSpot account (test/hubspot-app/
// fake-hubspot-oauth.ts) seeded with contacts, installed through the OAuth flow, then first-synced by one
// and by two workers (runner.ts: portal lease, the engine, the state in the app database, tokens refreshed
// by their expiry). With TIERWISE_BENCH_PG (a PostgreSQL server URL) the state and queue tables are on
// PostgreSQL, else on SQLite.
// Time is simulated, as bench/hubspot.ts does: each worker has its own clock, which the rate limiter
// sleeps on and which each HubSpot request advances by --latency-ms (HubSpot's answer time). A portal's
// fake counts its 10-second window on the clock of the worker syncing it. The figure to compare is the
// simulated total (the slowest worker) against what the limits and the workers allow: the sum over
// portals of max(requests × latency, HubSpot's 110-per-10-s floor), divided by the workers.
import { randomUUID } from 'node:crypto';
import { simulatedClock, type Clock } from '../adapters/hubspot/token-bucket.ts';
import { PortalTokens } from '../hubspot-app/server/oauth/portal-tokens.ts';
import { runner } from '../hubspot-app/server/runner.ts';
import type { RunJob } from '../hubspot-app/server/queue/queue.ts';
import { freshDatabase, type TestDatabase } from '../test/hubspot-app/databases.ts';
import { backendEnv, freePort, install, startMarketplace, startTestBackend } from '../test/hubspot-app/harness.ts';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const PORTALS = arg('portals', 1000);
const CONTACTS = arg('contacts', 1000);
const LATENCY_MS = arg('latency-ms', 150);
const LIMIT_PER_10S = 110;

/** The clock of whichever worker is syncing the portal; each request HubSpot answers takes LATENCY_MS of it. */
function portalClock(): Clock & { target: Clock } {
  const clock = {
    target: simulatedClock(Date.now()) as Clock,
    now: () => clock.target.now(),
    sleep: (ms: number) => clock.target.sleep(ms),
  };
  return clock;
}

async function database(): Promise<TestDatabase> {
  const server = process.env['TIERWISE_BENCH_PG'];
  return server === undefined ? freshDatabase('sqlite') : freshDatabase('postgres', server);
}

async function measure(workers: number): Promise<string> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const fake = await startMarketplace(url);
  const db = await database();
  const { backend } = await startTestBackend(backendEnv(fake, port, db), { http: true, worker: false, scheduler: false });
  const clocks = new Map<string, Clock & { target: Clock }>();
  const ids = Array.from({ length: PORTALS }, (_, i) => String(10_001 + i));
  for (const id of ids) {
    const clock = portalClock();
    clocks.set(id, clock);
    const portal = await fake.addPortal(id, CONTACTS, clock);
    // HubSpot's answer time, on the syncing worker's clock (the fake answers at once in real time).
    const pushed = portal.requests.push.bind(portal.requests);
    portal.requests.push = (...entries) => {
      void clock.target.sleep(LATENCY_MS * entries.length);
      return pushed(...entries);
    };
    const answer = await install(fake, url, id);
    if (answer.status !== 200) throw new Error(`install of ${id} answered ${answer.status}`);
  }
  const jobs: RunJob[] = [];
  for (const id of ids) {
    const [run] = await backend.ctx.store.runs(id);
    if (run === undefined) throw new Error(`no install run for ${id}`);
    jobs.push({ runId: run.runId, portalId: id, kind: 'install' });
  }
  const started = performance.now();
  const workerClocks = Array.from({ length: workers }, () => simulatedClock(Date.now()));
  const perPortal = new Map<string, number>();
  await Promise.all(
    workerClocks.map(async (clock, w) => {
      const ctx = { ...backend.ctx, clock, tokens: new PortalTokens(backend.ctx.store, backend.ctx.cipher, backend.ctx.endpoint, clock) };
      const run = runner(ctx, { workerId: `bench-${w}-${randomUUID().slice(0, 6)}`, leaseMs: 3_600_000, log: () => undefined });
      // The queue hands the next job to whichever worker is free.
      for (let job = jobs.shift(); job !== undefined; job = jobs.shift()) {
        const portal = clocks.get(job.portalId);
        if (portal === undefined) throw new Error('portal clock');
        portal.target = clock;
        const before = clock.now();
        await run(job);
        perPortal.set(job.portalId, clock.now() - before);
      }
    }),
  );
  const realSeconds = (performance.now() - started) / 1000;
  let requests = 0;
  let limited = 0;
  let allowedMs = 0;
  let notDone = 0;
  for (const id of ids) {
    const portal = fake.portals.get(id);
    const n = portal?.requests.filter((r) => !r.path.startsWith('/oauth')).length ?? 0;
    requests += n;
    limited += portal?.requests.filter((r) => r.status === 429).length ?? 0;
    allowedMs += Math.max(n * LATENCY_MS, (Math.ceil(n / LIMIT_PER_10S) - 1) * 10_000);
    const [run] = await backend.ctx.store.runs(id);
    if (run?.state !== 'done') notDone++;
  }
  const simulated = Math.max(...workerClocks.map((c) => c.elapsed())) / 1000;
  const allowed = allowedMs / workers / 1000;
  await backend.stop(1_000);
  await fake.close();
  await db.drop();
  return `| ${workers} | ${PORTALS.toLocaleString('en-US')} × ${CONTACTS.toLocaleString('en-US')} | ${PORTALS - notDone} | ${requests.toLocaleString('en-US')} | ${limited} | ${simulated.toFixed(0)} s | ${allowed.toFixed(0)} s (${((simulated / allowed - 1) * 100).toFixed(1)}%) | ${realSeconds.toFixed(0)} s |`;
}

console.log(`${PORTALS} portals × ${CONTACTS} contacts, ${LATENCY_MS} ms per HubSpot answer, ${process.env['TIERWISE_BENCH_PG'] ? 'PostgreSQL' : 'SQLite'}`);
console.log('| workers | portals × contacts | portals synced | requests | 429s | total time (simulated) | limits and workers allow | real time of this script |');
console.log('|---|---|---|---|---|---|---|---|');
for (const workers of [1, 2]) console.log(await measure(workers));
