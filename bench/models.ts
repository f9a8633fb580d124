// npx node bench/models.ts: fit time of each purchase model on the whole CDNOW master (23,570
// customers, calibration to 1997-09-30) and the no-dropout check. CDNOW data, Fader & Hardie.
// The churn comparisons are in bench/cases/churn-*.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OrderAggregator } from '../core/aggregate-orders.ts';
import { dayNumber } from '../core/dates.ts';
import { compress } from '../core/models/history.ts';
import { historyOf } from '../core/models/estimate.ts';
import { fitBgNbd } from '../core/models/bgnbd.ts';
import { fitParetoNbd } from '../core/models/pareto-nbd.ts';
import { fitGammaGamma } from '../core/models/gamma-gamma.ts';
import { checkDropout } from '../core/models/dropout.ts';

const END = '1997-09-30';
const lines = readFileSync(join(import.meta.dirname, 'data', 'CDNOW_master.txt'), 'utf8').trim().split('\n').slice(1);
const aggregator = new OrderAggregator({ asOf: END });
for (const line of lines) {
  const [id, d, , amount] = line.trim().split(/\s+/) as [string, string, string, string];
  aggregator.add({ customerId: id, date: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`, amount: Number(amount), name: null, email: null, region: null, owner: null });
}
const histories = aggregator.finish().map((c) => historyOf(c, dayNumber(END))).filter((h) => h !== null);
const time = <T>(label: string, f: () => T): T => {
  const started = performance.now();
  const value = f();
  console.log(`${label.padEnd(34)} ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return value;
};
console.log(`CDNOW master: ${histories.length.toLocaleString('en-US')} customers, calibration to ${END}`);
const data = time('compress (x, t_x, T)', () => compress(histories));
console.log(`  ${data.rows.length.toLocaleString('en-US')} distinct histories`);
const bg = time('BG/NBD fit', () => fitBgNbd(data));
const gg = time('Gamma-Gamma fit', () => fitGammaGamma(histories.filter((h) => h.x > 0 && h.repeatSpendMean !== null).map((h) => ({ x: h.x, m: h.repeatSpendMean as number }))));
const pareto = time('Pareto/NBD fit', () => fitParetoNbd(data));
const dropout = time('no-dropout check (NBD fit)', () => checkDropout(data, bg.logLikelihood, pareto.logLikelihood));
console.log(JSON.stringify({ bgnbd: bg.params, gammaGamma: gg.params, paretoNbd: pareto.params, dropout: { lrBgNbd: dropout.lrBgNbd, lrParetoNbd: dropout.lrParetoNbd, identified: dropout.identified } }));
