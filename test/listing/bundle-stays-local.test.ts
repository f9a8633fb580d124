// What the privacy policy promises, checked on what is pushed to Apps Script (dist/apps-script, built
// by `npm run build`): no way for data to leave the spreadsheet. No UrlFetchApp or other network
// call in the bundle or its sidebar, no external_request scope, and nothing the sidebar loads from
// the web (scripts, styles, images, fonts, frames).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIST = join(import.meta.dirname, '..', '..', 'dist', 'apps-script');

function built(file: string): string {
  const path = join(DIST, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first`);
  return readFileSync(path, 'utf8');
}

/** Every way an Apps Script project or a sidebar page can send data out (or fetch something in). */
const NETWORK = [
  /\bUrlFetchApp\b/,
  /\bMailApp\b/,
  /\bGmailApp\b/,
  /\bJdbc\b/,
  /\bfetch\s*\(/,
  /\bXMLHttpRequest\b/,
  /\bWebSocket\b/,
  /\bEventSource\b/,
  /\bsendBeacon\b/,
  /\bimportScripts\b/,
  /<(script|img|iframe|link|source|video|audio|embed|object)\b[^>]*\b(src|href|data)\s*=\s*["']?(https?:)?\/\//i,
  /url\(\s*["']?(https?:)?\/\//i,
  /@import\b/,
  /\bwindow\.open\s*\(/,
];

describe('the built add-on keeps data in the spreadsheet', () => {
  it('Code.js (server and the sidebar HTML inside it) has no network call and loads nothing from the web', () => {
    const code = built('Code.js');
    expect(code).toContain('scoreActiveSheet');
    for (const pattern of NETWORK) expect(code.match(pattern)?.[0], `dist/apps-script/Code.js matches ${pattern}`).toBeUndefined();
  });

  it('does not read who the user is (the privacy policy says it does not access your name or email)', () => {
    const code = built('Code.js');
    for (const call of [/\bgetActiveUser\s*\(/, /\bgetEffectiveUser\s*\(/, /\bgetEmail\s*\(/, /\bPeople\./, /\bContactsApp\b/]) expect(code.match(call)?.[0], String(call)).toBeUndefined();
    expect('Session.getActiveUser().getEmail()').toMatch(/\bgetActiveUser\s*\(/);
  });

  it('the manifest asks for no external_request scope and only Sheets and script scopes', () => {
    const manifest = JSON.parse(built('appsscript.json')) as { oauthScopes?: string[] };
    expect(manifest.oauthScopes?.length).toBeGreaterThan(0);
    for (const scope of manifest.oauthScopes ?? []) {
      expect(scope).not.toMatch(/external_request|drive|gmail|mail|contacts|userinfo|cloud-platform/);
      expect(scope).toMatch(/^https:\/\/www\.googleapis\.com\/auth\/(spreadsheets\.currentonly|script\.container\.ui|script\.scriptapp)$/);
    }
  });

  it('each check would catch the call it is for', () => {
    const samples = ['UrlFetchApp.fetch("https://example.com")', 'fetch ("/x")', '<script src="https://cdn.example/x.js">', '<img src=//x.example/p.png>', "background:url('https://x')", 'navigator.sendBeacon(u, d)'];
    for (const sample of samples) expect(NETWORK.some((p) => p.test(sample)), sample).toBe(true);
    expect(NETWORK.some((p) => p.test('<a href="https://developers.google.com" target="_blank">'))).toBe(false);
  });
});
