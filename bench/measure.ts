// Runs one benchmarked command under GNU time, which reports any program alike (Node, Python, a
// native library's threads): wall clock, peak resident memory and CPU time. A crash is data, not an
// exception: the caller shows it in the table and fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { constants, tmpdir } from 'node:os';

export const GNU_TIME = '/usr/bin/time';

export interface Measurement {
  wallSeconds: number;
  peakMB: number;
  /** User + system CPU seconds of the command and the children it waited for. */
  cpuSeconds: number;
  /** null when the command exited 0; else how it ended, e.g. "exit 3" or "signal 6 (SIGABRT)". */
  failure: string | null;
  /** For a failure: the line of its stderr that says why (V8's "heap out of memory", an Error), or ''. */
  reason: string;
  stdout: string;
  stderr: string;
}

const signalName = (n: number) => Object.entries(constants.signals).find(([, v]) => v === n)?.[0] ?? 'unknown';

/** How GNU time (1.9) words an abnormal end in its -o file, before its format line. */
function failureOf(report: string, status: number | null, signal: string | null): string | null {
  const bySignal = /Command terminated by signal (\d+)/.exec(report);
  if (bySignal) return `signal ${bySignal[1]} (${signalName(Number(bySignal[1]))})`;
  const byStatus = /Command exited with non-zero status (\d+)/.exec(report);
  if (byStatus) return `exit ${byStatus[1]}`;
  if (signal !== null) return `signal ${signal}`;
  return status === 0 ? null : `exit ${status}`;
}

export function measure(command: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd?: string): Measurement {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} not found: the bench measures every side with GNU time (apt-get install time)`);
  const reportFile = join(tmpdir(), `tierwise-bench-time-${process.pid}.txt`);
  rmSync(reportFile, { force: true });
  const started = performance.now();
  const child = spawnSync(GNU_TIME, ['-f', '%M %U %S', '-o', reportFile, ...command], { env, cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallSeconds = (performance.now() - started) / 1000;
  if (child.error) throw new Error(`could not start ${command.join(' ')}: ${child.error.message}`);
  const report = existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : '';
  rmSync(reportFile, { force: true });
  const numbers = /^(\d+) (\d+\.\d+) (\d+\.\d+)\s*$/m.exec(report);
  if (!numbers) throw new Error(`${GNU_TIME} gave no "%M %U %S" line for ${command.join(' ')}: ${JSON.stringify(report)}`);
  const failure = failureOf(report, child.status, child.signal);
  return {
    wallSeconds,
    peakMB: Number(numbers[1]) / 1024,
    cpuSeconds: Number(numbers[2]) + Number(numbers[3]),
    failure,
    reason: failure === null ? '' : (/^.*(?:FATAL ERROR|out of memory|Error:|Traceback|Killed).*$/m.exec(child.stderr)?.[0].trim() ?? ''),
    stdout: child.stdout,
    stderr: child.stderr,
  };
}
