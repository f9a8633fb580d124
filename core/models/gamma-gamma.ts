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

/**
 * Σ gammaGammaLogLikelihood over `rows` as a function of the parameters, bit for bit (the same
 * operations in the same order), with log m and log x taken once per data set and the lnΓ terms once
 * per distinct x per evaluation.
 */
export function spendTotal(rows: readonly SpendRow[]): (params: GammaGammaParams) => number {
  const at = new Map<number, number>();
  const xs: number[] = [];
  const xAt = Int32Array.from(rows, (row) => {
    let k = at.get(row.x);
    if (k === undefined) {
      k = xs.length;
      at.set(row.x, k);
      xs.push(row.x);
    }
    return k;
  });
  const m = Float64Array.from(rows, (row) => row.m);
  const logM = m.map(Math.log);
  const logX = xs.map(Math.log);
  return ({ p, q, gamma }) => {
    const lnGammaQ = lnGamma(q);
    const qLogGamma = q * Math.log(gamma);
    const px = xs.map((x) => p * x);
    const head = px.map((v) => lnGamma(v + q) - lnGamma(v) - lnGammaQ + qLogGamma);
    const pxLogX = px.map((v, k) => v * (logX[k] as number));
    let sum = 0;
    for (let i = 0; i < rows.length; i++) {
      const k = xAt[i] as number;
      const v = px[k] as number;
      const x = xs[k] as number;
      sum += (head[k] as number) + (v - 1) * (logM[i] as number) + (pxLogX[k] as number) - (v + q) * Math.log(x * (m[i] as number) + gamma);
    }
    return sum;
  };
}

export function fitGammaGamma(rows: readonly SpendRow[]): { params: GammaGammaParams; logLikelihood: number } {
  const usable = rows.filter((r) => r.x > 0 && r.m > 0);
  if (usable.length < 10) throw new ModelFitError({ kind: 'fewSpenders', usable: usable.length });
  const total = spendTotal(usable);
  const fromLog = (v: number[]): GammaGammaParams => ({ p: Math.exp(v[0] as number), q: Math.exp(v[1] as number), gamma: Math.exp(v[2] as number) });
  const best = nelderMead((v) => outOfBounds(v) ? Infinity : -total(fromLog(v)) / usable.length, [0, 0, 0]);
  const params = fromLog(best.point);
  const logLikelihood = total(params);
  if (!Number.isFinite(logLikelihood) || params.q <= 1) {
    throw new ModelFitError({ kind: 'spendUnusable', q: params.q });
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
