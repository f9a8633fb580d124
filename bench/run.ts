// npm run bench: what users run, next to what their analyst would write, on the same CSV files.
// Two tasks: a customer table and an order table, each scored to a CSV by `tierwise score`, by DuckDB
// SQL and Polars at 1 and 2 threads, and by the pandas script; plus the core alone. The sides take
// turns (each repetition starts one side later), so a busy spell on the machine is spread over all
// of them; the table shows medians. Every side runs under GNU time (wall, peak RSS, CPU). Every
// output is read back: rows, R/F/M counts and tiers against Tierwise's. A crash or a failed check
// is shown in the table and makes the run exit non-zero, naming the side.
// Options: --customers N (1,000,000) --orders N (10,000,000) --reps N (3) --only a,b (tasks
// `customers`/`orders` and/or sides `tierwise`, `core`, `duckdb`, `duckdb-1`, `polars-2`, `pandas`).
// Prints markdown (for README) and writes bench/out/results.json.
import { parseArgs } from 'node:util';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { z } from 'zod';
import { customersFile, ordersFile, OUT } from './generate-data.ts';
import { measure, type Measurement } from './measure.ts';
import { cliTakesThreads, sidesOf, selected, type Side, type TaskName } from './sides.ts';
import { countScored, sameRfmCounts, type ScoredCounts } from './competitors/scored-counts.ts';
import { markdownTable, median, type SideResult, type TaskResult } from './report.ts';

const ROOT = join(import.meta.dirname, '..');
const count = z.coerce.number().int().positive();
const Options = z.object({
  customers: count.default(1_000_000),
  orders: count.default(10_000_000),
  reps: count.default(3),
  only: z.string().default('').transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x !== '')),
});
const { values } = parseArgs({
  options: { customers: { type: 'string' }, orders: { type: 'string' }, reps: { type: 'string' }, only: { type: 'string' } },
});
const options = Options.parse(values);
const fmt = (n: number) => n.toLocaleString('en-US');

/** Runs each side `reps` times, taking turns; a side that crashes is not run again. */
function timeSides(task: TaskName, input: string, sides: Side[]): Map<string, { runs: Measurement[]; crash: Measurement | null }> {
  const results = new Map(sides.map((s) => [s.id, { runs: [] as Measurement[], crash: null as Measurement | null }]));
  for (let rep = 0; rep < options.reps; rep++) {
    for (let k = 0; k < sides.length; k++) {
      const side = sides[(k + rep) % sides.length] as Side;
      const result = results.get(side.id)!;
      if (result.crash !== null) continue;
      const out = outputOf(task, side);
      rmSync(out, { force: true });
      const measured = measure(side.command(input, out), side.env, ROOT);
      if (measured.failure !== null) {
        result.crash = measured;
        console.error(`\n*** ${task} / ${side.id} CRASHED (${measured.failure}) after ${measured.wallSeconds.toFixed(1)} s, peak ${fmt(Math.round(measured.peakMB))} MB:\n${measured.stderr.slice(-2000)}\n`);
        continue;
      }
      if (side.timesItself) {
        const reported = z.object({ seconds: z.number() }).parse(JSON.parse(measured.stdout.trim().split('\n').pop() ?? ''));
        measured.wallSeconds = reported.seconds;
      }
      result.runs.push(measured);
      console.error(`${task} rep ${rep + 1}/${options.reps} ${side.id}: ${measured.wallSeconds.toFixed(2)} s, ${fmt(Math.round(measured.peakMB))} MB, cpu ${measured.cpuSeconds.toFixed(2)} s`);
    }
  }
  return results;
}

const outputOf = (task: TaskName, side: Side) => join(OUT, `scored-${task}-${side.id}.csv`);

/**
 * Reads back each side's last output; the first side with output (Tierwise when it ran) is the
 * reference: every other side must have its number of rows, every one of its customers, and its
 * R/F/M score counts; the share of customers given the same tier is reported.
 */
