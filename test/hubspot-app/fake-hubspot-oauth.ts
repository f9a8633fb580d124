// HubSpot as a marketplace app sees it, for tests and benchmarks: one HTTP origin in front of one fake
// portal (test/hubspot/fake-hubspot.ts) per installed account, adding what a marketplace app needs:
// - the OAuth authorize page (auto-approved as a chosen portal) and the date-versioned token endpoint
//   `POST /oauth/2026-03/token` (form-encoded only, every parameter in the body; spec
//   Auth/Oauth/Rollouts/279897/2026-03/oauth.json), code single-use and bound to its redirect_uri,
//   access tokens that expire after expires_in (1800 s: changelog "upcoming expiration of OAuth access
//   tokens"), refresh tokens dead after uninstall (400 BAD_REFRESH_TOKEN / invalid_grant), optional
//   rotation of refresh tokens (undocumented by HubSpot, so tests exercise both);
// - CRM API calls routed by the Bearer token to that portal's fake; an expired or unknown token gets
//   401 EXPIRED_AUTHENTICATION / INVALID_AUTHENTICATION as HubSpot answers;
// - webhook delivery: a JSON array of events POSTed to the app's target URL with X-HubSpot-Signature-v3
//   and X-HubSpot-Request-Timestamp (request-validation doc), and card requests as hubspot.fetch sends
//   them (portalId/userId/userEmail/appId query parameters appended, v2 and v3 signatures:
//   ui-extensions-dev-server 2.1.2 dist/lib/proxy/signing.js).
// The v1 OAuth endpoints answer 410 here: the app must never call them (deprecated 2027-02-16).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { startFakeHubSpot, seedContacts, type FakeHubSpot } from '../hubspot/fake-hubspot.ts';
import type { Clock } from '../../adapters/hubspot/token-bucket.ts';

export interface FakeAppRegistration {
  appId: number;
  clientId: string;
  clientSecret: string;
  redirectUrls: string[];
  requiredScopes: string[];
  optionalScopes: string[];
}

interface Grant {
  portalId: string;
  scopes: string[];
}

export interface FakeMarketplace {
  url: string;
  app: FakeAppRegistration;
  portals: Map<string, FakeHubSpot>;
  /** Every request: OAuth and API alike, with the portal its token belonged to. */
  requests: { method: string; path: string; portalId: string | null; grantType?: string }[];
  /** Refresh answers a new refresh token each time (HubSpot does not document it; both must work). */
  rotateRefreshTokens: boolean;
  accessTtlSeconds: number;
  /** `clock`: the portal's own (benchmarks give each portal the clock of the worker syncing it). */
  addPortal(portalId: string, contacts?: number, clock?: Clock): Promise<FakeHubSpot>;
  /** The next visit to the authorize page is approved by an admin of this portal. */
  approveAs(portalId: string): void;
  /** The admin uninstalls the app in HubSpot: every token of the portal stops working. */
  uninstall(portalId: string): void;
  /** Headers HubSpot adds to a request it signs (v3; `v2: true` adds the v2 pair too). */
  sign(method: string, uri: string, body: string, options?: { timestamp?: number; secret?: string; v2?: boolean }): Record<string, string>;
  /** POSTs a batch of webhook events to the app, signed. */
  deliver(targetUrl: string, events: unknown[], options?: { timestamp?: number; secret?: string; signedUrl?: string; signedBody?: string }): Promise<Response>;
  /** What hubspot.fetch sends from a card of this portal. */
  cardFetch(url: string, portalId: string, init?: { method?: string; body?: unknown; userId?: number }): Promise<Response>;
  event(portalId: string, fields: Record<string, unknown>): Record<string, unknown>;
  close(): Promise<void>;
}

// HubSpot decodes these in the URI before signing (request-validation doc, v3); kept apart from the
// server's copy on purpose, so a shared mistake cannot pass.
const decodeForSigning = (uri: string) =>
  uri.replace(/%3A/gi, ':').replace(/%2F/gi, '/').replace(/%3F/gi, '?').replace(/%40/gi, '@').replace(/%21/gi, '!').replace(/%24/gi, '$').replace(/%27/gi, "'").replace(/%28/gi, '(').replace(/%29/gi, ')').replace(/%2A/gi, '*').replace(/%2C/gi, ',').replace(/%3B/gi, ';');

