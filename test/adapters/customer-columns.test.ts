// Customers kept as columns (adapters/table/customer-columns.ts) read back exactly as they went in:
// every field of the table's columns, nulls, -0, dates, flags, shared texts; the others null.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import '../fast-check-seed.ts';
import { CustomerColumns } from '../../adapters/table/customer-columns.ts';
import { CUSTOMER_FIELD_TABLE } from '../../core/schema/fields.ts';
import { blankCustomer, checkCustomer } from '../../core/customer-guard.ts';
import { purchaseDaysOf } from '../../core/purchase-days.ts';
import type { Customer } from '../../core/schema/customer.ts';
import type { CustomerField } from '../../adapters/table/contract.ts';
import { customerArbitrary } from '../core/customer-arbitrary.ts';

const TABLE_FIELDS = CUSTOMER_FIELD_TABLE.filter((f) => f.synonyms.length > 0).map((f) => f.key as CustomerField);

/** The customer as a table with these columns gives it: its fields without a column are null. */
function asTableGives(customer: Customer, mapping: Partial<Record<CustomerField, number>>): Customer {
  const record = { ...blankCustomer(), id: customer.id } as unknown as Record<string, unknown>;
  for (const key of TABLE_FIELDS) if (mapping[key] !== undefined) record[key] = (customer as unknown as Record<string, unknown>)[key];
  return record as unknown as Customer;
}

describe('customers kept as columns', () => {
  it('read back as they were kept, for any customers and any set of columns', () => {
    const mappingArbitrary = fc.subarray(TABLE_FIELDS).map((fields) => Object.fromEntries(fields.map((f, i) => [f, i])) as Partial<Record<CustomerField, number>>);
    const customers = fc.array(customerArbitrary(CUSTOMER_FIELD_TABLE).map((input) => checkCustomer(input)), { maxLength: 40 });
    fc.assert(
      fc.property(mappingArbitrary, customers, fc.boolean(), (mapping, checked, compiled) => {
        const kept = checked.filter((c): c is Customer => typeof c !== 'string').map((c) => asTableGives(c, mapping));
        // A small start, so the columns grow while customers are added; compiled code or the loops.
        const columns = new CustomerColumns(mapping, 1, compiled);
        for (const c of kept) columns.add(c);
        expect(columns.count).toBe(kept.length);
        const into = blankCustomer();
        const days = { first: 0, last: 0 };
        kept.forEach((c, k) => {
          expect(columns.fill(k, into)).toEqual(c);
          columns.purchaseDays(k, days);
          expect(days).toEqual(purchaseDaysOf(c));
        });
      }),
      { numRuns: 200 },
    );
  });

  it('keep -0, false and nulls apart, and text as it was', () => {
    const columns = new CustomerColumns({ id: 0, region: 1, totalSpend: 2, askedAboutCompetitor: 3 });
    const base = blankCustomer();
    columns.add({ ...base, id: 'a', region: 'North'.slice(0), totalSpend: -0, askedAboutCompetitor: false });
    columns.add({ ...base, id: 'b', region: ['No', 'rth'].join(''), totalSpend: null, askedAboutCompetitor: null });
    const first = { ...columns.fill(0, blankCustomer()) };
    const second = { ...columns.fill(1, blankCustomer()) };
    expect(Object.is(first.totalSpend, -0)).toBe(true);
    expect(second.totalSpend).toBeNull();
    expect(first.askedAboutCompetitor).toBe(false);
    expect(second.askedAboutCompetitor).toBeNull();
    expect(second.region).toBe('North');
  });

  it('are read by the scorer through checks that never ask the schema', () => {
    const columns = new CustomerColumns({ id: 0, lastPurchase: 1 });
    columns.add({ ...blankCustomer(), id: 'a', lastPurchase: '2026-03-01' });
    const checks = columns.checks();
    const days = { first: 0, last: 0 };
    expect(checks.fast(0, days, blankCustomer())).toMatchObject({ id: 'a', lastPurchase: '2026-03-01', firstPurchase: null });
    expect(days).toEqual({ first: NaN, last: purchaseDaysOf({ ...blankCustomer(), lastPurchase: '2026-03-01' }).last });
    expect(() => checks.slow(0)).toThrow(/parsed already/);
  });
});
