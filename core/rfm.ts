// R, F and M scores 1-5 (DESIGN.md): score = 1 + floor(5 × w / N), where w counts the scored
// customers with a strictly worse value. Equal values share a score and input order never matters.
import type { Options } from './schema/options.ts';

/** Sorted copy, for counting how many values lie strictly below a given one. */
function sortedCopy(values: Float64Array): Float64Array {
  return Float64Array.from(values).sort();
}

/** Number of entries in `sorted` strictly below `value` (lower bound). */
function countBelow(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The scale (1 for days and orders, 100 for money in cents) at which every value is a whole number
 * in a range small enough to tally, with the smallest of them; null when there is none.
 * Nothing is allocated: the large arrays here would make V8 collect its whole heap early.
 */
function wholeScale(values: Float64Array): { scale: number; min: number; range: number } | null {
  for (const scale of [1, 100]) {
    let min = Infinity;
    let max = -Infinity;
    let ok = true;
    for (let i = 0; i < values.length && ok; i++) {
      const value = values[i] as number;
      const v = Math.round(value * scale);
      // Exact round trip only, so two different amounts can never share a whole number.
      if (v / scale !== value || !Number.isSafeInteger(v)) ok = false;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (ok && max - min <= Math.max(4 * values.length, 1 << 24)) return { scale, min, range: max - min };
  }
  return null;
}

/** Quantile scores where a higher value is better (for R pass the last purchase day: later is better). */
export function quantileScores(values: Float64Array): Uint8Array {
  const n = values.length;
  const scores = new Uint8Array(n);
  const whole = n > 0 ? wholeScale(values) : null;
  if (whole !== null) {
    // Tally each whole number, then turn the tally into "how many lie below" in place.
    const { scale, min, range } = whole;
    const below = new Int32Array(range + 1);
    for (let i = 0; i < n; i++) {
      const slot = Math.round((values[i] as number) * scale) - min;
      below[slot] = (below[slot] as number) + 1;
    }
    let count = 0;
    for (let v = 0; v <= range; v++) {
      const here = below[v] as number;
      below[v] = count;
      count += here;
    }
    for (let i = 0; i < n; i++) {
      const worse = below[Math.round((values[i] as number) * scale) - min] as number;
      scores[i] = 1 + Math.floor((5 * worse) / n);
    }
    return scores;
  }
  const sorted = sortedCopy(values);
  for (let i = 0; i < n; i++) {
    const worse = countBelow(sorted, values[i] as number);
    scores[i] = 1 + Math.floor((5 * worse) / n);
  }
  return scores;
}

/** Fixed-threshold score where a higher value is better: 1 + the number of cut points at or below it. */
export function thresholdScore(value: number, cuts: readonly number[]): number {
  let score = 1;
  for (const cut of cuts) if (value >= cut) score++;
  return score;
}

/** Fixed-threshold R: at most cuts[0] days since the last purchase is R5, ... more than cuts[3] is R1. */
export function recencyThresholdScore(daysSince: number, cuts: readonly number[]): number {
  let score = 5;
  for (const cut of cuts) if (daysSince > cut) score--;
  return score;
}

export interface RfmInput {
  lastDay: Float64Array;
  orders: Float64Array;
  spend: Float64Array;
}

export interface RfmScores {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
}

/**
 * The method actually used for `scorable` customers: quantiles only when there are at least
 * rfm.minCustomers of them (DESIGN.md); below that, ranks among a handful of customers would call
 * someone who bought last week the worst recency of the table.
 */
export function rfmMethodFor(scorable: number, options: Options['rfm']): 'quantile' | 'fixed' {
  return options.method === 'quantile' && scorable >= options.minCustomers ? 'quantile' : 'fixed';
}

export function scoreRfm(input: RfmInput, asOfDay: number, options: Options['rfm']): RfmScores {
  if (rfmMethodFor(input.lastDay.length, options) === 'quantile') {
    return { r: quantileScores(input.lastDay), f: quantileScores(input.orders), m: quantileScores(input.spend) };
  }
  const n = input.lastDay.length;
  const scores: RfmScores = { r: new Uint8Array(n), f: new Uint8Array(n), m: new Uint8Array(n) };
  const { recencyDays, orders, spend } = options.fixed;
  for (let i = 0; i < n; i++) {
    scores.r[i] = recencyThresholdScore(asOfDay - (input.lastDay[i] as number), recencyDays);
    scores.f[i] = thresholdScore(input.orders[i] as number, orders);
    scores.m[i] = thresholdScore(input.spend[i] as number, spend);
  }
  return scores;
}
