import { z } from 'zod';
import { SEGMENTS } from '../segments.ts';
import { TIERS, VALUE_BANDS } from '../tiers.ts';
import { LIFECYCLE_STAGES } from '../lifecycle-stages.ts';
import { CHURN_LEVELS } from '../churn/levels.ts';
import { DRIVER_FACTORS } from '../churn/factors.ts';

const score = z.number().int().min(1).max(5);

/** One reason the churn risk went up (or a factor that could not be judged), in words with its numbers. */
export const DriverSchema = z.object({
  factor: z.enum(DRIVER_FACTORS),
  points: z.number().min(0).max(100),
  text: z.string(),
});
export type Driver = z.infer<typeof DriverSchema>;

/**
 * The result for one customer (DESIGN.md "Result vocabulary"). A customer that could not be scored
 * has `error` set and null scores; a prospect (no purchase yet) has a lifecycle, a next action and
 * null scores.
 */
export const ResultSchema = z.object({
  id: z.string(),
  tier: z.enum(TIERS).nullable(),
  segment: z.enum(SEGMENTS).nullable(),
  r: score.nullable(),
  f: score.nullable(),
  m: score.nullable(),
  valueBand: z.enum(VALUE_BANDS).nullable(),
  churnRisk: z.number().int().min(0).max(100).nullable(),
  churnLevel: z.enum(CHURN_LEVELS).nullable(),
  lifecycle: z.enum(LIFECYCLE_STAGES).nullable(),
  nextAction: z.string().nullable(),
  followUpBy: z.string().nullable(),
  reasons: z.string(),
  drivers: z.array(DriverSchema),
  /** Purchase-model estimates; null when the orders did not allow a fit. */
  pAlive: z.number().min(0).max(1).nullable(),
  expectedPurchases: z.number().nonnegative().nullable(),
  clv: z.number().nullable(),
  /** Carried from the input for summaries by region or owner and revenue at risk. */
  region: z.string().nullable(),
  owner: z.string().nullable(),
  totalSpend: z.number().nullable(),
  orders: z.number().int().nonnegative().nullable(),
  error: z.string().nullable(),
});

export type Result = z.infer<typeof ResultSchema>;
