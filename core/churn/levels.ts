// Churn levels, low to high: the words churn risk is read out in. The hand-set points use the fixed
// cut-offs in options.churn; a churn risk that is a probability (the learned model's) is levelled
// against the customers' own base rate instead, since fixed cut-offs mean nothing there: where 85% of
// customers buy nothing in a quarter anyway, 40% is a low chance, not a high one.
export const CHURN_LEVELS = ['low', 'medium', 'high'] as const;
export type ChurnLevel = (typeof CHURN_LEVELS)[number];

/** High: at least this many times the base rate's odds of no purchase; low: at most its inverse (the summary says "twice" and "half"). */
export const LEVEL_ODDS = 2;

export interface ProbabilityLevels {
  /** Mean chance of no purchase over the customers (the share expected to buy nothing: calibrated). */
  baseRate: number;
  /** Whole-point risks at or above which the level is high, and medium (the cut-offs users read). */
  highAt: number;
  mediumAt: number;
}

/**
 * Cut-offs on the odds scale around the base rate b: high from odds 2·b/(1−b), low up to half of
 * b/(1−b). Odds rather than a ratio of chances, which would not work above b = 50% (twice 70% is
 * not a chance). The base rate is kept within 1%..99% so the cut-offs stay two distinct whole points.
 */
export function probabilityLevels(probabilities: readonly number[]): ProbabilityLevels {
  let sum = 0;
  for (const p of probabilities) sum += p;
  const baseRate = probabilities.length === 0 ? 0.5 : sum / probabilities.length;
  const b = Math.min(0.99, Math.max(0.01, baseRate));
  const odds = b / (1 - b);
  const chance = (o: number) => o / (1 + o);
  // A tiny slack so a cut-off that is a whole percent in exact arithmetic is not pushed one up or down.
  const highAt = Math.min(100, Math.ceil(100 * chance(LEVEL_ODDS * odds) - 1e-9));
  const lowUpTo = Math.floor(100 * chance(odds / LEVEL_ODDS) + 1e-9);
  return { baseRate, highAt, mediumAt: Math.min(lowUpTo + 1, highAt - 1) };
}
