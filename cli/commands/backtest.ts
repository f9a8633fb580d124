// tierwise backtest <orders> --as-of YYYY-MM-DD [--horizon 39w] [--config F] [--json]
// Scores as of a past date with only the orders up to it, then checks the scores against what the
// customers did in the horizon after it: how a user decides whether to trust the tiers.
import { parseArgs } from 'node:util';
import { UsageError, type CliIo, type Command } from '../io.ts';
import { OrderAggregator } from '../../core/aggregate-orders.ts';
import { scoreCustomers } from '../../core/score.ts';
import { dayNumber, isoFromDayNumber } from '../../core/dates.ts';
import { fitModels, historyOf, DAYS_PER_UNIT } from '../../core/models/estimate.ts';
import { bgnbdExpectedPurchases } from '../../core/models/bgnbd.ts';
import { evaluateBacktest, type BacktestCustomer, type BacktestReport } from '../../core/models/backtest.ts';
import { ModelFitError } from '../../core/models/fit-error.ts';
import { LABELS } from '../../core/labels.ts';
import { readOrders } from '../read-orders.ts';
import { dateOption, readConfig, TABLE_OPTIONS, TABLE_USAGE } from '../table-options.ts';

const USAGE = `tierwise backtest <orders.csv> --as-of YYYY-MM-DD [--horizon 39w|90d|6m] [--json] ${TABLE_USAGE}`;

/** "39w", "90d", "6m" or a plain number of days → days. */
export function horizonDays(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([dwm]?)$/i.exec(text.trim());
  if (!match) throw new UsageError(`--horizon "${text.slice(0, 40)}" is not a period: expected e.g. 39w, 90d or 6m`);
  const n = Number(match[1]);
  const unit = (match[2] ?? '').toLowerCase();
  return Math.round(unit === 'w' ? n * 7 : unit === 'm' ? n * 30.44 : n);
}

function render(report: BacktestReport, asOf: string, until: string): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const a = (x: number | null) => (x === null ? 'n/a' : x.toFixed(4));
  const lines = [
    `Backtest: scored as of ${asOf} with the orders up to then; compared with ${asOf} .. ${until}`,
    `${report.customers.toLocaleString('en-US')} customers, ${report.churners.toLocaleString('en-US')} (${pct(report.churners / Math.max(1, report.customers))}) bought nothing in the horizon`,
    '',
    'How well each ranks the customers who then bought nothing (AUC, 0.5 = coin toss, 1 = perfect):',
    `  Tierwise churn risk                 ${a(report.auc.churnRisk)}`,
    `  plain recency (days since last)     ${a(report.auc.recency)}`,
    `  BG/NBD expected purchases (fewer)   ${a(report.auc.expectedPurchases)}`,
    '',
    'Tier           Customers  Bought nothing  Predicted purchases  Actual purchases  Share of later revenue',
    ...report.byTier.map((t) =>
      [
        LABELS.en.tier[t.tier].padEnd(13),
        t.customers.toLocaleString('en-US').padStart(10),
        pct(t.churned).padStart(15),
        (t.predictedPurchases === null ? 'n/a' : t.predictedPurchases.toFixed(0)).padStart(20),
        t.actualPurchases.toLocaleString('en-US').padStart(17),
        pct(t.revenueShare).padStart(23),
      ].join(' '),
    ),
  ];
  return lines.join('\n');
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...TABLE_OPTIONS, horizon: { type: 'string', default: '39w' }, json: { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1 || values['as-of'] === undefined) throw new UsageError('expected one order file and --as-of');
  const asOf = dateOption('--as-of', values['as-of']);
  const horizon = horizonDays(values.horizon);
  const asOfDay = dayNumber(asOf);
  const untilDay = asOfDay + horizon;
  const config = await readConfig(values.config, io.cwd);
  const { orders } = await readOrders(file, io, config, values.sheet);

  // What each customer did after the as-of date, within the horizon.
  const after = new Map<string, { days: Set<number>; revenue: number }>();
  for (const o of orders) {
    const day = dayNumber(o.date);
    if (day <= asOfDay || day > untilDay) continue;
    let entry = after.get(o.customerId);
    if (entry === undefined) after.set(o.customerId, (entry = { days: new Set(), revenue: 0 }));
    if (o.amount >= 0) entry.days.add(day);
    entry.revenue += o.amount;
  }
  if (after.size === 0) throw new UsageError(`no orders after ${asOf} within the horizon: pick an earlier --as-of or a shorter --horizon`);

  const aggregator = new OrderAggregator({ ...config.options, asOf });
  for (const o of orders) aggregator.add(o);
  const customers = aggregator.finish();
  // Churn risk asks the same question the backtest checks: no purchase within the horizon.
  const results = scoreCustomers(customers, { ...config.options, asOf, expectedPurchasesDays: horizon });
  const histories = customers.map((c) => historyOf(c, asOfDay));
  let expected: (number | null)[] = histories.map(() => null);
  try {
    const models = fitModels(histories, customers.map((c) => c.id), Infinity);
    expected = histories.map((h) => (h === null ? null : bgnbdExpectedPurchases(models.bgnbd, h, horizon / DAYS_PER_UNIT)));
  } catch (error) {
    if (!(error instanceof ModelFitError)) throw error;
    io.stderr.write(`tierwise: note: ${error.message}; the BG/NBD comparison is left out\n`);
  }
  const rows: BacktestCustomer[] = [];
  customers.forEach((c, i) => {
    const result = results[i];
    if (result === undefined || c.lastPurchase === null) return;
    const outcome = after.get(c.id);
    rows.push({
      result,
      daysSinceLast: asOfDay - dayNumber(c.lastPurchase),
      expectedPurchases: expected[i] ?? null,
      outcome: { purchases: outcome?.days.size ?? 0, revenue: outcome?.revenue ?? 0 },
    });
  });
  const report = evaluateBacktest(rows);
  const until = isoFromDayNumber(untilDay);
  if (values.json) io.stdout.write(JSON.stringify({ asOf, until, horizonDays: horizon, ...report }, null, 2) + '\n');
  else io.stdout.write(render(report, asOf, until) + '\n');
  return 0;
}

const backtest: Command = { summary: 'Score as of a past date and check the scores against what customers did next.', usage: USAGE, run };
export default backtest;
