import { describe, expect, it } from 'vitest';
import { segmentOf } from '../../core/segments.ts';
import { DEFAULT_SEGMENT_TIERS, valueBandOf } from '../../core/tiers.ts';
import { scoreCustomers } from '../../core/index.ts';

describe('the RF segment grid (DESIGN.md)', () => {
  it.each([
    [5, 5, 3, 'Champions'],
    [5, 4, 3, 'Champions'],
    [3, 4, 3, 'Loyal'],
    [4, 5, 3, 'Loyal'],
    [4, 2, 3, 'Potential loyalist'],
    [5, 3, 3, 'Potential loyalist'],
    [5, 1, 3, 'New'],
    [4, 1, 3, 'Promising'],
    [3, 3, 3, 'Need attention'],
    [3, 1, 3, 'About to sleep'],
    [3, 2, 3, 'About to sleep'],
    [1, 3, 3, 'At risk'],
    [2, 4, 3, 'At risk'],
    [1, 5, 3, "Can't lose"],
    [2, 5, 3, "Can't lose"],
    [2, 1, 1, 'Hibernating'],
    [1, 2, 3, 'Hibernating'],
    [1, 1, 2, 'Lost'],
    [1, 2, 1, 'Lost'],
  ] as const)('puts R%i F%i M%i in %s', (r, f, m, segment) => {
    expect(segmentOf(r, f, m)).toBe(segment);
  });

  it('maps segments to tiers as DOMAIN.md says', () => {
    expect(DEFAULT_SEGMENT_TIERS).toMatchObject({ Champions: 'A', Loyal: 'A', New: 'B', 'About to sleep': 'C', "Can't lose": 'D', Lost: 'D' });
  });

  it('lets a team move a segment to another tier', () => {
    const peers = [1, 2, 3, 4].map((k) => ({ id: `p${k}`, lastPurchase: `2026-0${k}-01`, orders: k, totalSpend: 10 * k }));
    const [result] = scoreCustomers([{ id: 'x', lastPurchase: '2026-10-30', orders: 1, totalSpend: 5 }, ...peers], {
      asOf: '2026-11-01',
      segmentTiers: { New: 'C' },
    });
    expect(result?.segment).toBe('New');
    expect(result?.tier).toBe('C');
  });

  it('bands value by M', () => {
    expect([1, 2, 3, 4, 5].map(valueBandOf)).toEqual(['low', 'low', 'medium', 'high', 'high']);
  });
});
