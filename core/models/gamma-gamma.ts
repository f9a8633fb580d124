// Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"; Hardie's note 025), as in
// lifetimes' gamma_gamma_fitter.py: fitted on repeat buyers only, m = mean spend of repeat purchases.
import { lnGamma } from './special.ts';
import { nelderMead, outOfBounds } from './optimize.ts';
import { ModelFitError } from './fit-error.ts';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface SpendRow {
  /** Repeat purchases (> 0). */
  x: number;
  /** Mean spend of those repeat purchases (> 0). */
  m: number;
}

export function gammaGammaLogLikelihood(params: GammaGammaParams, row: SpendRow): number {
  const { p, q, gamma } = params;
  const { x, m } = row;
  return (
    lnGamma(p * x + q) - lnGamma(p * x) - lnGamma(q) + q * Math.log(gamma) + (p * x - 1) * Math.log(m) + p * x * Math.log(x) - (p * x + q) * Math.log(x * m + gamma)
  );
}

export function fitGammaGamma(rows: readonly SpendRow[]): { params: GammaGammaParams; logLikelihood: number } {
  const usable = rows.filter((r) => r.x > 0 && r.m > 0);
  if (usable.length < 10) throw new ModelFitError(`Gamma-Gamma needs at least 10 repeat buyers with a positive spend; got ${usable.length}`);
  const total = (params: GammaGammaParams) => usable.reduce((s, r) => s + gammaGammaLogLikelihood(params, r), 0);
  const fromLog = (v: number[]): GammaGammaParams => ({ p: Math.exp(v[0] as number), q: Math.exp(v[1] as number), gamma: Math.exp(v[2] as number) });
  const best = nelderMead((v) => outOfBounds(v) ? Infinity : -total(fromLog(v)) / usable.length, [0, 0, 0]);
  const params = fromLog(best.point);
  const logLikelihood = total(params);
  if (!Number.isFinite(logLikelihood) || params.q <= 1) {
    throw new ModelFitError(`Gamma-Gamma did not give a usable fit (q = ${params.q.toFixed(3)}; the expected spend needs q > 1)`);
  }
  return { params, logLikelihood };
}

/** E[M | x, m]: expected average spend per purchase, shrunk toward the population mean (note 025 eq. 5). */
export function expectedAverageSpend(params: GammaGammaParams, x: number, m: number | null): number {
  const { p, q, gamma } = params;
  const populationMean = (p * gamma) / (q - 1);
  if (x <= 0 || m === null) return populationMean;
  const w = (p * x) / (p * x + q - 1);
  return (1 - w) * populationMean + w * m;
}
