// What fitting BG/NBD and Pareto/NBD share: the weighted log-likelihood over compressed histories,
// the check that the data can support a fit, and maximum likelihood over log-parameters.
import { nelderMead, outOfBounds } from './optimize.ts';
import type { Compressed, History } from './history.ts';
import { ModelFitError } from './fit-error.ts';

export function totalLogLikelihood<P>(params: P, data: Compressed, logLikelihood: (params: P, h: History) => number): number {
  let total = 0;
  for (let i = 0; i < data.rows.length; i++) total += (data.weights[i] as number) * logLikelihood(params, data.rows[i] as History);
  return total;
}

export function fitCountModel<P extends Record<string, number>>(
  name: string,
  data: Compressed,
  logLikelihood: (params: P, h: History) => number,
  fromLog: (v: number[]) => P,
  start: number[],
  /** Extra limits on the log-parameters, beyond outOfBounds. */
  outside: (v: readonly number[]) => boolean = () => false,
): { params: P; logLikelihood: number } {
  const customers = data.weights.reduce((s, w) => s + w, 0);
  const repeaters = data.rows.reduce((s, h, i) => s + (h.x > 0 ? (data.weights[i] as number) : 0), 0);
  if (customers < 20 || repeaters < 10) {
    throw new ModelFitError(`${name} needs at least 20 customers and 10 who bought more than once; got ${customers} customers, ${repeaters} repeat buyers`);
  }
  // The mean, not the sum, keeps the optimizer's tolerances meaningful at any data size.
  const best = nelderMead((v) => (outOfBounds(v) || outside(v) ? Infinity : -totalLogLikelihood(fromLog(v), data, logLikelihood) / customers), start);
  const params = fromLog(best.point);
  const total = totalLogLikelihood(params, data, logLikelihood);
  if (!Number.isFinite(total) || Object.values(params).some((v) => !Number.isFinite(v) || v <= 0 || v > 1e6)) {
    throw new ModelFitError(`${name} did not converge on this data (the parameters ran away); the histories may be too short or too uniform`);
  }
  return { params, logLikelihood: total };
}
