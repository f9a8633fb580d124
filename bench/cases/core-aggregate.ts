// Streams an order CSV through OrderAggregator, then scores the customers; prints {seconds, ...}.
// Timed from the first byte read, like the pandas script's read_csv + groupby.
import { createReadStream } from 'node:fs';
import { OrderAggregator, scoreCustomers } from '../../core/index.ts';

const [path, asOf] = process.argv.slice(2) as [string, string];
const started = performance.now();
const aggregator = new OrderAggregator({ asOf });
let rest = '';
let header = true;
let orders = 0;
let aggregateMs = 0; // time inside the aggregator only, summed per chunk
const ids: string[] = [];
const dates: string[] = [];
const amounts: number[] = [];
for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
  const text = rest + (chunk as string);
  let start = 0;
  for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
    if (header) header = false;
    else if (end > start) {
      const a = text.indexOf(',', start);
      const b = text.indexOf(',', a + 1);
      ids.push(text.slice(start, a));
      dates.push(text.slice(a + 1, b));
      amounts.push(Number(text.slice(b + 1, end)));
    }
    start = end + 1;
  }
  rest = text.slice(start);
  const chunkStart = performance.now();
  for (let i = 0; i < ids.length; i++) {
    aggregator.add({ customerId: ids[i]!, date: dates[i]!, amount: amounts[i]!, name: null, email: null, region: null, owner: null });
  }
  aggregateMs += performance.now() - chunkStart;
  orders += ids.length;
  ids.length = 0;
  dates.length = 0;
  amounts.length = 0;
}
const read = performance.now();
const customers = aggregator.finish();
const aggregated = performance.now();
const results = scoreCustomers(customers, { asOf, purchaseModel: 'off' });
const done = performance.now();
console.log(JSON.stringify({
  seconds: (done - started) / 1000,
  readAndAddSeconds: (read - started) / 1000,
  aggregateSeconds: (aggregateMs + (aggregated - read)) / 1000,
  groupSeconds: (aggregated - read) / 1000,
  scoreSeconds: (done - aggregated) / 1000,
  rows: results.length,
  orders,
}));
