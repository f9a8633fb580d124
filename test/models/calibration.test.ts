// Brier score and the reliability table (core/models/calibration.ts), by hand.
import { describe, expect, it } from 'vitest';
import { brierScore, reliabilityChart, reliabilityTable, worstMiss } from '../../core/models/calibration.ts';

describe('Brier score', () => {
  it('is the mean squared miss, with "bought nothing" as 1', () => {
    expect(brierScore([0.9, 0.2, 0.5], [true, false, false])).toBeCloseTo((0.01 + 0.04 + 0.25) / 3, 12);
    expect(brierScore([1, 0], [true, false])).toBe(0);
    // Always the base rate p scores p(1 − p).
    expect(brierScore([0.25, 0.25, 0.25, 0.25], [true, false, false, false])).toBeCloseTo(0.1875, 12);
    expect(brierScore([], [])).toBeNull();
  });
});

describe('reliability table', () => {
  const predicted = [0.9, 0.1, 0.8, 0.2, 0.7, 0.3, 0.6, 0.4, 0.5, 0.55];
  const happened = [true, false, true, false, false, false, true, true, false, true];

  it('sorts by prediction and cuts equal groups, each with its mean prediction and observed share', () => {
    const rows = reliabilityTable(predicted, happened, 5);
    expect(rows.map((r) => r.customers)).toEqual([2, 2, 2, 2, 2]);
    // Groups: {0.1, 0.2}, {0.3, 0.4}, {0.5, 0.55}, {0.6, 0.7}, {0.8, 0.9}.
    expect(rows.map((r) => r.predicted)).toEqual([0.15, 0.35, 0.525, 0.65, 0.85].map((x) => expect.closeTo(x, 12)));
    expect(rows.map((r) => r.observed)).toEqual([0, 0.5, 0.5, 0.5, 1]);
    expect(worstMiss(rows)).toBeCloseTo(0.15, 12);
  });

  it('spreads uneven counts and keeps ties in input order', () => {
    const rows = reliabilityTable([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5], [true, true, true, false, false, false, false], 3);
    expect(rows.map((r) => r.customers)).toEqual([2, 2, 3]);
    expect(rows.map((r) => r.observed)).toEqual([1, expect.closeTo(0.5, 12), 0]);
    // One customer sits in the last of the ten positions; the empty groups are left out.
    expect(reliabilityTable([0.2], [true], 10)).toEqual([{ group: 10, customers: 1, predicted: 0.2, observed: 1 }]);
  });

  it('draws each group as a bar of # up to the observed share with | at the prediction', () => {
    const chart = reliabilityChart(reliabilityTable([0.25, 0.75], [false, true], 2), 20);
    const lines = chart.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('    1          1      25.0%      0.0%       |');
    expect(lines[2]).toBe('    2          1      75.0%    100.0%  ###############|####');
  });
});
