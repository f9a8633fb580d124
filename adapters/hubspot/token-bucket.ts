// A token bucket per portal: HubSpot's limits are per installing account (110 requests per 10 s for
// marketplace apps; 100 or 190 for private apps; search 5 per second). The clock is injectable so
// tests and benchmarks can run hours of traffic in simulated time.

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A clock that only moves when someone sleeps: deterministic, instant. */
export function simulatedClock(start = 0): Clock & { elapsed(): number } {
  let t = start;
  return {
    now: () => t,
    sleep: async (ms) => {
      t += Math.max(0, ms);
    },
    elapsed: () => t - start,
  };
}

/**
 * At most `capacity` requests in any `intervalMs` window, as HubSpot counts them ("ten-secondly
 * rolling"): the times of the last `capacity` requests are kept, and a request waits until the oldest
 * of them has left the window. (A refilling token bucket would let a second burst in too early.)
 */
export class TokenBucket {
  private readonly sent: number[];
  private next = 0;
  private readonly intervalMs: number;
  private readonly clock: Clock;

  constructor(capacity: number, intervalMs: number, clock: Clock) {
    this.sent = new Array<number>(capacity).fill(-Infinity);
    this.intervalMs = intervalMs;
    this.clock = clock;
  }

  /** Waits until a request may go, and counts it. */
  async take(): Promise<void> {
    const oldest = this.sent[this.next] as number;
    const wait = oldest + this.intervalMs - this.clock.now();
    if (wait > 0) await this.clock.sleep(wait);
    this.sent[this.next] = this.clock.now();
    this.next = (this.next + 1) % this.sent.length;
  }

  /** After a 429: the server says the window is spent, so wait a whole window from now. */
  drain(): void {
    const now = this.clock.now();
    this.sent.fill(now);
  }
}

/**
 * HubSpot counts the ten-secondly burst per installing account and search per account
 * (usage guidelines), so one portal's syncs (contacts and companies, CLI or app) share one limiter.
 * The defaults leave a margin under the published 110 per 10 s and 5 per second: request times seen
 * by HubSpot differ from ours by network jitter, and a strict count would answer 429 at exactly 110.
 */
export interface RateLimiter {
  take(kind: 'general' | 'search'): Promise<void>;
  /** HubSpot answered 429: treat its window as spent. */
  drain(kind: 'general' | 'search'): void;
}

export const DEFAULT_BURST_PER_10S = 100;
export const DEFAULT_SEARCH_PER_SECOND = 4;

export function portalLimiter(clock: Clock, options: { burstPer10s?: number; searchPerSecond?: number } = {}): RateLimiter {
  const general = new TokenBucket(options.burstPer10s ?? DEFAULT_BURST_PER_10S, 10_000, clock);
  const search = new TokenBucket(options.searchPerSecond ?? DEFAULT_SEARCH_PER_SECOND, 1_000, clock);
  return {
    take: (kind) => (kind === 'search' ? search : general).take(),
    drain: (kind) => (kind === 'search' ? search : general).drain(),
  };
}
