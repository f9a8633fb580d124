// npx node bench/cases/churn-backtest.ts cdnow|retail: every churn risk against the horizon after
// the as-of date (issue 15's targets). Prints a table and, last, one JSON line.
// CDNOW data, Fader & Hardie; Online Retail (UCI, Chen et al. 2012, CC BY 4.0): see bench/data/README.md.
import { OptionsSchema } from '../../core/schema/options.ts';
import { compareChurnModels } from '../../core/churn/learned/compare.ts';
import { benchOrders } from './churn-data.ts';

const CASES = {
  cdnow: { file: 'CDNOW_master.txt', asOf: '1997-09-30', horizon: 273 },
  retail: { file: 'online_retail_invoices.txt', asOf: '2011-09-09', horizon: 91 },
} as const;
const name = (process.argv[2] ?? 'cdnow') as keyof typeof CASES;
const c = CASES[name];
if (c === undefined) throw new Error(`unknown case ${process.argv[2]}: expected ${Object.keys(CASES).join(' or ')}`);
const started = performance.now();
const comparison = compareChurnModels(benchOrders(c.file), OptionsSchema.parse({ asOf: c.asOf, expectedPurchasesDays: c.horizon }));
const seconds = (performance.now() - started) / 1000;
console.log(`${c.file} as of ${c.asOf}, ${c.horizon} days: ${comparison.ids.length} customers, ${comparison.happened.filter(Boolean).length} bought nothing (${seconds.toFixed(1)} s)`);
for (const m of comparison.contenders) console.log(`  ${m.label.padEnd(52)} AUC ${m.auc?.toFixed(4) ?? 'n/a'}  Brier ${m.brier?.toFixed(4) ?? 'n/a'}`);
console.log(`  score would use: ${comparison.choice.model}`);
console.log(JSON.stringify({ case: name, seconds, chosen: comparison.choice.model, models: Object.fromEntries(comparison.contenders.map((m) => [m.key, { auc: m.auc, brier: m.brier }])) }));
