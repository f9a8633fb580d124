// Special functions the purchase models need, our own so the Sheets bundle stays small.
// Cross-checked in test/models/special.test.ts against @stdlib (dev dependency only).

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9; relative error ~1e-15). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x); // reflection
  const z = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS_G + 2; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * Gauss hypergeometric ₂F₁(a, b; c; z) for 0 ≤ z < 1 and c > 0, as its power series. When the series
 * would converge slowly (z near 1 with c − a − b < 0), uses Euler's transform
 * ₂F₁(a, b; c; z) = (1 − z)^(c − a − b) ₂F₁(c − a, c − b; c; z), whose terms shrink faster.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new RangeError(`hyp2f1 needs 0 <= z < 1, got ${z}`);
  // Only when the transformed terms keep one sign: alternating ones would cancel and lose digits.
  if (z > 0.5 && c - a - b < 0 && c - a >= 0 && c - b >= 0) return Math.pow(1 - z, c - a - b) * series(c - a, c - b, c, z);
  return series(a, b, c, z);
}

function series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 100_000; n++) {
    term *= ((a + n) * (b + n)) / ((c + n) * (n + 1)) * z;
    sum += term;
    if (Math.abs(term) <= 1e-16 * Math.abs(sum)) return sum;
  }
  // Not converged: say so with NaN, which the fits treat as an impossible point.
  return NaN;
}

/**
 * log(e^x + e^y) without overflow: top + log(e^(x−top) + e^(y−top)), top = max(x, y). One of the two
 * exponentials is e^0 = 1 exactly, so it is not computed (the same bits, one exp fewer; the likelihoods
 * call this once per history per evaluation).
 */
export function logAddExp(x: number, y: number): number {
  if (x === -Infinity) return y;
  if (y === -Infinity) return x;
  // An infinite or NaN top gives NaN, as e^(∞−∞) would.
  if (x >= y) return x === Infinity ? NaN : x + Math.log(1 + Math.exp(y - x));
  if (y > x) return y === Infinity ? NaN : y + Math.log(Math.exp(x - y) + 1);
  return NaN;
}
