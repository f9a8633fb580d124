// What fitting BG/NBD and Pareto/NBD share: the weighted log-likelihood over compressed histories,
// the check that the data can support a fit, and maximum likelihood over log-parameters.
import { nelderMead, outOfBounds } from './optimize.ts';
import type { Compressed, History } from './history.ts';
import { ModelFitError, type FitFailure } from './fit-error.ts';

/** The plain weighted sum, row by row: the reference the models' fast totals must equal bit for bit (test/models/distinct.test.ts). */
export function totalLogLikelihood<P>(params: P, data: Compressed, logLikelihood: (params: P, h: History) => number): number {
  let total = 0;
  for (let i = 0; i < data.rows.length; i++) total += (data.weights[i] as number) * logLikelihood(params, data.rows[i] as History);
  return total;
}

export function fitCountModel<P extends Record<string, number>>(
  name: string,
  data: Compressed,
  /** The weighted total log-likelihood (each model's fast form of totalLogLikelihood). */
  totalOf: (params: P, data: Compressed) => number,
  fromLog: (v: number[]) => P,
  start: number[],
  /** Extra limits on the log-parameters, beyond outOfBounds. */
  outside: (v: readonly number[]) => boolean = () => false,
): { params: P; logLikelihood: number } {
  const key = `${name}\n${start.join(',')}\n${contentOf(data)}`;
  const known = fitted.get(key);
  if (known !== undefined) {
    if ('kind' in known) throw new ModelFitError(known);
    return { params: { ...(known.params as P) }, logLikelihood: known.logLikelihood };
  }
  let outcome: { params: P; logLikelihood: number };
  try {
    outcome = fitOnce(name, data, totalOf, fromLog, start, outside);
  } catch (error) {
    if (error instanceof ModelFitError) remember(key, error.failure);
    throw error;
  }
  remember(key, { params: { ...outcome.params }, logLikelihood: outcome.logLikelihood });
  return outcome;
}

/**
 * The same histories are often fitted more than once in one run (scoring as of the as-of date fits
 * the purchase models for the results and again for the learned model's features; the validation
 * split likewise at its cut-off). A fit is a pure function of the model, its start and the rows with
 * their weights, so the last few outcomes are kept, keyed by exactly that (every number in full
 * precision: equal keys mean equal data), and a repeat costs nothing. Few and bounded: a long-running
 * server keeps at most FITS_KEPT.
 */
const FITS_KEPT = 8;
const fitted = new Map<string, { params: Record<string, number>; logLikelihood: number } | FitFailure>();
const contents = new WeakMap<Compressed, string>();

/** Forgets the kept fits: for benchmarks that time a step as a fresh run would pay for it. */
export function forgetFits(): void {
  fitted.clear();
}

function contentOf(data: Compressed): string {
  let text = contents.get(data);
  if (text === undefined) {
    const parts = new Array<string>(data.rows.length);
    data.rows.forEach((h, i) => {
      parts[i] = `${h.x} ${h.tx} ${h.T} ${data.weights[i]}`;
    });
    text = parts.join(';');
    contents.set(data, text);
  }
  return text;
}

function remember(key: string, outcome: { params: Record<string, number>; logLikelihood: number } | FitFailure): void {
  fitted.delete(key);
  fitted.set(key, outcome);
  if (fitted.size > FITS_KEPT) fitted.delete(fitted.keys().next().value as string);
}

function fitOnce<P extends Record<string, number>>(
  name: string,
  data: Compressed,
  totalOf: (params: P, data: Compressed) => number,
  fromLog: (v: number[]) => P,
  start: number[],
  outside: (v: readonly number[]) => boolean,
): { params: P; logLikelihood: number } {
  const customers = data.weights.reduce((s, w) => s + w, 0);
  const repeaters = data.rows.reduce((s, h, i) => s + (h.x > 0 ? (data.weights[i] as number) : 0), 0);
  if (customers < 20 || repeaters < 10) {
    throw new ModelFitError({ kind: 'fewCustomers', model: name, customers, repeaters });
  }
  // The mean, not the sum, keeps the optimizer's tolerances meaningful at any data size.
  const best = nelderMead((v) => (outOfBounds(v) || outside(v) ? Infinity : -totalOf(fromLog(v), data) / customers), start);
  const params = fromLog(best.point);
  const total = totalOf(params, data);
  if (!Number.isFinite(total) || Object.values(params).some((v) => !Number.isFinite(v) || v <= 0 || v > 1e6)) {
    throw new ModelFitError({ kind: 'diverged', model: name });
  }
  return { params, logLikelihood: total };
}
