// A fake HubSpot for tests and benchmarks: node:http on 127.0.0.1 with an in-memory portal, speaking
// the date-versioned CRM API (2026-09) as HubSpot documents it, per object type: list with `after`
// paging, batch update (100 cap, 200 or one error for the whole batch), search (200 a page, 10,000
// results, filters only on properties the object has), properties and groups with the 2026-09
// option schema, tasks with associations, error bodies with category and correlationId, and the rate
// limits (429 with policyName and X-HubSpot-RateLimit-* headers when exceeded). Value and definition
// rules live in fake-portal-rules.ts. Faults (a proxy's pages, resets, hangs, gateways) are injectable.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../adapters/hubspot/token-bucket.ts';
import { builtInProperties, definitionProblem, LAST_MODIFIED_OF, scopeFor, valueProblem, type FakeObject, type FakeProperty } from './fake-portal-rules.ts';

export interface FakeRecord {
  properties: Record<string, string | null>;
  /** When the record last changed (epoch ms on the fake's clock): its lastmodifieddate / hs_lastmodifieddate. */
  updatedAt: number;
}

/**
 * A fault on the wire. `times` answers get it (Infinity: every one); `when` picks which requests.
 * - html200: 200 with a proxy's HTML login page; the request never reaches the portal.
 * - empty200: 200 with `{}`; the request never reaches the portal.
 * - writeThenHtml200: the portal applies the request, and the answer is replaced by an HTML page.
 * - reset: the connection is reset (TCP RST) without an answer.
 * - hang: no answer, ever.
 * - html502: a gateway's HTML 502 page.
 * - rateLimit: 429 TEN_SECONDLY_ROLLING whatever the load.
 */
export interface WireFault {
  kind: 'html200' | 'empty200' | 'writeThenHtml200' | 'reset' | 'hang' | 'html502' | 'rateLimit';
  times: number;
  when?: (request: { method: string; path: string }) => boolean;
}

export interface Faults {
  /** Share of requests answered 429 TEN_SECONDLY_ROLLING regardless of load (deterministic sequence). */
  rateLimitShare?: number;
  /** The next N requests answer 502 (JSON, as HubSpot's own edge does). */
  fail5xx?: number;
  /** The next N requests never answer. */
  hang?: number;
  /** A portal write-validation rule (2026-09 enforces them on every write): a message rejects the batch holding that record. */
  validate?: (id: string, properties: Record<string, string>) => string | null;
  /** Records deleted meanwhile: a batch holding one answers 404. */
  missing?: Set<string>;
  /** Answer every request with a DAILY 429. */
  dailyExhausted?: boolean;
}

export interface FakeHubSpot {
  url: string;
  portal: Record<FakeObject, Map<string, FakeRecord>>;
  /** Custom properties (Tierwise's among them); built-in ones are added to GET answers and known to every check. */
  properties: Record<FakeObject, Map<string, FakeProperty>>;
  groups: Record<FakeObject, Set<string>>;
  tasks: { properties: Record<string, string>; associations: unknown[] }[];
  /** Every request, with its status once answered (0: none) and the fake's clock when it arrived. */
  requests: { method: string; path: string; status: number; at: number }[];
  /** Called as each request arrives (before it is handled): tests act "at a moment" of a run. */
  onRequest: ((request: { method: string; path: string; index: number }) => void) | null;
  /** While set, requests wait for it before being handled (a slow portal, on demand). */
  hold: Promise<void> | null;
  /** Added to the Date header only: a proxy in between dating answers by its own clock. */
  dateSkewMs: number;
  faults: Faults;
  /** Wire faults, consumed in order of matching. */
  wire: WireFault[];
  /** Access tokens the portal accepts (the app may rotate them). */
  tokens: Set<string>;
  /** Scopes the token was granted; null: all. */
  scopes: Set<string> | null;
  /** Sets properties on a record as a person editing it in HubSpot would: its last-modified date moves. */
  edit(object: FakeObject, id: string, properties: Record<string, string | null>): void;
  close(): Promise<void>;
}

const LOGIN_PAGE = '<!DOCTYPE html>\n<html><head><title>Sign in to continue - Example Corp web gateway</title></head>\n<body><form method="post" action="/login"><input name="user"><input name="password" type="password"></form></body></html>\n';
const GATEWAY_PAGE = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

