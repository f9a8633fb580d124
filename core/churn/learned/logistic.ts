// L2-regularised logistic regression by Newton's method (iteratively reweighted least squares) on
// standardised features: a dozen features, so each step is one small linear solve, and the same
// data always gives the same weights (no random start, no sampling).

export interface Logistic {
  /** Per feature: mean and standard deviation used to standardise, and the weight on the standardised value. */
  mean: Float64Array;
  scale: Float64Array;
  weights: Float64Array;
  intercept: number;
  /** Rows it was fitted on. */
  rows: number;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Solves A x = b (A symmetric positive definite, n × n row-major) by Cholesky; A and b are overwritten. */
function solve(A: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let j = 0; j < n; j++) {
    let d = A[j * n + j] as number;
    for (let k = 0; k < j; k++) d -= (A[j * n + k] as number) ** 2;
    const root = Math.sqrt(Math.max(d, 1e-12));
    A[j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let s = A[i * n + j] as number;
      for (let k = 0; k < j; k++) s -= (A[i * n + k] as number) * (A[j * n + k] as number);
      A[i * n + j] = s / root;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (A[i * n + k] as number) * (y[k] as number);
    y[i] = s / (A[i * n + i] as number);
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i] as number;
    for (let k = i + 1; k < n; k++) s -= (A[k * n + i] as number) * (x[k] as number);
    x[i] = s / (A[i * n + i] as number);
  }
  return x;
}

/**
 * Fits P(label) = σ(intercept + Σ w·z) on rows × features (row-major), z the standardised features.
 * `l2` is the penalty on Σw² per row (the intercept is not penalised).
 */
export function fitLogistic(x: Float64Array, labels: Uint8Array, features: number, l2 = 1e-3): Logistic {
  return fitLogisticInPlace(x.slice(0, labels.length * features), labels, features, l2);
}

/**
 * fitLogistic that standardises `x` in place (each value becomes (x − mean) / scale, as
 * standardisedTerms reads it) instead of into a copy: on 10M orders the examples are ~300 MB, and a
 * standardised copy beside them was the run's memory peak.
 */
export function fitLogisticInPlace(x: Float64Array, labels: Uint8Array, features: number, l2 = 1e-3): Logistic {
  const rows = labels.length;
  const mean = new Float64Array(features);
  const scale = new Float64Array(features);
  for (let r = 0; r < rows; r++) for (let j = 0; j < features; j++) mean[j] = (mean[j] as number) + (x[r * features + j] as number) / rows;
  for (let r = 0; r < rows; r++) for (let j = 0; j < features; j++) scale[j] = (scale[j] as number) + ((x[r * features + j] as number) - (mean[j] as number)) ** 2 / rows;
  // A constant feature (sd 0) gets scale 1 and so a standardised value of 0: it cannot move the risk.
  for (let j = 0; j < features; j++) scale[j] = (scale[j] as number) > 1e-12 ? Math.sqrt(scale[j] as number) : 1;
  const n = features + 1; // intercept last
  // The standardised rows once: each Newton step then only multiplies. The intercept's column of 1s is
  // implicit: below, its products (β·1, residual·1, w·1) are written as the factor itself, the same bits.
  const Z = x;
  for (let r = 0; r < rows; r++) for (let j = 0; j < features; j++) Z[r * features + j] = ((x[r * features + j] as number) - (mean[j] as number)) / (scale[j] as number);
  const beta = new Float64Array(n);
  for (let iteration = 0; iteration < 50; iteration++) {
    const H = new Float64Array(n * n);
    const g = new Float64Array(n);
    for (let r = 0; r < rows; r++) {
      const at = r * features;
      let eta = 0;
      for (let j = 0; j < features; j++) eta += (beta[j] as number) * (Z[at + j] as number);
      eta += beta[features] as number;
      const p = sigmoid(eta);
      const w = Math.max(p * (1 - p), 1e-10);
      const residual = (labels[r] as number) - p;
      for (let i = 0; i < features; i++) {
        const zi = Z[at + i] as number;
        g[i] = (g[i] as number) + residual * zi;
        const wzi = w * zi;
        for (let k = 0; k <= i; k++) H[i * n + k] = (H[i * n + k] as number) + wzi * (Z[at + k] as number);
      }
      g[features] = (g[features] as number) + residual;
      for (let k = 0; k < features; k++) H[features * n + k] = (H[features * n + k] as number) + w * (Z[at + k] as number);
      H[features * n + features] = (H[features * n + features] as number) + w;
    }
    for (let i = 0; i < n; i++) for (let k = 0; k < i; k++) H[k * n + i] = H[i * n + k] as number;
    const penalty = l2 * rows;
    for (let j = 0; j < features; j++) {
      H[j * n + j] = (H[j * n + j] as number) + penalty;
      g[j] = (g[j] as number) - penalty * (beta[j] as number);
    }
    const step = solve(H, g, n);
    let largest = 0;
    for (let i = 0; i < n; i++) {
      beta[i] = (beta[i] as number) + (step[i] as number);
      largest = Math.max(largest, Math.abs(step[i] as number));
    }
    if (largest < 1e-9) break;
  }
  return { mean, scale, weights: beta.slice(0, features), intercept: beta[features] as number, rows };
}

/** Per-feature terms w·z of one row (into `terms`), returning the linear predictor. */
export function logisticTerms(model: Logistic, x: Float64Array, offset: number, terms: Float64Array): number {
  let eta = model.intercept;
  for (let j = 0; j < model.weights.length; j++) {
    const term = (model.weights[j] as number) * (((x[offset + j] as number) - (model.mean[j] as number)) / (model.scale[j] as number));
    terms[j] = term;
    eta += term;
  }
  return eta;
}

/** logisticTerms of a row fitLogisticInPlace has standardised: the same terms, bit for bit. */
export function standardisedTerms(model: Logistic, z: Float64Array, offset: number, terms: Float64Array): void {
  for (let j = 0; j < model.weights.length; j++) terms[j] = (model.weights[j] as number) * (z[offset + j] as number);
}

export { sigmoid };
