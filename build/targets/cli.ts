// dist/cli/tierwise.js: the command line as ESM for Node 20 and later; npm packages stay external.
// Each command is its own chunk (code splitting), loaded when run: `score` never loads the HubSpot
// sync's node:sqlite, which Node 20 does not have.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export default async function buildCli(): Promise<string> {
  const outdir = join(root, 'dist', 'cli');
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    // score-worker.js: the worker thread of `tierwise score --threads` (cli/score/threads/thread-runner.ts finds it here).
    // order-worker.js: the worker thread of `tierwise score --orders --threads` (cli/score/threads/order-pieces.ts finds it here).
    entryPoints: { tierwise: join(root, 'cli', 'main.ts'), 'score-worker': join(root, 'cli', 'score', 'threads', 'worker.ts'), 'order-worker': join(root, 'cli', 'score', 'threads', 'order-worker.ts') },
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  });
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  return `${Math.round(bytes / 1024)} KB`;
}
