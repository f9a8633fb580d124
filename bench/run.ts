// npm run bench: Tierwise next to the pandas RFM script, on the same generated data, one process per case.
// Prints a markdown table (pasted into README) and writes bench/out/results.json.
// Options: --customers N (default 1,000,000), --orders N (default 10,000,000), --only core|cli|pandas.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { customersFile, ordersFile, OUT } from './generate-data.ts';

const AS_OF = '2026-11-01';
const ROOT = join(import.meta.dirname, '..');
const NODE = process.execPath;
const PYTHON = '/usr/bin/python3'; // Debian's python3-pandas lives with the system interpreter

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

interface Measured {
  seconds: number;
  peakMB: number;
  detail: Record<string, unknown>;
}

function runNode(args: string[]): Measured {
  const rusage = join(OUT, 'rusage.json');
  rmSync(rusage, { force: true });
  const started = performance.now();
  const child = spawnSync(NODE, ['--import', join(import.meta.dirname, 'rusage.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, TIERWISE_RUSAGE_FILE: rusage },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const wall = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed (${child.status}): ${child.stderr}`);
  const peak = JSON.parse(readFileSync(rusage, 'utf8')) as { peakMB: number };
  const lastLine = child.stdout.trim().split('\n').pop() ?? '{}';
  let detail: Record<string, unknown> = {};
  try {
    detail = JSON.parse(lastLine) as Record<string, unknown>;
  } catch {
    detail = {}; // the CLI prints a summary, not JSON: wall time is the measure
  }
  return { seconds: typeof detail['seconds'] === 'number' ? detail['seconds'] : wall, peakMB: peak.peakMB, detail: { ...detail, wallSeconds: wall } };
}

function runPandas(mode: 'customers' | 'orders', file: string, out?: string, includeRead = false): Measured {
  const child = spawnSync(PYTHON, [join(import.meta.dirname, 'pandas_rfm.py'), mode, file, AS_OF, ...(out ? [out] : [])], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (child.status !== 0) throw new Error(`pandas ${mode} failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout.trim()) as { computeSeconds: number; totalSeconds: number; peakMB: number };
  return { seconds: out || includeRead ? result.totalSeconds : result.computeSeconds, peakMB: result.peakMB, detail: result };
}

/** The run with the median time of `times` runs: this VM's times vary ±10% from run to run. */
function median(times: number, run: () => Measured): Measured {
  const runs = Array.from({ length: times }, run).sort((a, b) => a.seconds - b.seconds);
  const middle = runs[(times - 1) >> 1] as Measured;
  return { ...middle, detail: { ...middle.detail, runs: runs.map((r) => Number(r.seconds.toFixed(3))) } };
}

const customers = arg('customers', 1_000_000);
const orders = arg('orders', 10_000_000);
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const want = (group: string) => only === null || only === group;

console.error(`generating data in ${OUT} (kept for the next run) ...`);
const customerCsv = await customersFile(customers);
const orderCsv = await ordersFile(orders);

const rows: { task: string; tierwise: Measured | null; pandas: Measured | null }[] = [];
if (want('core')) {
  console.error('score customers (core) ...');
  rows.push({
    task: `score ${customers.toLocaleString('en-US')} customers (in memory)`,
    // The shortest case, so the one most moved by noise: the median of five runs on each side.
    tierwise: median(5, () => runNode([join(import.meta.dirname, 'cases', 'core-score.ts'), customerCsv, AS_OF])),
    pandas: median(5, () => runPandas('customers', customerCsv)),
  });
  console.error('aggregate orders (core) ...');
  rows.push({
    task: `read ${orders.toLocaleString('en-US')} orders from CSV, aggregate per customer and score`,
    tierwise: runNode([join(import.meta.dirname, 'cases', 'core-aggregate.ts'), orderCsv, AS_OF]),
    pandas: runPandas('orders', orderCsv, undefined, true),
  });
}
if (want('cli') && existsSync(join(ROOT, 'dist', 'cli', 'tierwise.js'))) {
  console.error('tierwise score end to end ...');
  const out = join(OUT, 'scored.csv');
  rows.push({
    task: `\`tierwise score\` end to end, ${customers.toLocaleString('en-US')}-row CSV → scored CSV`,
    tierwise: runNode([join(ROOT, 'bin', 'tierwise.js'), 'score', customerCsv, '--as-of', AS_OF, '--out', out]),
    pandas: runPandas('customers', customerCsv, join(OUT, 'pandas-scored.csv')),
  });
}

const fmt = (m: Measured | null) => (m === null ? 'n/a' : `${m.seconds.toFixed(2)} s, ${Math.round(m.peakMB)} MB`);
const lines = [
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}.`,
  '',
  '| task | Tierwise (time, peak memory) | pandas RFM script (time, peak memory) | faster |',
  '|---|---|---|---|',
  ...rows.map((r) => {
    const ratio = r.tierwise && r.pandas ? `${(r.pandas.seconds / r.tierwise.seconds).toFixed(1)}×` : '';
    return `| ${r.task} | ${fmt(r.tierwise)} | ${fmt(r.pandas)} | ${ratio} |`;
  }),
];
console.log(lines.join('\n'));
writeFileSync(join(OUT, 'results.json'), JSON.stringify(rows, null, 2));
