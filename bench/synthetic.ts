// Deterministic synthetic customers and orders for benchmarks (a seeded PRNG, no clock).
import type { CustomerInput, Order } from '../core/index.ts';
import { isoFromDayNumber, dayNumber } from '../core/dates.ts';

/** mulberry32: small, fast, seeded. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const AS_OF = '2026-11-01';
const REGIONS = ['North', 'South', 'East', 'West', 'Central'];

export function syntheticCustomers(n: number, seed = 1): CustomerInput[] {
  const rand = random(seed);
  const asOfDay = dayNumber(AS_OF);
  const dates = Array.from({ length: 1500 }, (_, d) => isoFromDayNumber(asOfDay - d));
  const customers: CustomerInput[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const orders = 1 + Math.floor(-Math.log(1 - rand()) * 4);
    const since = Math.floor(rand() * 1400);
    const span = Math.min(1499 - since, Math.floor(rand() * 700));
    customers[i] = {
      id: `C${i}`,
      region: REGIONS[i % REGIONS.length] as string,
      firstPurchase: dates[since + (orders > 1 ? span : 0)] as string,
      lastPurchase: dates[since] as string,
      orders,
      totalSpend: Math.round(orders * (20 + rand() * 180) * 100) / 100,
      nps: rand() < 0.3 ? Math.floor(rand() * 11) : null,
      satisfaction: rand() < 0.3 ? 1 + Math.floor(rand() * 10) : null,
      askedAboutCompetitor: rand() < 0.05,
    };
  }
  return customers;
}

/**
 * n orders spread over customers (about 10 each), one at a time: a 100M-order file is written without
 * holding its orders. Ids and dates are shared like a parsed file's would be.
 */
export function* syntheticOrderStream(n: number, seed = 2): Generator<Order> {
  const rand = random(seed);
  const asOfDay = dayNumber(AS_OF);
  const customers = Math.max(1, Math.floor(n / 10));
  const ids = Array.from({ length: customers }, (_, i) => `C${i}`);
  const dates = Array.from({ length: 1100 }, (_, d) => isoFromDayNumber(asOfDay - d));
  for (let i = 0; i < n; i++) {
    const amount = rand() < 0.03 ? -Math.round(rand() * 50) : Math.round((5 + rand() * 200) * 100) / 100;
    yield {
      customerId: ids[Math.floor(rand() * customers)] as string,
      date: dates[Math.floor(rand() * 1100)] as string,
      amount,
      name: null,
      email: null,
      region: null,
      owner: null,
    };
  }
}

/** syntheticOrderStream's orders as one array. */
export function syntheticOrders(n: number, seed = 2): Order[] {
  return [...syntheticOrderStream(n, seed)];
}
