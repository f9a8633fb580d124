// tierwise backtest <orders> --as-of YYYY-MM-DD [--horizon 39w] [--config F] [--json]
// Scores as of a past date with only the orders up to it, then checks the scores against what the
// customers did in the horizon after it: how a user decides whether to trust the tiers, and which
// churn risk (hand-set rules, Pareto/NBD, or learned from their own orders) to use.
import { parseArgs } from 'node:util';
import { UsageError, type CliIo, type Command } from '../io.ts';
import { OptionsSchema } from '../../core/schema/options.ts';
import { dayNumber, isoFromDayNumber } from '../../core/dates.ts';
import { auc, evaluateBacktest, type BacktestReport } from '../../core/models/backtest.ts';
import { backtestCustomers } from '../../core/models/backtest-customers.ts';
import { brierScore, reliabilityChart, reliabilityTable, worstMiss, type ReliabilityRow } from '../../core/models/calibration.ts';
import type { Choice } from '../../core/churn/learned/choose.ts';
import { compareChurnModels, type Contender } from '../../core/churn/learned/compare.ts';
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

interface Report extends BacktestReport {
  asOf: string;
  until: string;
  horizonDays: number;
  /** The churn risk `score` would use on these orders (chosen with the orders up to the as-of date only). */
  chosen: Choice['model'];
  validation: Choice['validation'];
  brier: { churnRisk: number | null };
  models: Contender[];
  reliability: ReliabilityRow[];
}

function render(report: Report, choice: Choice): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const a = (x: number | null) => (x === null ? '   n/a' : x.toFixed(4));
  const lines = [
    `Backtest: scored as of ${report.asOf} with the orders up to then; compared with ${report.asOf} .. ${report.until}`,
    `${report.customers.toLocaleString('en-US')} customers, ${report.churners.toLocaleString('en-US')} (${pct(report.churners / Math.max(1, report.customers))}) bought nothing in the horizon`,
    '',
    'Chance of buying nothing in the horizon: AUC ranks (0.5 = coin toss, 1 = perfect), Brier scores the probabilities (lower is better)',
    '                                                      AUC    Brier',
    ...report.models.map((m) => `  ${m.label.padEnd(50)} ${a(m.auc)}  ${a(m.brier)}${m.note === null ? '' : '  (see below)'}`),
    ...report.models.filter((m) => m.note !== null).map((m) => `  ${m.key}: ${m.note}`),
    '',
    `Tierwise would use ${report.chosen}: ${choice.notes.join('; ')}`,
    '',
    `Reliability of the ${report.chosen} churn risk (customers in ten equal groups by predicted chance; "|" = predicted, "#" = observed):`,
    reliabilityChart(report.reliability),
    `Largest miss of a group: ${(worstMiss(report.reliability) * 100).toFixed(1)} points`,
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

  // Churn risk asks the same question the backtest checks: no purchase within the horizon.
  const options = OptionsSchema.parse({ ...config.options, asOf, expectedPurchasesDays: horizon });
  const { rows, buyersAfter, bgnbdNote } = backtestCustomers(orders, options);
  if (buyersAfter === 0) throw new UsageError(`no orders after ${asOf} within the horizon: pick an earlier --as-of or a shorter --horizon`);
  if (bgnbdNote !== null) io.stderr.write(`tierwise: note: ${bgnbdNote}\n`);

  // Every churn risk Tierwise can use, scored as of the as-of date from the orders up to it only.
  const comparison = compareChurnModels(orders, options);
  const { choice, chosen, happened } = comparison;
  const base = evaluateBacktest(rows);
  const report: Report = {
    asOf,
    until: isoFromDayNumber(untilDay),
    horizonDays: horizon,
    ...base,
    chosen: choice.model,
    validation: choice.validation,
    // The headline churn risk is the one score would use, on its continuous scale (no rounding ties).
    auc: { ...base.auc, churnRisk: auc(chosen, happened) },
    brier: { churnRisk: brierScore(chosen, happened) },
    models: comparison.contenders,
    reliability: reliabilityTable(chosen, happened),
  };
  if (values.json) io.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else io.stdout.write(render(report, choice) + '\n');
  return 0;
}

const backtest: Command = { summary: 'Score as of a past date and check the scores against what customers did next.', usage: USAGE, run };
export default backtest;
