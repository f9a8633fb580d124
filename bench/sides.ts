// What `npm run bench` runs: two tasks (a customer table, an order table), each done by every side
// on the same CSV, writing a scored CSV. The command lines are the ones a user or analyst would run.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const AS_OF = '2026-11-01';
const ROOT = join(import.meta.dirname, '..');
const NODE = process.execPath; // the project's Node 24 under `npm run bench`
const PYTHON = '/usr/bin/python3'; // Debian's python3-pandas lives with the system interpreter

export type TaskName = 'customers' | 'orders';

export interface Side {
  /** Short name for --only and the results file: tierwise(-1/-2), core, duckdb-1, polars-2, pandas. */
  id: string;
  label: string;
  /** Writes `out`; null for the core-alone rows, which time the core in memory and write nothing. */
  command: (input: string, out: string) => string[];
  writes: boolean;
  env?: NodeJS.ProcessEnv;
  /** The core rows report their own in-process time (JSON `seconds` on stdout's last line). */
  timesItself?: boolean;
}

/** `tierwise score`, with `--threads N` when the CLI has that option (else null: its own default). */
const cli = (orders: boolean, threads: number | null): Side => ({
  id: threads === null ? 'tierwise' : `tierwise-${threads}`,
  label: `\`tierwise score${orders ? ' --orders' : ''}${threads === null ? '' : ` --threads ${threads}`}\`${orders ? ' (purchase models included)' : ''}`,
  command: (input, out) => [
    NODE, join(ROOT, 'bin', 'tierwise.js'), 'score', input, ...(orders ? ['--orders'] : []), '--as-of', AS_OF, '--out', out,
    ...(threads === null ? [] : ['--threads', String(threads)]),
  ],
  writes: true,
});

/**
 * `tierwise score --orders` doing only what the SQL, Polars and pandas sides do (R, F, M, segment,
 * tier): churn risk by the hand-set rules (`--model rules`) and the purchase models off
 * (bench/sql-work.json). Same rows and tiers as the default run; issue 16's like-for-like row.
 */
const cliSqlWork = (threads: number): Side => ({
  id: `tierwise-sqlwork-${threads}`,
  label: `\`tierwise score --orders --threads ${threads} --model rules\`, purchase models off (the SQL's work)`,
  command: (input, out) => [
    NODE, join(ROOT, 'bin', 'tierwise.js'), 'score', input, '--orders', '--as-of', AS_OF, '--out', out,
    '--threads', String(threads), '--model', 'rules', '--config', join(import.meta.dirname, 'sql-work.json'),
  ],
  writes: true,
});

/** Whether the built CLI takes `--threads` (the multi-core `score` of issue 16): its usage line says so. */
export function cliTakesThreads(): boolean {
  const help = spawnSync(NODE, [join(ROOT, 'bin', 'tierwise.js'), 'score', '--help'], { encoding: 'utf8' });
  if (help.status !== 0) throw new Error(`\`tierwise score --help\` failed (${help.status ?? help.signal}): ${help.stderr}; run \`npm run build\` first`);
  return `${help.stdout}${help.stderr}`.includes('--threads');
}

const duckdb = (task: TaskName, threads: number): Side => ({
  id: `duckdb-${threads}`,
  label: `DuckDB SQL, ${threads} thread${threads > 1 ? 's' : ''}`,
  command: (input, out) => [NODE, join(import.meta.dirname, 'competitors', 'duckdb-rfm.ts'), task, input, AS_OF, out, String(threads)],
  writes: true,
});

const polars = (task: TaskName, threads: number): Side => ({
  id: `polars-${threads}`,
  label: `Polars, ${threads} thread${threads > 1 ? 's' : ''}`,
  command: (input, out) => [NODE, join(import.meta.dirname, 'competitors', 'polars-rfm.ts'), task, input, AS_OF, out],
  writes: true,
  env: { ...process.env, POLARS_MAX_THREADS: String(threads) },
});

const pandas = (task: TaskName): Side => ({
  id: 'pandas',
  label: 'pandas (1 thread)',
  command: (input, out) => [PYTHON, join(import.meta.dirname, 'pandas_rfm.py'), task, input, AS_OF, out],
  writes: true,
});

const core = (task: TaskName): Side =>
  task === 'customers'
    ? {
        id: 'core',
        label: 'core alone, time inside the process: `scoreCustomers` on customers already in memory (no reading, no writing)',
        command: (input) => [NODE, join(import.meta.dirname, 'cases', 'core-score.ts'), input, AS_OF],
        writes: false,
        timesItself: true,
      }
    : {
        id: 'core',
        label: 'core alone, time inside the process: orders already read in memory, regrouped per customer, churn and purchase models chosen, trained and fitted, every customer scored (no reading, no writing)',
        command: (input) => [NODE, join(import.meta.dirname, 'cases', 'core-orders.ts'), input, AS_OF],
        writes: false,
        timesItself: true,
      };

/**
 * Every side of a task; Tierwise at 1 and 2 threads when its CLI takes `--threads`, else once, and on
 * orders also doing only the SQL's work.
 */
export function sidesOf(task: TaskName, cliThreads: boolean): Side[] {
  const sqlWork = task === 'orders' && cliThreads ? [cliSqlWork(1), cliSqlWork(2)] : [];
  const tierwise = [...(cliThreads ? [cli(task === 'orders', 1), cli(task === 'orders', 2)] : [cli(task === 'orders', null)]), ...sqlWork];
  return [...tierwise, duckdb(task, 1), duckdb(task, 2), polars(task, 1), polars(task, 2), pandas(task), core(task)];
}

/** --only a,b: a task name keeps that task, anything else keeps the sides whose id starts with it. */
export function selected(only: readonly string[], task: TaskName, side: Side): boolean {
  const tasks = only.filter((o) => o === 'customers' || o === 'orders');
  const sides = only.filter((o) => o !== 'customers' && o !== 'orders');
  return (tasks.length === 0 || tasks.includes(task)) && (sides.length === 0 || sides.some((s) => side.id.startsWith(s)));
}
