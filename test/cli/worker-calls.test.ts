// A worker thread asked one thing at a time (cli/score/threads/worker-calls.ts): closing it fails the
// call in progress and returns at once, even while the worker cannot stop yet. Awaiting the worker's end
// once left `score --orders --threads` ending silently (exit code 0, nothing written) when falling back to
// one thread: see close().
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerCalls } from '../../cli/score/threads/worker-calls.ts';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-worker-calls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const blockedRead = new URL('../fixtures/workers/blocked-read.mjs', import.meta.url);

describe('WorkerCalls', () => {
  it('answers a call with what the worker replies', async () => {
    const pipe = join(dir, 'answered');
    execFileSync('mkfifo', [pipe]);
    const calls = new WorkerCalls(blockedRead);
    const answer = calls.call<string>(pipe, [], 'a read');
    writeFileSync(pipe, 'the text');
    await expect(answer).resolves.toBe('the text');
    await calls.close();
  });

  it('closes at once while the worker is stuck in a call, failing that call with the reason', async () => {
    const pipe = join(dir, 'stuck');
    execFileSync('mkfifo', [pipe]);
    const calls = new WorkerCalls(blockedRead);
    const answer = calls.call<string>(pipe, [], 'a read');
    // Let the worker start and enter the blocking read.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const closed = await Promise.race([calls.close(new Error('read in one thread after all')).then(() => 'closed'), new Promise((resolve) => setTimeout(() => resolve('still waiting'), 2000))]);
    expect(closed).toBe('closed');
    await expect(answer).rejects.toThrow('read in one thread after all');
    await expect(calls.call(pipe, [], 'another read')).rejects.toThrow('read in one thread after all');
    // Free the worker's read so its thread ends.
    writeFileSync(pipe, 'late');
  });
});
