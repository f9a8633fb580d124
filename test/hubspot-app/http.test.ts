// The backend's HTTP edge, as HubSpot and a browser reach it: signatures on every HubSpot route (valid,
// tampered body, tampered URL, old timestamp, wrong secret, replay), the install state bound to the
// browser, token refresh ahead of expiry with rotation, one error shape, and logs without secrets.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { freshDatabase } from './databases.ts';
import { backendEnv, freePort, install, startMarketplace, startTestBackend, until } from './harness.ts';
import type { FakeMarketplace } from './fake-hubspot-oauth.ts';
import type { Backend } from '../../hubspot-app/server/backend.ts';

let fake: FakeMarketplace;
let backend: Backend;
let url: string;
let logs: string[];
const cleanup: (() => Promise<void>)[] = [];

beforeEach(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  fake = await startMarketplace(url);
  cleanup.push(() => fake.close());
  const database = await freshDatabase('sqlite');
  cleanup.push(database.drop);
  const stream = new PassThrough();
  logs = [];
  stream.on('data', (chunk: Buffer) => logs.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  ({ backend } = await startTestBackend(backendEnv(fake, port, database, { TIERWISE_LOG_LEVEL: 'info' }), { http: true, worker: true, scheduler: false }, stream));
  cleanup.push(async () => void (await backend.stop(5_000)));
  await fake.addPortal('101', 30);
});
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const hook = () => `${url}/hubspot/webhooks`;
const installed = async () => {
  expect((await install(fake, url, '101')).status).toBe(200);
  await until('install run done', async () => (await backend.ctx.store.runs('101')).some((r) => r.state === 'done'));
};
const event = () => [fake.event('101', { subscriptionType: 'object.propertyChange', objectTypeId: '0-1', objectId: 3, propertyName: 'total_revenue' })];

describe('signatures on the webhook route', () => {
  it('accepts a valid one', async () => {
    await installed();
    expect((await fake.deliver(hook(), event())).status).toBe(200);
  });

  it.each([
    ['a tampered body', (events: unknown[]) => ({ signedBody: JSON.stringify([{ ...(events[0] as object), objectId: 4 }]) })],
    ['a tampered URL', () => ({ signedUrl: `${hook()}?portalId=202` })],
    ['an old timestamp', () => ({ timestamp: Date.now() - 5 * 60_000 - 1_000 })],
    ['a wrong secret', () => ({ secret: 'another-apps-secret-000' })],
  ])('refuses %s with 401 and no detail, and does nothing', async (_label, change) => {
    await installed();
    const runsBefore = (await backend.ctx.store.runs('101')).length;
    const events = event();
    const answer = await fake.deliver(hook(), events, change(events));
    expect(answer.status).toBe(401);
    expect(await answer.json()).toEqual({ error: { code: 'unauthorized', message: 'unauthorized' } });
    expect((await backend.ctx.store.runs('101')).length).toBe(runsBefore);
    expect(await backend.ctx.store.db.all(`SELECT * FROM webhook_events`)).toEqual([]);
  });

  it('refuses a replay of the very same signed request', async () => {
    await installed();
    const body = JSON.stringify(event());
    const headers = { 'content-type': 'application/json', ...fake.sign('POST', hook(), body) };
    expect((await fetch(hook(), { method: 'POST', headers, body })).status).toBe(200);
    expect((await fetch(hook(), { method: 'POST', headers, body })).status).toBe(401);
  });

  it('signs the card API too: a request without HubSpot\'s signature or without a portalId gets 401', async () => {
    await installed();
    expect((await fetch(`${url}/api/status?portalId=101`)).status).toBe(401);
    const noPortal = `${url}/api/status`;
    expect((await fetch(noPortal, { headers: fake.sign('GET', noPortal, '') })).status).toBe(401);
    expect((await fake.cardFetch(`${url}/api/status`, '101')).status).toBe(200);
  });

  it('answers a malformed batch with 400 in the one error shape (HubSpot does not retry a 400)', async () => {
    await installed();
    const body = JSON.stringify({ not: 'an array' });
    const answer = await fetch(hook(), { method: 'POST', headers: { 'content-type': 'application/json', ...fake.sign('POST', hook(), body) }, body });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ error: { code: 'bad_request', message: expect.stringContaining('array of 1 to 100 webhook events') } });
  });
});

