// The backend (buildApp on a real AppContext: SQLite store, SQLite queue, token machinery) in front of
// h13's fake marketplace, with what this suite needs that the fakes do not speak, added here in front
// of them (test/hubspot/fake-hubspot.ts stays untouched):
// - POST /crm/objects/2026-09/{object}/batch/read {inputs:[{id}], properties} → {status, results}
//   (spec CRM/Contacts 2026-09 batch read; ids not found are left out, as the 2026-09 spec's 200-only
//   answer implies), from the portal the Bearer token belongs to;
// - POST /automation/actions/callbacks/2026-03/{callbackId}/complete {outputFields} → 204 (spec
//   Automation Actions V4 2026-03, CallbackCompletionRequest: outputFields of strings and typedOutputs
//   both required, else 400), recorded with the portal whose token sent it;
// - an optional delay on batch reads (a slow HubSpot), for the workflow action's BLOCK path, and
//   completions answered 503 a given number of times first (HubSpot's edge failing).
// Which portal a token belongs to is asked of the marketplace itself (it refuses expired or unknown
// tokens), so these additions are exactly as strict about tokens as the rest.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { realClock } from '../../adapters/hubspot/token-bucket.ts';
import { buildApp } from '../../hubspot-app/server/app.ts';
import { configFromEnv } from '../../hubspot-app/server/config.ts';
import type { AppContext } from '../../hubspot-app/server/context.ts';
import { keepRawBodies } from '../../hubspot-app/server/http/hubspot-request.ts';
import { PortalTokens } from '../../hubspot-app/server/oauth/portal-tokens.ts';
import { TokenEndpoint } from '../../hubspot-app/server/oauth/token-endpoint.ts';
import { SqliteQueue } from '../../hubspot-app/server/queue/sqlite-queue.ts';
import { oauthRoutes, redirectUri } from '../../hubspot-app/server/routes/oauth.ts';
import { openStore } from '../../hubspot-app/server/store/open.ts';
import { TokenCipher } from '../../hubspot-app/server/token-cipher.ts';
import { uninstaller } from '../../hubspot-app/server/uninstall.ts';
import { runner } from '../../hubspot-app/server/runner.ts';
import { OPTIONAL_SCOPES, REQUIRED_SCOPES } from '../../hubspot-app/project-schema.ts';
import { startFakeMarketplace, type FakeMarketplace } from '../hubspot-app/fake-hubspot-oauth.ts';

export const CLIENT_SECRET = 'ui-suite-client-secret-0123456789';

export interface Completion {
  portalId: string;
  callbackId: string;
  body: unknown;
}

export interface Harness {
  fake: FakeMarketplace;
  ctx: AppContext;
  app: FastifyInstance;
  /** The backend's public URL (what HubSpot signs). */
  url: string;
  completions: Completion[];
  logs: string[];
  /** Milliseconds a batch read waits before answering. */
  readDelayMs: number;
  /** The next N completions are answered 503. */
  failCompletions: number;
  readonly completionAttempts: number;
  install(portalId: string, contacts?: number): Promise<void>;
  /** Stores the portal's records as the worker leaves them after a sync (sync_records: id and read properties). */
  storeSynced(portalId: string, object: 'contacts' | 'companies', ids?: string[]): Promise<void>;
  /** Marks the portal's queued runs finished, as the worker does. */
  finishRun(portalId: string): Promise<void>;
  /** Records a run that came and finished (after a test changed stored inputs as a run would). */
  ranOnce(portalId: string): Promise<void>;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (text += c));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });

