// How many pieces (worker threads) `tierwise score` reads a customer table in.
import { availableParallelism, loadavg } from 'node:os';
import { stat } from 'node:fs/promises';
import { UsageError } from '../../io.ts';

/**
 * A piece smaller than this costs more in starting a thread and handing data back and forth than it
 * saves (measured on the bench's customer tables: README "Benchmarks", --threads).
 */
export const MIN_PIECE_BYTES = 4 << 20;

/**
 * --threads N: a whole number from 1. Absent: one thread, plus one for each other core that is idle
 * (the cores Node says this process may use, less the 1-minute load average). A thread on a busy core
 * pays nothing: on this 2-core machine at load ~10, 1M customers took ~30% more CPU on 2 threads and
 * no less time (README, --threads).
 */
export function threadsOption(value: string | undefined, cores: number = availableParallelism(), load: number = loadavg()[0] ?? 0): number {
  if (value === undefined) return Math.max(1, Math.min(cores, cores - Math.floor(load) + 1));
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new UsageError((w) => w.usage.notThreads(value));
  return Number(value);
}

/** Pieces for a file of `bytes`: one per thread, but none smaller than `minPieceBytes`. */
export function piecesFor(bytes: number, threads: number, minPieceBytes: number = MIN_PIECE_BYTES): number {
  return Math.max(1, Math.min(threads, Math.floor(bytes / minPieceBytes)));
}

/** The smallest piece: MIN_PIECE_BYTES, or TIERWISE_MIN_PIECE_BYTES from the environment (tests cut small fixtures into pieces with it). */
export function minPieceBytes(env: NodeJS.ProcessEnv): number {
  const value = env.TIERWISE_MIN_PIECE_BYTES;
  if (value === undefined || value === '') return MIN_PIECE_BYTES;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`TIERWISE_MIN_PIECE_BYTES "${value}" is not a number of bytes: expected a whole number from 1`);
  return Number(value);
}

/** The file's size in bytes, or null when it cannot be looked at: reading it in one thread then says why, in the words it always used. */
export async function fileBytes(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== undefined) return null;
    throw error;
  }
}
