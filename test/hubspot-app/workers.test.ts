// Several backend instances against one database (PostgreSQL with pg-boss: several machines; SQLite:
// processes of one machine sharing the file): two `tierwise app worker` processes share the queued
// portal syncs; the one running a portal's sync is killed (SIGKILL) mid-write; the other
// finishes that run from the checkpoints in the database, and every run completes exactly once.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freshDatabase, KINDS, skipKind } from './databases.ts';
import { backendEnv, freePort, install, startMarketplace, startTestBackend, until } from './harness.ts';

const root = join(import.meta.dirname, '..', '..');
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function worker(env: Record<string, string>): { child: ChildProcess; lines: string[] } {
  const child = spawn(process.execPath, [join(root, 'cli', 'main.ts'), 'app', 'worker'], { env: { ...process.env, ...env, TIERWISE_RUN_MAIN: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  child.stderr?.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  cleanup.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
  return { child, lines };
}

const finishedLines = (lines: string[], runId: string) => lines.map((l) => JSON.parse(l) as { msg?: string; runId?: string }).filter((l) => l.msg === 'run finished' && l.runId === runId);

describe.each(KINDS)('two worker processes sharing one %s database', (kind) => {
  it.skipIf(skipKind(kind))('complete every queued portal sync exactly once, also the one whose worker was killed mid-job', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const fake = await startMarketplace(url);
    cleanup.push(() => fake.close());
    const database = await freshDatabase(kind);
    cleanup.push(database.drop);
    const env = backendEnv(fake, port, database, { TIERWISE_JOB_TIMEOUT_SECONDS: '3', TIERWISE_QUEUE_POLL_MS: '500', TIERWISE_LOG_LEVEL: 'info', TIERWISE_WORKER_CONCURRENCY: '1' });
    // The web side only: installs queue their first syncs, the worker processes run them.
    const { backend } = await startTestBackend(env, { http: true, worker: false, scheduler: false });
    cleanup.push(async () => void (await backend.stop(5_000)));
    const portals = ['101', '202', '303'];
    for (const p of portals) await fake.addPortal(p, 250);
    // Portal 101's first write never gets an answer: its worker is then stuck mid-job.
    fake.portals.get('101')?.wire.push({ kind: 'hang', times: 1, when: (r) => r.path.endsWith('/batch/update') });
    for (const p of portals) expect((await install(fake, url, p)).status).toBe(200);
    const runOf = async (p: string) => (await backend.ctx.store.runs(p))[0];

    const a = worker(env);
    const b = worker(env);
    // Whoever holds portal 101 is mid-write: kill it without warning.
    const holder = await until('a worker stuck in portal 101', async () => {
      const [lease] = await backend.ctx.store.db.all<{ holder: string }>(`SELECT holder FROM portal_leases WHERE portal_id = '101'`);
      const hung = fake.portals.get('101')?.wire[0]?.times === 0; // the hang was taken: a write is in flight
      return lease !== undefined && hung ? lease.holder : null;
    });
    const pid = Number(holder.split(':')[1]);
    const [victim, survivor] = a.child.pid === pid ? [a, b] : [b, a];
    expect(victim.child.pid).toBe(pid);
    victim.child.kill('SIGKILL');
    await new Promise((resolve) => victim.child.once('exit', resolve));

    for (const p of portals) await until(`portal ${p} synced`, async () => (await runOf(p))?.state === 'done', 60_000);
    // A worker logs "run finished" after the run is recorded done, and its stdout reaches us through a
    // pipe: on a busy machine the line can arrive after the database says done, so wait for the lines.
    for (const p of portals) {
      const runId = (await runOf(p))?.runId ?? '';
      await until(`portal ${p}'s run-finished line`, async () => finishedLines([...a.lines, ...b.lines], runId).length > 0);
    }
    const stuck = await runOf('101');
    expect(stuck?.attempts).toBe(2);
    expect(finishedLines(survivor.lines, stuck?.runId ?? '')).toHaveLength(1);
    expect(finishedLines(victim.lines, stuck?.runId ?? '')).toHaveLength(0);
    for (const p of portals) {
      const run = await runOf(p);
      expect(finishedLines([...a.lines, ...b.lines], run?.runId ?? ''), p).toHaveLength(1);
      // Every contact with deals carries its tier.
      for (const [id, record] of fake.portals.get(p)?.portal.contacts ?? []) {
        if (record.properties['num_associated_deals'] !== '0') expect(record.properties['tierwise_tier'], `${p}/${id}`).toMatch(/^[ABCD]$/);
      }
    }
    // The queue drains (a job deferred while the dead worker's lease ran out finds its run done), and
    // still each run was finished once.
    await until('the queue drained', async () => (await backend.ctx.store.db.all(kind === 'postgres' ? `SELECT id FROM tierwise_queue.job WHERE state IN ('created', 'retry', 'active')` : `SELECT job_id FROM jobs`)).length === 0, 60_000);
    for (const p of portals) expect(finishedLines([...a.lines, ...b.lines], (await runOf(p))?.runId ?? ''), p).toHaveLength(1);
    expect((await runOf('101'))?.attempts).toBe(2);
    // SIGTERM stops the survivor cleanly.
    survivor.child.kill('SIGTERM');
    const code = await new Promise((resolve) => survivor.child.once('exit', resolve));
    expect(code).toBe(0);
  });
});
