// Runs the BUILT command line (dist/cli via bin/tierwise.js) as a user would.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export function tierwise(args: string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const child = spawnSync(process.execPath, [join(ROOT, 'bin', 'tierwise.js'), ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}
