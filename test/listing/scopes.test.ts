// apps-script/listing/scopes.md against what is pushed: every scope in the manifest has a rationale
// and every rationale a scope in the manifest; each scope is used by a call the bundle makes; and
// every Apps Script service the bundle calls is explained there (a new one, say UrlFetchApp, fails
// here until the rationale, the privacy policy and the consent screen say so).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const RATIONALE = readFileSync(join(ROOT, 'apps-script', 'listing', 'scopes.md'), 'utf8');

function built(file: string): string {
  const path = join(ROOT, 'dist', 'apps-script', file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first`);
  return readFileSync(path, 'utf8');
}

/** Rows of the Markdown table under `heading`, as cells (the header and divider rows left out). */
function tableUnder(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(`## ${heading}\n`);
  if (start < 0) throw new Error(`scopes.md has no "## ${heading}" section`);
  const lines = markdown.slice(start).split('\n').slice(1);
  const table = lines.slice(lines.findIndex((l) => l.startsWith('|')));
  const rows = table.slice(0, table.findIndex((l) => !l.startsWith('|')) >>> 0).map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
  return rows.slice(2);
}

const code = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);

/** Apps Script's global services (https://developers.google.com/apps-script/reference). */
const SERVICES = ['SpreadsheetApp', 'DocumentApp', 'SlidesApp', 'FormApp', 'DriveApp', 'GmailApp', 'MailApp', 'CalendarApp', 'ContactsApp', 'PeopleApp', 'GroupsApp', 'SitesApp', 'UrlFetchApp', 'ScriptApp', 'PropertiesService', 'CacheService', 'LockService', 'HtmlService', 'CardService', 'ContentService', 'Session', 'Utilities', 'Logger', 'Charts', 'XmlService', 'LanguageApp', 'Maps', 'Jdbc', 'Browser', 'DataStudioApp', 'ConferenceDataService'];

describe('the scope rationale (apps-script/listing/scopes.md)', () => {
  const scopeRows = tableUnder(RATIONALE, 'Scopes in the manifest');
  const serviceRows = tableUnder(RATIONALE, 'Services used that need no scope');
  const manifest = JSON.parse(built('appsscript.json')) as { oauthScopes: string[] };
  const bundle = built('Code.js');

  it('has a rationale for every scope in the manifest, and none for a scope it does not ask for', () => {
    const explained = scopeRows.map((row) => code(row[0] ?? '')[0]);
    expect([...explained].sort()).toEqual([...manifest.oauthScopes].sort());
    for (const row of scopeRows) {
      expect(row).toHaveLength(4);
      for (const cell of row.slice(1, 3)) expect(cell.length, `${row[0]}: a rationale cell is too short`).toBeGreaterThan(40);
    }
  });

  it('names, for each scope, calls the bundle really makes', () => {
    // A scope nothing uses is a permission asked for nothing. (A service row may describe a service the
    // bundle stopped calling; the next test only asks that every service called is described.)
    for (const row of scopeRows) {
      const calls = code(row[row.length - 1] ?? '');
      expect(calls.length, `${row[0]} lists no calls`).toBeGreaterThan(0);
      expect(calls.filter((c) => bundle.includes(c)), `${row[0]}: none of ${calls.join(', ')} is in dist/apps-script/Code.js`).not.toHaveLength(0);
    }
  });

  it('explains every Apps Script service the bundle calls', () => {
    const used = SERVICES.filter((s) => new RegExp(`\\b${s}\\.`).test(bundle));
    const explained = new Set([...scopeRows, ...serviceRows].flatMap((row) => code(row[row.length - 1] ?? '').map((c) => c.split('.')[0])));
    for (const row of serviceRows) expect(code(row[0] ?? '')[0], 'a service row names its service in its first cell').toBe(code(row[2] ?? '')[0]?.split('.')[0]);
    expect(used.length).toBeGreaterThan(3);
    for (const service of used) expect(explained.has(service), `dist/apps-script/Code.js calls ${service}, which scopes.md does not explain`).toBe(true);
  });
});
