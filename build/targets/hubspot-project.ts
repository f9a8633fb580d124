// dist/hubspot-project/: what `hs project upload` sends (run it from there). hubspot-app/project's
// card and settings page import the shared ui/ and core/ code from outside the project folder, which
// an upload would not carry; here each entry point is bundled by esbuild into one .jsx beside its
// hsmeta (react and @hubspot/ui-extensions stay imports: HubSpot's build installs them from the
// component's package.json) and the hsmeta points at it. Everything else is copied as is.
import { build } from 'esbuild';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const ENTRIES = [
  { folder: 'cards', meta: 'tier-card-hsmeta.json', entry: 'TierCard' },
  { folder: 'settings', meta: 'settings-hsmeta.json', entry: 'SettingsPage' },
] as const;
/** What a bundled entry may still import: HubSpot's build provides these from the component's package.json. */
export const PROVIDED = ['react', 'react/jsx-runtime', '@hubspot/ui-extensions', '@hubspot/ui-extensions/crm'];

export default async function buildHubSpotProject(): Promise<string> {
  const out = join(root, 'dist', 'hubspot-project');
  rmSync(out, { recursive: true, force: true });
  cpSync(join(root, 'hubspot-app', 'project'), out, { recursive: true, filter: (path) => !/\.tsx$/.test(path) });
  const sizes: string[] = [];
  for (const { folder, meta, entry } of ENTRIES) {
    const dir = join(out, 'src', 'app', folder);
    const result = await build({
      entryPoints: [join(root, 'hubspot-app', 'project', 'src', 'app', folder, `${entry}.tsx`)],
      outfile: join(dir, `${entry}.jsx`),
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      jsx: 'automatic',
      external: PROVIDED,
      minify: true,
      legalComments: 'eof',
      metafile: true,
      logLevel: 'warning',
    });
    const metaPath = join(dir, meta);
    const hsmeta = JSON.parse(readFileSync(metaPath, 'utf8')) as { config: { entrypoint: string } };
    hsmeta.config.entrypoint = `/app/${folder}/${entry}.jsx`;
    writeFileSync(metaPath, `${JSON.stringify(hsmeta, null, 2)}\n`);
    // tsconfig.json points at ../../../../ui, which is not in the upload; the bundle needs no type check.
    rmSync(join(dir, 'tsconfig.json'), { force: true });
    sizes.push(`${folder} ${Math.round(Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0) / 1024)} KB`);
  }
  return sizes.join(', ');
}
