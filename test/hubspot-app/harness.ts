// A backend against the fake marketplace, as a test drives it: install through the browser flow,
// card requests signed as hubspot.fetch signs them, runs awaited by polling the backend's own API.
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { configFromEnv, type AppConfig } from '../../hubspot-app/server/config.ts';
import { startBackend, type Backend } from '../../hubspot-app/server/backend.ts';
import { REQUIRED_SCOPES, OPTIONAL_SCOPES } from '../../hubspot-app/project-schema.ts';
import { startFakeMarketplace, type FakeMarketplace } from './fake-hubspot-oauth.ts';
import type { TestDatabase } from './databases.ts';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export const CLIENT_SECRET = 'fake-client-secret-0123456789';

export async function startMarketplace(publicUrl: string): Promise<FakeMarketplace> {
  return startFakeMarketplace({ appId: 4242, clientId: 'fake-client-id', clientSecret: CLIENT_SECRET, redirectUrls: [`${publicUrl}/oauth/callback`], requiredScopes: [...REQUIRED_SCOPES], optionalScopes: [...OPTIONAL_SCOPES] });
}

export function backendEnv(fake: FakeMarketplace, port: number, database: TestDatabase, extra: Record<string, string> = {}): Record<string, string> {
  return {
    HUBSPOT_CLIENT_ID: fake.app.clientId,
    HUBSPOT_CLIENT_SECRET: fake.app.clientSecret,
    TIERWISE_PUBLIC_URL: `http://127.0.0.1:${port}`,
    TIERWISE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PORT: String(port),
    HOST: '127.0.0.1',
    TIERWISE_DATA_DIR: database.settings.dataDir,
    ...(database.settings.databaseUrl !== null ? { DATABASE_URL: database.settings.databaseUrl } : {}),
    HUBSPOT_BASE_URL: fake.url,
    HUBSPOT_AUTHORIZE_URL: `${fake.url}/oauth/authorize`,
    TIERWISE_QUEUE_POLL_MS: '50',
    TIERWISE_LOG_LEVEL: 'silent',
    ...extra,
  };
}

export async function startTestBackend(env: Record<string, string>, mode = { http: true, worker: true, scheduler: false }, logStream?: NodeJS.WritableStream): Promise<{ backend: Backend; config: AppConfig }> {
  const config = configFromEnv(env);
  return { backend: await startBackend(config, mode, logStream ? { logStream } : {}), config };
}

/** The admin clicks the install link, approves in HubSpot, and lands on our callback. */
export async function install(fake: FakeMarketplace, backendUrl: string, portalId: string): Promise<Response> {
  const start = await fetch(`${backendUrl}/oauth/install`, { redirect: 'manual' });
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  fake.approveAs(portalId);
  const approved = await fetch(start.headers.get('location') ?? '', { redirect: 'manual' });
  return fetch(approved.headers.get('location') ?? '', { headers: { cookie }, redirect: 'manual' });
}

export async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
