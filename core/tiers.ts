import type { Segment } from './segments.ts';

export const TIERS = ['A', 'B', 'C', 'D'] as const;
export type Tier = (typeof TIERS)[number];

/** Default tier of each segment (DOMAIN.md, seed 004: A core, B potential, C ordinary, D dormant). */
export const DEFAULT_SEGMENT_TIERS: Readonly<Record<Segment, Tier>> = {
  Champions: 'A',
  Loyal: 'A',
  'Potential loyalist': 'B',
  New: 'B',
  Promising: 'B',
  'Need attention': 'C',
  'About to sleep': 'C',
  'At risk': 'D',
  "Can't lose": 'D',
  Hibernating: 'D',
  Lost: 'D',
};

export const VALUE_BANDS = ['high', 'medium', 'low'] as const;
export type ValueBand = (typeof VALUE_BANDS)[number];

/** Value band from the M score (seed 000 §1.1): 4-5 high, 3 medium, 1-2 low. */
export function valueBandOf(m: number): ValueBand {
  if (m >= 4) return 'high';
  if (m === 3) return 'medium';
  return 'low';
}
