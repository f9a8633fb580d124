// A fake HubSpot for tests and benchmarks: node:http on 127.0.0.1 with an in-memory portal, speaking
// the date-versioned CRM API as HubSpot documents it (shapes checked against HubSpot's public OpenAPI
// specs, contacts/companies/properties/tasks 2026-09): list with `after` paging, batch update (100
// cap; 207 with per-record errors), search (200 per page, 10,000-result cap, 5 per second), properties
// and groups (409 on duplicates), tasks with associations, error bodies with category and
// correlationId, 429s with policyName and X-HubSpot-RateLimit-* headers. Faults are injectable.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../adapters/hubspot/token-bucket.ts';

export interface FakeRecord {
  properties: Record<string, string | null>;
  updatedAt: number;
}

export interface Faults {
  /** Share of requests answered 429 TEN_SECONDLY_ROLLING regardless of load (deterministic sequence). */
  rateLimitShare?: number;
  /** The next N requests answer 502. */
  fail5xx?: number;
  /** The next N requests never answer. */
  hang?: number;
  /** A portal write-validation rule: a message rejects the write of that record with 400. */
  validate?: (id: string, properties: Record<string, string>) => string | null;
  /** Records that 207 as not found on update. */
  missing?: Set<string>;
  /** Answer every request with a DAILY 429. */
  dailyExhausted?: boolean;
}

export interface FakeHubSpot {
  url: string;
  portal: Record<'contacts' | 'companies', Map<string, FakeRecord>>;
  properties: Record<'contacts' | 'companies', Map<string, { name: string; type: string; fieldType: string; groupName: string; label: string }>>;
  tasks: { properties: Record<string, string>; associations: unknown[] }[];
  requests: { method: string; path: string }[];
  faults: Faults;
  close(): Promise<void>;
}

