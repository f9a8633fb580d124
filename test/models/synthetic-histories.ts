// Order histories with a known truth, for tests and bench/cases/churn-*.ts. Deterministic (seeded).
import type { Order } from '../../core/schema/order.ts';
import { dayNumber, isoFromDayNumber } from '../../core/dates.ts';
import { random } from '../../bench/synthetic.ts';

export { random };

const exponential = (rand: () => number, rate: number) => -Math.log(1 - rand()) / rate;

/** Gamma(shape, 1) by Marsaglia & Tsang (shape < 1 boosted by U^(1/shape)). */
export function gamma(rand: () => number, shape: number): number {
  if (shape < 1) return gamma(rand, shape + 1) * Math.pow(rand(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      // Box–Muller normal.
      x = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rand();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

const order = (id: string, day: number, amount: number): Order => ({
  customerId: id, date: isoFromDayNumber(day), amount, name: null, email: null, region: null, owner: null,
});

/**
 * Christmas shoppers who never leave: each buys only from 15 November to 20 December, one to a few
 * times every season, having started in the 2009 or 2010 season. As of just after the 2011 season
 * nobody has left, so a purchase model has no dropout to find: its fit runs to the no-dropout
 * boundary (BG/NBD a → 0), as on the real online-retail history of issue 15.
 */
export function seasonalOrders(customers: number, seed = 1): { orders: Order[]; asOf: string } {
  const rand = random(seed);
  const asOf = '2011-12-21';
  const orders: Order[] = [];
  for (let c = 0; c < customers; c++) {
    const id = `S${String(c + 1).padStart(5, '0')}`;
    const rate = 0.5 + gamma(rand, 2) * 0.5; // extra purchases a season, beyond the one
    for (let year = rand() < 0.5 ? 2009 : 2010; year <= 2011; year++) {
      const seasonStart = dayNumber(`${year}-11-15`);
      let extra = 0;
      for (let t = exponential(rand, rate); t < 1; t += exponential(rand, rate)) extra++;
      const days = new Set<number>();
      for (let k = 0; k <= extra; k++) days.add(seasonStart + Math.floor(rand() * 36));
      for (const day of [...days].sort((a, b) => a - b)) orders.push(order(id, day, 20 + Math.round(rand() * 80)));
    }
  }
  return { orders, asOf };
}

export interface ParetoNbdTruth {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/**
 * Pareto/NBD customers (Schmittlein et al. 1987) with rates per week: each has a purchase rate
 * λ ~ Gamma(r, α) and a lifetime ~ Exp(μ), μ ~ Gamma(s, β); first purchases spread over
 * `acquisitionWeeks`. Returns the orders up to `until` and who was truly alive at `asOf`.
 */
export function paretoNbdOrders(
  customers: number,
  truth: ParetoNbdTruth,
  opts: { seed?: number; start: string; acquisitionWeeks: number; asOf: string; until: string },
): { orders: Order[]; aliveAtAsOf: Map<string, boolean> } {
  const rand = random(opts.seed ?? 7);
  const start = dayNumber(opts.start);
  const asOf = dayNumber(opts.asOf);
  const until = dayNumber(opts.until);
  const orders: Order[] = [];
  const aliveAtAsOf = new Map<string, boolean>();
  for (let c = 0; c < customers; c++) {
    const id = `P${String(c + 1).padStart(6, '0')}`;
    const lambda = gamma(rand, truth.r) / truth.alpha / 7; // per day
    const mu = gamma(rand, truth.s) / truth.beta / 7;
    let day = start + rand() * opts.acquisitionWeeks * 7;
    const death = day + exponential(rand, mu);
    const spend = 10 + gamma(rand, 2) * 20;
    orders.push(order(id, Math.floor(day), Math.round(spend * 100) / 100));
    for (;;) {
      day += exponential(rand, Math.max(lambda, 1e-9));
      if (day > death || day > until) break;
      orders.push(order(id, Math.floor(day), Math.round(spend * (0.5 + rand()) * 100) / 100));
    }
    if (Math.floor(start + 0) <= asOf) aliveAtAsOf.set(id, death > asOf);
  }
  return { orders, aliveAtAsOf };
}
