// The core alone on an order table already in memory: the file is read first as `score --orders` reads it
// (adapters/table/order-stream.ts readOrderFile, not timed), then timed: regrouping the orders per
// customer (OrderAggregator.finish), choosing and training the churn model, fitting the purchase models
// and scoring every customer range by range, as `tierwise score --orders` does (no writing).
// Prints {seconds, rows, ...} on its last line.
import { readOrderFile } from '../../adapters/table/order-stream.ts';
import { orderHistoryFromColumns } from '../../adapters/table/order-columns.ts';
import { orderHistoryScorer } from '../../core/churn/learned/choose.ts';
import { RANGE_SIZE } from '../../adapters/table/order-results.ts';

const [path, asOf] = process.argv.slice(2) as [string, string];
const options = { asOf };
const read = await readOrderFile(path, {}, options);
const started = performance.now();
const history = orderHistoryFromColumns(read.aggregator);
const customers = read.aggregator.finish();
const grouped = performance.now();
const scorer = orderHistoryScorer(history, customers, options);
const fitted = performance.now();
let rows = 0;
let tiered = 0;
for (let from = 0; from < scorer.count; from += RANGE_SIZE) {
  // Each range's results are dropped once counted, as the CLI drops them once written.
  for (const result of scorer.scoreRange(from, Math.min(from + RANGE_SIZE, scorer.count))) {
    rows++;
    if (result.tier !== null) tiered++;
  }
}
const done = performance.now();
console.log(JSON.stringify({
  seconds: (done - started) / 1000,
  groupSeconds: (grouped - started) / 1000,
  modelSeconds: (fitted - grouped) / 1000,
  scoreSeconds: (done - fitted) / 1000,
  churnModel: scorer.model,
  rows,
  tiered,
}));
