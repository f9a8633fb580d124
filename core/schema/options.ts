import { z } from 'zod';
import { IsoDateSchema } from './iso-date.ts';
import { SEGMENTS, type Segment } from '../segments.ts';
import { DEFAULT_SEGMENT_TIERS, TIERS } from '../tiers.ts';

const ascending = (label: string) =>
  z
    .array(z.number().finite())
    .length(4, `${label} needs exactly 4 cut points (between scores 1|2|3|4|5)`)
    .refine((cuts) => cuts.every((c, i) => i === 0 || c > (cuts[i - 1] ?? -Infinity)), {
      message: `${label} cut points must be strictly ascending`,
    });

/** Fixed business thresholds: the alternative to scoring against the other customers. */
export const FixedThresholdsSchema = z
  .object({
    /** Days since last purchase: at most cuts[0] days scores R5, at most cuts[1] R4, ... more than cuts[3] R1. */
    recencyDays: ascending('recencyDays').default([30, 90, 180, 365]),
    /** Orders: at least cuts[0] scores F2, at least cuts[1] F3, ... */
    orders: ascending('orders').default([2, 3, 5, 8]),
    /** Spend: at least cuts[0] scores M2, ... */
    spend: ascending('spend').default([100, 500, 1000, 5000]),
  })
  .prefault({});

export const ChurnWeightsSchema = z
  .object({
    recency: z.number().nonnegative().default(40),
    orderTrend: z.number().nonnegative().default(15),
    spendTrend: z.number().nonnegative().default(10),
    nps: z.number().nonnegative().default(10),
    satisfaction: z.number().nonnegative().default(10),
    contact: z.number().nonnegative().default(10),
    competitor: z.number().nonnegative().default(5),
  })
  .prefault({})
  .refine((w) => Math.abs(Object.values(w).reduce((a, b) => a + b, 0) - 100) < 1e-9, {
    message: 'churn factor weights must add up to 100',
  });

export type ChurnWeights = z.output<typeof ChurnWeightsSchema>;
export type ChurnFactor = keyof ChurnWeights;

const segmentTiersSchema = z
  .partialRecord(z.enum(SEGMENTS), z.enum(TIERS))
  .default({})
  .transform((overrides) => ({ ...DEFAULT_SEGMENT_TIERS, ...overrides }) as Record<Segment, (typeof TIERS)[number]>);

export const OptionsSchema = z.object({
  /** The day the scores are "as of": recency, lifecycle and follow-up dates count from it. */
  asOf: IsoDateSchema,
  /** Length of a trend period in days: the last period is compared with the one before. */
  periodDays: z.number().int().positive().default(90),
  rfm: z
    .object({
      /** quantile: score against the other customers (DESIGN.md); fixed: the thresholds below. */
      method: z.enum(['quantile', 'fixed']).default('quantile'),
      /** Below this many scorable customers, quantile scoring uses the fixed thresholds: quintiles of a handful mean nothing. */
      minCustomers: z.number().int().nonnegative().default(100),
      fixed: FixedThresholdsSchema,
    })
    .prefault({}),
  /** Tier per segment; any segment left out keeps its default tier. */
  segmentTiers: segmentTiersSchema,
  lifecycle: z
    .object({
      /** A customer whose first purchase is this recent is new. */
      newCustomerDays: z.number().int().positive().default(90),
      /** Dormant after this many of the customer's usual gaps without an order; churned after the second. */
      dormantAfterGaps: z.number().positive().default(2),
      churnedAfterGaps: z.number().positive().default(3),
      /** The gap assumed for a customer with no rhythm of their own yet (fewer than 2 purchase days). */
      defaultGapDays: z.number().positive().default(45),
      /** Rhythms shorter than this are treated as this (two orders on consecutive days are not a daily habit). */
      minGapDays: z.number().positive().default(7),
    })
    .prefault({})
    .refine((l) => l.churnedAfterGaps > l.dormantAfterGaps, {
      message: 'churnedAfterGaps must be greater than dormantAfterGaps',
    }),
  churn: z
    .object({
      weights: ChurnWeightsSchema,
      /** Risk at or above which the level is high, and medium. */
      highAt: z.number().min(0).max(100).default(40),
      mediumAt: z.number().min(0).max(100).default(20),
      /** Days without contact from which the contact factor starts to count, and where it is full. */
      contactGapDays: z.tuple([z.number().nonnegative(), z.number().positive()]).default([30, 90]),
    })
    .prefault({})
    .refine((c) => c.highAt > c.mediumAt, { message: 'churn.highAt must be above churn.mediumAt' }),
  /** Satisfaction scale: auto reads 1-5 when no score in the data is above 5. */
  satisfactionScale: z.union([z.literal('auto'), z.literal(5), z.literal(10)]).default('auto'),
  /** Renewal reminder this many days ahead of the contract renewal date (seed 004 §4.2: one month). */
  renewalReminderDays: z.number().int().nonnegative().default(30),
  /** Language of next actions, reasons and labels. */
  language: z.enum(['en', 'zh-CN']).default('en'),
  /** Purchase models (BG/NBD, Gamma-Gamma) when the data allows a fit; off: rules only. */
  purchaseModel: z.enum(['auto', 'off']).default('auto'),
  /**
   * Order tables only: what churn risk comes from. auto: the best of the others by a time split of
   * the user's own orders; rules: the hand-set weights; pareto: Pareto/NBD's chance of no purchase in
   * its factor; learned: a model fitted on the user's own order history (core/churn/learned/).
   */
  churnModel: z.enum(['auto', 'rules', 'pareto', 'learned']).default('auto'),
  /** Horizons of the purchase models: expected purchases over the next days, CLV over months. */
  expectedPurchasesDays: z.number().int().positive().default(90),
  clvMonths: z.number().int().positive().default(12),
  monthlyDiscountRate: z.number().min(0).max(1).default(0.01),
});

export type OptionsInput = z.input<typeof OptionsSchema>;
export type Options = z.output<typeof OptionsSchema>;
export type Language = Options['language'];
