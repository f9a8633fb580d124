// Every request to HubSpot goes through here. The real @hubspot/api-client builds each request (URL,
// Bearer auth, headers, JSON body: its `Request`, as `apiRequest` does, so the date-versioned paths
// can be used) and we send it with fetch as SDK 14 does, adding what the SDK lacks: an AbortSignal
// timeout (it has none, hubspot-api-nodejs #387, so a hung request kept the process alive), a
// per-portal limiter, a token provider per portal, jittered retries on 429 TEN_SECONDLY_ROLLING, 5xx,
// network errors and answers of the wrong shape, a clean stop on the DAILY limit, and every answer
// parsed with zod. Failures end as one sentence: no stack, no ZodError, at most a line of HTML.
import { Request as HubSpotRequest } from '@hubspot/api-client/lib/src/services/http/Request.js';
import type { z } from 'zod';
import { ErrorBodySchema, type ErrorBody } from './api.ts';
import { portalLimiter, realClock, type Clock, type RateLimiter } from './token-bucket.ts';
import { fixedToken, type TokenProvider } from './token-provider.ts';
import { describeAnswer, missingScopes } from './answer-text.ts';

export interface TransportOptions {
  /** Where the access token comes from: `fixedToken(t)` for a private app, an OAuth provider in the app. */
  tokens: TokenProvider;
  /** HUBSPOT_BASE_URL: tests point the client at a local server. */
  basePath?: string;
  /** One per portal, shared by every sync of that portal; by default a new one with HubSpot's limits less a margin. */
  limiter?: RateLimiter;
  /** Used only without `limiter`: requests per 10 s (default 100, under the marketplace 110). */
  burstPer10s?: number;
  searchPerSecond?: number;
  /** Real milliseconds before a request is aborted (a network timeout is not simulated). */
  timeoutMs?: number;
  maxAttempts?: number;
  clock?: Clock;
  /** Deterministic jitter for tests; Math.random by default. */
  random?: () => number;
}

/** A request HubSpot answered with an error we do not retry (or kept answering), with what HubSpot said. */
export class HubSpotError extends Error {
  override name = 'HubSpotError';
  readonly status: number;
  readonly body: ErrorBody;
  constructor(status: number, body: ErrorBody, what: string) {
    const scopes = status === 403 ? missingScopes(body) : [];
    const said = scopes.length > 0 ? `the token lacks the scope ${scopes.join(' or ')}; grant it to the app and run again` : (body.message ?? 'no message');
    const advice = status >= 500 ? ', every attempt; try again later (the sync resumes)' : '';
    super(`${what}: HubSpot answered ${status}${body.category ? ` ${body.category}` : ''}: ${said}${body.correlationId ? ` (correlationId ${body.correlationId})` : ''}${advice}`);
    this.status = status;
    this.body = body;
  }
}

/** The portal's daily request limit is used up: stop, and say when to try again. */
export class DailyLimitError extends HubSpotError {
  override name = 'DailyLimitError';
}

/** HubSpot could not be reached or kept not answering (timeouts, connection resets), every attempt. */
export class UnreachableError extends Error {
  override name = 'UnreachableError';
}

/**
 * A request that must not be sent twice (it creates something) had its answer lost (timeout, reset,
 * 5xx, a page that is not HubSpot's): HubSpot may or may not have done it.
 */
export class UncertainOutcomeError extends Error {
  override name = 'UncertainOutcomeError';
}

/** HubSpot kept answering 2xx with something that is not the documented answer (a proxy's page, `{}`). */
export class UnexpectedAnswerError extends Error {
  override name = 'UnexpectedAnswerError';
}

export interface Counters {
  requests: number;
  /** Of which search requests (their own limit: 5 per second per account). */
  searches: number;
  retries: number;
  rateLimited: number;
  timeouts: number;
  networkErrors: number;
  unexpectedAnswers: number;
}

type Outcome = { kind: 'answer'; status: number; text: string; remaining: string | null; date: string | null } | { kind: 'timeout' } | { kind: 'network'; message: string };

export interface RequestInit {
  method: string;
  path: string;
  body?: unknown;
  qs?: Record<string, string>;
  /** Counted against the search limit (5 per second) instead of the ten-secondly one. */
  search?: boolean;
  /** It creates something: an answer lost after sending is not retried (UncertainOutcomeError). */
  createsSomething?: boolean;
}

export class Transport {
  readonly counters: Counters = { requests: 0, searches: 0, retries: 0, rateLimited: 0, timeouts: 0, networkErrors: 0, unexpectedAnswers: 0 };
  private readonly tokens: TokenProvider;
  private readonly basePath: string;
  private readonly limiter: RateLimiter;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly clock: Clock;
  private readonly random: () => number;
  private lastAnswerDate: number | null = null;

  constructor(options: TransportOptions) {
    this.clock = options.clock ?? realClock;
    this.tokens = options.tokens;
    this.basePath = options.basePath ?? 'https://api.hubapi.com';
    this.limiter = options.limiter ?? portalLimiter(this.clock, { ...(options.burstPer10s ? { burstPer10s: options.burstPer10s } : {}), ...(options.searchPerSecond ? { searchPerSecond: options.searchPerSecond } : {}) });
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxAttempts = options.maxAttempts ?? 6;
    this.random = options.random ?? Math.random;
  }

  /** A transport with one fixed token (the CLI's private-app token). */
  static withToken(token: string, options: Omit<TransportOptions, 'tokens'> = {}): Transport {
    return new Transport({ ...options, tokens: fixedToken(token) });
  }

