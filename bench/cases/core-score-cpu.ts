// Scores the same customers `runs` times in one process (default 3) and prints, per run, the wall
// time, the CPU time of the whole process (garbage collector threads included), of the main thread
// alone, and the time spent in garbage collection pauses. On this shared VM the wall clock moves
// with the other users' load; CPU time moves much less, so two builds taking turns compare by it.
// run: npx node --expose-gc bench/cases/core-score-cpu.ts bench/out/customers-1000000.csv 2026-11-01 [runs]
import { PerformanceObserver } from 'node:perf_hooks';
import { scoreCustomers } from '../../core/index.ts';
import { readCustomers } from './read-csv.ts';

const [path, asOf, runsArg = '3'] = process.argv.slice(2) as [string, string, string?];
const customers = readCustomers(path);
let gcMs = 0;
let counting = false;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (counting) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const runs: { wall: number; cpu: number; mainThread: number; gcPauses: number }[] = [];
let kept: unknown = null;
for (let run = 0; run < Number(runsArg); run++) {
  kept = null; // the previous results go, as they would between two scorings
  (globalThis as { gc?: () => void }).gc?.();
  await settle();
  gcMs = 0;
  counting = true;
  const cpu = process.cpuUsage();
  const thread = process.threadCpuUsage();
  const started = performance.now();
  kept = scoreCustomers(customers, { asOf });
  const wall = (performance.now() - started) / 1000;
  const cpuUsed = process.cpuUsage(cpu);
  const threadUsed = process.threadCpuUsage(thread);
  await settle(); // the observer hears of the last pauses on a later turn of the event loop
  counting = false;
  const seconds = (u: { user: number; system: number }) => Math.round((u.user + u.system) / 1e4) / 100;
  runs.push({ wall: Math.round(wall * 100) / 100, cpu: seconds(cpuUsed), mainThread: seconds(threadUsed), gcPauses: Math.round(gcMs / 10) / 100 });
}
console.log(JSON.stringify({ runs, rows: (kept as unknown[]).length }));
