import { z } from 'zod';
import { IsoDateSchema } from './iso-date.ts';

const count = z.number().int().nonnegative();
const money = z.number().finite();
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);

/**
 * One customer as the core scores it: what a customer table row or an order history says about them.
 * Only `id` is required; every other field is null when the source does not have it, and the
 * model then says what it could not judge instead of guessing.
 */
export const CustomerSchema = z.object({
  id: z.string().trim().min(1, 'customer id is empty'),
  name: optional(z.string()),
  email: optional(z.string()),
  region: optional(z.string()),
  owner: optional(z.string()),
  /** First and last purchase dates; a customer with no last purchase and no orders is a prospect. */
  firstPurchase: optional(IsoDateSchema),
  lastPurchase: optional(IsoDateSchema),
  /** Number of orders (F); refunds are not orders. */
  orders: optional(count),
  /** Distinct days with a purchase; repeat purchases for the purchase models are purchaseDays - 1. */
  purchaseDays: optional(count),
  /** Total spend net of refunds (M). */
  totalSpend: optional(money),
  /** Mean spend of the repeat purchase days (Gamma-Gamma's m); from order histories only. */
  repeatSpendMean: optional(money),
  /** The customer's usual number of days between purchases (their own rhythm). */
  usualGapDays: optional(z.number().positive()),
  /** Orders and spend in the last period and in the period before it (period length: options.periodDays). */
  recentOrders: optional(count),
  previousOrders: optional(count),
  recentSpend: optional(money),
  previousSpend: optional(money),
  /** Net Promoter score 0-10, and the previous one when known. */
  nps: optional(z.number().min(0).max(10)),
  previousNps: optional(z.number().min(0).max(10)),
  /** Satisfaction (CSAT) on a 1-5 or 0-10 scale; options.satisfactionScale says which. */
  satisfaction: optional(z.number().min(0).max(10)),
  lastContact: optional(IsoDateSchema),
  /** Contacts (calls, meetings, emails) in the last period and the period before. */
  recentContacts: optional(count),
  previousContacts: optional(count),
  askedAboutCompetitor: optional(z.boolean()),
  renewalDate: optional(IsoDateSchema),
});

export type CustomerInput = z.input<typeof CustomerSchema>;
export type Customer = z.output<typeof CustomerSchema>;