export async function startFakeHubSpot(options: { token?: string; burstPer10s?: number; clock?: Clock } = {}): Promise<FakeHubSpot> {
  const token = options.token ?? 'test-token';
  const burst = options.burstPer10s ?? 110;
  const now = () => (options.clock ?? { now: () => Date.now() }).now();
  const window: number[] = [];
  const searchWindow: number[] = [];
  let limitedCounter = 0;
  const fake: Omit<FakeHubSpot, 'url' | 'close'> = {
    portal: { contacts: new Map(), companies: new Map() },
    properties: { contacts: new Map(), companies: new Map() },
    tasks: [],
    requests: [],
    faults: {},
  };
  const groups = { contacts: new Set<string>(), companies: new Set<string>() };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const error = (res: ServerResponse, status: number, category: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    send(res, status, { status: 'error', message, correlationId: randomUUID(), category, ...extra }, headers);

  const sortedIds = (map: Map<string, FakeRecord>) => [...map.keys()].sort((a, b) => Number(a) - Number(b));
  const pick = (r: FakeRecord, props: string[]) => Object.fromEntries(props.map((p) => [p, r.properties[p] ?? null]));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    fake.requests.push({ method: req.method ?? 'GET', path: url.pathname });
    if (req.headers.authorization !== `Bearer ${token}`) return error(res, 401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found.');
    if (fake.faults.hang !== undefined && fake.faults.hang > 0) {
      fake.faults.hang--;
      return; // never answers
    }
    if (fake.faults.fail5xx !== undefined && fake.faults.fail5xx > 0) {
      fake.faults.fail5xx--;
      return error(res, 502, 'BAD_GATEWAY', 'Bad gateway');
    }
    if (fake.faults.dailyExhausted) return error(res, 429, 'RATE_LIMITS', 'You have reached your daily limit.', { errorType: 'RATE_LIMIT', policyName: 'DAILY' });
    const isSearch = url.pathname.endsWith('/search');
    const t = now();
    const limiter = isSearch ? searchWindow : window;
    const span = isSearch ? 1_000 : 10_000;
    const max = isSearch ? 5 : burst;
    while (limiter.length > 0 && (limiter[0] as number) <= t - span) limiter.shift();
    const share = fake.faults.rateLimitShare ?? 0;
    const injected = share > 0 && (limitedCounter++ * share) % 1 + share >= 1;
    const headers: Record<string, string> = isSearch ? {} : { 'X-HubSpot-RateLimit-Max': String(max), 'X-HubSpot-RateLimit-Remaining': String(Math.max(0, max - limiter.length - 1)), 'X-HubSpot-RateLimit-Interval-Milliseconds': String(span) };
    if (limiter.length >= max || injected) {
      return error(res, 429, 'RATE_LIMITS', isSearch ? 'You have reached your secondly limit.' : 'You have reached your ten_secondly_rolling limit.', { errorType: 'RATE_LIMIT', policyName: isSearch ? 'SECONDLY' : 'TEN_SECONDLY_ROLLING' }, headers);
    }
    limiter.push(t);
    const body = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);

    let m = /^\/crm\/objects\/2026-09\/(contacts|companies)$/.exec(url.pathname);
    if (m && req.method === 'GET') {
      const map = fake.portal[m[1] as 'contacts'];
      const limit = Math.min(100, Number(url.searchParams.get('limit') ?? 10));
      const after = Number(url.searchParams.get('after') ?? 0);
      const props = (url.searchParams.get('properties') ?? '').split(',').filter(Boolean);
      const ids = sortedIds(map).slice(after, after + limit);
      const results = ids.map((id) => ({ id, properties: pick(map.get(id) as FakeRecord, props), createdAt: '2024-01-01T00:00:00.000Z', updatedAt: new Date((map.get(id) as FakeRecord).updatedAt).toISOString(), archived: false }));
      return send(res, 200, { results, ...(after + limit < map.size ? { paging: { next: { after: String(after + limit) } } } : {}) }, headers);
    }
    m = /^\/crm\/objects\/2026-09\/(contacts|companies)\/batch\/update$/.exec(url.pathname);
    if (m && req.method === 'POST') {
      const map = fake.portal[m[1] as 'contacts'];
      const inputs = (body['inputs'] ?? []) as { id: string; properties: Record<string, string> }[];
      if (inputs.length > 100) return error(res, 400, 'VALIDATION_ERROR', `Batch size ${inputs.length} exceeds the limit of 100`);
      for (const input of inputs) {
        for (const name of Object.keys(input.properties)) {
          if (!fake.properties[m[1] as 'contacts'].has(name)) return error(res, 400, 'VALIDATION_ERROR', `Property values were not valid: property "${name}" does not exist`);
        }
        const rejected = fake.faults.validate?.(input.id, input.properties) ?? null;
        if (rejected !== null) return error(res, 400, 'VALIDATION_ERROR', rejected, { context: { ids: [input.id] } });
      }
      const results: unknown[] = [];
      const errors: unknown[] = [];
      for (const input of inputs) {
        const record = map.get(input.id);
        if (record === undefined || fake.faults.missing?.has(input.id)) {
          errors.push({ status: 'error', category: 'OBJECT_NOT_FOUND', message: `Object ${input.id} not found`, context: { ids: [input.id] } });
          continue;
        }
        Object.assign(record.properties, input.properties);
        record.updatedAt = now();
        results.push({ id: input.id, properties: input.properties, createdAt: '2024-01-01T00:00:00.000Z', updatedAt: new Date(record.updatedAt).toISOString(), archived: false });
      }
      const status = errors.length > 0 ? 207 : 200;
      return send(res, status, { status: 'COMPLETE', results, ...(errors.length > 0 ? { errors, numErrors: errors.length } : {}), startedAt: new Date().toISOString(), completedAt: new Date().toISOString() }, headers);
    }
    m = /^\/crm\/objects\/2026-09\/(contacts|companies)\/search$/.exec(url.pathname);
    if (m && req.method === 'POST') {
      const map = fake.portal[m[1] as 'contacts'];
      const limit = Math.min(200, Number(body['limit'] ?? 10));
      const after = Number(body['after'] ?? 0);
      if (after + limit > 10_000) return error(res, 400, 'VALIDATION_ERROR', 'Paging beyond 10,000 results is not supported');
      const filters = ((body['filterGroups'] ?? []) as { filters: { propertyName: string; operator: string; value: string }[] }[])[0]?.filters ?? [];
      const matches = sortedIds(map).filter((id) =>
        filters.every((f) => {
          const value = f.propertyName === 'hs_object_id' ? Number(id) : f.propertyName === 'hs_lastmodifieddate' ? (map.get(id) as FakeRecord).updatedAt : Number((map.get(id) as FakeRecord).properties[f.propertyName]);
          const target = Number(f.value);
          return f.operator === 'GT' ? value > target : f.operator === 'GTE' ? value >= target : f.operator === 'EQ' ? value === target : true;
        }),
      );
      const props = (body['properties'] ?? []) as string[];
      const page = matches.slice(after, after + limit);
      return send(res, 200, {
        total: matches.length,
        results: page.map((id) => ({ id, properties: pick(map.get(id) as FakeRecord, props), createdAt: '2024-01-01T00:00:00.000Z', updatedAt: new Date((map.get(id) as FakeRecord).updatedAt).toISOString(), archived: false })),
        ...(after + limit < matches.length ? { paging: { next: { after: String(after + limit) } } } : {}),
      });
    }
    m = /^\/crm\/properties\/2026-09\/(contacts|companies)(\/groups)?$/.exec(url.pathname);
    if (m) {
      const object = m[1] as 'contacts';
      if (m[2] !== undefined) {
        const name = String(body['name']);
        if (groups[object].has(name)) return error(res, 409, 'CONFLICT', `A property group named ${name} already exists.`);
        groups[object].add(name);
        return send(res, 201, { name, label: body['label'], displayOrder: body['displayOrder'] ?? -1, archived: false });
      }
      if (req.method === 'GET') return send(res, 200, { results: [...fake.properties[object].values()] }, headers);
      const name = String(body['name']);
      if (fake.properties[object].has(name)) return error(res, 409, 'OBJECT_ALREADY_EXISTS', `Object already exists: ${name}`);
      if (!groups[object].has(String(body['groupName']))) return error(res, 400, 'VALIDATION_ERROR', `group ${String(body['groupName'])} does not exist`);
      fake.properties[object].set(name, { name, type: String(body['type']), fieldType: String(body['fieldType']), groupName: String(body['groupName']), label: String(body['label']) });
      return send(res, 201, fake.properties[object].get(name), headers);
    }
    if (url.pathname === '/crm/objects/2026-09/tasks' && req.method === 'POST') {
      fake.tasks.push(body as (typeof fake.tasks)[number]);
      return send(res, 201, { id: String(fake.tasks.length), properties: body['properties'], createdAt: new Date().toISOString(), archived: false }, headers);
    }
    return error(res, 404, 'OBJECT_NOT_FOUND', `No route for ${req.method} ${url.pathname}`);
  }

  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => error(res, 500, 'INTERNAL_ERROR', String(e)));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...fake,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy(); // hung requests included
        server.close(() => resolve());
      }),
  };
}

