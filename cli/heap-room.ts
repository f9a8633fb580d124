// V8 caps a Node process's heap at about 4 GB whatever the machine has (heap_size_limit, read from
// node:v8), and an order table of ~10M customers (100M orders at ten each) needs more than that
// for its ids and per-customer numbers: it ran out of heap at 4 GB on a 24 GB machine. DuckDB takes
// 80% of the machine's memory by default; the CLI lets V8 use three quarters when an input is big
// enough to need it, by starting itself again with --max-old-space-size (V8 reads it only at start).
// Small inputs start once: a second Node costs ~50-150 ms, and a bigger limit changes nothing for them.

/** An input at least this big gets the bigger heap (the 10M-order benchmark file is 250 MB and fits in 4 GB). */
export const LARGE_INPUT_BYTES = 1 << 30;
const MIB = 1 << 20;

export interface HeapFacts {
  /** The command line after `tierwise`. */
  args: readonly string[];
  /** The Node flags this process was started with (process.execArgv). */
  execArgv: readonly string[];
  /** NODE_OPTIONS, where a user may have set a heap size already. */
  nodeOptions: string | undefined;
  heapLimitBytes: number;
  totalMemoryBytes: number;
  /** Bytes of the file at this path, or null when it is not a file. */
  sizeOf: (path: string) => number | null;
  /** Override of LARGE_INPUT_BYTES (TIERWISE_LARGE_INPUT_BYTES: lets a test start the second process on a small file). */
  largeInputBytes?: number;
}

/** The flag to start again with, or null to run in this process. */
export function roomyHeapFlag(facts: HeapFacts): string | null {
  const setByUser = (flags: readonly string[]) => flags.some((f) => f.startsWith('--max-old-space-size') || f.startsWith('--max_old_space_size'));
  if (setByUser(facts.execArgv) || setByUser((facts.nodeOptions ?? '').split(/\s+/))) return null;
  const threshold = facts.largeInputBytes ?? LARGE_INPUT_BYTES;
  const big = facts.args.some((arg) => !arg.startsWith('-') && (facts.sizeOf(arg) ?? 0) >= threshold);
  if (!big) return null;
  const wantedMiB = Math.floor((facts.totalMemoryBytes * 0.75) / MIB);
  // Not worth a second process when the machine cannot give much more than V8 already allows.
  if (wantedMiB * MIB < facts.heapLimitBytes * 1.25) return null;
  return `--max-old-space-size=${wantedMiB}`;
}
