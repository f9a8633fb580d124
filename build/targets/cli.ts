// dist/cli/tierwise.js: the command line, one ESM file for Node 24; npm packages stay external.
import { build } from 'esbuild';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export default async function buildCli(): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'cli', 'main.ts')],
    outfile: join(root, 'dist', 'cli', 'tierwise.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    packages: 'external',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  });
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  return `${Math.round(bytes / 1024)} KB`;
}
