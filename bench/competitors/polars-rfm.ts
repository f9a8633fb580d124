// The Polars script an analyst would write (lazy scan, rank, when/then, CSV out): R, F, M by the
// core's tie-safe rule (core/rfm.ts), the RF grid (core/segments.ts) and the default tiers
// (core/tiers.ts), as bench/rfm.sql does. Threads: POLARS_MAX_THREADS, set by the caller before
// Polars loads (it sizes its pool once). Prints one JSON line (rows, seconds).
// usage: POLARS_MAX_THREADS=N node polars-rfm.ts customers|orders <file.csv> <as-of YYYY-MM-DD> <out.csv>
import { z } from 'zod';
import { requireBenchPackage } from './require-package.ts';

const Args = z.tuple([
  z.enum(['customers', 'orders']),
  z.string().min(1),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'as-of must be YYYY-MM-DD'),
  z.string().min(1),
]);
const [mode, file, asOf, out] = Args.parse(process.argv.slice(2));
const { default: pl } = await requireBenchPackage<typeof import('nodejs-polars')>('nodejs-polars');
type Expr = ReturnType<typeof pl.col>;

/** 1 + floor(5 × w / N), w = rows with a strictly lower value: rank('min') - 1 (core/rfm.ts). */
const quintile = (column: string, name: string): Expr =>
  pl.col(column).rank('min').cast(pl.Float64).sub(1).mul(5).div(pl.len()).floor().add(1).cast(pl.Int8).alias(name);

const r = pl.col('R');
const f = pl.col('F');
const segment = pl
  .when(r.ltEq(2).and(f.ltEq(2)).and(r.eq(1)).and(pl.col('M').ltEq(2))).then(pl.lit('Lost'))
  .when(r.ltEq(2).and(f.ltEq(2))).then(pl.lit('Hibernating'))
  .when(r.ltEq(2).and(f.ltEq(4))).then(pl.lit('At risk'))
  .when(r.ltEq(2)).then(pl.lit("Can't lose"))
  .when(r.eq(3).and(f.ltEq(2))).then(pl.lit('About to sleep'))
  .when(r.eq(3).and(f.eq(3))).then(pl.lit('Need attention'))
  .when(r.eq(3)).then(pl.lit('Loyal'))
  .when(r.eq(4).and(f.eq(1))).then(pl.lit('Promising'))
  .when(r.eq(4).and(f.ltEq(3))).then(pl.lit('Potential loyalist'))
  .when(r.eq(4)).then(pl.lit('Loyal'))
  .when(f.eq(1)).then(pl.lit('New'))
  .when(f.ltEq(3)).then(pl.lit('Potential loyalist'))
  .otherwise(pl.lit('Champions'))
  .alias('segment');
const s = pl.col('segment');
const tier = pl
  .when(s.isIn(['Champions', 'Loyal'])).then(pl.lit('A'))
  .when(s.isIn(['Potential loyalist', 'New', 'Promising'])).then(pl.lit('B'))
  .when(s.isIn(['Need attention', 'About to sleep'])).then(pl.lit('C'))
  .otherwise(pl.lit('D'))
  .alias('tier');

const started = performance.now();
let customers;
if (mode === 'customers') {
  customers = pl.scanCSV(file, { parseDates: true }).filter(pl.col('last_purchase').isNotNull());
} else {
  // Orders after the as-of date are left out; refunds net against spend but are not purchases.
  const purchase = pl.col('amount').gtEq(0);
  customers = pl
    .scanCSV(file, { schema: { customer_id: pl.Utf8, date: pl.Date, amount: pl.Float64 } })
    .filter(pl.col('date').ltEq(pl.lit(asOf).str.strptime(pl.Date, '%Y-%m-%d')))
    .groupBy('customer_id')
    .agg(
      pl.col('date').filter(purchase).min().alias('first_purchase'),
      pl.col('date').filter(purchase).max().alias('last_purchase'),
      purchase.sum().alias('orders'),
      pl.col('amount').sum().round(2).alias('total_spend'),
    )
    .filter(pl.col('orders').gt(0));
}
const scored = await customers
  .withColumns(quintile('last_purchase', 'R'), quintile('orders', 'F'), quintile('total_spend', 'M'))
  .withColumns(segment)
  .withColumns(tier)
  .collect();
scored.writeCSV(out);
console.log(JSON.stringify({ rows: scored.height, seconds: (performance.now() - started) / 1000 }));
