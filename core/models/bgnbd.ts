// BG/NBD (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"), following the layout
// of lifetimes' beta_geo_fitter.py: parameters, log-likelihood, fit, and the predictions users ask for.
import { hyp2f1, lnGamma, logAddExp } from './special.ts';
import { fitCountModel } from './fit-count-model.ts';
import { compress, type Compressed, type History } from './history.ts';
import { ModelFitError, type FitFailure } from './fit-error.ts';
import { distinctOf, workSpace } from './distinct.ts';

export interface BgNbdParams extends Record<string, number> {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Log-likelihood of one customer (FHL 2005 eq. 6, in the log form of Hardie's note 004 §7). */
export function bgnbdLogLikelihood(p: BgNbdParams, h: History): number {
  const { r, alpha, a, b } = p;
  const { x, tx, T } = h;
  const a1 = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha);
  const a2 = lnGamma(a + b) + lnGamma(b + x) - lnGamma(b) - lnGamma(a + b + x);
  const a3 = -(r + x) * Math.log(alpha + T);
  const a4 = x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : -Infinity;
  return a1 + a2 + logAddExp(a3, a4);
}

/**
 * Σ weight × bgnbdLogLikelihood over the rows, bit for bit (the same operations in the same order),
 * with what depends on x alone (four lnΓ), on T alone or on t_x alone computed once per distinct value
 * (into work space reused by every evaluation, in plain loops: a typed array's map called a closure per value).
 */
export function bgnbdTotalLogLikelihood(p: BgNbdParams, data: Compressed): number {
  const { r, alpha, a, b } = p;
  const d = distinctOf(data);
  const lnGammaR = lnGamma(r);
  const rLogAlpha = r * Math.log(alpha);
  const lnGammaAB = lnGamma(a + b);
  const lnGammaB = lnGamma(b);
  const logA = Math.log(a);
  const nx = d.xs.length;
  const [head, rx, a4Head, logAlphaT, logAlphaTx] = workSpace(d, 'bgnbd', [nx, nx, nx, d.Ts.length, d.txs.length]) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  for (let k = 0; k < nx; k++) {
    const x = d.xs[k] as number;
    const a1 = lnGamma(r + x) - lnGammaR + rLogAlpha;
    const a2 = lnGammaAB + lnGamma(b + x) - lnGammaB - lnGamma(a + b + x);
    head[k] = a1 + a2;
    rx[k] = r + x;
    a4Head[k] = x > 0 ? logA - Math.log(b + x - 1) : -Infinity;
  }
  for (let j = 0; j < d.Ts.length; j++) logAlphaT[j] = Math.log(alpha + (d.Ts[j] as number));
  for (let j = 0; j < d.txs.length; j++) logAlphaTx[j] = Math.log(alpha + (d.txs[j] as number));
  let total = 0;
  for (let i = 0; i < d.rows; i++) {
    const k = d.xAt[i] as number;
    const a3 = -(rx[k] as number) * (logAlphaT[d.TAt[i] as number] as number);
    const a4 = (d.xs[k] as number) > 0 ? (a4Head[k] as number) - (rx[k] as number) * (logAlphaTx[d.txAt[i] as number] as number) : -Infinity;
    total += (d.weights[i] as number) * ((head[k] as number) + logAddExp(a3, a4));
  }
  return total;
}

/** Maximum-likelihood fit over log-parameters. */
export function fitBgNbd(data: Compressed): { params: BgNbdParams; logLikelihood: number } {
  const fromLog = (v: number[]): BgNbdParams => ({ r: Math.exp(v[0] as number), alpha: Math.exp(v[1] as number), a: Math.exp(v[2] as number), b: Math.exp(v[3] as number) });
  return fitCountModel('BG/NBD', data, bgnbdTotalLogLikelihood, fromLog, [0, 0, 0, 0]);
}

/** BG/NBD fitted on some customers, or why it could not be. */
export type BgNbdFit = { ok: true; params: BgNbdParams } | { ok: false; failure: FitFailure };

/** BG/NBD on these histories (the missing ones left out), or the fit's failure. */
export function bgnbdFitOf(histories: readonly (History | null)[]): BgNbdFit {
  try {
    return { ok: true, params: fitBgNbd(compress(histories)).params };
  } catch (error) {
    if (!(error instanceof ModelFitError)) throw error;
    return { ok: false, failure: error.failure };
  }
}

/** P(alive | x, t_x, T) (Hardie's note 021); 1 for a customer with no repeat purchase, by construction. */
export function bgnbdPAlive(p: BgNbdParams, h: History): number {
  return bgnbdPAliveOf(p, h.x, h.tx, h.T);
}

/** bgnbdPAlive from the three numbers (no History object per customer). */
export function bgnbdPAliveOf(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const ratio = Math.exp((p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx)));
  return 1 / (1 + (p.a / (p.b + x - 1)) * ratio);
}

/** E[Y(t) | x, t_x, T]: expected purchases in the next t (FHL 2005 eq. 10). */
export function bgnbdExpectedPurchases(p: BgNbdParams, h: History, t: number): number {
  return bgnbdForecastFactor(p, h.x, h.T, t) * bgnbdPAlive(p, h);
}

/**
 * E[Y(t) | x, t_x, T] / P(alive), which depends on x and T only: the ₂F₁ the forecast costs, shared
 * by every customer with the same x and T (churn/learned/train.ts keeps it per pair, pair-cache.ts).
 */
export function bgnbdForecastFactor(p: BgNbdParams, x: number, T: number, t: number): number {
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const f = hyp2f1(r + x, b + x, a + b + x - 1, z);
  const head = (a + b + x - 1) / (a - 1);
  const body = 1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * f;
  return head * body;
}

/** E[X(t)]: expected purchases of a new customer in a period of length t (FHL 2005 eq. 9). */
export function bgnbdExpectedPurchasesNew(p: BgNbdParams, t: number): number {
  const { r, alpha, a, b } = p;
  return ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
}

/**
 * P(no purchase in the next t | x, t_x, T): gone, or alive and buying nothing (an alive BG/NBD
 * customer can only drop out right after a purchase, so "alive and silent" is Poisson-gamma zero):
 * 1 − P(alive) + P(alive) · ((α+T)/(α+T+t))^(r+x).
 */
export function bgnbdPNoPurchase(p: BgNbdParams, h: History, t: number): number {
  const pAlive = bgnbdPAlive(p, h);
  return 1 - pAlive + pAlive * Math.pow((p.alpha + h.T) / (p.alpha + h.T + t), p.r + h.x);
}
