// Runs every build target in build/targets/ (one file per output folder in dist/).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, 'targets');
const targets = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
const only = process.argv.slice(2);
for (const file of targets) {
  const name = file.replace(/\.ts$/, '');
  if (only.length > 0 && !only.includes(name)) continue;
  const started = Date.now();
  const mod = (await import(join(dir, file))) as { default: () => Promise<string> };
  const summary = await mod.default();
  console.error(`built ${name} in ${Date.now() - started} ms${summary ? `: ${summary}` : ''}`);
}
