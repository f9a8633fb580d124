// Our special functions against @stdlib's (a dev dependency only: the add-on bundle carries ours).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import gammaln from '@stdlib/math-base-special-gammaln';
import stdlibHyp2f1 from '@stdlib/math-base-special-hyp2f1';
import { hyp2f1, lnGamma, logAddExp } from '../../core/models/special.ts';
import { nelderMead } from '../../core/models/optimize.ts';

const close = (a: number, b: number, relative: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(b)));

describe('special functions', () => {
  it('lnGamma agrees with @stdlib to 1e-12 from 1e-3 to 1e4', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (x) => {
        close(lnGamma(x), gammaln(x), 1e-12);
      }),
    );
  });

  it('hyp2f1 agrees with @stdlib on the arguments BG/NBD and Pareto/NBD use, including z near 1', () => {
    const param = fc.double({ min: 0.05, max: 20, noNaN: true });
    const repeats = fc.integer({ min: 0, max: 60 });
    const time = fc.double({ min: 0.1, max: 80, noNaN: true });
    fc.assert(
      fc.property(param, param, param, param, repeats, time, time, (r, alpha, a, b, x, T, t) => {
        // BG/NBD E[Y(t)]: ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t)), with a > 1 as the expectation requires.
        const bgA = a + 1;
        const z = t / (alpha + T + t);
        close(hyp2f1(r + x, b + x, bgA + b + x - 1, z), stdlibHyp2f1(r + x, b + x, bgA + b + x - 1, z), 1e-8);
        // Pareto/NBD A0: ₂F₁(r+s+x, s+1; r+s+x+1; |α−β|/(α+T)) with α ≥ β (s = a, β = b here).
        const beta = Math.min(alpha, b);
        const zp = Math.abs(alpha - beta) / (alpha + T);
        close(hyp2f1(r + a + x, a + 1, r + a + x + 1, zp), stdlibHyp2f1(r + a + x, a + 1, r + a + x + 1, zp), 1e-8);
      }),
    );
    close(hyp2f1(100.8, 30.4, 102.8, 0.999), 1.93754e86, 1e-4);
  });
});

describe('logAddExp', () => {
  // The textbook form it shortcuts (one exponential is e^0 = 1): the same bits, infinities and NaN included.
  const reference = (x: number, y: number) => {
    if (x === -Infinity) return y;
    if (y === -Infinity) return x;
    const top = Math.max(x, y);
    return top + Math.log(Math.exp(x - top) + Math.exp(y - top));
  };
  it('equals top + log(e^(x−top) + e^(y−top)) bit for bit', () => {
    const value = fc.oneof(fc.double({ min: -1e4, max: 1e4 }), fc.constantFrom(Infinity, -Infinity, NaN, 0, -0));
    fc.assert(
      fc.property(value, value, (x, y) => {
        expect(Object.is(logAddExp(x, y), reference(x, y))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Nelder-Mead', () => {
  it('finds the minimum of the Rosenbrock function', () => {
    const best = nelderMead(([x = 0, y = 0]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2, [-1.2, 1]);
    close(best.point[0] as number, 1, 1e-4);
    close(best.point[1] as number, 1, 1e-4);
  });
});
