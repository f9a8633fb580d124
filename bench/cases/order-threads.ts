// Times reading an order CSV as `score --orders --threads N` does (cli/score/threads/order-pieces.ts)
// against one thread (adapters/table/order-stream.ts readOrderFile), taking turns in one process so
// both see the same machine, and checks that both leave the same orders in the aggregator. CPU time
// counts the worker threads too (process.cpuUsage is the whole process). Prints one JSON line per run.
// npx node --expose-gc bench/cases/order-threads.ts bench/out/orders-10000000.csv 2026-11-01 [threads] [runs per side] [max piece MB]
import { createHash } from 'node:crypto';
import { readOrderFile, type OrderFileRead } from '../../adapters/table/order-stream.ts';
import { readOrderFileInPieces } from '../../cli/score/threads/order-pieces.ts';

const [path, asOf, threadsText, runsText, maxPieceText] = process.argv.slice(2) as [string, string, string | undefined, string | undefined, string | undefined];
const threads = Number(threadsText ?? 2);
const runs = Number(runsText ?? 1);
const maxPieceBytes = maxPieceText === undefined ? undefined : Number(maxPieceText) << 20;
const gc = (globalThis as { gc?: () => void }).gc;
const seconds = (from: number) => Math.round(performance.now() - from) / 1000;
const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return Math.round((used.user + used.system) / 1000) / 1000;
};

/** A hash of what the aggregator holds: ids, and each order's customer, day and amount. */
function digest(read: OrderFileRead): string {
  const { ids, owner, days, amounts } = read.aggregator.orders();
  const hash = createHash('sha256').update(ids.join('\n'));
  for (const a of [owner, days, amounts]) hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return hash.digest('hex').slice(0, 16);
}

for (let run = 0; run < runs * 2; run++) {
  const inPieces = run % 2 === 0;
  gc?.();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const read = inPieces
    ? await readOrderFileInPieces(path, {}, { asOf }, { threads, minPieceBytes: 4 << 20, ...(maxPieceBytes === undefined ? {} : { maxPieceBytes }) })
    : await readOrderFile(path, {}, { asOf });
  const readSeconds = seconds(started);
  const readCpu = cpuSeconds(cpu);
  if (read === null) throw new Error(`${path} is not read in pieces: its rows are not all plain`);
  console.log(JSON.stringify({ threads: inPieces ? threads : 1, readSeconds, readCpu, orders: read.aggregator.orderCount, rssMB: Math.round(process.memoryUsage().rss / 2 ** 20), digest: digest(read) }));
}
