import { describe, expect, it } from 'vitest';
import { hashBound, idSample, sampleById } from '../../core/models/estimate.ts';

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

describe('sampleById (the customers a purchase model is fitted on)', () => {
  const ids = Array.from({ length: 100_000 }, (_, i) => `C${i}`);
  const kept = (sample: (unknown | null)[]) => sample.filter((h) => h !== null).length;

  it('fits on about 5,000 of a sample of 20,000 when told the sample\'s hash range (without it, all 20,000 would pass)', () => {
    const validation = [...idSample(ids, 20_000)];
    const histories = validation.map(() => ({}));
    expect(kept(sampleById(histories, validation, 5_000))).toBe(validation.length);
    const size = kept(sampleById(histories, validation, 5_000, hashBound(ids.length, 20_000)));
    expect(size).toBeGreaterThan(4_500);
    expect(size).toBeLessThan(5_500);
  });

  it('picks the same customers with the full range as without it', () => {
    const histories = ids.map(() => ({}));
    expect(sampleById(histories, ids, 5_000, 2 ** 32)).toEqual(sampleById(histories, ids, 5_000));
  });
});
