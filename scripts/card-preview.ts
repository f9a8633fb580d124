// Renders the card preview for docs/: the card's view model (hubspot-app/ui/card-view-model.ts) for
// real sample customers, as HTML (docs/hubspot-card-preview.html) and one PNG per story
// (docs/hubspot-card-<story>.png), in Debian's headless Chromium. Run: npx node scripts/card-preview.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { previewPage } from '../hubspot-app/ui/card-preview-html.ts';
import { previewStories } from './card-preview-stories.ts';

const DOCS = join(import.meta.dirname, '..', 'docs');
const stories = previewStories();
const html = previewPage(stories.map((s) => s.story));
writeFileSync(join(DOCS, 'hubspot-card-preview.html'), html);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1200 }, deviceScaleFactor: 1 });
  await page.setContent(html);
  for (const [i, { name }] of stories.entries()) {
    await page.locator(`#story-${i}`).screenshot({ path: join(DOCS, `hubspot-card-${name}.png`) });
    console.error(`wrote docs/hubspot-card-${name}.png`);
  }
} finally {
  await browser.close();
}
