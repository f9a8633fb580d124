// Times the per-customer check alone on a customer CSV already in memory: the fast reader
// (core/customer-guard.ts, compiled from the field table by core/compiled-reader.ts), the same reader
// as a loop over the fields (where a host refuses code generation), zod's own parse of CustomerSchema,
// and a zod schema of the same fields without per-field transforms (what zod costs at its cheapest).
// Not part of npm run bench; run: npx node bench/cases/customer-check.ts bench/out/customers-1000000.csv
// Measured (1M customers, warm, machine shared, 09:00 UTC 2026-11-29): compiled 0.12 s, zod without
// transforms 0.96 s, CustomerSchema 5.7 s. The loop over the fields was 2.5-3 s against the
// hand-written reader's 0.4-1.1 s in the same runs (each keyed access is megamorphic there).
import { z } from 'zod';
import { fastCustomer } from '../../core/customer-guard.ts';
import { customerReaderOf } from '../../core/customer-reader.ts';
import { CUSTOMER_FIELD_TABLE } from '../../core/schema/fields.ts';
import { CustomerSchema } from '../../core/schema/customer.ts';
import { readCustomers } from './read-csv.ts';

const [path] = process.argv.slice(2) as [string];
const customers = readCustomers(path);

const text = z.string().nullish();
const count = z.number().int().nonnegative().nullish();
const money = z.number().finite().nullish();
const score = z.number().min(0).max(10).nullish();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullish();
const PlainSchema = z.object({
  id: z.string().min(1), name: text, email: text, region: text, owner: text, firstPurchase: isoDate, lastPurchase: isoDate,
  orders: count, purchaseDays: count, totalSpend: money, repeatSpendMean: money, usualGapDays: z.number().positive().nullish(),
  recentOrders: count, previousOrders: count, recentSpend: money, previousSpend: money, nps: score, previousNps: score,
  satisfaction: score, lastContact: isoDate, recentContacts: count, previousContacts: count,
  askedAboutCompetitor: z.boolean().nullish(), renewalDate: isoDate,
});

function time(name: string, check: (input: unknown) => boolean): [string, number] {
  let ok = 0;
  const started = performance.now();
  for (const c of customers) if (check(c)) ok++;
  const seconds = (performance.now() - started) / 1000;
  if (ok !== customers.length) throw new Error(`${name}: ${customers.length - ok} customers rejected`);
  return [name, Math.round(seconds * 1000) / 1000];
}

const loop = customerReaderOf(CUSTOMER_FIELD_TABLE, { compiled: false });

// Each twice, the second time warm; the warm times are the ones to compare.
const runs = [0, 1].flatMap(() => [
  time('fastCustomer', (c) => fastCustomer(c) !== undefined),
  time('fields in a loop', (c) => loop.fast(c) !== undefined),
  time('CustomerSchema.safeParse', (c) => CustomerSchema.safeParse(c).success),
  time('zod without transforms', (c) => PlainSchema.safeParse(c).success),
]);
console.log(JSON.stringify({ rows: customers.length, warmSeconds: Object.fromEntries(runs.slice(4)), coldSeconds: Object.fromEntries(runs.slice(0, 4)) }));
