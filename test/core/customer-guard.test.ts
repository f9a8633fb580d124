import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fastCustomer, guardCustomer, rereadCustomer } from '../../core/customer-guard.ts';
import { purchaseDaysOf } from '../../core/purchase-days.ts';
import { CustomerSchema } from '../../core/schema/customer.ts';

// Customer-like inputs: each field missing, null, or any of the shapes a host might send.
const value = fc.oneof(
  fc.constant(undefined), fc.constant(null), fc.integer({ min: -2, max: 12 }), fc.double(), fc.string({ maxLength: 4 }),
  fc.constantFrom('2026-02-30', '2026-03-01', ' 2026-03-01 '), fc.date(), fc.boolean(),
  // Where "a whole number" and "a number" part ways (zod counts only safe integers as integers).
  fc.constantFrom(2 ** 53 - 1, 2 ** 53, -(2 ** 53), 1e21, Number.MAX_VALUE, Infinity, -0, Number.EPSILON),
);
const arb = fc.record(
  {
    id: fc.oneof(fc.string({ maxLength: 3 }), fc.integer()),
    lastPurchase: value, firstPurchase: value, orders: value, totalSpend: value, nps: value,
    satisfaction: value, usualGapDays: value, askedAboutCompetitor: value, region: value,
  },
  { requiredKeys: [] },
);

describe('the fast customer check', () => {
  it('agrees with CustomerSchema on any input', () => {
    fc.assert(
      fc.property(arb, (input) => {
        const fast = guardCustomer(input);
        const zod = CustomerSchema.safeParse(input);
        expect(fast.ok).toBe(zod.success);
        if (fast.ok && zod.success) expect(fast.customer).toEqual(zod.data);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads again exactly what its fast path accepted', () => {
    fc.assert(
      fc.property(arb, (input) => {
        const fast = fastCustomer(input);
        if (fast !== undefined) expect(rereadCustomer(input)).toEqual(fast);
      }),
      { numRuns: 5000 },
    );
  });

  it('hands on the purchase days it read, as day numbers of the dates it accepted', () => {
    fc.assert(
      fc.property(arb, (input) => {
        const days = { first: -1, last: -1 };
        const fast = fastCustomer(input, days);
        if (fast !== undefined) expect(days).toEqual(purchaseDaysOf(fast));
      }),
      { numRuns: 5000 },
    );
  });

  it('names the field and what was expected', () => {
    const result = guardCustomer({ id: 'x', orders: 2.5 });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^orders: /) });
  });
});
