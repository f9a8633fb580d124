// DESIGN.md "HubSpot app backend" contract, from outside: `tierwise app serve` as a child process with
// the environment DESIGN lists, and requests signed here with HubSpot's documented v3 algorithm
// (base64 HMAC-SHA256, keyed with the client secret, over method + URI + body + timestamp;
// shared/notes/hubspot-app.md §2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT } from './outsider.ts';

const SECRET = 'contract-client-secret-42';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function settings(port: number): Record<string, string> {
  return {
    HUBSPOT_CLIENT_ID: 'contract-client-id',
    HUBSPOT_CLIENT_SECRET: SECRET,
    TIERWISE_PUBLIC_URL: `http://127.0.0.1:${port}`,
    TIERWISE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PORT: String(port),
    TIERWISE_DATA_DIR: mkdtempSync(join(tmpdir(), 'tierwise-contract-app-')),
    // Nothing listens here: the routes checked below must not need HubSpot.
    HUBSPOT_BASE_URL: 'http://127.0.0.1:9',
  };
}

/** The environment of this process without any setting DESIGN lists, so only the test's count. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(HUBSPOT_|TIERWISE_|PORT$|DATABASE_URL$)/.test(k)) env[k] = v;
  return env;
}

function serve(env: Record<string, string>, command: string[] = ['app', 'serve']): { child: ChildProcess; exited: Promise<{ code: number | null; stderr: string; stdout: string }> } {
  const child = spawn(process.execPath, [BIN, ...command], { cwd: ROOT, env: { ...baseEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  const exited = new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr, stdout })));
  return { child, exited };
}

function signedHeaders(method: string, uri: string, body: string, timestamp = Date.now()): Record<string, string> {
  const signature = createHmac('sha256', SECRET).update(`${method}${uri}${body}${timestamp}`, 'utf8').digest('base64');
  return { 'content-type': 'application/json', 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': String(timestamp) };
}

const isErrorShape = (body: unknown): boolean => {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string' && error.message.length > 0;
};

describe('a missing or malformed setting stops the server with one sentence naming it', () => {
  const cases: [string, (env: Record<string, string>) => void][] = [
    ['HUBSPOT_CLIENT_ID', (env) => delete env['HUBSPOT_CLIENT_ID']],
    ['HUBSPOT_CLIENT_SECRET', (env) => delete env['HUBSPOT_CLIENT_SECRET']],
    ['TIERWISE_PUBLIC_URL', (env) => delete env['TIERWISE_PUBLIC_URL']],
    ['TIERWISE_PUBLIC_URL', (env) => (env['TIERWISE_PUBLIC_URL'] = 'not a url')],
    ['TIERWISE_ENCRYPTION_KEY', (env) => delete env['TIERWISE_ENCRYPTION_KEY']],
    ['TIERWISE_ENCRYPTION_KEY', (env) => (env['TIERWISE_ENCRYPTION_KEY'] = randomBytes(16).toString('base64'))],
    ['PORT', (env) => (env['PORT'] = 'eighty')],
  ];
  it.each(cases)('%s', async (name, spoil) => {
    const env = settings(await freePort());
    spoil(env);
    const { child, exited } = serve(env);
    // A server that starts anyway is stopped here and the test fails on its exit code.
    const guard = setTimeout(() => child.kill('SIGTERM'), 15_000);
    const { code, stderr } = await exited;
    clearTimeout(guard);
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    const lines = stderr.trim().split('\n');
    expect(lines, stderr).toHaveLength(1);
    expect(lines[0]).toContain(name);
  });
});

describe('routes', () => {
  let server: ReturnType<typeof serve>;
  let base = '';
  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = serve(settings(port));
    const deadline = Date.now() + 30_000;
    for (;;) {
      const up = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
      if (up) break;
      if (server.child.exitCode !== null || Date.now() > deadline) throw new Error(`app serve did not come up: ${(await Promise.race([server.exited, Promise.resolve(null)]))?.stderr ?? ''}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
  });

  it('GET /healthz answers 200', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('GET /oauth/install redirects to an authorize URL with the client id, a state and our callback', async () => {
    const res = await fetch(`${base}/oauth/install`, { redirect: 'manual' });
    expect([302, 303, 307]).toContain(res.status);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.get('client_id')).toBe('contract-client-id');
    expect(location.searchParams.get('state')?.length ?? 0).toBeGreaterThanOrEqual(16);
    expect(location.searchParams.get('redirect_uri')).toBe(`${base}/oauth/callback`);
    const again = new URL((await fetch(`${base}/oauth/install`, { redirect: 'manual' })).headers.get('location') ?? '');
    expect(again.searchParams.get('state')).not.toBe(location.searchParams.get('state'));
  });

  for (const path of ['/hubspot/webhooks', '/hubspot/actions/score']) {
    const body = path === '/hubspot/webhooks'
      ? JSON.stringify([{ eventId: 1, subscriptionId: 2, portalId: 777001, appId: 3, occurredAt: Date.now(), subscriptionType: 'contact.propertyChange', attemptNumber: 0, objectId: 51, propertyName: 'total_revenue', propertyValue: '100', changeSource: 'CRM_UI' }])
      : JSON.stringify({ callbackId: 'ap-1', origin: { portalId: 777001, actionDefinitionId: 5, actionDefinitionVersion: 1 }, context: { source: 'WORKFLOWS', workflowId: 9 }, object: { objectId: 51, objectType: 'CONTACT' }, inputFields: {} });

    it(`POST ${path} answers 401 in the error shape without a valid signature`, async () => {
      const unsigned = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(unsigned.status).toBe(401);
      expect(isErrorShape(await unsigned.json())).toBe(true);
      const wrong = signedHeaders('POST', `${base}${path}`, body);
      wrong['x-hubspot-signature-v3'] = createHmac('sha256', 'not-the-secret').update(`POST${base}${path}${body}${wrong['x-hubspot-request-timestamp'] ?? ''}`).digest('base64');
      const badSig = await fetch(`${base}${path}`, { method: 'POST', headers: wrong, body });
      expect(badSig.status).toBe(401);
      expect(isErrorShape(await badSig.json())).toBe(true);
      // A correct signature more than 5 minutes old is a replay.
      const stale = await fetch(`${base}${path}`, { method: 'POST', headers: signedHeaders('POST', `${base}${path}`, body, Date.now() - 6 * 60_000), body });
      expect(stale.status).toBe(401);
      const future = await fetch(`${base}${path}`, { method: 'POST', headers: signedHeaders('POST', `${base}${path}`, body, Date.now() + 6 * 60_000), body });
      expect(future.status).toBe(401);
      // Signed over another method, or without its timestamp header: not HubSpot's signature of this request.
      const otherMethod = await fetch(`${base}${path}`, { method: 'POST', headers: signedHeaders('GET', `${base}${path}`, body), body });
      expect(otherMethod.status).toBe(401);
      const { 'x-hubspot-request-timestamp': _dropped, ...noTimestamp } = signedHeaders('POST', `${base}${path}`, body);
      const withoutTimestamp = await fetch(`${base}${path}`, { method: 'POST', headers: noTimestamp, body });
      expect(withoutTimestamp.status).toBe(401);
      expect(isErrorShape(await withoutTimestamp.json())).toBe(true);
    });

    it(`POST ${path} accepts a request signed with v3`, async () => {
      const res = await fetch(`${base}${path}`, { method: 'POST', headers: signedHeaders('POST', `${base}${path}`, body), body });
      const text = await res.text();
      expect(res.status, text).not.toBe(401);
      expect(res.status, text).toBeLessThan(500);
      if (res.status >= 400) expect(isErrorShape(JSON.parse(text)), text).toBe(true);
    });
  }

  it('GET /api/status (called through hubspot.fetch) answers 401 unsigned and accepts a v3 signature over the full URL with its query', async () => {
    const url = `${base}/api/status?portalId=777001&userId=5&userEmail=a%40example.com&appId=3`;
    const unsigned = await fetch(url);
    expect(unsigned.status).toBe(401);
    expect(isErrorShape(await unsigned.json())).toBe(true);
    // HubSpot signs the URL-decoded URI (request-validation reference).
    const signed = await fetch(url, { headers: signedHeaders('GET', decodeURIComponent(url), '') });
    const text = await signed.text();
    expect(signed.status, text).not.toBe(401);
    expect(signed.status, text).toBeLessThan(500);
    if (signed.status >= 400) expect(isErrorShape(JSON.parse(text)), text).toBe(true);
  });

  it('answers a signed but unreadable body, and an install callback with a foreign state, in the error shape', async () => {
    const body = 'not json';
    const unreadable = await fetch(`${base}/hubspot/webhooks`, { method: 'POST', headers: signedHeaders('POST', `${base}/hubspot/webhooks`, body), body });
    expect(unreadable.status).toBe(400);
    expect(isErrorShape(await unreadable.json())).toBe(true);
    const callback = await fetch(`${base}/oauth/callback?code=x&state=not-ours`, { redirect: 'manual' });
    expect(callback.status).toBeGreaterThanOrEqual(400);
    expect(callback.status).toBeLessThan(500);
    expect(isErrorShape(await callback.json())).toBe(true);
  });

  it('answers an unknown route in the error shape', async () => {
    const res = await fetch(`${base}/no-such-route`);
    expect(res.status).toBe(404);
    expect(isErrorShape(await res.json())).toBe(true);
  });
});

describe('signatures are over TIERWISE_PUBLIC_URL, not the address the request arrived at', () => {
  it('accepts a request signed over the public https URL and refuses one signed over the local address', async () => {
    const port = await freePort();
    const local = `http://127.0.0.1:${port}`;
    const server = serve({ ...settings(port), TIERWISE_PUBLIC_URL: 'https://tierwise.example.com' });
    try {
      const deadline = Date.now() + 30_000;
      while (!(await fetch(`${local}/healthz`).then((r) => r.ok, () => false))) {
        if (server.child.exitCode !== null || Date.now() > deadline) throw new Error('app serve did not come up');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const body = JSON.stringify([{ eventId: 7, subscriptionId: 2, portalId: 777002, appId: 3, occurredAt: Date.now(), subscriptionType: 'contact.propertyChange', attemptNumber: 0, objectId: 52, propertyName: 'total_revenue', propertyValue: '5', changeSource: 'CRM_UI' }]);
      const overPublic = await fetch(`${local}/hubspot/webhooks`, { method: 'POST', headers: signedHeaders('POST', 'https://tierwise.example.com/hubspot/webhooks', body), body });
      expect(overPublic.status).toBeLessThan(300);
      const overLocal = await fetch(`${local}/hubspot/webhooks`, { method: 'POST', headers: signedHeaders('POST', `${local}/hubspot/webhooks`, body), body });
      expect(overLocal.status).toBe(401);
      const install = new URL((await fetch(`${local}/oauth/install`, { redirect: 'manual' })).headers.get('location') ?? '');
      expect(install.searchParams.get('redirect_uri')).toBe('https://tierwise.example.com/oauth/callback');
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});

describe('tierwise app worker', () => {
  it('runs queued syncs only: it starts with the same settings and answers no HTTP on PORT', async () => {
    const port = await freePort();
    const worker = serve(settings(port), ['app', 'worker']);
    try {
      // Its first line on stdout says it started (or it exits, and the test fails on that).
      await new Promise<void>((resolve, reject) => {
        worker.child.stdout?.once('data', () => resolve());
        worker.child.once('exit', (code) => reject(new Error(`app worker exited with ${String(code)}`)));
      });
      expect(worker.child.exitCode).toBeNull();
      const answered = await fetch(`http://127.0.0.1:${port}/healthz`).then(() => true, () => false);
      expect(answered).toBe(false);
    } finally {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
  });
});
