// A command that stops short of finishing (something awaited that never comes) ends with an error and
// exit code 70, never as a success with nothing written (cli/unfinished.ts).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './run-cli.ts';

/** Runs `body` in a new Node with failIfUnfinished watching `run`. */
function runWatched(body: string) {
  const script = `import { failIfUnfinished } from ${JSON.stringify(join(ROOT, 'cli', 'unfinished.ts'))};\n${body}`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('failIfUnfinished', () => {
  it('ends with exit code 70 and says so when the command never settles', () => {
    const run = runWatched(`failIfUnfinished(new Promise(() => {}), process.stderr);`);
    expect(run.status).toBe(70);
    expect(run.stderr).toContain('tierwise: the command stopped before it finished');
  });

  it('leaves a command that finished alone, whatever its exit code', () => {
    const ok = runWatched(`const run = new Promise((r) => setTimeout(() => r(0), 50)); failIfUnfinished(run, process.stderr); run.then(() => console.log('done'));`);
    expect(ok).toEqual({ status: 0, stdout: 'done\n', stderr: '' });
    const failed = runWatched(`const run = Promise.resolve(2); failIfUnfinished(run, process.stderr); run.then((c) => { process.exitCode = c; });`);
    expect(failed).toEqual({ status: 2, stdout: '', stderr: '' });
  });

  it('leaves a command that failed to its own error', () => {
    const run = runWatched(`const run = Promise.reject(new Error('no such file')); failIfUnfinished(run, process.stderr); run.catch(() => { process.exitCode = 1; });`);
    expect(run).toEqual({ status: 1, stdout: '', stderr: '' });
  });
});