  /**
   * HubSpot's own time when it answered the last request (its Date header, to the second), or null
   * when the answer had none: start points compared with HubSpot's modification dates use HubSpot's
   * clock, so a machine whose clock runs ahead does not skip edits.
   */
  hubSpotTimeOfLastAnswer(): number | null {
    return this.lastAnswerDate;
  }

  /** The transport's clock (simulated in tests and benchmarks). */
  now(): number {
    return this.clock.now();
  }

  /**
   * Sends one request and parses a 2xx answer with `schema`; `accept` lists error statuses the caller
   * handles itself (e.g. 409, or 4xx on a batch it will split), returned with HubSpot's error body.
   */
  async request<S extends z.ZodType>(what: string, init: RequestInit, schema: S, accept: readonly number[] = []): Promise<{ status: number; body: z.output<S> | null; error: ErrorBody | null }> {
    const kind = init.search ? 'search' : 'general';
    let askedForNewToken = false;
    for (let attempt = 1; ; attempt++) {
      await this.limiter.take(kind);
      const token = await this.tokens.accessToken();
      this.counters.requests++;
      if (kind === 'search') this.counters.searches++;
      const outcome = await this.send(init, token);
      const last = attempt >= this.maxAttempts;
      if (outcome.kind === 'timeout' || outcome.kind === 'network') {
        if (outcome.kind === 'timeout') this.counters.timeouts++;
        else this.counters.networkErrors++;
        if (init.createsSomething) throw new UncertainOutcomeError(`${what}: ${outcome.kind === 'timeout' ? `no answer within ${this.timeoutMs} ms` : `the connection failed (${outcome.message})`}`);
        if (last) {
          const why = outcome.kind === 'timeout' ? `did not answer within ${this.timeoutMs} ms` : `could not be reached (${outcome.message})`;
          throw new UnreachableError(`${what}: HubSpot ${why}, ${attempt} times; check your connection and status.hubspot.com, then run again (the sync resumes)`);
        }
        await this.retry(attempt);
        continue;
      }
      const { status, text } = outcome;
      const date = outcome.date === null ? NaN : Date.parse(outcome.date);
      this.lastAnswerDate = Number.isNaN(date) ? null : date;
      // The portal's budget is shared with its other clients (X-HubSpot-RateLimit-Remaining, usage
      // guidelines): when HubSpot says none is left, wait out the window rather than earn a 429.
      if (outcome.remaining === '0') this.limiter.drain(kind);
      const json = parseJson(text);
      if (status >= 200 && status < 300) {
        const parsed = schema.safeParse(json);
        if (parsed.success) return { status, body: parsed.data, error: null };
        // A proxy's login page or `{}` with a 200 is not HubSpot's answer: nothing it claims counts.
        this.counters.unexpectedAnswers++;
        if (init.createsSomething) throw new UncertainOutcomeError(`${what}: HubSpot answered ${status} with ${describeAnswer(text)}`);
        if (last) throw new UnexpectedAnswerError(`${what}: HubSpot answered ${status} with ${describeAnswer(text)}, not the documented answer, ${attempt} times; nothing from these answers was counted; run again later (the sync resumes)`);
        await this.retry(attempt);
        continue;
      }
      const error: ErrorBody = json === undefined ? { message: describeAnswer(text) } : ErrorBodySchema.catch({}).parse(json);
      if (status === 401 && !askedForNewToken && this.tokens.onUnauthorized) {
        askedForNewToken = true;
        if ((await this.tokens.onUnauthorized(token)) === 'retry') continue;
      }
      if (status === 429) {
        this.counters.rateLimited++;
        if (error.policyName === 'DAILY') throw new DailyLimitError(status, error, `${what}: the portal's daily API limit is used up; run again after midnight (portal time)`);
        this.limiter.drain(kind);
      }
      if (status >= 500 && init.createsSomething) throw new UncertainOutcomeError(`${what}: HubSpot answered ${status}: ${error.message ?? 'no message'}`);
      if ((status === 429 || status >= 500) && !last) {
        await this.retry(attempt);
        continue;
      }
      if (accept.includes(status)) return { status, body: null, error };
      throw new HubSpotError(status, error, what);
    }
  }

  private async send(init: RequestInit, token: string): Promise<Outcome> {
    const request = new HubSpotRequest({ accessToken: token, basePath: this.basePath }, { method: init.method, path: init.path, body: init.body, ...(init.qs ? { qs: init.qs } : {}) });
    const data = request.getSendData() as { method: string; headers: Record<string, string>; body?: string };
    const controller = new AbortController();
    // Real time on purpose: a hung socket does not wait for a simulated clock.
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await fetch(request.getUrl(), { ...data, signal: controller.signal });
      const text = await response.text(); // under the same signal: a body that never ends is a timeout too
      return { kind: 'answer', status: response.status, text, remaining: response.headers.get('x-hubspot-ratelimit-remaining'), date: response.headers.get('date') };
    } catch (error) {
      if (controller.signal.aborted) return { kind: 'timeout' };
      return { kind: 'network', message: networkMessage(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  private async retry(attempt: number): Promise<void> {
    this.counters.retries++;
    // Exponential backoff with full jitter: 0.5-1 × 500 ms × 2^(attempt-1), at most 20 s.
    const base = Math.min(20_000, 500 * 2 ** (attempt - 1));
    await this.clock.sleep(base * (0.5 + 0.5 * this.random()));
  }
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined; // not JSON (an HTML page): described, never parsed
  }
}

/** fetch says "fetch failed"; the cause says what happened (ECONNRESET, ECONNREFUSED, …). */
function networkMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${cause.message}` : cause.message;
  }
  return error.message;
}
