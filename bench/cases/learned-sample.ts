// npx node bench/cases/learned-sample.ts cdnow|retail|<orders.csv> [asOf horizonDays] [sample …]
// Does the learned churn model predict as well trained on a sample of customers (by id hash) as on
// all of them? Trains as of the as-of date from the orders up to it, once per sample size ('all' =
// every customer), predicts every customer, and checks against the horizon after it: AUC, Brier score
// and the lift of the riskiest tenth (their churn rate over everyone's). Figures: learned-sample.md.
// CDNOW data, Fader & Hardie; Online Retail (UCI, Chen et al. 2012, CC BY 4.0): see bench/data/README.md.
import { readFileSync } from 'node:fs';
import type { Order } from '../../core/schema/order.ts';
import { OptionsSchema } from '../../core/schema/options.ts';
import { dayNumber } from '../../core/dates.ts';
import { auc } from '../../core/models/backtest.ts';
import { brierScore } from '../../core/models/calibration.ts';
import { orderLogOf } from '../../core/churn/learned/order-log.ts';
import { boughtNothing } from '../../core/churn/learned/features.ts';
import { predictChurn, trainChurnModel } from '../../core/churn/learned/train.ts';
import { settingsOf } from '../../core/churn/learned/choose.ts';
import { forgetFits } from '../../core/models/fit-count-model.ts';
import { benchOrders } from './churn-data.ts';

const CASES: Record<string, { file: string; asOf: string; horizon: number; samples: string[] }> = {
  cdnow: { file: 'CDNOW_master.txt', asOf: '1997-09-30', horizon: 273, samples: ['all', '10000', '5000', '2000'] },
  retail: { file: 'online_retail_invoices.txt', asOf: '2011-09-09', horizon: 91, samples: ['all', '2000', '1000'] },
};

/** A generated order file (bench/out/orders-*.csv): customer_id,date,amount with a header. */
function csvOrders(path: string): Order[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const orders: Order[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const [customerId, date, amount] = line.split(',');
    if (customerId === undefined || date === undefined || amount === undefined || Number.isNaN(Number(amount))) throw new Error(`${path} line ${i + 1}: expected "customer_id,date,amount", got "${line}"`);
    orders.push({ customerId, date, amount: Number(amount), name: null, email: null, region: null, owner: null });
  }
  return orders;
}

const arg = process.argv[2] ?? 'cdnow';
const known = CASES[arg];
const orders = known === undefined ? csvOrders(arg) : benchOrders(known.file);
const asOf = process.argv[3] ?? known?.asOf ?? '2026-08-03';
const horizon = Number(process.argv[4] ?? known?.horizon ?? 90);
const samples = process.argv.length > 5 ? process.argv.slice(5) : (known?.samples ?? ['all', '100000', '20000']);

const options = OptionsSchema.parse({ asOf, expectedPurchasesDays: horizon });
const asOfDay = dayNumber(asOf);
const fullLog = orderLogOf(orders);
const pastLog = orderLogOf(orders.filter((o) => o.date <= asOf));
const at = new Map(fullLog.ids.map((id, k) => [id, k]));
console.log(`${arg} as of ${asOf}, ${horizon} days: ${pastLog.ids.length} customers`);
for (const sample of samples) {
  forgetFits(); // each size pays for its purchase-model fits, as a run would
  const started = performance.now();
  const trained = trainChurnModel(pastLog, asOfDay, { ...settingsOf(options), sample: sample === 'all' ? Infinity : Number(sample) });
  const seconds = (performance.now() - started) / 1000;
  if (!trained.ok) {
    console.log(`  sample ${sample}: ${trained.reason}`);
    continue;
  }
  const { predictions } = predictChurn(trained.model, pastLog, asOfDay, horizon);
  const chance: number[] = [];
  const happened: boolean[] = [];
  predictions.forEach((p, k) => {
    if (p === null) return;
    chance.push(p.probability);
    happened.push(boughtNothing(fullLog, at.get(pastLog.ids[k] as string) as number, asOfDay, horizon));
  });
  const base = happened.filter(Boolean).length / happened.length;
  const riskiest = chance.map((c, i) => ({ c, i })).sort((a, b) => b.c - a.c || a.i - b.i).slice(0, Math.ceil(chance.length / 10));
  const lift = riskiest.filter((r) => happened[r.i]).length / riskiest.length / base;
  const result = { case: arg, sample, examples: trained.model.examples, trainSeconds: seconds, auc: auc(chance, happened), brier: brierScore(chance, happened), liftTop10: lift };
  console.log(`  sample ${sample.padStart(7)}: ${String(result.examples).padStart(8)} examples, trained in ${seconds.toFixed(2)} s; AUC ${result.auc?.toFixed(4)}  Brier ${result.brier?.toFixed(4)}  top-10% lift ${lift.toFixed(3)}`);
  console.log(JSON.stringify(result));
}
