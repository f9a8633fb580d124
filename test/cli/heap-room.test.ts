// A big input gets a bigger V8 heap by starting the CLI again (cli/heap-room.ts); everything else runs once.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LARGE_INPUT_BYTES, roomyHeapFlag, type HeapFacts } from '../../cli/heap-room.ts';
import { ROOT } from './run-cli.ts';

const GiB = 2 ** 30;
const facts = (over: Partial<HeapFacts>): HeapFacts => ({
  args: ['score', 'orders.csv', '--orders', '--as-of', '2026-11-01'],
  execArgv: [],
  nodeOptions: undefined,
  heapLimitBytes: 4 * GiB,
  totalMemoryBytes: 24 * GiB,
  sizeOf: (path) => (path === 'orders.csv' ? 2.6 * GiB : null),
  ...over,
});

describe('roomyHeapFlag', () => {
  it('gives an input of a gigabyte or more three quarters of the machine', () => {
    expect(roomyHeapFlag(facts({}))).toBe(`--max-old-space-size=${Math.floor((24 * 0.75 * GiB) / 2 ** 20)}`);
    expect(roomyHeapFlag(facts({ sizeOf: () => LARGE_INPUT_BYTES }))).not.toBeNull();
  });
  it('runs smaller inputs, options and missing files in this process', () => {
    expect(roomyHeapFlag(facts({ sizeOf: () => LARGE_INPUT_BYTES - 1 }))).toBeNull();
    expect(roomyHeapFlag(facts({ sizeOf: () => null }))).toBeNull();
    // An option's value is not opened (only arguments that do not start with a dash are looked at).
    expect(roomyHeapFlag(facts({ args: ['score', '--sheet=big'], sizeOf: (p) => (p.includes('big') ? 9 * GiB : null) }))).toBeNull();
  });
  it('leaves a heap size the user set, on the command line or in NODE_OPTIONS', () => {
    expect(roomyHeapFlag(facts({ execArgv: ['--max-old-space-size=2048'] }))).toBeNull();
    expect(roomyHeapFlag(facts({ nodeOptions: '--trace-gc --max-old-space-size=8000' }))).toBeNull();
    expect(roomyHeapFlag(facts({ execArgv: ['--max_old_space_size=100'] }))).toBeNull();
  });
  it('does not start again when the machine has little more to give', () => {
    expect(roomyHeapFlag(facts({ totalMemoryBytes: 6 * GiB }))).toBeNull();
  });
});

describe('the CLI started again with a bigger heap', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-heap-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [join(ROOT, 'bin', 'tierwise.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  // Any file counts as big with the threshold at one byte: the second process does the work.
  const big = { TIERWISE_LARGE_INPUT_BYTES: '1' };

  it('writes the same file, stdout and stderr as one process', () => {
    const args = (out: string) => ['score', 'sample/customers.csv', '--as-of', '2026-11-01', '--out', join(dir, out)];
    const once = run(args('once.csv'));
    const again = run(args('again.csv'), big);
    expect(once.status).toBe(0);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(once.stdout.replace('once.csv', 'again.csv'));
    expect(again.stderr).toBe(once.stderr);
    expect(readFileSync(join(dir, 'again.csv'))).toEqual(readFileSync(join(dir, 'once.csv')));
  });

  it('runs the command in a second Node whose heap limit is three quarters of the machine', () => {
    // A preload (passed on with the first process's own flags) notes each process's heap limit.
    const log = join(dir, 'heaps.txt');
    const preload = join(dir, 'note-heap.mjs');
    writeFileSync(preload, "import { appendFileSync } from 'node:fs';\nimport { getHeapStatistics } from 'node:v8';\nappendFileSync(process.env.HEAP_LOG, getHeapStatistics().heap_size_limit + '\\n');\n");
    const child = spawnSync(process.execPath, ['--import', preload, join(ROOT, 'bin', 'tierwise.js'), 'score', 'sample/customers.csv', '--as-of', '2026-11-01', '--out', join(dir, 'noted.csv')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...big, HEAP_LOG: log },
    });
    expect(child.status).toBe(0);
    const limits = readFileSync(log, 'utf8').trim().split('\n').map(Number);
    expect(limits).toHaveLength(2);
    expect(limits[1]).toBeGreaterThan(1.25 * (limits[0] as number));
    expect(limits[1]).toBeGreaterThanOrEqual(0.75 * totalmem() - 2 ** 27);
  });

  it("passes on the second process's exit code", () => {
    const usage = run(['score', 'sample/customers.csv', '--no-such-option'], big);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('unknown option --no-such-option');
    const unreadable = run(['score', 'package.json', '--as-of', '2026-11-01', '--out', join(dir, 'x.csv')], big);
    expect(unreadable.status).toBe(run(['score', 'package.json', '--as-of', '2026-11-01', '--out', join(dir, 'y.csv')]).status);
    expect(unreadable.status).not.toBe(0);
  });
});
