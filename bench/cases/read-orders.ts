// Times reading an order CSV as `score --orders` does (adapters/table/order-stream.ts readOrderFile),
// plain rows read from the text against every row read as cells, taking turns in one process so both
// see the same machine; then the aggregation and the churn models' order log. Prints one JSON line per run.
// npx node --expose-gc bench/cases/read-orders.ts bench/out/orders-1000000.csv 2026-11-01 [runs per side]
import { readOrderFile } from '../../adapters/table/order-stream.ts';
import { orderHistoryFromColumns } from '../../adapters/table/order-columns.ts';

const [path, asOf, runsText] = process.argv.slice(2) as [string, string, string | undefined];
const runs = Number(runsText ?? 2);
const gc = (globalThis as { gc?: () => void }).gc;
const seconds = (from: number) => Math.round(performance.now() - from) / 1000;
const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return Math.round((used.user + used.system) / 1000) / 1000;
};

for (let run = 0; run < runs * 2; run++) {
  const plainRows = run % 2 === 1;
  gc?.();
  const arraysBefore = process.memoryUsage().arrayBuffers;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const read = await readOrderFile(path, {}, { asOf }, undefined, undefined, plainRows);
  const readSeconds = seconds(started);
  const readCpu = cpuSeconds(cpu);
  const arraysRead = process.memoryUsage().arrayBuffers - arraysBefore;
  const finishing = performance.now();
  const customers = read.aggregator.finish();
  const finishSeconds = seconds(finishing);
  const logging = performance.now();
  const log = orderHistoryFromColumns(read.aggregator).log(asOf);
  const logSeconds = seconds(logging);
  const orders = log.days.length;
  const arraysHeld = process.memoryUsage().arrayBuffers - arraysBefore;
  console.log(JSON.stringify({
    plainRows,
    readSeconds,
    readCpu,
    finishSeconds,
    logSeconds,
    orders,
    customers: customers.length,
    // Typed arrays alive after reading (the aggregator's, the trails', the id indexes), and after the regrouping and the log.
    arrayBytesPerOrderRead: Math.round((arraysRead / orders) * 10) / 10,
    arrayBytesPerOrderHeld: Math.round((arraysHeld / orders) * 10) / 10,
    heapMB: Math.round(process.memoryUsage().heapUsed / 1e6),
  }));
}
