import { z } from 'zod';
import { IsoDateSchema } from './iso-date.ts';

/** One order line: a refund is a negative amount. */
export const OrderSchema = z.object({
  customerId: z.string().trim().min(1, 'customer id is empty'),
  date: IsoDateSchema,
  amount: z.number().finite(),
  name: z.string().nullish().transform((v) => v ?? null),
  email: z.string().nullish().transform((v) => v ?? null),
  region: z.string().nullish().transform((v) => v ?? null),
  owner: z.string().nullish().transform((v) => v ?? null),
});

export type OrderInput = z.input<typeof OrderSchema>;
export type Order = z.output<typeof OrderSchema>;
