// Vitest's global setup: every suite's temporary files go into one folder of this run, removed when the
// run ends. Suites make their folders with mkdtemp(tmpdir()) and not all remove them; a run left ~150 MB
// behind in the machine's /tmp. os.tmpdir() reads TMPDIR on each call, and the test workers start
// after this setup, with its environment.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const folder = mkdtempSync(join(tmpdir(), 'tierwise-tests-'));
  process.env.TMPDIR = folder;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(folder, { recursive: true, force: true });
  };
}
