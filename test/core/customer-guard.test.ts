import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fastCustomer, guardCustomer, rereadCustomer } from '../../core/customer-guard.ts';
import { customerReaderOf } from '../../core/customer-reader.ts';
import { purchaseDaysOf, type PurchaseDays } from '../../core/purchase-days.ts';
import { CustomerSchema, type Customer } from '../../core/schema/customer.ts';
import { CUSTOMER_FIELD_TABLE } from '../../core/schema/fields.ts';
import { customerArbitrary, fieldValueArbitrary } from './customer-arbitrary.ts';

const arb = customerArbitrary(CUSTOMER_FIELD_TABLE);
const days = { first: 'firstPurchase', last: 'lastPurchase' };
const READERS = {
  compiled: customerReaderOf<Customer, PurchaseDays>(CUSTOMER_FIELD_TABLE, { days }),
  loop: customerReaderOf<Customer, PurchaseDays>(CUSTOMER_FIELD_TABLE, { compiled: false, days }),
};

describe('the fast customer check', () => {
  it('generates inputs with every field of the table, passing and failing', () => {
    const samples = fc.sample(arb, 2000);
    const seen = new Set(samples.flatMap((s) => Object.keys(s)));
    expect([...seen].sort()).toEqual(CUSTOMER_FIELD_TABLE.map((f) => f.key).sort());
    const passing = samples.filter((s) => CustomerSchema.safeParse(s).success).length;
    expect(passing).toBeGreaterThan(200);
    expect(passing).toBeLessThan(1800);
  });

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

  for (const [name, reader] of Object.entries(READERS)) {
    it(`(${name}) accepts exactly what CustomerSchema accepts, field by field, and parses it the same`, () => {
      for (const field of CUSTOMER_FIELD_TABLE) {
        fc.assert(
          fc.property(fieldValueArbitrary(field.kind), (value) => {
            const input = { id: 'C1', [field.key]: value };
            const fast = reader.fast(input);
            const zod = CustomerSchema.safeParse(input);
            expect(fast !== undefined, `${field.key}: ${String(value)}`).toBe(zod.success);
            if (zod.success) expect(fast).toEqual(zod.data);
          }),
          { numRuns: 300 },
        );
      }
    });

    it(`(${name}) agrees with CustomerSchema on whole records, writes into the object given, hands back the purchase days, and reads again what it accepted`, () => {
      const into = reader.blank();
      fc.assert(
        fc.property(arb, (input) => {
          const before = { ...into };
          const purchaseDays = { first: -1, last: -1 };
          const fast = reader.fast(input, into, purchaseDays);
          const zod = CustomerSchema.safeParse(input);
          expect(fast !== undefined).toBe(zod.success);
          if (fast === undefined) {
            expect(into).toEqual(before); // a rejected input leaves the caller's objects as they were
            expect(purchaseDays).toEqual({ first: -1, last: -1 });
            return;
          }
          expect(fast).toBe(into);
          expect(fast).toEqual(zod.data);
          expect(purchaseDays).toEqual(purchaseDaysOf(fast));
          expect(reader.reread(input)).toEqual(zod.data);
        }),
        { numRuns: 3000 },
      );
    });
  }

  it('gives blank records with every field of the table, in table order', () => {
    for (const reader of Object.values(READERS)) {
      expect(Object.keys(reader.blank())).toEqual(CUSTOMER_FIELD_TABLE.map((f) => f.key));
      expect(reader.blank()).toEqual({ ...Object.fromEntries(CUSTOMER_FIELD_TABLE.map((f) => [f.key, null])), id: '' });
    }
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
        else expect(days).toEqual({ first: -1, last: -1 });
      }),
      { numRuns: 5000 },
    );
  });

  it('names the field and what was expected', () => {
    const result = guardCustomer({ id: 'x', orders: 2.5 });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^orders: /) });
  });
});
