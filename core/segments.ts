import type { LifecycleStage } from './lifecycle-stages.ts';

// The 11-segment RF grid of DESIGN.md, as data: GRID[r - 1][f - 1] is the segment of (R, F).
export const SEGMENTS = [
  'Champions',
  'Loyal',
  'Potential loyalist',
  'New',
  'Promising',
  'Need attention',
  'About to sleep',
  'At risk',
  "Can't lose",
  'Hibernating',
  'Lost',
] as const;

export type Segment = (typeof SEGMENTS)[number];

const GRID: readonly (readonly Segment[])[] = [
  /* R1 */ ['Hibernating', 'Hibernating', 'At risk', 'At risk', "Can't lose"],
  /* R2 */ ['Hibernating', 'Hibernating', 'At risk', 'At risk', "Can't lose"],
  /* R3 */ ['About to sleep', 'About to sleep', 'Need attention', 'Loyal', 'Loyal'],
  /* R4 */ ['Promising', 'Potential loyalist', 'Potential loyalist', 'Loyal', 'Loyal'],
  /* R5 */ ['New', 'Potential loyalist', 'Potential loyalist', 'Champions', 'Champions'],
];

/**
 * R as the segment reads it: R3 for a customer who is new or active by their own rhythm (lifecycle.ts:
 * not yet past the gaps after which they count as dormant) where R1-2 with F1-2 would make them
 * Hibernating or Lost ("ask why they left") next to a churn risk that sees no warning sign (e.g. ten
 * customers who all bought in the last ten days, issue 10). R ranks customers against each other and
 * stays as DESIGN.md's formula gives it; every other cell of the grid reads R as it is (an active
 * customer behind their peers with F3-5 is still At risk or Can't lose: that is the warning).
 */
export function segmentRecency(r: number, f: number, lifecycle: LifecycleStage): number {
  return (lifecycle === 'new' || lifecycle === 'active') && r < 3 && f <= 2 ? 3 : r;
}

/** Segment of an R, F, M score triple; Lost is the part of Hibernating with R1 and M1-2. */
export function segmentOf(r: number, f: number, m: number): Segment {
  const segment = GRID[r - 1]?.[f - 1];
  if (segment === undefined) throw new RangeError(`RFM scores must be 1-5, got R${r} F${f}`);
  if (segment === 'Hibernating' && r === 1 && m <= 2) return 'Lost';
  return segment;
}
