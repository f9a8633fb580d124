// Times the stages of `tierwise score` on a customer table in one process: read (file → rows read on
// demand), score (rows → results), write (results → CSV), with the heap after each; the output's SHA-256
// lets a change be checked byte for byte. Not part of npm run bench (bench/run.ts times the CLI end to end).
// Run: npx node bench/cases/score-stages.ts bench/out/customers-1000000.csv [out.csv]
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readTable } from '../../adapters/table/read-file.ts';
import { clearEarlierResults } from '../../adapters/table/earlier-results.ts';
import { scoreTable } from '../../adapters/table/score-table.ts';
import { writeTable } from '../../cli/score/write-output.ts';

const [path, out = '/tmp/score-stages.csv'] = process.argv.slice(2) as [string, string | undefined];
const stages: string[] = [];
let last = performance.now();
let lastCpu = process.cpuUsage();
// CPU time (all threads: GC helpers too) as well as wall time: on a shared machine the wall time says little.
const lap = (name: string) => {
  const now = performance.now();
  const cpu = process.cpuUsage(lastCpu);
  stages.push(`${name} ${((now - last) / 1000).toFixed(2)} s, cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB)`);
  last = now;
  lastCpu = process.cpuUsage();
};
const table = await readTable(path);
clearEarlierResults(table.rows);
lap('read');
const score = scoreTable(table.rows, { kind: 'customers' }, { asOf: '2026-11-01' }, true);
lap('score');
await writeTable(out, table, score, { language: 'en', plainUtf8: false });
lap('write');
console.log(stages.join('; '));
console.log('output sha256', createHash('sha256').update(readFileSync(out)).digest('hex').slice(0, 16));
