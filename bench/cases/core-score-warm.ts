// Scores the same customers six times in one process and prints each time: the first run pays for
// V8 growing its heap (and compiling), the later ones show the steady cost. Not part of npm run bench;
// run: npx node --expose-gc bench/cases/core-score-warm.ts bench/out/customers-1000000.csv 2026-11-01
import { scoreCustomers } from '../../core/index.ts';
import { readCustomers } from './read-csv.ts';

const [path, asOf] = process.argv.slice(2) as [string, string];
const customers = readCustomers(path);
const seconds: number[] = [];
let kept: unknown = null;
for (let run = 0; run < 6; run++) {
  kept = null; // the previous results go, as they would between two scorings
  (globalThis as { gc?: () => void }).gc?.();
  const started = performance.now();
  kept = scoreCustomers(customers, { asOf });
  seconds.push((performance.now() - started) / 1000);
}
console.log(JSON.stringify({ seconds, firstRun: seconds[0], bestLater: Math.min(...seconds.slice(1)), rows: (kept as unknown[]).length }));
