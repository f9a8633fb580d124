// The built CLI killed with SIGKILL at moments across a run (as requests arrive, and after random
// delays, so also between them), then run to the end: the portal ends exactly as after one
// uninterrupted run. And two syncs of one state file at once: the second says so in one line.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeHubSpot, seedContacts, type FakeHubSpot } from './fake-hubspot.ts';
import { tierwiseValues } from './harness.ts';
import { runSync, startSync } from './cli-child.ts';

const CONTACTS = 2_000;
const fakes: FakeHubSpot[] = [];
afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.close();
});

async function portal() {
  const fake = await startFakeHubSpot();
  fakes.push(fake);
  seedContacts(fake, CONTACTS);
  const state = join(mkdtempSync(join(tmpdir(), 'tierwise-hs-kill-')), 'state.sqlite');
  return { fake, state, env: { HUBSPOT_BASE_URL: fake.url } };
}

/** A seeded sequence (printed on failure through the test name), so a failing moment can be replayed. */
function moments(seed: number, count: number, below: number): number[] {
  let x = seed;
  return Array.from({ length: count }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return 1 + Math.floor((x / 2147483648) * below);
  });
}

const SEED = Number(process.env['TIERWISE_KILL_SEED'] ?? 20261129);

describe(`tierwise hubspot sync killed with SIGKILL (seed ${SEED})`, () => {
  it('ends, run again, exactly as an uninterrupted run', async () => {
    const reference = await portal();
    const began = Date.now();
    const clean = await runSync(['--state', reference.state], reference.env);
    const runMs = Date.now() - began;
    expect(clean.status).toBe(0);
    const requestsOfARun = reference.fake.requests.length;
    const uninterrupted = tierwiseValues(reference.fake);

    const { fake, state, env } = await portal();
    const atRequest = moments(SEED, 3, Math.ceil(requestsOfARun / 2));
    const afterMs = moments(SEED + 1, 3, runMs);
    for (let i = 0; i < 3; i++) {
      // After a random delay: at startup, in a state transaction, in scoring, between requests…
      {
        const { child, done } = startSync(['--state', state], env);
        const timer = setTimeout(() => child.kill('SIGKILL'), afterMs[i] as number);
        await done;
        clearTimeout(timer);
      }
      // …and as the k-th request of the run arrives (setup, read or write).
      const seen = fake.requests.length;
      const { child, done } = startSync(['--state', state], env);
      fake.onRequest = ({ index }) => {
        if (index - seen + 1 >= (atRequest[i] as number)) child.kill('SIGKILL');
      };
      const run = await done;
      fake.onRequest = null;
      if (run.signal === null) expect(run.status).toBe(0); // the run had fewer requests left than k
    }
    const last = await runSync(['--state', state], env);
    expect(last.stderr).toBe('');
    expect(last.status).toBe(0);
    expect(tierwiseValues(fake)).toEqual(uninterrupted);
    const again = await runSync(['--state', state], env);
    expect(again.stdout).toMatch(/changed 0, written 0, failed 0/);
  });
});

describe('two syncs of one state file', () => {
  it('the second says in one line that the first is running, and the first ends as an uninterrupted run', async () => {
    const reference = await portal();
    expect((await runSync(['--state', reference.state], reference.env)).status).toBe(0);
    const { fake, state, env } = await portal();
    const first = startSync(['--state', state], env);
    // The second starts once the first holds the state (its first request has arrived), and the
    // portal answers the first only after the second is done.
    const second = new Promise<Awaited<ReturnType<typeof runSync>>>((resolve) => {
      fake.onRequest = () => {
        fake.onRequest = null;
        const refused = runSync(['--state', state], env);
        fake.hold = refused.then(() => {
          fake.hold = null;
        });
        resolve(refused);
      };
    });
    const refused = await second;
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^tierwise hubspot sync: another Tierwise sync is using the state file .*state\.sqlite \(started \S+ by process \d+\); wait for it to finish, or run this one with another --state\n$/);
    expect((await first.done).status).toBe(0);
    expect(tierwiseValues(fake)).toEqual(tierwiseValues(reference.fake));
    const waited = await Promise.all([runSync(['--state', state, '--wait', '60'], env), runSync(['--state', state, '--wait', '60'], env)]);
    expect(waited.map((r) => r.status)).toEqual([0, 0]);
  });
});
