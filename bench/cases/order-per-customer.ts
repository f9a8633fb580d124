// Times `score --orders`' per-customer stage apart from reading the file and fitting the models: the
// file is read and the churn model chosen, trained and the purchase models fitted (setup), then every
// customer is scored and their row written (the batches are scored as they are written). Prints each
// stage's wall and CPU time and the output's SHA-256; the second is run `rounds` times (each round
// scores every customer again: the results are made as their rows are written). Compare two trees by
// running each in turn. bench/cases/order-per-customer.md says what it measured.
// Run: npx node bench/cases/order-per-customer.ts bench/out/orders-1000000.csv [rounds] [out.csv]
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { scoreOrderFile } from '../../adapters/table/order-stream.ts';
import { writeOrderResults } from '../../cli/score/order-output.ts';

const [path, rounds = '3', out = '/tmp/order-per-customer.csv'] = process.argv.slice(2) as [string, string | undefined, string | undefined];
const cpuMs = (u: NodeJS.CpuUsage) => ((u.user + u.system) / 1000).toFixed(0);
let started = performance.now();
let cpu = process.cpuUsage();
const streamed = await scoreOrderFile(path, { kind: 'orders' }, { asOf: '2026-11-01' });
console.log(`setup (read, choose, train, fit) ${(performance.now() - started).toFixed(0)} ms, cpu ${cpuMs(process.cpuUsage(cpu))} ms`);
const cpus: number[] = [];
for (let round = 0; round < Number(rounds); round++) {
  started = performance.now();
  cpu = process.cpuUsage();
  // Each call reads the batches anew, so every customer is scored again (the summary counts them again: not read here).
  await writeOrderResults(streamed.results, { json: null, table: null, out: { path: out, encoding: streamed.text.encoding, lineEnd: streamed.text.lineEnd } }, { language: 'en', plainUtf8: false });
  const used = process.cpuUsage(cpu);
  cpus.push((used.user + used.system) / 1000);
  const sha = createHash('sha256').update(readFileSync(out)).digest('hex').slice(0, 16);
  console.log(`score and write ${(performance.now() - started).toFixed(0)} ms, cpu ${cpuMs(used)} ms, sha256 ${sha}`);
}
cpus.sort((a, b) => a - b);
console.log(`median cpu of score and write: ${(cpus[cpus.length >> 1] as number).toFixed(0)} ms`);
rmSync(out, { force: true });