async function checkOutputs(task: TaskName, sides: Side[], ran: Set<string>, expectedRows: number | null): Promise<Map<string, { check: string; failed: boolean }>> {
  const checks = new Map<string, { check: string; failed: boolean }>();
  let reference: { id: string; counts: ScoredCounts; tiered: number } | null = null;
  for (const side of sides) {
    if (!side.writes || !ran.has(side.id)) continue;
    const out = outputOf(task, side);
    const bytes = statSync(out).size;
    const counts = await countScored(out, reference === null ? { keepTiers: true } : { against: reference.counts.tierById! });
    rmSync(out, { force: true });
    const tiered = counts.rows - (counts.tiers[''] ?? 0);
    const notes: string[] = [`${fmt(counts.rows)} rows, ${fmt(Math.round(bytes / 2 ** 20))} MB`];
    let failed = false;
    // Tierwise at another thread count writes what the reference wrote, customers without a purchase left included.
    const expected = reference !== null && side.id.startsWith('tierwise') ? reference.counts.rows : expectedRows;
    if (expected !== null && counts.rows !== expected) {
      notes[0] += `, expected ${fmt(expected)}`;
      failed = true;
    }
    if (reference === null) {
      reference = { id: side.id, counts, tiered };
      const tiers = ['A', 'B', 'C', 'D'].map((t) => `${t} ${(((counts.tiers[t] ?? 0) / Math.max(tiered, 1)) * 100).toFixed(1)}%`);
      notes.push(`tiers ${tiers.join(' ')} (reference)`);
      if (expectedRows === null) expectedRows = tiered; // competitors score only customers with a purchase
    } else {
      const same = sameRfmCounts(reference.counts, counts);
      notes.push(same ? `R/F/M counts = ${reference.id}'s` : `R/F/M counts differ from ${reference.id}'s`);
      if (!same) failed = true;
      if (counts.found !== reference.tiered) {
        notes.push(`${fmt(reference.tiered - counts.found)} of ${reference.id}'s customers missing`);
        failed = true;
      }
      const agree = ((counts.sameTier / Math.max(reference.tiered, 1)) * 100).toFixed(1);
      notes.push(`same tier as ${reference.id} for ${agree}% of customers`);
    }
    checks.set(side.id, { check: notes.join('; '), failed });
  }
  return checks;
}

// Inputs are generated on first use and kept in bench/out/ for the next run.
const inputs: Record<TaskName, { file: () => Promise<string>; title: string; rows: number | null }> = {
  customers: { file: () => customersFile(options.customers), title: `${fmt(options.customers)}-customer CSV (9 columns) → scored CSV`, rows: options.customers },
  // Only customers with a purchase are scored by every side; Tierwise's own rows set the count.
  orders: { file: () => ordersFile(options.orders), title: `${fmt(options.orders)}-order CSV → per-customer aggregates → scored CSV`, rows: null },
};

// The CLI runs from dist/: build it from this tree first, so the bench never times a stale build.
const built = measure([process.execPath, join(ROOT, 'build', 'all.ts'), 'cli'], process.env, ROOT);
if (built.failure !== null) throw new Error(`building the CLI failed (${built.failure}): ${built.stderr}`);
const cliThreads = cliTakesThreads();
const known = ['customers', 'orders', ...sidesOf('orders', cliThreads).map((s) => s.id)];
const unknown = options.only.filter((o) => !known.some((k) => k.startsWith(o)));
if (unknown.length > 0) throw new Error(`--only ${unknown.join(',')}: no such task or side (tasks and sides: ${known.join(', ')})`);
const tasks: TaskResult[] = [];
const problems: string[] = [];
for (const task of ['customers', 'orders'] as const) {
  const sides = sidesOf(task, cliThreads).filter((s) => selected(options.only, task, s));
  if (sides.length === 0) continue;
  const { title, rows } = inputs[task];
  console.error(`\n${title}: ${sides.map((s) => s.id).join(', ')}, ${options.reps} turns (data in ${OUT}) ...`);
  const file = await inputs[task].file();
  const timed = timeSides(task, file, sides);
  const ran = new Set(sides.filter((s) => timed.get(s.id)!.crash === null && timed.get(s.id)!.runs.length > 0).map((s) => s.id));
  const checks = await checkOutputs(task, sides, ran, rows);
  const results: SideResult[] = sides.map((side) => {
    const { runs, crash } = timed.get(side.id)!;
    const ok = crash === null && runs.length > 0;
    const check = checks.get(side.id);
    if (crash !== null) problems.push(`${task} / ${side.id} crashed: ${crash.failure}`);
    if (check?.failed) problems.push(`${task} / ${side.id} output: ${check.check}`);
    return {
      id: side.id,
      label: side.label,
      runs: runs.map((r) => r.wallSeconds),
      seconds: ok ? median(runs.map((r) => r.wallSeconds)) : null,
      peakMB: ok ? median(runs.map((r) => r.peakMB)) : null,
      peakMaxMB: ok ? Math.max(...runs.map((r) => r.peakMB)) : null,
      cpuSeconds: ok ? median(runs.map((r) => r.cpuSeconds)) : null,
      crash: crash === null ? null : `${crash.failure} after ${crash.wallSeconds.toFixed(1)} s, ${fmt(Math.round(crash.peakMB))} MB${crash.reason ? `: ${crash.reason.replaceAll('|', '/')}` : ''}`,
      check: check?.check ?? '',
      checkFailed: check?.failed ?? false,
    };
  });
  tasks.push({ title, sides: results });
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}; medians of ${options.reps} turns.`;
console.log([machine, ...tasks.map(markdownTable)].join('\n\n'));
writeFileSync(join(OUT, 'results.json'), JSON.stringify({ machine, options, tasks }, null, 2));
if (problems.length > 0) {
  console.error(`\nbench FAILED:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
