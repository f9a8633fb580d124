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

/** How many values lie strictly below each value, by counting: for whole numbers in a small range (days, orders). */
function countsBelowByTally(values: Float64Array, min: number, range: number): Int32Array {
  const tally = new Int32Array(range + 1);
  for (let i = 0; i < values.length; i++) {
    const slot = (values[i] as number) - min;
    tally[slot] = (tally[slot] as number) + 1;
  }
  // tally[v] becomes the number of values below v.
  let below = 0;
  for (let v = 0; v <= range; v++) {
    const here = tally[v] as number;
    tally[v] = below;
    below += here;
  }
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = tally[(values[i] as number) - min] as number;
  return out;
}

/** Values as whole numbers (days, orders, or money in cents) when their range is small enough to tally. */
function asWholeNumbers(values: Float64Array): { whole: Float64Array; min: number; range: number } | null {
  for (const scale of [1, 100]) {
    const whole = new Float64Array(values.length);
    let min = Infinity;
    let max = -Infinity;
    let ok = true;
    for (let i = 0; i < values.length && ok; i++) {
      const value = values[i] as number;
      const v = Math.round(value * scale);
      // Exact round trip only, so two different amounts can never share a whole number.
      if (v / scale !== value || !Number.isSafeInteger(v)) ok = false;
      whole[i] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (ok && max - min <= Math.max(4 * values.length, 1 << 24)) return { whole, min, range: max - min };
  }
  return null;
}

/** Quantile scores where a higher value is better (for R pass the last purchase day: later is better). */
export function quantileScores(values: Float64Array): Uint8Array {
  const n = values.length;
  const whole = n > 0 ? asWholeNumbers(values) : null;
  if (whole !== null) {
    const below = countsBelowByTally(whole.whole, whole.min, whole.range);
    const scores = new Uint8Array(n);
    for (let i = 0; i < n; i++) scores[i] = 1 + Math.floor((5 * (below[i] as number)) / n);
    return scores;
  }
  const sorted = sortedCopy(values);
  const scores = new Uint8Array(n);
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

export function scoreRfm(input: RfmInput, asOfDay: number, options: Options['rfm']): RfmScores {
  if (options.method === 'quantile') {
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