async function startExtension(fake: FakeMarketplace, harness: { completions: Completion[]; readDelayMs: number; failCompletions: number; completionAttempts: number }): Promise<{ url: string; server: Server }> {
  const portalOf = async (authorization: string): Promise<string | null> => {
    const probe = await fetch(`${fake.url}/crm/properties/2026-09/contacts`, { headers: { authorization } });
    await probe.text();
    return probe.ok ? (fake.requests.at(-1)?.portalId ?? null) : null;
  };
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const body = await readBody(req);
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(json === null ? '' : JSON.stringify(json));
      };
      const batchRead = /^\/crm\/objects\/2026-09\/(contacts|companies)\/batch\/read$/.exec(url.pathname);
      const complete = /^\/automation\/actions\/callbacks\/2026-03\/([^/]+)\/complete$/.exec(url.pathname);
      if ((batchRead || complete) && req.method === 'POST') {
        const portalId = await portalOf(req.headers.authorization ?? '');
        if (portalId === null) return send(401, { status: 'error', category: 'INVALID_AUTHENTICATION', message: 'Authentication credentials not found.' });
        if (batchRead) {
          await new Promise((r) => setTimeout(r, harness.readDelayMs));
          const object = batchRead[1] as 'contacts' | 'companies';
          const request = JSON.parse(body) as { inputs: { id: string }[]; properties: string[] };
          const records = fake.portals.get(portalId)?.portal[object] ?? new Map();
          const results = request.inputs.flatMap(({ id }) => {
            const found = records.get(id);
            if (found === undefined) return [];
            const properties = Object.fromEntries(request.properties.map((p) => [p, found.properties[p] ?? null]));
            return [{ id, properties: { ...properties, hs_object_id: id }, updatedAt: new Date(found.updatedAt).toISOString(), archived: false }];
          });
          return send(200, { status: 'COMPLETE', results, startedAt: new Date().toISOString(), completedAt: new Date().toISOString() });
        }
        harness.completionAttempts++;
        if (harness.failCompletions > 0) {
          harness.failCompletions--;
          return send(503, { status: 'error', category: 'SERVICE_UNAVAILABLE', message: 'Service unavailable' });
        }
        const parsed = JSON.parse(body) as { outputFields?: unknown; typedOutputs?: unknown };
        const strings = typeof parsed.outputFields === 'object' && parsed.outputFields !== null && Object.values(parsed.outputFields).every((v) => typeof v === 'string');
        if (!strings) return send(400, { status: 'error', category: 'VALIDATION_ERROR', message: 'outputFields is required and its values are strings' });
        if (typeof parsed.typedOutputs !== 'object' || parsed.typedOutputs === null) return send(400, { status: 'error', category: 'VALIDATION_ERROR', message: 'typedOutputs is required' });
        harness.completions.push({ portalId, callbackId: decodeURIComponent(complete?.[1] ?? ''), body: parsed });
        res.writeHead(204);
        return void res.end();
      }
      const answer = await fetch(`${fake.url}${url.pathname}${url.search}`, {
        method: req.method ?? 'GET',
        headers: { ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), 'content-type': req.headers['content-type'] ?? 'application/json' },
        ...(req.method === 'GET' || req.method === 'HEAD' || req.method === 'DELETE' ? {} : { body }),
      });
      const headers: Record<string, string> = {};
      answer.headers.forEach((value, key) => {
        if (key !== 'content-length' && key !== 'transfer-encoding' && key !== 'connection') headers[key] = value;
      });
      res.writeHead(answer.status, headers);
      res.end(await answer.text());
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Starts everything; `mount` puts the routes a test chooses (beside the install routes) on a fastify instance of its own instead of buildApp's. */
export async function startHarness(options: { mount?: (app: FastifyInstance, ctx: AppContext) => void; worker?: boolean } = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tierwise-ui-'));
  // The backend listens on a port chosen after the fake knows its redirect URL: reserve one first.
  const reserve = createServer();
  await new Promise<void>((resolve) => reserve.listen(0, '127.0.0.1', resolve));
  const port = (reserve.address() as AddressInfo).port;
  await new Promise<void>((resolve) => reserve.close(() => resolve()));
  const publicUrl = `http://127.0.0.1:${port}`;
  const fake = await startFakeMarketplace({ appId: 4242, clientId: 'ui-client-id', clientSecret: CLIENT_SECRET, redirectUrls: [`${publicUrl}/oauth/callback`], requiredScopes: [...REQUIRED_SCOPES], optionalScopes: [...OPTIONAL_SCOPES] });
  const state = { completions: [] as Completion[], readDelayMs: 0, failCompletions: 0, completionAttempts: 0 };
  const extension = await startExtension(fake, state);
  const config = configFromEnv({
    HUBSPOT_CLIENT_ID: 'ui-client-id',
    HUBSPOT_CLIENT_SECRET: CLIENT_SECRET,
    TIERWISE_PUBLIC_URL: publicUrl,
    TIERWISE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PORT: String(port),
    HOST: '127.0.0.1',
    TIERWISE_DATA_DIR: dataDir,
    HUBSPOT_BASE_URL: extension.url,
    HUBSPOT_AUTHORIZE_URL: `${fake.url}/oauth/authorize`,
    TIERWISE_LOG_LEVEL: 'silent',
  });
  const store = await openStore(config);
  const cipher = new TokenCipher(config.encryptionKeys.current, config.encryptionKeys.previous);
  const endpoint = new TokenEndpoint({ baseUrl: config.hubspotBaseUrl, clientId: config.clientId, clientSecret: config.clientSecret, redirectUri: redirectUri(config.publicUrl) });
  const tokens = new PortalTokens(store, cipher, endpoint, realClock);
  // What the queue, worker and uninstaller log, kept for a failing test to show.
  const logs: string[] = [];
  const log = (level: string, message: string, fields: Record<string, unknown>) => void logs.push(`${level} ${message} ${JSON.stringify(fields)}`);
  const queue = new SqliteQueue(store.db, realClock, { jobTimeoutMs: 60_000, pollMs: 50, maxAttempts: 3 }, (m, f) => log('warn', m, f));
  const ctx: AppContext = { config, store, cipher, endpoint, tokens, clock: realClock, queue, uninstall: async () => undefined };
  let app: FastifyInstance;
  if (options.mount) {
    app = Fastify({ logger: false });
    keepRawBodies(app);
    oauthRoutes(app, ctx);
    options.mount(app, ctx);
  } else app = buildApp(ctx);
  ctx.uninstall = uninstaller({ store, tokens, endpoint, cipher, hubspotBaseUrl: config.hubspotBaseUrl, clock: realClock, log });
  await app.listen({ port, host: '127.0.0.1' });
  // The real worker (h13's runner on the SQLite queue): runs queued syncs against the fake portals.
  if (options.worker) await queue.work(runner(ctx, { workerId: 'ui-suite-worker', leaseMs: 60_000, log }), 1);

  const harness: Harness = {
    fake,
    ctx,
    app,
    url: publicUrl,
    logs,
    get completions() {
      return state.completions;
    },
    get readDelayMs() {
      return state.readDelayMs;
    },
    set readDelayMs(ms: number) {
      state.readDelayMs = ms;
    },
    get failCompletions() {
      return state.failCompletions;
    },
    set failCompletions(n: number) {
      state.failCompletions = n;
    },
    get completionAttempts() {
      return state.completionAttempts;
    },
    async install(portalId, contacts = 0) {
      await fake.addPortal(portalId, contacts);
      const start = await fetch(`${publicUrl}/oauth/install`, { redirect: 'manual' });
      const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      fake.approveAs(portalId);
      const approved = await fetch(start.headers.get('location') ?? '', { redirect: 'manual' });
      const done = await fetch(approved.headers.get('location') ?? '', { headers: { cookie }, redirect: 'manual' });
      if (done.status !== 200) throw new Error(`install of ${portalId} answered ${done.status}: ${await done.text()}`);
    },
    async storeSynced(portalId, object, ids) {
      const records = fake.portals.get(portalId)?.portal[object] ?? new Map();
      for (const [id, record] of records) {
        if (ids !== undefined && !ids.includes(id)) continue;
        await store.db.run('INSERT INTO sync_records (portal_id, object, id, properties, written) VALUES (?, ?, ?, ?, NULL) ON CONFLICT (portal_id, object, id) DO UPDATE SET properties = excluded.properties', [portalId, object, id, JSON.stringify(record.properties)]);
      }
    },
    async finishRun(portalId) {
      for (const run of await store.runs(portalId, 50)) {
        if (run.state !== 'queued') continue;
        await store.startRun(run.runId, Date.now());
        await store.finishRun(run.runId, Date.now(), { report: { objects: [], reread: 0 } });
      }
    },
    async ranOnce(portalId) {
      await store.createRun({ runId: randomUUID(), portalId, kind: 'rescore-records', queuedAt: Date.now() });
      await harness.finishRun(portalId);
    },
    async close() {
      await queue.stop(5_000);
      await app.close();
      await new Promise<void>((resolve) => extension.server.close(() => resolve()));
      await fake.close();
      await store.db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}
