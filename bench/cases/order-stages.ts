// Times the stages of `tierwise score --orders` in one process, as the CLI runs them (cli/commands/score.ts):
// read (the file into the aggregator, on N threads when its rows are plain), models (regrouping, the
// churn model chosen and trained, the purchase models fitted: everything orderResults does before the
// first customer is scored), score and write (customers scored a range at a time, written as UTF-8).
// Wall and CPU time of each (CPU counts every thread: the readers, V8's collector helpers), the heap
// after it, and the output's SHA-256, so a change can be checked byte for byte and a stage's share of
// a second core read off. Not part of npm run bench (bench/run.ts times the CLI end to end).
// npx node bench/cases/order-stages.ts bench/out/orders-10000000.csv [--threads 2] [--model rules|pareto|learned] [--models-off] [--as-of 2026-11-01]
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { readOrderFile, scoreOrderRead } from '../../adapters/table/order-stream.ts';
import type { OptionsInput } from '../../core/schema/options.ts';
import { readOrderFileInPieces } from '../../cli/score/threads/order-pieces.ts';
import { writeOrderResults } from '../../cli/score/order-output.ts';
import { boundOldSpaceGrowthForOrders } from '../../cli/old-space-growth.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { threads: { type: 'string', default: '1' }, model: { type: 'string' }, 'models-off': { type: 'boolean', default: false }, 'as-of': { type: 'string', default: '2026-11-01' }, out: { type: 'string', default: '/tmp/order-stages.csv' } },
});
const path = positionals[0];
if (path === undefined) throw new Error('usage: order-stages.ts <orders.csv> [--threads N] [--model rules|pareto|learned] [--models-off]');
const model = values.model;
if (model !== undefined && model !== 'rules' && model !== 'pareto' && model !== 'learned') throw new Error(`--model is rules, pareto or learned, not ${model}`);
const options: OptionsInput = { asOf: values['as-of'], ...(model === undefined ? {} : { churnModel: model }), ...(values['models-off'] ? { purchaseModel: 'off' as const } : {}) };
const threads = Number(values.threads);

// As `score --orders` does before reading (its old generation bounded; cli/old-space-growth.ts).
boundOldSpaceGrowthForOrders();
const stages: Record<string, { wall: number; cpu: number; heapMB: number }> = {};
let last = performance.now();
let lastCpu = process.cpuUsage();
const lap = (name: string) => {
  const cpu = process.cpuUsage(lastCpu);
  stages[name] = { wall: Math.round(performance.now() - last) / 1000, cpu: Math.round((cpu.user + cpu.system) / 1000) / 1000, heapMB: Math.round(process.memoryUsage().heapUsed / 2 ** 20) };
  last = performance.now();
  lastCpu = process.cpuUsage();
};

const inPieces = threads > 1 ? await readOrderFileInPieces(path, {}, options, { threads, minPieceBytes: 4 << 20 }) : null;
const read = inPieces ?? (await readOrderFile(path, {}, options));
lap('read');
const scored = scoreOrderRead(read, options);
lap('models');
await writeOrderResults(scored.results, { json: null, table: null, out: { path: values.out, encoding: scored.text.encoding, lineEnd: scored.text.lineEnd } }, { language: 'en', plainUtf8: false });
lap('scoreAndWrite');

const hash = createHash('sha256');
for await (const chunk of createReadStream(values.out)) hash.update(chunk as Buffer);
console.log(JSON.stringify({ threads: inPieces === null ? 1 : threads, model: model ?? 'auto', purchaseModels: !values['models-off'], ...stages, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), sha256: hash.digest('hex').slice(0, 8) }));
