// CPU time of the purchase-model fits alone (BG/NBD, Pareto/NBD, NBD) on ~5,000 customers of an
// order file picked by id hash, as score --orders fits them: x, t_x, T in weeks as of 2026-11-01.
// The fits' cache is emptied each round (forgetFits), so every round fits afresh. Prints the CPU
// time of each round and the fitted parameters (equal bits before and after a speedup).
// Run: npx node bench/cases/purchase-fits.ts bench/out/orders-1000000.csv [rounds]
import { readFileSync } from 'node:fs';
import { compress, type History } from '../../core/models/history.ts';
import { fitBgNbd } from '../../core/models/bgnbd.ts';
import { fitParetoNbd } from '../../core/models/pareto-nbd.ts';
import { fitNbd } from '../../core/models/dropout.ts';
import { forgetFits } from '../../core/models/fit-count-model.ts';
import { fnv1a } from '../../core/fnv1a.ts';
import { parseIsoDay } from '../../core/dates.ts';

const [path, rounds = '5'] = process.argv.slice(2) as [string, string | undefined];
const days = new Map<string, Set<number>>();
for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) {
  const [id, date, amount] = line.split(',');
  if (id === undefined || date === undefined || !(Number(amount) >= 0)) continue;
  let bought = days.get(id);
  if (bought === undefined) days.set(id, (bought = new Set()));
  bought.add(parseIsoDay(date));
}
const asOf = parseIsoDay('2026-11-01');
const keepBelow = Math.floor((5000 / days.size) * 2 ** 32);
const histories: (History | null)[] = [...days].map(([id, bought]) => {
  if (fnv1a(id) >= keepBelow) return null;
  const sorted = [...bought].sort((a, b) => a - b);
  const first = sorted[0] as number;
  return { x: sorted.length - 1, tx: ((sorted[sorted.length - 1] as number) - first) / 7, T: (asOf - first) / 7 };
});
const data = compress(histories);
console.log(`${data.rows.length} distinct histories of ${data.weights.reduce((a, b) => a + b, 0)} customers`);
const cpu: number[] = [];
let fits = '';
for (let round = 0; round < Number(rounds); round++) {
  forgetFits();
  const started = process.cpuUsage();
  const fitted = [fitBgNbd(data), fitParetoNbd(data), fitNbd(data)];
  const used = process.cpuUsage(started);
  cpu.push((used.user + used.system) / 1000);
  fits = JSON.stringify(fitted);
}
console.log(`fits CPU ms per round: ${cpu.map((t) => t.toFixed(0)).join(' ')}`);
console.log(fits);
