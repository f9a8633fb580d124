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
import { WORDS } from '../../core/i18n/index.ts';
import type { Language, Options } from '../../core/schema/options.ts';
import type { OrderHistory } from '../../core/order-history.ts';
import type { BgNbdFit } from '../../core/models/bgnbd.ts';
import { readOrders } from '../read-orders.ts';
import { count, stepProgress } from '../progress.ts';
import { boundOldSpaceGrowthForOrders } from '../old-space-growth.ts';
import { dateOption, readConfig, TABLE_OPTIONS } from '../table-options.ts';
import { configLanguage } from '../run-language.ts';

/** "39w", "90d", "6m" or a plain number of days → days. */
export function horizonDays(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([dwm]?)$/i.exec(text.trim());
  if (!match) throw new UsageError((w) => w.usage.notAPeriod(text.slice(0, 40)));
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

/** Columns in a terminal: a Chinese character takes two (East Asian Wide), so labels line up in both languages. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const padColumns = (text: string, columns: number) => text + ' '.repeat(Math.max(0, columns - [...text].reduce((w, c) => w + (WIDE.test(c) ? 2 : 1), 0)));

/** The report as text, in the options' language (core/i18n BacktestWords); numbers as the CLI's summary writes them. */
function render(report: Report, choice: Choice, language: Language): string {
  const say = WORDS[language].backtest;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const a = (x: number | null) => (x === null ? say.notAvailable.padStart(6) : x.toFixed(4));
  const lines = [
    say.title(report.asOf, report.until),
    say.outcome(report.customers.toLocaleString('en-US'), report.churners.toLocaleString('en-US'), pct(report.churners / Math.max(1, report.customers))),
    '',
    say.scoresIntro,
    '                                                      AUC    Brier',
    ...report.models.map((m) => `  ${padColumns(m.label, 50)} ${a(m.auc)}  ${a(m.brier)}${m.note === null ? '' : say.seeBelow}`),
    ...report.models.filter((m) => m.note !== null).map((m) => `  ${m.key}: ${m.note}`),
    '',
    say.wouldUse(report.chosen, choice.notes.join(WORDS[language].churn.join)),
    '',
    say.reliabilityTitle(report.chosen),
    reliabilityChart(report.reliability, 40, say.reliabilityHeader),
    say.largestMiss((worstMiss(report.reliability) * 100).toFixed(1)),
    '',
    say.tierColumns,
    ...report.byTier.map((t) =>
      [
        padColumns(LABELS[language].tier[t.tier], 13),
        t.customers.toLocaleString('en-US').padStart(10),
        pct(t.churned).padStart(15),
        (t.predictedPurchases === null ? say.notAvailable : t.predictedPurchases.toFixed(0)).padStart(20),
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
  if (file === undefined || positionals.length > 1 || values['as-of'] === undefined) throw new UsageError((w) => w.usage.oneOrderFileAndAsOf);
  const asOf = dateOption('--as-of', values['as-of']);
  const horizon = horizonDays(values.horizon);
  const asOfDay = dayNumber(asOf);
  const untilDay = asOfDay + horizon;
  const config = await readConfig(values.config, io.cwd);
  // The same workload as score --orders (a million customers' results made and dropped): 10M orders
  // peaked at 1.98-2.66 GB in 5 runs with V8's own growth factor, 1.65-1.81 GB in 6 with the bound.
  boundOldSpaceGrowthForOrders();
  // On a terminal, a line now and then while the file is read and as each long step starts (10M orders: ~50 s).
  const progress = stepProgress(io, values.quiet, config.options.language ?? 'en');
  // Columns for a text file, no Order object per order (core/order-history.ts).
  const read = await readOrders(file, io, config, values.sheet, progress.onRows);
  const history = read.history();
  progress.step((say, seconds) => say.readAllBacktest(count(read.count), seconds));

  // Churn risk asks the same question the backtest checks: no purchase within the horizon.
  const options = OptionsSchema.parse({ ...config.options, asOf, expectedPurchasesDays: horizon });
  // The customers' rows are summed up before the comparison, which then has their memory (a million rows).
  const { base, bgnbd } = customerOutcomes(history, options, io);
  progress.step((say, seconds) => say.comparing(seconds));
  // Every churn risk Tierwise can use, scored as of the as-of date from the orders up to it only
  // (BG/NBD's as the customers' outcomes fitted it: the same customers, a million customers' fit not done twice).
  const comparison = compareChurnModels(history, options, bgnbd);
  const { choice, chosen, happened } = comparison;
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
  else io.stdout.write(render(report, choice, options.language) + '\n');
  return 0;
}

/** Each customer's scores as of the as-of date against what they did after it, summed up (core/models/backtest.ts). */
function customerOutcomes(history: OrderHistory, options: Options, io: CliIo): { base: BacktestReport; bgnbd: BgNbdFit } {
  const { rows, buyersAfter, bgnbd } = backtestCustomers(history, options);
  const words = WORDS[options.language];
  if (buyersAfter === 0 || bgnbd === null) throw new UsageError(words.backtest.noOrdersAfter(options.asOf));
  if (!bgnbd.ok) io.stderr.write(`tierwise: ${words.summary.stderrNote(words.models.comparisonLeftOut(words.models.fitFailure(bgnbd.failure)))}\n`);
  return { base: evaluateBacktest(rows), bgnbd };
}

const backtest: Command = { summary: (w) => w.usage.commands.backtest.summary, usage: (w) => w.usage.commands.backtest.syntax, language: configLanguage, run };
export default backtest;
