// dist/hubspot-project, what `hs project upload` sends: built here, parsed by HubSpot's own parser;
// the card and settings entry points are single files that import only what HubSpot's build provides,
// and nothing of the upload reaches outside its folder.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { translate } from '@hubspot/project-parsing-lib/translate';
import { build } from 'esbuild';
import buildHubSpotProject, { PROVIDED } from '../../build/targets/hubspot-project.ts';
import { CardMetaSchema, SettingsMetaSchema } from '../../hubspot-app/ui/project-schema.ts';

const out = join(import.meta.dirname, '..', '..', 'dist', 'hubspot-project');
const src = join(out, 'src');

beforeAll(async () => {
  await buildHubSpotProject();
}, 60_000);

const filesUnder = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));

describe('the HubSpot project as uploaded', () => {
  it('parses with HubSpot\'s parser, the card and settings page pointing at bundled entry points that exist', async () => {
    const { intermediateRepresentation, skippedHsMetaFiles } = await translate({ projectSourceDir: src, platformVersion: '2026.03' }, { skipValidation: true, profile: 'prod' });
    expect(skippedHsMetaFiles).toEqual([]);
    const nodes = intermediateRepresentation.intermediateNodesIndexedByUid;
    const card = CardMetaSchema.shape.config.parse(nodes['tierwise_record_card']?.config);
    const settings = SettingsMetaSchema.shape.config.parse(nodes['tierwise_settings']?.config);
    expect(card.entrypoint).toBe('/app/cards/TierCard.jsx');
    expect(settings.entrypoint).toBe('/app/settings/SettingsPage.jsx');
    expect(existsSync(join(src, card.entrypoint))).toBe(true);
    expect(existsSync(join(src, settings.entrypoint))).toBe(true);
  });

  it('imports only what HubSpot\'s build provides, and reaches no file outside the upload', async () => {
    for (const file of filesUnder(src).filter((f) => f.endsWith('.jsx'))) {
      // esbuild reads the bundle and reports every import it makes (static, dynamic or require).
      const imports: string[] = [];
      await build({ entryPoints: [file], bundle: true, write: false, logLevel: 'silent', plugins: [{ name: 'record', setup: (b) => b.onResolve({ filter: /.*/ }, (args) => (args.kind === 'entry-point' ? undefined : (imports.push(args.path), { path: args.path, external: true }))) }] });
      expect(imports.length).toBeGreaterThan(0);
      expect([...new Set(imports)].filter((i) => !PROVIDED.includes(i))).toEqual([]);
    }
    // No TypeScript sources are left that would import ../../../../ui from outside the folder.
    expect(filesUnder(src).filter((f) => /\.tsx?$/.test(f))).toEqual([]);
  });

  it('declares in each component\'s package.json the packages its bundle still imports', () => {
    for (const folder of ['cards', 'settings']) {
      const pkg = JSON.parse(readFileSync(join(src, 'app', folder, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
      expect(pkg.dependencies).toMatchObject({ '@hubspot/ui-extensions': '0.17.0', react: '18.3.1' });
    }
  });
});
