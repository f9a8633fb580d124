// Every request to HubSpot goes through here: the real @hubspot/api-client sends it (apiRequest, so the
// date-versioned paths can be used), and we own what its built-in retry and limiter do not: a token
// bucket per portal (search has its own), a timeout, jittered backoff on 429 TEN_SECONDLY_ROLLING and
// 5xx, a clean stop on the DAILY limit, and every response parsed with zod.
import { Client } from '@hubspot/api-client';
import type { z } from 'zod';
import { ErrorBodySchema, type ErrorBody } from './api.ts';
import { TokenBucket, realClock, type Clock } from './token-bucket.ts';

export interface TransportOptions {
  accessToken: string;
  /** HUBSPOT_BASE_URL: tests point the real client at a local server. */
  basePath?: string;
  /** Requests per 10 s: 110 for marketplace apps, 100 or 190 for private apps. */
  burstPer10s?: number;
  searchPerSecond?: number;
  timeoutMs?: number;
  maxAttempts?: number;
  clock?: Clock;
  /** Deterministic jitter for tests; Math.random by default. */
  random?: () => number;
}

/** A request HubSpot answered with an error we do not retry, with what HubSpot said. */
export class HubSpotError extends Error {
  override name = 'HubSpotError';
  readonly status: number;
  readonly body: ErrorBody;
  constructor(status: number, body: ErrorBody, what: string) {
    super(`${what}: HubSpot answered ${status}${body.category ? ` ${body.category}` : ''}: ${body.message ?? 'no message'}${body.correlationId ? ` (correlationId ${body.correlationId})` : ''}`);
    this.status = status;
    this.body = body;
  }
}

/** The portal's daily request limit is used up: stop, and say when to try again. */
export class DailyLimitError extends HubSpotError {
  override name = 'DailyLimitError';
}

export interface Counters {
  requests: number;
  retries: number;
  rateLimited: number;
  timeouts: number;
}

export class Transport {
  readonly counters: Counters = { requests: 0, retries: 0, rateLimited: 0, timeouts: 0 };
  private readonly client: Client;
  private readonly bucket: TokenBucket;
  private readonly searchBucket: TokenBucket;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly clock: Clock;
  private readonly random: () => number;

  constructor(options: TransportOptions) {
    this.clock = options.clock ?? realClock;
    // numberOfApiCallRetries 1 = a single attempt: retries are ours (the client's are process-wide).
    this.client = new Client({ accessToken: options.accessToken, basePath: options.basePath ?? 'https://api.hubapi.com', numberOfApiCallRetries: 1 });
    this.bucket = new TokenBucket(options.burstPer10s ?? 110, 10_000, this.clock);
    this.searchBucket = new TokenBucket(options.searchPerSecond ?? 5, 1_000, this.clock);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxAttempts = options.maxAttempts ?? 6;
    this.random = options.random ?? Math.random;
  }

  /** The transport's clock (simulated in tests and benchmarks). */
  now(): number {
    return this.clock.now();
  }

  /** Sends one request and parses the answer; `accept` lists non-2xx statuses the caller handles (e.g. 409). */
  async request<S extends z.ZodType>(
    what: string,
    init: { method: string; path: string; body?: unknown; qs?: Record<string, string>; search?: boolean },
    schema: S,
    accept: readonly number[] = [],
  ): Promise<{ status: number; body: z.output<S> | null; error: ErrorBody | null }> {
    for (let attempt = 1; ; attempt++) {
      await (init.search ? this.searchBucket : this.bucket).take();
      this.counters.requests++;
      const outcome = await this.send(init);
      if (outcome === 'timeout') {
        this.counters.timeouts++;
        if (attempt >= this.maxAttempts) throw new Error(`${what}: HubSpot did not answer within ${this.timeoutMs} ms, ${attempt} times; check status.hubspot.com and run again (the sync resumes)`);
        await this.backoff(attempt);
        continue;
      }
      const { status, json } = outcome;
      if (status >= 200 && status < 300) return { status, body: schema.parse(json), error: null };
      const error = ErrorBodySchema.catch({}).parse(json ?? {});
      if (status === 429) {
        this.counters.rateLimited++;
        if (error.policyName === 'DAILY') throw new DailyLimitError(status, error, `${what}: the portal's daily API limit is used up; run again after midnight (portal time)`);
        (init.search ? this.searchBucket : this.bucket).drain();
      }
      const retryable = status === 429 || status >= 500;
      if (retryable && attempt < this.maxAttempts) {
        this.counters.retries++;
        await this.backoff(attempt);
        continue;
      }
      if (accept.includes(status)) return { status, body: null, error };
      throw new HubSpotError(status, error, what);
    }
  }

  private async send(init: { method: string; path: string; body?: unknown; qs?: Record<string, string> }): Promise<{ status: number; json: unknown } | 'timeout'> {
    const call = (async () => {
      const response = await this.client.apiRequest({ method: init.method, path: init.path, body: init.body, ...(init.qs ? { qs: init.qs } : {}) });
      const text = await response.text();
      let json: unknown = null;
      if (text !== '') {
        try {
          json = JSON.parse(text);
        } catch {
          json = { message: text.slice(0, 200) }; // a proxy's HTML error page: keep its start as the message
        }
      }
      return { status: response.status, json };
    })();
    // The client has no timeout (hubspot-api-nodejs #387); a hung request is abandoned, not awaited.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
    });
    try {
      return await Promise.race([call, timeout]);
    } finally {
      clearTimeout(timer);
      call.catch(() => undefined); // an abandoned request may still fail later; nobody is waiting for it
    }
  }

  /** Exponential backoff with full jitter: 0.5-1 × 500 ms × 2^(attempt-1), at most 20 s. */
  private async backoff(attempt: number): Promise<void> {
    const base = Math.min(20_000, 500 * 2 ** (attempt - 1));
    await this.clock.sleep(base * (0.5 + 0.5 * this.random()));
  }
}
