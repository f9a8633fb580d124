// Nelder–Mead minimisation (Nelder & Mead 1965, with the standard coefficients), used on the
// logarithms of the model parameters so they stay positive without constraints.

/**
 * Log-parameters beyond ±9 (parameters outside about 1e-4..8,000) mean the fit is running away from
 * data that cannot pin it down; refusing them keeps each evaluation cheap and the failure quick.
 */
export function outOfBounds(logParams: readonly number[]): boolean {
  return logParams.some((v) => !(v > -9 && v < 9));
}

export interface Minimum {
  point: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

export function nelderMead(f: (x: number[]) => number, start: number[], options: { maxIterations?: number; tolerance?: number; step?: number } = {}): Minimum {
  const n = start.length;
  const maxIterations = options.maxIterations ?? 150 * n;
  const tolerance = options.tolerance ?? 1e-10;
  const step = options.step ?? 0.5;
  const safe = (x: number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let simplex: { x: number[]; v: number }[] = [{ x: [...start], v: safe(start) }];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i] = (x[i] as number) + step;
    simplex.push({ x, v: safe(x) });
  }
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    simplex.sort((p, q) => p.v - q.v);
    const best = simplex[0] as { x: number[]; v: number };
    const worst = simplex[n] as { x: number[]; v: number };
    const spread = Math.abs(worst.v - best.v);
    const size = Math.max(...simplex.slice(1).map((p) => Math.max(...p.x.map((xi, i) => Math.abs(xi - (best.x[i] as number))))));
    if (spread <= tolerance * (Math.abs(best.v) + tolerance) && size < 1e-7) break;
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i] = (centroid[i] as number) + ((simplex[k] as { x: number[] }).x[i] as number) / n;
    const along = (t: number) => centroid.map((c, i) => c + t * ((worst.x[i] as number) - c));
    const reflected = along(-1);
    const vr = safe(reflected);
    const second = simplex[n - 1] as { v: number };
    if (vr < best.v) {
      const expanded = along(-2);
      const ve = safe(expanded);
      simplex[n] = ve < vr ? { x: expanded, v: ve } : { x: reflected, v: vr };
    } else if (vr < second.v) {
      simplex[n] = { x: reflected, v: vr };
    } else {
      const contracted = vr < worst.v ? along(-0.5) : along(0.5);
      const vc = safe(contracted);
      if (vc < Math.min(vr, worst.v)) simplex[n] = { x: contracted, v: vc };
      else {
        simplex = simplex.map((p, k) => {
          if (k === 0) return p;
          const x = p.x.map((xi, i) => (best.x[i] as number) + 0.5 * (xi - (best.x[i] as number)));
          return { x, v: safe(x) };
        });
      }
    }
  }
  simplex.sort((p, q) => p.v - q.v);
  const best = simplex[0] as { x: number[]; v: number };
  return { point: best.x, value: best.v, iterations, converged: iterations < maxIterations };
}
