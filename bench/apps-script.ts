// npx node bench/apps-script.ts [rows] [clickRows]: the built add-on in the Apps Script emulator.
// 1. Score a 100,000-row × 10-column sheet: time, and the number of sheet reads and writes (the same at any size).
// 2. "Show the selected customer" on a scored 200,000-row sheet: time per click (median of 20) and cells read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRuntime } from '../test/apps-script/emulator.ts';

const n = Number(process.argv[2] ?? 100_000);
const clickRows = Number(process.argv[3] ?? 200_000);
const header = ['Cust ID', 'Name', 'Email', 'Region', 'Owner', 'First Order', 'Last Order', '# of Orders', 'Total Spent', 'NPS'];
const daysAgo = (k: number) => new Date(Date.UTC(2026, 10, 1) - k * 86_400_000);
const table = (count: number) => [header, ...Array.from({ length: count }, (_, i) => [`C${i}`, `Name ${i}`, `c${i}@example.com`, ['North', 'South', 'East', 'West'][i % 4] as string, `Owner ${i % 7}`, daysAgo(((i * 13) % 600) + (i % 300)), daysAgo((i * 13) % 600), 1 + (i % 11), 25 * (1 + (i % 40)), i % 11])];
const settings = { asOfRule: 'fixed', asOf: '2026-11-01' };

const rt = startRuntime(table(n));
const started = performance.now();
const outcome = rt.run<{ message: string }>('scoreActiveSheet', settings);
const seconds = (performance.now() - started) / 1000;
const bundle = readFileSync(join(import.meta.dirname, '..', 'dist', 'apps-script', 'Code.js')).length;
console.log(`${n.toLocaleString('en-US')} rows × ${header.length} columns: ${seconds.toFixed(2)} s in the emulator; ${rt.log.count('Range.getValues')} getValues, ${rt.log.count('Range.setValues')} setValues (result columns and summary sheet); ${outcome.message}`);
console.log(`bundle dist/apps-script/Code.js: ${Math.round(bundle / 1024)} KB`);

const big = startRuntime(table(clickRows));
big.run('scoreActiveSheet', settings);
const times: number[] = [];
let cells = 0;
for (let k = 0; k < 20; k++) {
  big.spreadsheet.active.activeRow = 2 + Math.floor(((k * 7919) % clickRows));
  const before = big.log.cellsRead;
  const t0 = performance.now();
  const panel = big.run<{ ok: boolean }>('getPlaybookForSelection');
  times.push(performance.now() - t0);
  cells = big.log.cellsRead - before;
  if (!panel.ok) throw new Error(`panel failed on row ${big.spreadsheet.active.activeRow}`);
}
times.sort((a, b) => a - b);
console.log(`selected customer on a scored ${clickRows.toLocaleString('en-US')}-row sheet: ${(times[10] as number).toFixed(1)} ms median per click, ${cells} cells read`);
