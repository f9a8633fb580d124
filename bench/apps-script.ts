// npx node bench/apps-script.ts: the built add-on scoring a 100,000-row × 10-column sheet in the
// Apps Script emulator; time and the number of sheet reads and writes (the same at any size).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRuntime } from '../test/apps-script/emulator.ts';

const n = Number(process.argv[2] ?? 100_000);
const header = ['Cust ID', 'Name', 'Email', 'Region', 'Owner', 'First Order', 'Last Order', '# of Orders', 'Total Spent', 'NPS'];
const daysAgo = (k: number) => new Date(Date.UTC(2026, 10, 1) - k * 86_400_000);
const rows = [header, ...Array.from({ length: n }, (_, i) => [`C${i}`, `Name ${i}`, `c${i}@example.com`, ['North', 'South', 'East', 'West'][i % 4] as string, `Owner ${i % 7}`, daysAgo(((i * 13) % 600) + (i % 300)), daysAgo((i * 13) % 600), 1 + (i % 11), 25 * (1 + (i % 40)), i % 11])];
const rt = startRuntime(rows);
const started = performance.now();
const outcome = rt.run<{ message: string }>('scoreActiveSheet', { asOfRule: 'fixed', asOf: '2026-11-01' });
const seconds = (performance.now() - started) / 1000;
const bundle = readFileSync(join(import.meta.dirname, '..', 'dist', 'apps-script', 'Code.js')).length;
console.log(`${n.toLocaleString('en-US')} rows × ${header.length} columns: ${seconds.toFixed(2)} s in the emulator; ${rt.log.count('Range.getValues')} getValues, ${rt.log.count('Range.setValues')} setValues (result columns and summary sheet); ${outcome.message}`);
console.log(`bundle dist/apps-script/Code.js: ${Math.round(bundle / 1024)} KB`);
