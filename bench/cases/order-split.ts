// What scoring an order table's customers on two threads could save, measured before building it:
// the stage `score --orders` runs on one thread after the models (score a range of 1,024 customers,
// tally it, write its lines as UTF-8 as cli/score/order-output.ts does, less the source-row column), timed for all customers in
// one process, and for each half in two processes that start the stage together (a barrier of files).
// Two processes are the best case for two threads: nothing to hand over (each read the file and
// fitted the models itself), no shared heap. Prints one JSON line per process.
// npx node bench/cases/order-split.ts <orders.csv> --part 0/1 --barrier /tmp/b1                      # all, alone
// npx node bench/cases/order-split.ts <orders.csv> --part 0/2 --barrier /tmp/b2 & \
//   npx node bench/cases/order-split.ts <orders.csv> --part 1/2 --barrier /tmp/b2; wait              # halves at once
import { createWriteStream, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { readOrderFile } from '../../adapters/table/order-stream.ts';
import { orderHistoryFromColumns } from '../../adapters/table/order-columns.ts';
import { orderHistoryScorer } from '../../core/churn/learned/choose.ts';
import { SummaryTally } from '../../core/summarize.ts';
import { csvText } from '../../cli/score/csv-result-fields.ts';
import { ResultFieldBytes } from '../../cli/score/result-field-bytes.ts';
import { Utf8Chunks, utf8Most } from '../../cli/score/utf8-lines.ts';
import { boundOldSpaceGrowthForOrders } from '../../cli/old-space-growth.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { part: { type: 'string', default: '0/1' }, barrier: { type: 'string', default: '/tmp/order-split' }, 'as-of': { type: 'string', default: '2026-11-01' } } });
const path = positionals[0];
const [k, parts] = (values.part.split('/').map(Number) as [number, number]);
if (path === undefined || !(parts >= 1 && k >= 0 && k < parts)) throw new Error('usage: order-split.ts <orders.csv> --part K/N --barrier DIR');
const options = { asOf: values['as-of'] };

boundOldSpaceGrowthForOrders();
const read = await readOrderFile(path, {}, options);
const history = orderHistoryFromColumns(read.aggregator);
const customers = read.aggregator.finish();
const scorer = orderHistoryScorer(history, customers, options);

// Every process is ready to score: start together.
mkdirSync(values.barrier, { recursive: true });
writeFileSync(`${values.barrier}/ready-${k}`, '');
while (readdirSync(values.barrier).filter((f) => f.startsWith('ready-')).length < parts) await sleep(2);

const from = Math.floor((scorer.count * k) / parts);
const to = Math.floor((scorer.count * (k + 1)) / parts);
const started = performance.now();
const cpu = process.cpuUsage();
const file = createWriteStream(`/tmp/order-split-${k}-of-${parts}.csv`);
const out = new Utf8Chunks(file);
const fields = new ResultFieldBytes('en', ',');
const tally = new SummaryTally({ language: 'en' });
const end = Buffer.from('\n');
for (let q = from; q < to; q += 1024) {
  for (const result of scorer.scoreRange(q, Math.min(q + 1024, to))) {
    tally.add(result);
    const id = csvText(result.id, ',');
    const wait = out.room(utf8Most(id) + fields.prepare(result) + 32 + end.length);
    if (wait !== null) await wait;
    out.text(id);
    out.byte(0x2c);
    fields.write(out);
    out.bytes(end);
  }
}
await out.end();
const used = process.cpuUsage(cpu);
const seconds = Math.round(performance.now() - started) / 1000;
console.log(JSON.stringify({ part: values.part, customers: to - from, scoreAndWriteSeconds: seconds, cpuSeconds: Math.round((used.user + used.system) / 1000) / 1000, scored: tally.summary().scored }));
if (existsSync(values.barrier)) writeFileSync(`${values.barrier}/done-${k}`, '');
