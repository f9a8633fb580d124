// tierwise model fit <orders.csv> [--as-of|--calibration-end YYYY-MM-DD] [--config F] [--json]
// Fits BG/NBD, Pareto/NBD and Gamma-Gamma on every customer's orders up to the calibration end.
import { parseArgs } from 'node:util';
import { UsageError, type CliIo, type Command } from '../io.ts';
import { dayNumber } from '../../core/dates.ts';
import { compress } from '../../core/models/history.ts';
import { historyOf } from '../../core/models/estimate.ts';
import { fitBgNbd } from '../../core/models/bgnbd.ts';
import { fitParetoNbd } from '../../core/models/pareto-nbd.ts';
import { fitGammaGamma } from '../../core/models/gamma-gamma.ts';
import { ModelFitError } from '../../core/models/fit-error.ts';
import { fitNbd, LR_CRITICAL } from '../../core/models/dropout.ts';
import { readOrders } from '../read-orders.ts';
import { count, stepProgress } from '../progress.ts';
import { boundOldSpaceGrowthForOrders } from '../old-space-growth.ts';
import { dateOption, readConfig, TABLE_OPTIONS } from '../table-options.ts';
import { configLanguage } from '../run-language.ts';
import { commandLineWords } from '../../core/i18n/cli-words.ts';

const round = (x: number, digits = 6) => Number(x.toFixed(digits));

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...TABLE_OPTIONS, 'calibration-end': { type: 'string' }, json: { type: 'boolean', default: false }, pareto: { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError((w) => w.usage.oneOrderFile);
  // The calibration end is this command's as-of date: the models see the orders up to it.
  const asOf = values['as-of'] === undefined ? undefined : dateOption('--as-of', values['as-of']);
  const calibrationEnd = values['calibration-end'] === undefined ? undefined : dateOption('--calibration-end', values['calibration-end']);
  if (asOf !== undefined && calibrationEnd !== undefined && asOf !== calibrationEnd) throw new UsageError((w) => w.usage.asOfTwice);
  const config = await readConfig(values.config, io.cwd);
  const words = commandLineWords(config.options.language ?? 'en');
  // 10M orders peaked at 1.77 GB (2 runs) with V8's own growth factor, 1.34-1.55 GB with the bound, ~2% slower.
  boundOldSpaceGrowthForOrders();
  // On a terminal, a line now and then while the file is read, and one as the fits start.
  const progress = stepProgress(io, values.quiet, config.options.language ?? 'en');
  const read = await readOrders(file, io, config, values.sheet, progress.onRows);
  progress.step((say, seconds) => say.readAllFitting(count(read.count), seconds));
  const { badRows, firstError, notes } = read;
  const end = asOf ?? calibrationEnd ?? read.latest;
  if (end === '') throw new UsageError(words.usage.noOrderRead(file, firstError));
  const aggregator = read.aggregated({ ...config.options, asOf: end });
  const endDay = dayNumber(end);
  const histories = aggregator.finish().map((c) => historyOf(c, endDay));
  const present = histories.filter((h) => h !== null);
  try {
    const started = performance.now();
    const data = compress(present);
    const bg = fitBgNbd(data);
    // DESIGN.md's output is BG/NBD + Gamma-Gamma; Pareto/NBD (what churn risk uses) on request.
    const pareto = values.pareto ? fitParetoNbd(data) : null;
    // Does anyone leave? Each model against the nested one where nobody does (core/models/dropout.ts).
    const nbd = fitNbd(data);
    const lr = (ll: number) => Math.max(0, 2 * (ll - nbd.logLikelihood));
    const dropout = {
      noDropoutLogLikelihood: round(nbd.logLikelihood, 4),
      lrBgNbd: round(lr(bg.logLikelihood), 4),
      bgnbdIdentified: lr(bg.logLikelihood) >= LR_CRITICAL,
      ...(pareto === null ? {} : { lrParetoNbd: round(lr(pareto.logLikelihood), 4), paretoNbdIdentified: lr(pareto.logLikelihood) >= LR_CRITICAL }),
    };
    const gg = fitGammaGamma(present.filter((h) => h.x > 0 && h.repeatSpendMean !== null).map((h) => ({ x: h.x, m: h.repeatSpendMean as number })));
    const seconds = (performance.now() - started) / 1000;
    const report = {
      unit: 'weeks',
      calibrationEnd: end,
      customers: present.length,
      bgnbd: { r: round(bg.params.r), alpha: round(bg.params.alpha), a: round(bg.params.a), b: round(bg.params.b), logLikelihood: round(bg.logLikelihood, 4) },
      gammaGamma: { p: round(gg.params.p), q: round(gg.params.q), gamma: round(gg.params.gamma), logLikelihood: round(gg.logLikelihood, 4) },
      ...(pareto === null ? {} : { paretoNbd: { r: round(pareto.params.r), alpha: round(pareto.params.alpha), s: round(pareto.params.s), beta: round(pareto.params.beta), logLikelihood: round(pareto.logLikelihood, 4) } }),
      dropout,
    };
    const say = words.modelFit;
    const verdict = (name: string, statistic: number, identified: boolean) => `  ${(identified ? say.leaving : say.boundary)(name, statistic.toFixed(2), LR_CRITICAL)}`;
    if (values.json) io.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else {
      io.stdout.write(
        [
          say.title(present.length.toLocaleString('en-US'), end, seconds.toFixed(2)),
          // The parameters keep their symbols (r, alpha, …) in every language, as the papers write them.
          `  BG/NBD      r ${report.bgnbd.r.toFixed(4)}  alpha ${report.bgnbd.alpha.toFixed(4)}  a ${report.bgnbd.a.toFixed(4)}  b ${report.bgnbd.b.toFixed(4)}  ${say.logLikelihood} ${report.bgnbd.logLikelihood.toFixed(2)}`,
          `  Gamma-Gamma p ${report.gammaGamma.p.toFixed(4)}  q ${report.gammaGamma.q.toFixed(4)}  gamma ${report.gammaGamma.gamma.toFixed(4)}  ${say.logLikelihood} ${report.gammaGamma.logLikelihood.toFixed(2)}`,
          ...(report.paretoNbd ? [`  Pareto/NBD  r ${report.paretoNbd.r.toFixed(4)}  alpha ${report.paretoNbd.alpha.toFixed(4)}  s ${report.paretoNbd.s.toFixed(4)}  beta ${report.paretoNbd.beta.toFixed(4)}  ${say.logLikelihood} ${report.paretoNbd.logLikelihood.toFixed(2)}`] : []),
          say.dropoutTitle(dropout.noDropoutLogLikelihood.toFixed(2)),
          verdict('BG/NBD', dropout.lrBgNbd, dropout.bgnbdIdentified),
          ...(dropout.lrParetoNbd === undefined ? [] : [verdict('Pareto/NBD', dropout.lrParetoNbd, dropout.paretoNbdIdentified ?? false)]),
        ].join('\n') + '\n',
      );
    }
    for (const note of notes) io.stderr.write(`tierwise: ${words.summary.stderrNote(note)}\n`);
    if (badRows > 0) io.stderr.write(`tierwise: ${words.summary.stderrNote(say.badRows(badRows, firstError))}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ModelFitError) {
      io.stderr.write(`tierwise model fit: ${words.models.fitFailure(error.failure)}\n`);
      return 1;
    }
    throw error;
  }
}

const modelFit: Command = { summary: (w) => w.usage.commands['model fit'].summary, usage: (w) => w.usage.commands['model fit'].syntax, language: configLanguage, run };
export default modelFit;
