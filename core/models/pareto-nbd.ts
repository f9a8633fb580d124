// Pareto/NBD (Schmittlein, Morrison & Colombo 1987), likelihood as in Fader & Hardie's note 009
// (eqs. 19-20) and lifetimes' pareto_nbd_fitter.py. Unlike BG/NBD it lets a one-time buyer be gone,
// so Tierwise uses its P(alive) for churn risk.
import { hyp2f1, lnGamma, logAddExp } from './special.ts';
import { fitCountModel } from './fit-count-model.ts';
import type { Compressed, History } from './history.ts';
import { distinctOf, workSpace } from './distinct.ts';
import { PairCache } from './pair-cache.ts';

export interface ParetoNbdParams extends Record<string, number> {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/** log A0 of note 009 eq. 19-20, the integral over the unobserved dropout time; every ₂F₁ argument is in [0, 1). */
function logA0(p: ParetoNbdParams, h: History): number {
  return logA0Of(paretoNbdA0Term(p, h.x, h.tx), paretoNbdA0Term(p, h.x, h.T));
}

// A0 = e^term1 − e^term2 with term1 ≥ term2.
const logA0Of = (term1: number, term2: number): number => term1 + Math.log1p(-Math.exp(term2 - term1));

/**
 * One of A0's two terms, at time t_x (the first) or T (the second): a pure function of x and that
 * time, which customers share (paretoNbdPAliveCached keeps it per pair).
 */
export function paretoNbdA0Term(p: ParetoNbdParams, x: number, time: number): number {
  const { r, alpha, s, beta } = p;
  const rsx = r + s + x;
  const max = alpha >= beta ? alpha : beta;
  const t = alpha >= beta ? s + 1 : r + x;
  const diff = Math.abs(alpha - beta);
  return Math.log(hyp2f1(rsx, t, rsx + 1, diff / (max + time))) - rsx * Math.log(max + time);
}

export function paretoNbdLogLikelihood(p: ParetoNbdParams, h: History): number {
  const { r, alpha, s, beta } = p;
  const { x, T } = h;
  const head = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const gone = Math.log(s / (r + s + x)) + logA0(p, h);
  return head + logAddExp(alive, gone);
}

/**
 * Σ weight × paretoNbdLogLikelihood, bit for bit (the same operations in the same order), with A0's
 * first term (and its ₂F₁ series) once per distinct (x, t_x) and its second once per distinct (x, T):
 * every one-time buyer shares the first, and histories with the same x and T share the second. What
 * depends on T alone (log(α + T), log(β + T)) once per distinct value, into
 * work space reused by every evaluation, in plain loops (a typed array's from/map called a closure per value).
 */
export function paretoNbdTotalLogLikelihood(p: ParetoNbdParams, data: Compressed): number {
  const { r, alpha, s, beta } = p;
  const d = distinctOf(data);
  const lnGammaR = lnGamma(r);
  const rLogAlpha = r * Math.log(alpha);
  const sLogBeta = s * Math.log(beta);
  const alphaIsMax = alpha >= beta;
  const max = alphaIsMax ? alpha : beta;
  const diff = Math.abs(alpha - beta);
  const nx = d.xs.length;
  const nT = d.Ts.length;
  const [head, rx, rsx, t, logShare, logAlphaT, logBetaT, term1, term2] = workSpace(d, 'paretoNbd', [nx, nx, nx, nx, nx, nT, nT, d.xTxX.length, d.xTX.length]) as [
    Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array,
  ];
  for (let k = 0; k < nx; k++) {
    const x = d.xs[k] as number;
    head[k] = lnGamma(r + x) - lnGammaR + rLogAlpha + sLogBeta;
    rx[k] = r + x;
    rsx[k] = r + s + x;
    t[k] = alphaIsMax ? s + 1 : r + x;
    logShare[k] = Math.log(s / (r + s + x));
  }
  for (let j = 0; j < nT; j++) {
    const T = d.Ts[j] as number;
    logAlphaT[j] = Math.log(alpha + T);
    logBetaT[j] = Math.log(beta + T);
  }
  // A0's terms per (x, time) pair (paretoNbdA0Term): log ₂F₁(r+s+x, t; r+s+x+1; |α−β|/(max+time)) − (r+s+x)·log(max+time).
  const a0Terms = (xOf: Int32Array, times: Float64Array, into: Float64Array) => {
    for (let q = 0; q < xOf.length; q++) {
      const k = xOf[q] as number;
      const c = rsx[k] as number;
      const time = times[q] as number;
      into[q] = Math.log(hyp2f1(c, t[k] as number, c + 1, diff / (max + time))) - c * Math.log(max + time);
    }
  };
  a0Terms(d.xTxX, d.xTxTx, term1);
  a0Terms(d.xTX, d.xTT, term2);
  let total = 0;
  for (let i = 0; i < d.rows; i++) {
    const k = d.xAt[i] as number;
    const j = d.TAt[i] as number;
    const alive = -(rx[k] as number) * (logAlphaT[j] as number) - s * (logBetaT[j] as number);
    const t1 = term1[d.xTxAt[i] as number] as number;
    const logA0 = t1 + Math.log1p(-Math.exp((term2[d.xTAt[i] as number] as number) - t1));
    total += (d.weights[i] as number) * ((head[k] as number) + logAddExp(alive, (logShare[k] as number) + logA0));
  }
  return total;
}

/**
 * α and β at most e^5.5 (~245 weeks): on short histories the fit can drift towards everyone dropping
 * out at one shared rate (s, β → ∞), where A0's ₂F₁ argument |α−β|/(β+t_x) nears 1 and its series
 * needs tens of thousands of terms per customer (50 s for 1,000 CDNOW histories as of 1997-04-02).
 * A scale of 4.7 years still allows any mean dropout rate (s/β), and the no-dropout check (dropout.ts) catches what such fits mean.
 */
const paretoOutside = (v: readonly number[]) => (v[1] as number) > 5.5 || (v[3] as number) > 5.5;

export function fitParetoNbd(data: Compressed): { params: ParetoNbdParams; logLikelihood: number } {
  const fromLog = (v: number[]): ParetoNbdParams => ({ r: Math.exp(v[0] as number), alpha: Math.exp(v[1] as number), s: Math.exp(v[2] as number), beta: Math.exp(v[3] as number) });
  return fitCountModel('Pareto/NBD', data, paretoNbdTotalLogLikelihood, fromLog, [0, Math.log(10), 0, Math.log(10)], paretoOutside);
}

/** P(alive | x, t_x, T): below 1 even for a customer who bought once. */
export function paretoNbdPAlive(p: ParetoNbdParams, h: History): number {
  return pAliveOf(p, h, logA0(p, h));
}

function pAliveOf(p: ParetoNbdParams, h: History, logA0: number): number {
  const { r, alpha, s, beta } = p;
  const { x, T } = h;
  const logOdds = Math.log(s / (r + s + x)) + (r + x) * Math.log(alpha + T) + s * Math.log(beta + T) + logA0;
  return 1 / (1 + Math.exp(logOdds));
}

/** A0's terms per (x, time) for fit `p`, for paretoNbdPAliveCached. */
export const paretoNbdTerms = (p: ParetoNbdParams): PairCache => new PairCache((x, time) => paretoNbdA0Term(p, x, time));

/**
 * paretoNbdPAlive, bit for bit, with A0's two ₂F₁ terms taken from `terms` (paretoNbdTerms of the
 * same p): a million histories are mostly distinct, their (x, t_x) and (x, T) pairs are not.
 */
export function paretoNbdPAliveCached(p: ParetoNbdParams, h: History, terms: PairCache): number {
  return pAliveOf(p, h, logA0Of(terms.of(h.x, h.tx), terms.of(h.x, h.T)));
}

/** E[Y(t) | x, t_x, T] (Schmittlein et al. 1987; lifetimes' conditional_expected_number_of_purchases_up_to_time). */
export function paretoNbdExpectedPurchases(p: ParetoNbdParams, h: History, t: number): number {
  return paretoNbdExpectedPurchasesAlive(p, h, paretoNbdPAlive(p, h), t);
}

/** The same, given P(alive) already: closed form, so a 12-month CLV costs no extra ₂F₁. */
export function paretoNbdExpectedPurchasesAlive(p: ParetoNbdParams, h: History, pAlive: number, t: number): number {
  return paretoNbdExpectedPurchasesOver(p, h, pAlive, paretoNbdLifetime(p, h.T, t));
}

/** paretoNbdExpectedPurchasesAlive from paretoNbdLifetime(p, h.T, t), which depends on T and t only (estimate.ts keeps it per T). */
export function paretoNbdExpectedPurchasesOver(p: ParetoNbdParams, h: History, pAlive: number, lifetime: number): number {
  const rate = (p.r + h.x) / (p.alpha + h.T);
  return pAlive * rate * lifetime;
}

/** The expected time alive within the next t, from T (the lifetime integral of the forecast). */
export function paretoNbdLifetime(p: ParetoNbdParams, T: number, t: number): number {
  const { s, beta } = p;
  // s = 1 is the limit of the expression below: the lifetime integral becomes a logarithm.
  return Math.abs(s - 1) < 1e-9 ? (beta + T) * Math.log1p(t / (beta + T)) : ((beta + T) / (s - 1)) * (1 - Math.pow((beta + T) / (beta + T + t), s - 1));
}