/** Seeds a portal with n contacts that have deal rollups, like a real CRM (deterministic). */
export function seedContacts(fake: FakeHubSpot, n: number, start = Date.UTC(2026, 9, 1)): void {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 1; i <= n; i++) {
    const deals = rand() < 0.15 ? 0 : 1 + Math.floor(rand() * 12);
    const lastDay = Date.UTC(2026, 10, 1) - Math.floor(rand() * 600) * 86_400_000;
    const firstDay = lastDay - Math.floor(rand() * 700) * 86_400_000;
    fake.portal.contacts.set(String(i), {
      updatedAt: start,
      properties: {
        firstname: `Contact ${i}`,
        email: `c${i}@example.com`,
        hubspot_owner_id: String(100 + (i % 4)),
        country: ['DE', 'US', 'CN', 'FR'][i % 4] ?? 'US',
        num_associated_deals: String(deals),
        recent_deal_close_date: deals > 0 ? new Date(lastDay).toISOString() : null,
        first_deal_created_date: deals > 0 ? new Date(Math.min(firstDay, lastDay)).toISOString() : null,
        total_revenue: deals > 0 ? String(Math.round(deals * (200 + rand() * 2000))) : null,
        notes_last_contacted: new Date(lastDay + 86_400_000 * 3).toISOString(),
      },
    });
  }
}
