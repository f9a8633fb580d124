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

/** Segment of an R, F, M score triple; Lost is the part of Hibernating with R1 and M1-2. */
export function segmentOf(r: number, f: number, m: number): Segment {
  const segment = GRID[r - 1]?.[f - 1];
  if (segment === undefined) throw new RangeError(`RFM scores must be 1-5, got R${r} F${f}`);
  if (segment === 'Hibernating' && r === 1 && m <= 2) return 'Lost';
  return segment;
}
