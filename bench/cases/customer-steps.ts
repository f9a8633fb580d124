// Times the steps one piece of a customer table takes (cli/score/threads/table-piece.ts), as
// `tierwise score --threads 1` runs them: parse, layout (ids and date evidence), repeats, read (rows
// into customers, checked), rank, score and write the lines (to /dev/null). CPU time as well as wall
// time: on a shared machine the wall time says little. Not part of npm run bench (bench/run.ts times
// the CLI end to end). Run: npx node bench/cases/customer-steps.ts bench/out/customers-1000000.csv
import { createWriteStream, readFileSync } from 'node:fs';
import { TablePiece } from '../../cli/score/threads/table-piece.ts';
import { customerLayout } from '../../adapters/table/customer-table.ts';
import { headerKeysOf } from '../../adapters/table/read-rows.ts';
import { CUSTOMER_REQUIRED } from '../../adapters/table/headers.ts';
import { HashedIds } from '../../adapters/table/repeated-ids.ts';
import { TableConfigSchema } from '../../adapters/table/contract.ts';
import { OptionsSchema } from '../../core/schema/options.ts';
import { scoreRfm } from '../../core/rfm.ts';
import { dayNumber } from '../../core/dates.ts';

const [path = 'bench/out/customers-1000000.csv'] = process.argv.slice(2);
const asOf = '2026-11-01';
const text = readFileSync(path, 'utf8');
const laps: string[] = [];
let cpu = process.cpuUsage();
let wall = performance.now();
const lap = (name: string) => {
  const c = process.cpuUsage(cpu);
  laps.push(`${name.padEnd(12)} cpu ${((c.user + c.system) / 1e6).toFixed(2)} s, wall ${((performance.now() - wall) / 1000).toFixed(2)} s`);
  cpu = process.cpuUsage();
  wall = performance.now();
};

const piece = new TablePiece();
const parsed = piece.parse({ text, delimiter: ',' });
lap('parse');
const layout = customerLayout(parsed.head, TableConfigSchema.parse({ kind: 'customers' }), 'en');
const dateFields = (['firstPurchase', 'lastPurchase', 'lastContact', 'renewalDate'] as const).filter((f) => layout.mapping[f] !== undefined);
const found = piece.layout({
  rowOffset: 0,
  headerIndex: layout.headerIndex,
  headers: layout.headers,
  mapping: layout.mapping,
  headerKeys: headerKeysOf(layout.headers, layout.mapping, CUSTOMER_REQUIRED),
  earlier: null,
  dateColumns: dateFields.map((f) => layout.mapping[f] as number),
  last: true,
});
if (found.end === null) throw new Error('the last piece finds where the table ends');
lap('layout');
const hashed = new HashedIds(found.hashes);
const shared = hashed.shared();
const { ids } = piece.ids({ at: shared });
const texts = new Map(Array.from(shared, (k, j) => [k, ids[j] as string]));
const firsts = hashed.firsts((k) => texts.get(k) as string);
const firstRows = new Int32Array(parsed.rows);
for (let j = 0; j < firsts.length; j++) {
  const first = firsts[j] as number;
  if (first >= 0) firstRows[found.idRows[j] as number] = (found.idRows[first] as number) + 1;
}
lap('repeats');
const options = { asOf };
const read = piece.read({ bodyEnd: found.end.bodyEnd, firstRows, dateOrders: Object.fromEntries(dateFields.map((f) => [f, 'mdy'])), asOf, options });
lap('read');
const ranks = scoreRfm({ lastDay: read.lastDay, orders: read.orders, spend: read.spend }, dayNumber(asOf), OptionsSchema.parse(options).rfm);
lap('rank');
const stream = createWriteStream('/dev/null');
await piece.score({ ranks, satisfactionAbove5: read.satisfactionAbove5, outputEnd: parsed.rows, output: { lineEnd: '\n', encoding: 'utf-8', to: 'stream', stream }, streamInto: null });
lap('score+write');
console.log(`${path}: ${parsed.rows} rows\n${laps.join('\n')}`);
