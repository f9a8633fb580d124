// Does the order history say anything about customers leaving? Both BG/NBD and Pareto/NBD contain
// the plain NBD (everyone buys at their own rate forever, nobody leaves) as the limit where the
// dropout parameters run to the boundary (BG/NBD a → 0 or b → ∞; Pareto/NBD s → 0 or β → ∞). When
// the fitted model explains the purchases no better than that nested model, its P(alive) is a guess
// the data cannot back: e.g. seasonal buyers who come back every Christmas look exactly like
// customers who never leave. Likelihood-ratio test (Self & Liang 1987: on a boundary the statistic
// is a 50:50 mix of χ²₀ and χ²₁, so χ²₁'s 95% point, 3.84, is conservative).
import { lnGamma } from './special.ts';
import { fitCountModel } from './fit-count-model.ts';
import type { Compressed, History } from './history.ts';
import { distinctOf } from './distinct.ts';
import { WORDS } from '../i18n/index.ts';

export interface NbdParams extends Record<string, number> {
  r: number;
  alpha: number;
}

/** Log-likelihood of x repeat purchases in (0, T] with no dropout: gamma-mixed Poisson. */
export function nbdLogLikelihood(p: NbdParams, h: History): number {
  return lnGamma(p.r + h.x) - lnGamma(p.r) + p.r * Math.log(p.alpha) - (p.r + h.x) * Math.log(p.alpha + h.T);
}

/** Σ weight × nbdLogLikelihood, bit for bit, with the lnΓ part once per distinct x and log(α + T) once per distinct T. */
export function nbdTotalLogLikelihood(p: NbdParams, data: Compressed): number {
  const d = distinctOf(data);
  const lnGammaR = lnGamma(p.r);
  const rLogAlpha = p.r * Math.log(p.alpha);
  const head = d.xs.map((x) => lnGamma(p.r + x) - lnGammaR + rLogAlpha);
  const rx = d.xs.map((x) => p.r + x);
  const logAlphaT = d.Ts.map((T) => Math.log(p.alpha + T));
  let total = 0;
  for (let i = 0; i < d.rows; i++) {
    const k = d.xAt[i] as number;
    total += (d.weights[i] as number) * ((head[k] as number) - (rx[k] as number) * (logAlphaT[d.TAt[i] as number] as number));
  }
  return total;
}

export function fitNbd(data: Compressed): { params: NbdParams; logLikelihood: number } {
  return fitCountModel('NBD', data, nbdTotalLogLikelihood, (v) => ({ r: Math.exp(v[0] as number), alpha: Math.exp(v[1] as number) }), [0, Math.log(10)]);
}

/** χ²₁ at 95%. */
export const LR_CRITICAL = 3.84;

export interface DropoutCheck {
  /** Log-likelihood of the no-dropout model. */
  nbdLogLikelihood: number;
  /** 2 × (model LL − no-dropout LL), per model; below LR_CRITICAL the dropout part is not identified. */
  lrBgNbd: number;
  lrParetoNbd: number;
  /** Whether Pareto/NBD's P(alive) (what churn risk uses) is backed by the data. */
  identified: boolean;
  /** The sentence to show when it is not; null when it is. */
  note: string | null;
}

export function checkDropout(data: Compressed, bgnbdLogLikelihood: number, paretoNbdLogLikelihood: number): DropoutCheck {
  const nbd = fitNbd(data).logLikelihood;
  // Numerical noise can make a boundary fit a hair worse than the nested model.
  const lrBgNbd = Math.max(0, 2 * (bgnbdLogLikelihood - nbd));
  const lrParetoNbd = Math.max(0, 2 * (paretoNbdLogLikelihood - nbd));
  const identified = lrParetoNbd >= LR_CRITICAL;
  const note = identified ? null : WORDS.en.models.noDropoutTest(lrParetoNbd.toFixed(2), LR_CRITICAL);
  return { nbdLogLikelihood: nbd, lrBgNbd, lrParetoNbd, identified, note };
}
