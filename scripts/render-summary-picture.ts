// Renders `npm start`'s summary (and the first scored rows) as docs/cli-summary.png for the README,
// in Debian's headless Chromium. Run: npx node scripts/render-summary-picture.ts
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..');
const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'tierwise.js'), ...args], { cwd: ROOT, encoding: 'utf8' }).stdout;
const summary = run(['score', 'sample/customers.csv', '--as-of', '2026-11-01', '--summary']);
const rows = JSON.parse(run(['score', 'sample/customers.csv', '--as-of', '2026-11-01', '--json'])) as Record<string, unknown>[];
const escape = (s: string) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c);
const sampleRows = rows.filter((r) => r['error'] === null && r['tier'] !== null).slice(0, 6);
const tierColour: Record<string, string> = { A: '#1e8e3e', B: '#1a73e8', C: '#f9ab00', D: '#d93025' };
const html = `<!doctype html><html><body style="margin:0;background:#fff;font-family:Roboto,Arial,sans-serif">
<div style="display:flex;gap:20px;padding:20px;width:1400px">
<pre style="flex:0 0 640px;background:#202124;color:#e8eaed;padding:16px 20px;border-radius:8px;font:12.5px/1.35 'DejaVu Sans Mono',monospace;margin:0;white-space:pre-wrap">$ npm start\n\n${escape(summary.split('\n').slice(0, 36).join('\n'))}</pre>
<div style="flex:1;font-size:13px"><h3 style="margin:0 0 8px;font-weight:500">What each row gets (tierwise score --json, first scored rows)</h3>
${sampleRows.map((r) => `<div style="border:1px solid #dadce0;border-radius:8px;padding:10px 12px;margin-bottom:8px">
<b style="display:inline-block;width:22px;height:22px;border-radius:11px;color:#fff;text-align:center;line-height:22px;background:${tierColour[String(r['tier'])]}">${r['tier']}</b>
<b>${escape(String(r['id']))}</b> · ${escape(String(r['segment']))} · RFM ${r['r']}${r['f']}${r['m']} · churn risk <b>${r['churnRisk']}</b> (${r['churnLevel']}) · ${r['lifecycle']}
<div style="color:#3c4043;margin-top:4px">Next: ${escape(String(r['nextAction']))} <i>by ${r['followUpBy']}</i></div>
<div style="color:#5f6368;margin-top:2px">Why: ${escape(String(r['reasons']))}</div></div>`).join('')}
</div></div></body></html>`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.setContent(html);
await page.screenshot({ path: join(ROOT, 'docs', 'cli-summary.png'), fullPage: true });
await browser.close();
console.error('wrote docs/cli-summary.png');
