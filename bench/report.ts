// The bench's markdown (pasted into README's "Benchmarks"): one table per task, one row per side.
export interface SideResult {
  id: string;
  label: string;
  /** Seconds of each successful run, in the order they ran. */
  runs: number[];
  /** Medians over the successful runs; null when none succeeded. */
  seconds: number | null;
  peakMB: number | null;
  /**
   * The highest peak of the runs: a run's peak moves with when V8 collects (10M orders: 1.2-2.3 GB
   * across runs of the same command), and a memory target is about the worst run, not the median.
   */
  peakMaxMB: number | null;
  cpuSeconds: number | null;
  /** How the side crashed ("exit 134 after 131.2 s, 4,612 MB"), or null. */
  crash: string | null;
  /** What reading its output back found: rows, R/F/M counts, tier agreement; '' when it writes nothing. */
  check: string;
  checkFailed: boolean;
}

export interface TaskResult {
  title: string;
  sides: SideResult[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const seconds = (s: number) => `${s.toFixed(2)} s`;
const megabytes = (mb: number) => `${Math.round(mb).toLocaleString('en-US')} MB`;

/** The median peak, and the highest when a run went more than 5% higher (less is noise). */
function peakText(side: SideResult): string {
  if (side.peakMB === null) return 'n/a';
  const highest = side.peakMaxMB !== null && side.peakMaxMB > side.peakMB * 1.05 ? `; ${megabytes(side.peakMaxMB)}` : '';
  return `${megabytes(side.peakMB)}${highest}`;
}

export function markdownTable(task: TaskResult): string {
  const lines = [`**${task.title}**`, '', '| side | wall clock (median) | peak memory (RSS, median; highest) | CPU time (user + sys) | runs | output read back |', '|---|---|---|---|---|---|'];
  for (const side of task.sides) {
    const runs = side.runs.map((r) => r.toFixed(2)).join(', ');
    if (side.crash !== null) {
      const before = side.runs.length > 0 ? ` (earlier runs: ${runs} s)` : '';
      lines.push(`| ${side.label} | **crashed: ${side.crash}**${before} | | | | |`);
      continue;
    }
    lines.push(
      `| ${side.label} | ${side.seconds === null ? 'n/a' : seconds(side.seconds)} | ${peakText(side)} | ${side.cpuSeconds === null ? 'n/a' : seconds(side.cpuSeconds)} | ${runs} | ${side.checkFailed ? '**' + side.check + '**' : side.check} |`,
    );
  }
  return lines.join('\n');
}
