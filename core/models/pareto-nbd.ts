// Pareto/NBD (Schmittlein, Morrison & Colombo 1987), likelihood as in Fader & Hardie's note 009
// (eqs. 19-20) and lifetimes' pareto_nbd_fitter.py. Unlike BG/NBD it lets a one-time buyer be gone,
// so Tierwise uses its P(alive) for churn risk.
import { hyp2f1, lnGamma, logAddExp } from './special.ts';
import { fitCountModel, totalLogLikelihood } from './fit-count-model.ts';
import type { Compressed, History } from './history.ts';

export interface ParetoNbdParams extends Record<string, number> {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/** log A0 of note 009 eq. 19-20, the integral over the unobserved dropout time; every ₂F₁ argument is in [0, 1). */
function logA0(p: ParetoNbdParams, h: History): number {
  const { r, alpha, s, beta } = p;
  const { x, tx, T } = h;
  const rsx = r + s + x;
  const [max, t] = alpha >= beta ? [alpha, s + 1] : [beta, r + x];
  const diff = Math.abs(alpha - beta);
  const term1 = Math.log(hyp2f1(rsx, t, rsx + 1, diff / (max + tx))) - rsx * Math.log(max + tx);
  const term2 = Math.log(hyp2f1(rsx, t, rsx + 1, diff / (max + T))) - rsx * Math.log(max + T);
  // A0 = e^term1 − e^term2 with term1 ≥ term2.
  return term1 + Math.log1p(-Math.exp(term2 - term1));
}

export function paretoNbdLogLikelihood(p: ParetoNbdParams, h: History): number {
  const { r, alpha, s, beta } = p;
  const { x, T } = h;
  const head = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const gone = Math.log(s / (r + s + x)) + logA0(p, h);
  return head + logAddExp(alive, gone);
}

export function paretoNbdTotalLogLikelihood(p: ParetoNbdParams, data: Compressed): number {
  return totalLogLikelihood(p, data, paretoNbdLogLikelihood);
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
  return fitCountModel('Pareto/NBD', data, paretoNbdLogLikelihood, fromLog, [0, Math.log(10), 0, Math.log(10)], paretoOutside);
}

/** P(alive | x, t_x, T): below 1 even for a customer who bought once. */
export function paretoNbdPAlive(p: ParetoNbdParams, h: History): number {
  const { r, alpha, s, beta } = p;
  const { x, T } = h;
  const logOdds = Math.log(s / (r + s + x)) + (r + x) * Math.log(alpha + T) + s * Math.log(beta + T) + logA0(p, h);
  return 1 / (1 + Math.exp(logOdds));
}

/** E[Y(t) | x, t_x, T] (Schmittlein et al. 1987; lifetimes' conditional_expected_number_of_purchases_up_to_time). */
export function paretoNbdExpectedPurchases(p: ParetoNbdParams, h: History, t: number): number {
  return paretoNbdExpectedPurchasesAlive(p, h, paretoNbdPAlive(p, h), t);
}

/** The same, given P(alive) already: closed form, so a 12-month CLV costs no extra ₂F₁. */
export function paretoNbdExpectedPurchasesAlive(p: ParetoNbdParams, h: History, pAlive: number, t: number): number {
  const { r, alpha, s, beta } = p;
  const rate = (r + h.x) / (alpha + h.T);
  // s = 1 is the limit of the expression below: the lifetime integral becomes a logarithm.
  const lifetime = Math.abs(s - 1) < 1e-9 ? (beta + h.T) * Math.log1p(t / (beta + h.T)) : ((beta + h.T) / (s - 1)) * (1 - Math.pow((beta + h.T) / (beta + h.T + t), s - 1));
  return pAlive * rate * lifetime;
}

