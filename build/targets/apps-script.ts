// dist/apps-script: the Sheets add-on for clasp. One IIFE (no ES modules, no Node globals: Apps
// Script's V8 has neither), top-level stubs for every entry point (Apps Script only sees top-level
// function declarations), the custom functions' @customfunction JSDoc, and the manifest.
import { build, type Plugin } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const out = join(root, 'dist', 'apps-script');

const CUSTOM_FUNCTIONS: Record<string, string> = {
  TIERWISE_SCORE: 'Tier, segment, RFM, churn risk, churn level, lifecycle, next action, follow-up date and reasons for a customer table.',
  TIERWISE_TIER: 'The tier (A core, B potential, C ordinary, D dormant) of each customer in a table.',
  TIERWISE_CHURN_RISK: 'The churn risk (0-100) of each customer in a table.',
};

export const MANIFEST = {
  timeZone: 'Etc/UTC',
  runtimeVersion: 'V8',
  exceptionLogging: 'STACKDRIVER',
  oauthScopes: [
    // Read and write only the spreadsheet the add-on is used in.
    'https://www.googleapis.com/auth/spreadsheets.currentonly',
    // Show the menu, the sidebar and alerts.
    'https://www.googleapis.com/auth/script.container.ui',
    // Create and delete the daily re-score trigger.
    'https://www.googleapis.com/auth/script.scriptapp',
  ],
};

/** Anything Apps Script cannot run: module syntax or Node globals. */
const FORBIDDEN = [/^\s*import\s/m, /^\s*export\s/m, /\brequire\(/, /\bprocess\.(env|argv|exit)/, /\bBuffer\.from\(/];

/**
 * zod re-exports its 50-odd message locales from one index module, and the `z` namespace keeps them
 * all alive (~350 KB). The add-on's messages are our own, so that index is replaced by English only.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /locales\/index\.js$/ }, (args) => (args.importer.includes(`${sep}zod${sep}`) ? { path: 'zod-locales', namespace: 'tierwise' } : undefined));
    b.onLoad({ filter: /^zod-locales$/, namespace: 'tierwise' }, () => ({
      contents: `export { default as en } from ${JSON.stringify(join(root, 'node_modules', 'zod', 'v4', 'locales', 'en.js'))};`,
      resolveDir: root,
    }));
  },
};

/**
 * The names apps-script/server/main.ts exports, read from esbuild's metafile: every export is an entry
 * point Apps Script must see as a top-level function, so adding one there is all it takes.
 */
async function exportedNames(entry: string): Promise<string[]> {
  const scan = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', loader: { '.html': 'text' }, write: false, metafile: true, outdir: out, logLevel: 'warning' });
  const output = Object.values(scan.metafile.outputs).find((o) => o.entryPoint !== undefined);
  return output?.exports ?? [];
}

export default async function buildAppsScript(): Promise<string> {
  mkdirSync(out, { recursive: true });
  const exported = await exportedNames(join(root, 'apps-script', 'server', 'main.ts'));
  for (const name of Object.keys(CUSTOM_FUNCTIONS)) {
    if (!exported.includes(name)) throw new Error(`apps-script/server/main.ts does not export the custom function ${name}`);
  }
  const ENTRY_POINTS = exported.filter((name) => !(name in CUSTOM_FUNCTIONS));
  if (ENTRY_POINTS.length === 0) throw new Error('apps-script/server/main.ts exports no entry points');
  const result = await build({
    entryPoints: [join(root, 'apps-script', 'server', 'main.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'Tierwise',
    platform: 'neutral',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    loader: { '.html': 'text' },
    plugins: [zodEnglishOnly],
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0]?.text ?? '';
  const stubs = [
    ...ENTRY_POINTS.map((name) => `function ${name}(a, b) { return Tierwise.${name}(a, b); }`),
    ...Object.entries(CUSTOM_FUNCTIONS).map(
      ([name, doc]) => `/**\n * ${doc}\n * @param {A1:Z1000} range The table, header row included.\n * @param {"2026-11-01"} asOf Optional as-of date (a date or YYYY-MM-DD); today in the spreadsheet's time zone when left out.\n * @return The results, one row per input row.\n * @customfunction\n */\nfunction ${name}(range, asOf) { return Tierwise.${name}(range, asOf); }`,
    ),
  ].join('\n');
  const bundle = `${code}\n${stubs}\n`;
  for (const pattern of FORBIDDEN) {
    if (pattern.test(bundle)) throw new Error(`dist/apps-script/Code.js contains ${pattern}, which Apps Script cannot run`);
  }
  writeFileSync(join(out, 'Code.js'), bundle);
  writeFileSync(join(out, 'appsscript.json'), JSON.stringify(MANIFEST, null, 2) + '\n');
  return `Code.js ${Math.round(bundle.length / 1024)} KB`;
}