describe('the OAuth install', () => {
  it('refuses a callback whose state is not this browser\'s, and installs nothing', async () => {
    const start = await fetch(`${url}/oauth/install`, { redirect: 'manual' });
    fake.approveAs('101');
    const approved = await fetch(start.headers.get('location') ?? '', { redirect: 'manual' });
    // An attacker's browser (no cookie, or another install's cookie) lands on the victim's callback.
    expect((await fetch(approved.headers.get('location') ?? '', { redirect: 'manual' })).status).toBe(400);
    const other = await fetch(`${url}/oauth/install`, { redirect: 'manual' });
    const otherCookie = (other.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const refused = await fetch(approved.headers.get('location') ?? '', { headers: { cookie: otherCookie }, redirect: 'manual' });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: { code: 'state_mismatch', message: expect.stringContaining('start again') } });
    expect(await backend.ctx.store.portal('101')).toBeNull();
    expect(fake.requests.filter((r) => r.grantType === 'authorization_code')).toEqual([]);
  });

  it('sends the admin to HubSpot with exactly the app\'s scopes and our redirect URL', async () => {
    const start = await fetch(`${url}/oauth/install`, { redirect: 'manual' });
    const location = new URL(start.headers.get('location') ?? '');
    expect(location.searchParams.get('client_id')).toBe(fake.app.clientId);
    expect(location.searchParams.get('redirect_uri')).toBe(`${url}/oauth/callback`);
    expect(location.searchParams.get('scope')?.split(' ')).toEqual(fake.app.requiredScopes);
    expect(location.searchParams.get('optional_scope')?.split(' ')).toEqual(fake.app.optionalScopes);
  });

  it('stores tokens sealed, refreshes ahead of the 30-minute expiry, and keeps the refresh token each refresh returns', async () => {
    fake.rotateRefreshTokens = true;
    await installed();
    const sealed = await backend.ctx.store.portal('101');
    expect(sealed?.accessToken).toMatch(/^v1\./);
    expect(sealed?.accessToken).not.toContain('at-101');
    expect(sealed?.refreshToken).not.toContain('rt-101');
    // 26 minutes later (4 minutes before expiry): the next token comes from a refresh.
    await backend.ctx.store.db.run(`UPDATE portals SET access_expires_at = ? WHERE portal_id = '101'`, [Date.now() + 4 * 60_000]);
    const first = await backend.ctx.tokens.accessToken('101');
    const second = await backend.ctx.tokens.accessToken('101');
    expect(second).toBe(first);
    expect(fake.requests.filter((r) => r.grantType === 'refresh_token')).toHaveLength(1);
    const after = await backend.ctx.store.portal('101');
    expect(after?.refreshToken).not.toBe(sealed?.refreshToken);
    // The rotated refresh token is the one that works now: a second refresh succeeds.
    await backend.ctx.store.db.run(`UPDATE portals SET access_expires_at = 0 WHERE portal_id = '101'`);
    expect(await backend.ctx.tokens.accessToken('101')).not.toBe(first);
    expect(fake.requests.filter((r) => r.grantType === 'refresh_token')).toHaveLength(2);
  });
});

describe('logs', () => {
  it('are JSON lines without tokens, secrets, emails or query strings', async () => {
    await installed();
    await fake.cardFetch(`${url}/api/status`, '101');
    await fake.deliver(hook(), event());
    expect(logs.length).toBeGreaterThan(5);
    for (const line of logs) expect(() => JSON.parse(line)).not.toThrow();
    const all = logs.join('\n');
    expect(all).not.toMatch(/at-101-|rt-101-|fake-client-secret|admin@example\.com|userEmail|c\d+@example\.com|code=|state=/);
    expect(all).toContain('"path":"/api/status"');
  });
});
