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

export class TokenBucket {
  private tokens: number;
  private updated: number;
  private readonly capacity: number;
  private readonly refillPerMs: number;
  private readonly clock: Clock;

  /** `capacity` requests per `intervalMs`, refilled continuously. */
  constructor(capacity: number, intervalMs: number, clock: Clock) {
    this.capacity = capacity;
    this.refillPerMs = capacity / intervalMs;
    this.clock = clock;
    this.tokens = capacity;
    this.updated = clock.now();
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.updated) * this.refillPerMs);
    this.updated = now;
  }

  /** Waits until a request may go. */
  async take(): Promise<void> {
    for (;;) {
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.clock.sleep(Math.ceil((1 - this.tokens) / this.refillPerMs));
    }
  }

  /** After a 429: the server says the window is spent, so empty the bucket. */
  drain(): void {
    this.refill();
    this.tokens = 0;
  }
}
