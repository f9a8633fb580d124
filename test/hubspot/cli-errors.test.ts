// What an admin sees when `tierwise hubspot sync` cannot go on: one line saying what happened and
// what to do, never a stack trace, a ZodError or a page of HTML; and a process that exits when done.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeHubSpot, seedContacts, type FakeHubSpot } from './fake-hubspot.ts';
import { runSync, type Finished } from './cli-child.ts';

const fakes: FakeHubSpot[] = [];
afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.close();
});

async function portal(contacts = 30) {
  const fake = await startFakeHubSpot();
  fakes.push(fake);
  seedContacts(fake, contacts);
  const state = join(mkdtempSync(join(tmpdir(), 'tierwise-hs-cli-')), 'state.sqlite');
  return { fake, state, env: { HUBSPOT_BASE_URL: fake.url } };
}

function oneLineError(run: Finished): string {
  expect(run.status).toBe(1);
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(run.stderr).not.toMatch(/ZodError|<\w|\n\s+at /);
  return lines[0] as string;
}

describe('tierwise hubspot sync, when it cannot go on', () => {
  it('says a corrupt state file cannot be used, and how to recover', async () => {
    const { state, env } = await portal();
    writeFileSync(state, 'this is not a database '.repeat(200));
    const line = oneLineError(await runSync(['--state', state], env));
    expect(line).toMatch(/^tierwise hubspot sync: the state file .*state\.sqlite cannot be used \(SQLite says: file is not a database\); move it aside and run again with --full/);
  });

  it('says a zero-byte state file was treated as a first run', async () => {
    const { state, env } = await portal();
    writeFileSync(state, '');
    const run = await runSync(['--state', state], env);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^The state file .*state\.sqlite was empty \(0 bytes\), so this run starts afresh: a full read/);
    expect(run.stdout).toMatch(/contacts, full read\n {2}read 30, scored \d+, changed 30, written 30, failed 0/);
  });

  it('says what HubSpot answered instead of a list, in a line, with no ZodError', async () => {
    const { fake, state, env } = await portal();
    fake.wire.push({ kind: 'empty200', times: Infinity, when: (r) => r.method === 'GET' && r.path === '/crm/objects/2026-09/contacts' });
    const line = oneLineError(await runSync(['--state', state, '--max-attempts', '2'], env));
    expect(line).toBe('tierwise hubspot sync: list contacts: HubSpot answered 200 with "{}", not the documented answer, 2 times; nothing from these answers was counted; run again later (the sync resumes)');
  });

  it('quotes at most a line of a gateway’s persistent HTML 502', async () => {
    const { fake, state, env } = await portal();
    fake.wire.push({ kind: 'html502', times: Infinity });
    const line = oneLineError(await runSync(['--state', state, '--max-attempts', '2'], env));
    expect(line).toBe('tierwise hubspot sync: read properties: HubSpot answered 502: an HTML page ("502 Bad Gateway"), every attempt; try again later (the sync resumes)');
  });

  it('names the scope a 403 MISSING_SCOPES says is missing', async () => {
    const { fake, state, env } = await portal();
    fake.scopes = new Set(['crm.objects.contacts.read', 'crm.objects.contacts.write']);
    const line = oneLineError(await runSync(['--state', state], env));
    expect(line).toMatch(/^tierwise hubspot sync: create property group: HubSpot answered 403 MISSING_SCOPES: the token lacks the scope crm\.schemas\.contacts\.write; grant it to the app and run again \(correlationId [0-9a-f-]+\)$/);
  });

  it('aborts a request that never answers and exits once done', async () => {
    const { fake, state, env } = await portal();
    fake.wire.push({ kind: 'hang', times: 1, when: (r) => r.path.endsWith('/batch/update') });
    // The fake keeps the hung socket open: only an aborted request lets the process exit before it closes.
    const run = await runSync(['--state', state, '--timeout-ms', '500'], env);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/written 30, failed 0/);
  });
});
