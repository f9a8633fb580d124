// The property tests' generator of customer-like inputs, derived from a field table: every field of
// the table, each missing, null, a value of its kind, or any of the shapes a host might send.
import fc from 'fast-check';
import type { FieldKind, FieldTable } from '../../core/schema/fields.ts';

// Values of each kind the schema accepts, edges included (dates at the ends of years 1-9999, spaces around text).
const VALID: Record<FieldKind, fc.Arbitrary<unknown>> = {
  id: fc.string({ minLength: 1, maxLength: 4 }).map((s) => ` ${s}x `),
  text: fc.string({ maxLength: 4 }),
  date: fc.oneof(
    fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }),
    fc.date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((d) => ` ${d.toISOString().slice(0, 10)}`),
  ),
  count: fc.oneof(fc.nat(50), fc.constant(Number.MAX_SAFE_INTEGER), fc.constant(-0)),
  money: fc.double({ noNaN: true, noDefaultInfinity: true }),
  score: fc.oneof(fc.constantFrom(0, 10, 5), fc.double({ min: 0, max: 10, noNaN: true })),
  positive: fc.double({ min: Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true }),
  flag: fc.boolean(),
};

// Anything: where kinds part ways, and shapes no kind takes.
const ANY = fc.oneof(
  fc.integer({ min: -2, max: 12 }), fc.double(), fc.string({ maxLength: 4 }),
  fc.constantFrom('2026-02-30', '2026-03-01', ' 2026-03-01 ', '', ' '), fc.date(), fc.boolean(),
  // Where "a whole number" and "a number" part ways (zod counts only safe integers as integers).
  fc.constantFrom(2 ** 53 - 1, 2 ** 53, -(2 ** 53), 1e21, Number.MAX_VALUE, Infinity, -0, Number.EPSILON, NaN, 10, 10.5, 0),
  fc.constantFrom([], {}, new Date(NaN), new Date(Date.UTC(10000, 0, 1))),
);

/** One field's value: mostly what its kind accepts (so whole records pass often), sometimes anything. */
export function fieldValueArbitrary(kind: FieldKind): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 12, arbitrary: VALID[kind] },
    { weight: 3, arbitrary: fc.constantFrom(undefined, null) },
    { weight: 1, arbitrary: ANY },
  );
}

/** Customer-like inputs with every field of `table`, any of them possibly absent. */
export function customerArbitrary(table: FieldTable): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(table.map((f) => [f.key, fieldValueArbitrary(f.kind)])), { requiredKeys: [] });
}
