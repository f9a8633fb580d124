// DESIGN.md "HubSpot app backend" end to end from outside: `tierwise app serve` as a child process,
// the project's fake marketplace (OAuth + a portal's API) in this process; install, first sync, then
// the workflow action answers what the sync wrote. Requests are signed here (v3, client secret).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeMarketplace, type FakeMarketplace } from '../hubspot-app/fake-hubspot-oauth.ts';
import { OPTIONAL_SCOPES, REQUIRED_SCOPES } from '../../hubspot-app/project-schema.ts';
import { BIN, ROOT } from './outsider.ts';

const SECRET = 'contract-install-secret-0042';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function until<T>(what: string, check: () => T | null | undefined | false | Promise<T | null | undefined | false>, ms = 45_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('install, first sync, workflow action', () => {
  let fake: FakeMarketplace;
  let child: ChildProcess;
  let exited: Promise<string>;
  let base = '';
  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    fake = await startFakeMarketplace({ appId: 4343, clientId: 'contract-install-client', clientSecret: SECRET, redirectUrls: [`${base}/oauth/callback`], requiredScopes: [...REQUIRED_SCOPES], optionalScopes: [...OPTIONAL_SCOPES] });
    await fake.addPortal('101', 12);
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(HUBSPOT_|TIERWISE_|PORT$|DATABASE_URL$)/.test(k)) env[k] = v;
    Object.assign(env, {
      HUBSPOT_CLIENT_ID: 'contract-install-client',
      HUBSPOT_CLIENT_SECRET: SECRET,
      TIERWISE_PUBLIC_URL: base,
      TIERWISE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      PORT: String(port),
      TIERWISE_DATA_DIR: mkdtempSync(join(tmpdir(), 'tierwise-contract-install-')),
      HUBSPOT_BASE_URL: fake.url,
      // The browser's authorize page is HubSpot's web app, not the API: the fake serves it too.
      HUBSPOT_AUTHORIZE_URL: `${fake.url}/oauth/authorize`,
    });
    child = spawn(process.execPath, [BIN, 'app', 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    exited = new Promise((resolve) => child.on('close', () => resolve(stderr)));
    await until('app serve to answer /healthz', async () => {
      if (child.exitCode !== null) throw new Error(`app serve exited: ${await exited}`);
      return fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    });
  });
  afterAll(async () => {
    child?.kill('SIGTERM');
    await exited;
    await fake?.close();
  });

  it('installs through the OAuth flow, writes every contact on the first sync, and the action answers the same tier', async () => {
    const start = await fetch(`${base}/oauth/install`, { redirect: 'manual' });
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    fake.approveAs('101');
    const approved = await fetch(start.headers.get('location') ?? '', { redirect: 'manual' });
    const landed = await fetch(approved.headers.get('location') ?? '', { headers: { cookie }, redirect: 'manual' });
    expect(landed.status).toBeLessThan(400);

    const portal = fake.portals.get('101');
    if (portal === undefined) throw new Error('portal 101 missing');
    await until('the first sync to write every contact', () => [...portal.portal.contacts.values()].every((r) => r.properties['tierwise_reasons']));
    const written = portal.portal.contacts.get('3')?.properties ?? {};

    const body = JSON.stringify({ callbackId: 'ap-contract-1', origin: { portalId: 101, actionDefinitionId: 77, actionDefinitionVersion: 1 }, context: { source: 'WORKFLOWS', workflowId: 9001 }, object: { objectId: 3, objectType: 'CONTACT' }, inputFields: {} });
    const timestamp = Date.now();
    const signature = createHmac('sha256', SECRET).update(`POST${base}/hubspot/actions/score${body}${timestamp}`).digest('base64');
    const answer = await fetch(`${base}/hubspot/actions/score`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': String(timestamp) }, body });
    const text = await answer.text();
    expect(answer.status, text).toBe(200);
    const { outputFields } = JSON.parse(text) as { outputFields: Record<string, unknown> };
    expect(outputFields['hs_execution_state']).toBe('SUCCESS');
    expect(outputFields['tierwise_tier']).toBe(written['tierwise_tier'] ?? null);
    expect(outputFields['tierwise_churn_level']).toBe(written['tierwise_churn_level'] ?? null);
  });

  // After the install above (tests in a file run in order).
  it('the card API (through hubspot.fetch, signed over the full URL) shows the tier the sync wrote', async () => {
    const portal = fake.portals.get('101');
    const [id, record] = [...(portal?.portal.contacts ?? new Map())].find(([, r]) => r.properties['tierwise_tier']) ?? [];
    if (id === undefined || record === undefined) throw new Error('no scored contact in portal 101');
    const url = `${base}/api/card?object=contacts&id=${String(id)}&language=en&userId=7&userEmail=admin%40example.com&appId=4343&portalId=101`;
    const timestamp = Date.now();
    // HubSpot signs the URI with %40 decoded (request-validation reference, v3).
    const signature = createHmac('sha256', SECRET).update(`GET${url.replace('%40', '@')}${timestamp}`).digest('base64');
    const unsigned = await fetch(url);
    expect(unsigned.status).toBe(401);
    const answer = await fetch(url, { headers: { 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': String(timestamp) } });
    const text = await answer.text();
    expect(answer.status, text).toBe(200);
    const card = JSON.parse(text) as { state: string; result?: { tier?: string } };
    expect(card.state).toBe('scored');
    expect(card.result?.tier).toBe(record.properties['tierwise_tier']);
  });

  it('a signed webhook about a changed deal rollup re-scores that contact', async () => {
    const portal = fake.portals.get('101');
    if (portal === undefined) throw new Error('portal 101 missing');
    const [id] = [...portal.portal.contacts].find(([, r]) => r.properties['tierwise_tier'] !== 'A') ?? [];
    if (id === undefined) throw new Error('every contact is already tier A');
    const today = new Date().toISOString().slice(0, 10);
    // A big, recent, frequent buyer now: Champions, tier A, by DESIGN's grid.
    portal.edit('contacts', id, { num_associated_deals: '40', total_revenue: '250000', recent_deal_close_date: `${today}T00:00:00Z` });
    const body = JSON.stringify([{ eventId: 990001, subscriptionId: 42, portalId: 101, appId: 4343, occurredAt: Date.now(), attemptNumber: 0, changeSource: 'CRM_UI', subscriptionType: 'contact.propertyChange', objectId: Number(id), propertyName: 'total_revenue', propertyValue: '250000' }]);
    const timestamp = Date.now();
    const signature = createHmac('sha256', SECRET).update(`POST${base}/hubspot/webhooks${body}${timestamp}`).digest('base64');
    const delivered = await fetch(`${base}/hubspot/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': String(timestamp) }, body });
    expect(delivered.status).toBeLessThan(300);
    const tier = await until('the contact to be re-scored', () => portal.portal.contacts.get(id)?.properties['tierwise_tier'] === 'A' && 'A', 60_000);
    expect(tier).toBe('A');
  });
});