export async function startFakeHubSpot(options: { token?: string; burstPer10s?: number; clock?: Clock } = {}): Promise<FakeHubSpot> {
  const burst = options.burstPer10s ?? 110;
  const now = () => (options.clock ?? { now: () => Date.now() }).now();
  const window: number[] = [];
  const searchWindow: number[] = [];
  let limitedCounter = 0;

  // HTTP answers carry the server's Date (RFC 9110 §6.6.1): the portal's clock, to the second.
  const date = () => new Date(now() + fake.dateSkewMs).toUTCString();
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', date: date(), ...headers });
    res.end(JSON.stringify(body));
  };
  const sendText = (res: ServerResponse, status: number, text: string) => {
    res.writeHead(status, { 'content-type': 'text/html', date: date() });
    res.end(text);
  };
  // HubSpot's `Error` body: status, message, correlationId, category, optional errors/context (spec `Error` schema).
  const error = (res: ServerResponse, status: number, category: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    send(res, status, { status: 'error', message, correlationId: randomUUID(), category, ...extra }, headers);

  const builtIn = { contacts: new Map(builtInProperties('contacts').map((p) => [p.name, p])), companies: new Map(builtInProperties('companies').map((p) => [p.name, p])) };
  const known = (object: FakeObject, name: string): FakeProperty | undefined => fake.properties[object].get(name) ?? builtIn[object].get(name);
  const sortedIds = (map: Map<string, FakeRecord>) => [...map.keys()].sort((a, b) => Number(a) - Number(b));
  const valueOf = (object: FakeObject, id: string, r: FakeRecord, name: string): string | null => {
    if (name === LAST_MODIFIED_OF[object]) return new Date(r.updatedAt).toISOString();
    if (name === 'hs_object_id') return id;
    const v = r.properties[name];
    return v === undefined || v === '' ? null : v;
  };
  // Unknown names in `properties` are left out of the answer, as HubSpot does.
  const pick = (object: FakeObject, id: string, r: FakeRecord, props: string[]) =>
    Object.fromEntries(props.filter((p) => known(object, p) !== undefined).map((p) => [p, valueOf(object, id, r, p)]));
  const objectJson = (object: FakeObject, id: string, props: string[]) => {
    const r = fake.portal[object].get(id) as FakeRecord;
    return { id, properties: pick(object, id, r, props), createdAt: '2024-01-01T00:00:00.000Z', updatedAt: new Date(r.updatedAt).toISOString(), archived: false };
  };

  function takeWireFault(method: string, path: string): WireFault | null {
    for (const fault of fake.wire) {
      if (fault.times <= 0 || (fault.when && !fault.when({ method, path }))) continue;
      fault.times--;
      return fault;
    }
    return null;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const log = { method, path, status: 0, at: now() };
    fake.requests.push(log);
    res.on('finish', () => (log.status = res.statusCode));
    fake.onRequest?.({ method, path, index: fake.requests.length - 1 });
    if (fake.hold !== null) await fake.hold;

    const wire = takeWireFault(method, path);
    if (wire?.kind === 'reset') return void req.socket.resetAndDestroy();
    if (wire?.kind === 'hang') return; // never answers
    if (wire?.kind === 'html200') return sendText(res, 200, LOGIN_PAGE);
    if (wire?.kind === 'empty200') return send(res, 200, {});
    if (wire?.kind === 'html502') return sendText(res, 502, GATEWAY_PAGE);
    if (fake.faults.hang !== undefined && fake.faults.hang > 0) {
      fake.faults.hang--;
      return;
    }

    const authorization = req.headers.authorization ?? '';
    if (!authorization.startsWith('Bearer ') || !fake.tokens.has(authorization.slice(7))) return error(res, 401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found.');
    if (fake.faults.fail5xx !== undefined && fake.faults.fail5xx > 0) {
      fake.faults.fail5xx--;
      return error(res, 502, 'BAD_GATEWAY', 'Bad gateway');
    }
    if (fake.faults.dailyExhausted) return error(res, 429, 'RATE_LIMITS', 'You have reached your daily limit.', { errorType: 'RATE_LIMIT', policyName: 'DAILY' });

    // Limits (usage guidelines): 110 per 10 s per installing account for marketplace apps; search 5
    // per second and exempt from the ten-secondly limit (2026-09 spec x-hubspot-rate-limit-exemptions);
    // no rate-limit headers on search answers (search guide).
    const isSearch = path.endsWith('/search');
    const t = now();
    const limiter = isSearch ? searchWindow : window;
    const span = isSearch ? 1_000 : 10_000;
    const max = isSearch ? 5 : burst;
    while (limiter.length > 0 && (limiter[0] as number) <= t - span) limiter.shift();
    const share = fake.faults.rateLimitShare ?? 0;
    const injected = wire?.kind === 'rateLimit' || (share > 0 && ((limitedCounter++ * share) % 1) + share >= 1);
    const headers: Record<string, string> = isSearch ? {} : { 'X-HubSpot-RateLimit-Max': String(max), 'X-HubSpot-RateLimit-Remaining': String(Math.max(0, max - limiter.length - 1)), 'X-HubSpot-RateLimit-Interval-Milliseconds': String(span) };
    if (limiter.length >= max || injected) {
      return error(res, 429, 'RATE_LIMITS', isSearch ? 'You have reached your secondly limit.' : 'You have reached your ten_secondly_rolling limit.', { errorType: 'RATE_LIMIT', policyName: isSearch ? 'SECONDLY' : 'TEN_SECONDLY_ROLLING' }, headers);
    }
    limiter.push(t);

    const scope = scopeFor(method, path);
    if (scope !== null && fake.scopes !== null && !fake.scopes.has(scope)) {
      // Shape seen from live portals: category MISSING_SCOPES, errors[].context.requiredGranularScopes.
      return error(res, 403, 'MISSING_SCOPES', "This app hasn't been granted all required scopes to make this call.", { errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: [scope] } }] });
    }
    let body: Record<string, unknown> = {};
    if (text !== '') {
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return error(res, 400, 'VALIDATION_ERROR', 'Invalid input JSON: the body could not be parsed');
      }
    }
    const answer = (status: number, json: unknown) => (wire?.kind === 'writeThenHtml200' ? sendText(res, 200, LOGIN_PAGE) : send(res, status, json, headers));

    let m = /^\/crm\/objects\/2026-09\/(contacts|companies)$/.exec(path);
    if (m && method === 'GET') {
      const object = m[1] as FakeObject;
      // List: limit defaults to 10, at most 100 (spec); `after` is an opaque cursor.
      const limit = Number(url.searchParams.get('limit') ?? 10);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) return error(res, 400, 'VALIDATION_ERROR', `limit must be between 1 and 100, not ${url.searchParams.get('limit')}`);
      const after = Number(url.searchParams.get('after') ?? 0);
      const props = (url.searchParams.get('properties') ?? '').split(',').filter(Boolean);
      const ids = sortedIds(fake.portal[object]).slice(after, after + limit);
      return send(res, 200, { results: ids.map((id) => objectJson(object, id, props)), ...(after + limit < fake.portal[object].size ? { paging: { next: { after: String(after + limit) } } } : {}) }, headers);
    }

    m = /^\/crm\/objects\/2026-09\/(contacts|companies)\/batch\/update$/.exec(path);
    if (m && method === 'POST') {
      const object = m[1] as FakeObject;
      const map = fake.portal[object];
      const inputs = (body['inputs'] ?? []) as { id: string; properties: Record<string, unknown> }[];
      // "Batch operations are limited to 100 records at a time" (contacts guide / usage guidelines).
      if (inputs.length > 100) return error(res, 400, 'VALIDATION_ERROR', `Batch size ${inputs.length} exceeds the limit of 100`);
      const ids = inputs.map((i) => i.id);
      if (new Set(ids).size !== ids.length) return error(res, 400, 'VALIDATION_ERROR', 'Duplicate IDs found in batch input');
      // 2026-09 answers 200 or one error for the whole batch (no 207, spec 2026-09 contacts.json).
      for (const input of inputs) {
        const invalid = Object.entries(input.properties).flatMap(([name, value]) => {
          const problem = valueProblem(known(object, name), name, value);
          return problem === null ? [] : [{ ...problem, context: { propertyName: [name] }, in: name }];
        });
        if (invalid.length > 0) return error(res, 400, 'VALIDATION_ERROR', 'Property values were not valid', { errors: invalid, context: { ids: [input.id] } });
      }
      const gone = inputs.filter((i) => !map.has(i.id) || fake.faults.missing?.has(i.id)).map((i) => i.id);
      if (gone.length > 0) return error(res, 404, 'OBJECT_NOT_FOUND', `Object not found: ${gone.join(', ')}`, { context: { ids: gone } });
      for (const input of inputs) {
        const rejected = fake.faults.validate?.(input.id, input.properties as Record<string, string>) ?? null;
        if (rejected !== null) return error(res, 400, 'VALIDATION_ERROR', rejected, { context: { ids: [input.id] } });
      }
      const started = new Date(now()).toISOString();
      for (const input of inputs) {
        const record = map.get(input.id) as FakeRecord;
        for (const [name, value] of Object.entries(input.properties)) record.properties[name] = value === '' ? null : (value as string);
        record.updatedAt = now();
      }
      const results = inputs.map((input) => objectJson(object, input.id, Object.keys(input.properties)));
      return answer(200, { status: 'COMPLETE', results, startedAt: started, completedAt: new Date(now()).toISOString() });
    }

    m = /^\/crm\/objects\/2026-09\/(contacts|companies)\/search$/.exec(path);
    if (m && method === 'POST') {
      const object = m[1] as FakeObject;
      const map = fake.portal[object];
      // Search guide: at most 200 a page; paging past 10,000 results answers 400; up to 5 filter groups of 6 filters, 18 in all; one sort.
      const limit = Number(body['limit'] ?? 10);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) return error(res, 400, 'VALIDATION_ERROR', `limit must be between 1 and 200`);
      const after = Number(body['after'] ?? 0);
      if (after + limit > 10_000) return error(res, 400, 'VALIDATION_ERROR', 'Paging beyond 10,000 results is not supported');
      const groups = (body['filterGroups'] ?? []) as { filters: { propertyName: string; operator: string; value?: string }[] }[];
      const filters = groups.flatMap((g) => g.filters);
      if (groups.length > 5 || groups.some((g) => g.filters.length > 6) || filters.length > 18) return error(res, 400, 'VALIDATION_ERROR', 'Too many filters: at most 5 groups of 6, 18 in all');
      const sorts = (body['sorts'] ?? []) as unknown[];
      if (sorts.length > 1) return error(res, 400, 'VALIDATION_ERROR', 'Only one sort is allowed');
      // A filter on a property the object does not have is refused (e.g. hs_lastmodifieddate on contacts).
      for (const f of filters) {
        if (known(object, f.propertyName) === undefined) return error(res, 400, 'VALIDATION_ERROR', `There was a problem with the request: property "${f.propertyName}" does not exist on ${object}`, { errors: [{ message: `Unable to find property ${f.propertyName}`, in: 'filterGroups' }] });
      }
      const asNumber = (v: string | null | undefined) => (v === null || v === undefined ? NaN : /^\d+$/.test(v) ? Number(v) : Date.parse(v));
      const matches = sortedIds(map).filter((id) =>
        groups.length === 0 ||
        groups.some((g) =>
          g.filters.every((f) => {
            const record = map.get(id) as FakeRecord;
            const value = f.propertyName === LAST_MODIFIED_OF[object] ? record.updatedAt : f.propertyName === 'hs_object_id' ? Number(id) : asNumber(valueOf(object, id, record, f.propertyName));
            const target = asNumber(f.value);
            return f.operator === 'GT' ? value > target : f.operator === 'GTE' ? value >= target : f.operator === 'LT' ? value < target : f.operator === 'LTE' ? value <= target : f.operator === 'EQ' ? value === target : false;
          }),
        ),
      );
      const props = [...new Set([...((body['properties'] ?? []) as string[]), 'createdate', 'hs_object_id', LAST_MODIFIED_OF[object]])];
      return send(res, 200, {
        total: matches.length,
        results: matches.slice(after, after + limit).map((id) => objectJson(object, id, props)),
        ...(after + limit < matches.length ? { paging: { next: { after: String(after + limit) } } } : {}),
      });
    }

    m = /^\/crm\/properties\/2026-09\/(contacts|companies)(?:\/(groups)|\/([a-z0-9_]+))?$/.exec(path);
    if (m) {
      const object = m[1] as FakeObject;
      if (m[2] !== undefined && method === 'POST') {
        const name = String(body['name']);
        // A duplicate name answers 409 (contacts v2 create-property docs; same for groups).
        if (fake.groups[object].has(name)) return error(res, 409, 'CONFLICT', `A property group named ${name} already exists.`);
        fake.groups[object].add(name);
        return send(res, 201, { name, label: body['label'], displayOrder: body['displayOrder'] ?? -1, archived: false }, headers);
      }
      if (m[3] !== undefined && method === 'PATCH') {
        const property = fake.properties[object].get(m[3]);
        if (property === undefined) return error(res, 404, 'OBJECT_NOT_FOUND', `Unable to find property ${m[3]}`);
        const problem = definitionProblem(body, false);
        if (problem !== null) return error(res, 400, 'VALIDATION_ERROR', problem);
        if (body['options'] !== undefined) property.options = body['options'] as FakeProperty['options'];
        return send(res, 200, property, headers);
      }
      if (m[2] === undefined && m[3] === undefined && method === 'GET') return send(res, 200, { results: [...builtInProperties(object), ...fake.properties[object].values()] }, headers);
      if (m[2] === undefined && m[3] === undefined && method === 'POST') {
        const problem = definitionProblem(body, true);
        if (problem !== null) return error(res, 400, 'VALIDATION_ERROR', problem);
        const name = String(body['name']);
        if (known(object, name) !== undefined) return error(res, 409, 'OBJECT_ALREADY_EXISTS', `Object already exists: ${name}`);
        if (!fake.groups[object].has(String(body['groupName']))) return error(res, 400, 'VALIDATION_ERROR', `group ${String(body['groupName'])} does not exist`);
        const property: FakeProperty = { name, label: String(body['label']), type: String(body['type']), fieldType: String(body['fieldType']), groupName: String(body['groupName']), ...(body['options'] ? { options: body['options'] as FakeProperty['options'] } : {}) };
        fake.properties[object].set(name, property);
        return send(res, 201, property, headers);
      }
    }

    if (path === '/crm/objects/2026-09/tasks' && method === 'POST') {
      fake.tasks.push(body as (typeof fake.tasks)[number]);
      return answer(201, { id: String(fake.tasks.length), properties: body['properties'], createdAt: new Date(now()).toISOString(), archived: false });
    }
    // Tasks by id (batch/read: inputs [{id}], properties; spec Tasks 2026-09); task ids are their 1-based position.
    if (path === '/crm/objects/2026-09/tasks/batch/read' && method === 'POST') {
      const inputs = (body['inputs'] ?? []) as { id: string }[];
      if (inputs.length > 100) return error(res, 400, 'VALIDATION_ERROR', `Batch size ${inputs.length} exceeds the limit of 100`);
      const props = (body['properties'] ?? []) as string[];
      const results = inputs.flatMap(({ id }) => {
        const task = fake.tasks[Number(id) - 1];
        return task === undefined ? [] : [{ id, properties: Object.fromEntries(props.map((p) => [p, task.properties[p] ?? null])), createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', archived: false }];
      });
      return send(res, 200, { status: 'COMPLETE', results, startedAt: new Date(now()).toISOString(), completedAt: new Date(now()).toISOString() }, headers);
    }
    // One record, with `associations=tasks`: the ids of its tasks, the key left out when it has none
    // (objects guide, "retrieve records": associations query parameter).
    m = /^\/crm\/objects\/2026-09\/(contacts|companies)\/(\d+)$/.exec(path);
    if (m && method === 'GET') {
      const object = m[1] as FakeObject;
      const id = m[2] as string;
      if (!fake.portal[object].has(id)) return error(res, 404, 'OBJECT_NOT_FOUND', `Object not found: ${id}`);
      const props = (url.searchParams.get('properties') ?? '').split(',').filter(Boolean);
      const wanted = (url.searchParams.get('associations') ?? '').split(',');
      const tasks = fake.tasks.flatMap((t, i) => ((t.associations as { to: { id: string } }[]).some((a) => a.to.id === id) ? [{ id: String(i + 1), type: object === 'contacts' ? 'contact_to_task' : 'company_to_task' }] : []));
      return send(res, 200, { ...objectJson(object, id, props), ...(wanted.includes('tasks') && tasks.length > 0 ? { associations: { tasks: { results: tasks } } } : {}) }, headers);
    }
    return error(res, 404, 'OBJECT_NOT_FOUND', `No route for ${method} ${path}`);
  }

  const fake: Omit<FakeHubSpot, 'url' | 'close'> = {
    portal: { contacts: new Map(), companies: new Map() },
    properties: { contacts: new Map(), companies: new Map() },
    groups: { contacts: new Set(['contactinformation']), companies: new Set(['companyinformation']) },
    tasks: [],
    requests: [],
    faults: {},
    wire: [],
    tokens: new Set([options.token ?? 'test-token']),
    scopes: null,
    onRequest: null,
    hold: null,
    dateSkewMs: 0,
    edit(object, id, properties) {
      const record = fake.portal[object].get(id);
      if (record === undefined) throw new Error(`fake: no ${object} ${id}`);
      Object.assign(record.properties, properties);
      record.updatedAt = now();
    },
  };

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
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy(); // hung requests included
        server.close(() => resolve());
      }),
  });
}

/** Seeds a portal with n contacts that have deal rollups, like a real CRM (deterministic). */
export function seedContacts(fake: FakeHubSpot, n: number, start = Date.UTC(2026, 9, 1)): void {
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
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
