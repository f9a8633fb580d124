import { describe, expect, it } from 'vitest';
import { idSample } from '../../core/models/estimate.ts';

describe('idSample (the customers a churn model choice is checked on)', () => {
  const ids = Array.from({ length: 100_000 }, (_, i) => `C${i}`);

  it('keeps everyone when there are no more than the sample size', () => {
    expect(idSample(ids.slice(0, 500), 20_000).size).toBe(500);
  });

  it('keeps about the sample size of a larger list', () => {
    const size = idSample(ids, 20_000).size;
    expect(size).toBeGreaterThan(19_000);
    expect(size).toBeLessThan(21_000);
  });

  it('picks the same customers whatever their order', () => {
    const forward = [...idSample(ids, 20_000)].sort();
    const backward = [...idSample([...ids].reverse(), 20_000)].sort();
    expect(backward).toEqual(forward);
  });
});
