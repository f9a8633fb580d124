// The arrow of README's layout, checked on every source file: core imports only core and zod; adapters
// nothing from a host; each host (apps-script, hubspot-app) nothing from another host or the CLI. The CLI
// is the launcher of every host (`tierwise app serve` starts the HubSpot backend), so it may import them.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SOURCE = /\.(ts|tsx)$/;

function filesUnder(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, folder), { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') out.push(...filesUnder(path));
    } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Every module specifier a file names: static imports, re-exports, side-effect and dynamic imports. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  const pattern = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const m of text.matchAll(pattern)) found.push((m[1] ?? m[2] ?? m[3]) as string);
  return found;
}

/** The top-level folder a relative specifier lands in, or the package name of a bare one. */
function target(file: string, specifier: string): { folder: string } | { pkg: string } {
  if (!specifier.startsWith('.')) return { pkg: specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] as string) };
  const landed = relative(ROOT, resolve(ROOT, dirname(file), specifier));
  return { folder: landed.split(sep)[0] as string };
}

const HOSTS = ['apps-script', 'hubspot-app', 'cli'];
const RULES: { folder: string; mayImportFolders: string[]; mayImportPackage: (pkg: string) => boolean }[] = [
  { folder: 'core', mayImportFolders: ['core'], mayImportPackage: (pkg) => pkg === 'zod' },
  { folder: 'adapters', mayImportFolders: ['core', 'adapters'], mayImportPackage: () => true },
  { folder: 'apps-script', mayImportFolders: ['core', 'adapters', 'apps-script'], mayImportPackage: () => true },
  { folder: 'hubspot-app', mayImportFolders: ['core', 'adapters', 'hubspot-app'], mayImportPackage: () => true },
  { folder: 'cli', mayImportFolders: ['core', 'adapters', ...HOSTS], mayImportPackage: () => true },
];

describe('import boundaries (README "Layout")', () => {
  it('finds the imports it checks (the scanner reads static, re-export and dynamic imports)', () => {
    expect(specifiers("import { a } from './a.ts';\nexport * from '../b.ts';\nimport 'c';\nconst d = await import('./d.ts');\nimport type {\n  E,\n} from 'zod';")).toEqual(['./a.ts', '../b.ts', 'c', './d.ts', 'zod']);
  });

  for (const rule of RULES) {
    it(`${rule.folder}/ imports only ${rule.mayImportFolders.join(', ')}${rule.folder === 'core' ? ' and zod' : ''}`, () => {
      const files = filesUnder(rule.folder);
      expect(files.length).toBeGreaterThan(0);
      const crossings: string[] = [];
      for (const file of files) {
        for (const specifier of specifiers(readFileSync(join(ROOT, file), 'utf8'))) {
          const t = target(file, specifier);
          const allowed = 'folder' in t ? rule.mayImportFolders.includes(t.folder) : rule.mayImportPackage(t.pkg);
          if (!allowed) crossings.push(`${file} imports ${specifier}`);
        }
      }
      expect(crossings).toEqual([]);
    });
  }
});
