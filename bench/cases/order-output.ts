// Times writing the scored copy of an order file (cli/score/order-output.ts) apart from reading and
// scoring it: the file is scored once, its batches kept, then written `rounds` times to `out`, each
// with its wall and CPU time and the output's SHA-256. Not part of npm run bench (bench/run.ts times
// the CLI end to end). bench/cases/order-output.md says what it measured.
// Run: npx node bench/cases/order-output.ts bench/out/orders-1000000.csv [rounds] [out.csv]
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { scoreOrderFile } from '../../adapters/table/order-stream.ts';
import type { OrderResults } from '../../adapters/table/order-results.ts';
import type { ScoredRow } from '../../adapters/table/contract.ts';
import { writeOrderResults } from '../../cli/score/order-output.ts';

const [path, rounds = '3', out = '/tmp/order-output.csv'] = process.argv.slice(2) as [string, string | undefined, string | undefined];
const streamed = await scoreOrderFile(path, { kind: 'orders' }, { asOf: '2026-11-01' });
const batches: ScoredRow[][] = [...streamed.results.batches()];
const end = streamed.results.end();
// The same batches for every round (a real run reads them once).
const replay: OrderResults = { ...streamed.results, batches: function* () { yield* batches; }, end: () => end };
console.log(`${batches.reduce((n, b) => n + b.length, 0)} rows`);
for (let i = 0; i < Number(rounds); i++) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await writeOrderResults(replay, { json: null, table: null, out: { path: out, encoding: streamed.text.encoding, lineEnd: streamed.text.lineEnd } }, { language: 'en', plainUtf8: false });
  const used = process.cpuUsage(cpu);
  const sha = createHash('sha256').update(readFileSync(out)).digest('hex').slice(0, 16);
  console.log(`write ${(performance.now() - started).toFixed(0)} ms, cpu ${((used.user + used.system) / 1000).toFixed(0)} ms, sha256 ${sha}`);
}
rmSync(out, { force: true });
