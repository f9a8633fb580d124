// Runs the built `tierwise hubspot sync` as a child process (as an admin would), against a fake portal.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../cli/run-cli.ts';

export interface Finished {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function startSync(args: string[], env: Record<string, string>): { child: ChildProcess; done: Promise<Finished> } {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'tierwise.js'), 'hubspot', 'sync', '--as-of', '2026-11-01', ...args], { env: { ...process.env, HUBSPOT_ACCESS_TOKEN: 'test-token', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Finished>((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })));
  return { child, done };
}

export const runSync = (args: string[], env: Record<string, string>) => startSync(args, env).done;