export async function startFakeMarketplace(app: FakeAppRegistration, options: { clock?: Clock; burstPer10s?: number } = {}): Promise<FakeMarketplace> {
  const now = () => (options.clock ?? { now: () => Date.now() }).now();
  const portals = new Map<string, FakeHubSpot>();
  const codes = new Map<string, Grant & { redirectUri: string; used: boolean }>();
  const accessTokens = new Map<string, Grant & { expiresAt: number }>();
  const refreshTokens = new Map<string, Grant>();
  let approver: string | null = null;
  let eventCounter = 0;
  const requests: FakeMarketplace['requests'] = [];

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const hubspotError = (res: ServerResponse, status: number, category: string, message: string) => send(res, status, { status: 'error', message, correlationId: randomUUID(), category });
  // RFC 6749 error plus HubSpot's legacy status/message (changelog: new OAuth v3 endpoints and standardized error responses).
  const oauthError = (res: ServerResponse, error: string, legacy: string, message: string) => send(res, 400, { error, error_description: message, status: legacy, message, correlationId: randomUUID() });

  const issue = (grant: Grant) => {
    const accessToken = `at-${grant.portalId}-${randomBytes(12).toString('hex')}`;
    accessTokens.set(accessToken, { ...grant, expiresAt: now() + fake.accessTtlSeconds * 1000 });
    return accessToken;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');

    if (url.pathname === '/oauth/authorize' && req.method === 'GET') {
      requests.push({ method: 'GET', path: url.pathname, portalId: approver });
      const q = url.searchParams;
      if (q.get('client_id') !== app.clientId) return hubspotError(res, 400, 'VALIDATION_ERROR', 'unknown client_id');
      const redirectUri = q.get('redirect_uri') ?? '';
      if (!app.redirectUrls.includes(redirectUri)) return hubspotError(res, 400, 'VALIDATION_ERROR', 'redirect_uri is not one of the app\'s redirect URLs');
      const scopes = (q.get('scope') ?? '').split(' ').filter(Boolean);
      const optional = (q.get('optional_scope') ?? '').split(' ').filter(Boolean);
      const missing = app.requiredScopes.filter((s) => !scopes.includes(s));
      const unknown = [...scopes, ...optional].filter((s) => !app.requiredScopes.includes(s) && !app.optionalScopes.includes(s));
      // The install link must ask exactly for the app's required scopes (HubSpot refuses a mismatch).
      if (missing.length > 0 || unknown.length > 0) return hubspotError(res, 400, 'VALIDATION_ERROR', `scope mismatch: missing ${missing.join(',')} unknown ${unknown.join(',')}`);
      if (approver === null) return hubspotError(res, 400, 'VALIDATION_ERROR', 'no portal approves (call approveAs first)');
      const code = randomBytes(16).toString('hex');
      codes.set(code, { portalId: approver, scopes: [...scopes, ...optional], redirectUri, used: false });
      approver = null;
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      if (q.has('state')) back.searchParams.set('state', q.get('state') ?? '');
      res.writeHead(302, { location: back.toString() });
      return void res.end();
    }

    if (/^\/oauth\/v1\//.test(url.pathname)) {
      requests.push({ method: req.method ?? 'GET', path: url.pathname, portalId: null });
      return hubspotError(res, 410, 'GONE', 'v1 OAuth endpoints are retired; use /oauth/2026-03/token');
    }

    if (url.pathname.startsWith('/oauth/2026-03/token')) {
      if (req.method !== 'POST') return hubspotError(res, 405, 'METHOD_NOT_ALLOWED', 'POST only');
      if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return oauthError(res, 'invalid_request', 'BAD_REQUEST', 'expected application/x-www-form-urlencoded');
      const form = new URLSearchParams(text);
      const grantType = form.get('grant_type') ?? '';
      requests.push({ method: 'POST', path: url.pathname, portalId: null, grantType });
      if (form.get('client_id') !== app.clientId || form.get('client_secret') !== app.clientSecret) return oauthError(res, 'invalid_client', 'BAD_CLIENT_ID', 'client credentials are wrong');
      if (url.pathname === '/oauth/2026-03/token/introspect') {
        const grant = accessTokens.get(form.get('token') ?? '');
        if (grant === undefined) return send(res, 200, { active: false });
        return send(res, 200, { active: grant.expiresAt > now(), hub_id: Number(grant.portalId), scopes: grant.scopes, app_id: app.appId, client_id: app.clientId, token_use: 'access_token' });
      }
      if (url.pathname === '/oauth/2026-03/token/revoke') {
        refreshTokens.delete(form.get('token') ?? '');
        res.writeHead(204);
        return void res.end();
      }
      if (url.pathname !== '/oauth/2026-03/token') return hubspotError(res, 404, 'OBJECT_NOT_FOUND', 'no such endpoint');
      let grant: Grant;
      let refreshToken: string;
      if (grantType === 'authorization_code') {
        const code = codes.get(form.get('code') ?? '');
        if (code === undefined || code.used) return oauthError(res, 'invalid_grant', 'BAD_AUTH_CODE', 'missing or unknown auth code');
        if (form.get('redirect_uri') !== code.redirectUri) return oauthError(res, 'invalid_grant', 'BAD_REDIRECT_URI', 'redirect_uri does not match the authorization request');
        code.used = true;
        grant = { portalId: code.portalId, scopes: code.scopes };
        refreshToken = `rt-${grant.portalId}-${randomBytes(12).toString('hex')}`;
        refreshTokens.set(refreshToken, grant);
      } else if (grantType === 'refresh_token') {
        const presented = form.get('refresh_token') ?? '';
        const known = refreshTokens.get(presented);
        if (known === undefined) return oauthError(res, 'invalid_grant', 'BAD_REFRESH_TOKEN', 'missing or unknown refresh token');
        grant = known;
        refreshToken = presented;
        if (fake.rotateRefreshTokens) {
          refreshTokens.delete(presented);
          refreshToken = `rt-${grant.portalId}-${randomBytes(12).toString('hex')}`;
          refreshTokens.set(refreshToken, grant);
        }
      } else return oauthError(res, 'unsupported_grant_type', 'BAD_GRANT_TYPE', `grant_type ${grantType} is not supported`);
      return send(res, 200, { access_token: issue(grant), refresh_token: refreshToken, expires_in: fake.accessTtlSeconds, token_type: 'bearer', token_use: 'access_token', hub_id: Number(grant.portalId), user_id: 7, scopes: grant.scopes });
    }

    // Everything else is the CRM API of the portal the token belongs to.
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const grant = accessTokens.get(token);
    requests.push({ method: req.method ?? 'GET', path: url.pathname, portalId: grant?.portalId ?? null });
    if (grant === undefined) return hubspotError(res, 401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found.');
    if (grant.expiresAt <= now()) return hubspotError(res, 401, 'EXPIRED_AUTHENTICATION', `The OAuth token used to make this call expired ${Math.ceil((now() - grant.expiresAt) / 60_000)} minute(s) ago.`);
    const portal = portals.get(grant.portalId);
    if (portal === undefined) return hubspotError(res, 401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found.');
    // The app uninstalling itself (spec CRM/App Uninstalls 2026-03): every token of the portal dies.
    if (url.pathname === '/appinstalls/2026-03/external-install' && req.method === 'DELETE') {
      fake.uninstall(grant.portalId);
      res.writeHead(204);
      return void res.end();
    }
    // Batch read by id (spec CRM/Objects 2026-09 batch/read: inputs [{id}], properties; 100 at most),
    // served from the portal's records here since the portal fake has no such route; not counted in its window.
    const read = /^\/crm\/objects\/2026-09\/(contacts|companies)\/batch\/read$/.exec(url.pathname);
    if (read && req.method === 'POST') {
      const body = JSON.parse(text) as { inputs?: { id: string }[]; properties?: string[] };
      const inputs = body.inputs ?? [];
      if (inputs.length > 100) return hubspotError(res, 400, 'VALIDATION_ERROR', `Batch size ${inputs.length} exceeds the limit of 100`);
      const records = portal.portal[read[1] as 'contacts'];
      const results = inputs.flatMap(({ id }) => {
        const record = records.get(id);
        if (record === undefined) return [];
        return [{ id, properties: Object.fromEntries((body.properties ?? []).map((p) => [p, record.properties[p] ?? null])), createdAt: '2024-01-01T00:00:00.000Z', updatedAt: new Date(record.updatedAt).toISOString(), archived: false }];
      });
      const missing = inputs.filter(({ id }) => !records.has(id)).map(({ id }) => id);
      const stamp = new Date(now()).toISOString();
      return send(res, missing.length > 0 ? 207 : 200, { status: 'COMPLETE', results, ...(missing.length > 0 ? { numErrors: 1, errors: [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'Could not get some records', context: { ids: missing } }] } : {}), startedAt: stamp, completedAt: stamp });
    }
    const answer = await fetch(`${portal.url}${url.pathname}${url.search}`, {
      method: req.method ?? 'GET',
      headers: { authorization: 'Bearer test-token', 'content-type': req.headers['content-type'] ?? 'application/json' },
      ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body: text }),
    });
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, key) => {
      if (key.startsWith('x-hubspot') || key === 'content-type' || key === 'retry-after') headers[key] = value;
    });
    res.writeHead(answer.status, headers);
    res.end(await answer.text());
  }

  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => hubspotError(res, 500, 'INTERNAL_ERROR', String(e)));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const sign: FakeMarketplace['sign'] = (method, uri, body, o = {}) => {
    const secret = o.secret ?? app.clientSecret;
    const timestamp = String(o.timestamp ?? now());
    const decoded = decodeForSigning(uri);
    const headers: Record<string, string> = {
      'x-hubspot-signature-v3': createHmac('sha256', secret).update(`${method}${decoded}${body}${timestamp}`).digest('base64'),
      'x-hubspot-request-timestamp': timestamp,
    };
    if (o.v2) {
      headers['x-hubspot-signature'] = createHash('sha256').update(`${secret}${method}${uri}${body}`).digest('hex');
      headers['x-hubspot-signature-version'] = 'v2';
    }
    return headers;
  };

  const fake: FakeMarketplace = {
    url: base,
    app,
    portals,
    requests,
    rotateRefreshTokens: false,
    accessTtlSeconds: 1800,
    async addPortal(portalId, contacts = 0, clock = options.clock) {
      const portal = await startFakeHubSpot({ ...(clock ? { clock } : {}), ...(options.burstPer10s ? { burstPer10s: options.burstPer10s } : {}) });
      if (contacts > 0) seedContacts(portal, contacts);
      portals.set(portalId, portal);
      return portal;
    },
    approveAs(portalId) {
      approver = portalId;
    },
    uninstall(portalId) {
      for (const [t, g] of accessTokens) if (g.portalId === portalId) accessTokens.delete(t);
      for (const [t, g] of refreshTokens) if (g.portalId === portalId) refreshTokens.delete(t);
    },
    sign,
    async deliver(targetUrl, events, o = {}) {
      const body = JSON.stringify(events);
      const headers = sign('POST', o.signedUrl ?? targetUrl, o.signedBody ?? body, { ...(o.timestamp !== undefined ? { timestamp: o.timestamp } : {}), ...(o.secret !== undefined ? { secret: o.secret } : {}) });
      return fetch(targetUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    },
    async cardFetch(url, portalId, init = {}) {
      const full = new URL(url);
      full.searchParams.set('userId', String(init.userId ?? 7));
      full.searchParams.set('userEmail', 'admin@example.com');
      full.searchParams.set('appId', String(app.appId));
      full.searchParams.set('portalId', portalId);
      const method = init.method ?? 'GET';
      const body = init.body === undefined ? '' : JSON.stringify(init.body);
      const headers = sign(method, full.toString(), body, { v2: true });
      return fetch(full, { method, headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body } : {}) });
    },
    event(portalId, fields) {
      eventCounter++;
      return { eventId: 1_000_000 + eventCounter, subscriptionId: 42, portalId: Number(portalId), appId: app.appId, occurredAt: now(), attemptNumber: 0, changeSource: 'CRM_UI', ...fields };
    },
    async close() {
      for (const p of portals.values()) await p.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
