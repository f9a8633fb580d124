// The docs/ preview of the card: the committed HTML is what the view model makes of the sample today
// (rebuilt here and compared), every text the card would show is in it, escaped, and each story's PNG
// is there at a sidebar card's size (read from its IHDR chunk).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardView } from '../../hubspot-app/ui/card-view-model.ts';
import { cardHtml, previewPage } from '../../hubspot-app/ui/card-preview-html.ts';
import { previewStories } from '../../scripts/card-preview-stories.ts';

const DOCS = join(import.meta.dirname, '..', '..', 'docs');
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

describe('the card preview in docs/', () => {
  const stories = previewStories();

  it('is up to date with the view model (run npx node scripts/card-preview.ts after changing the card)', () => {
    expect(readFileSync(join(DOCS, 'hubspot-card-preview.html'), 'utf8')).toBe(previewPage(stories.map((s) => s.story)));
  });

  it('shows every text of each story\'s view model', () => {
    expect(stories.map((s) => s.name)).toEqual(['en', 'zh-CN', 'first-paint', 'not-scored']);
    for (const { story } of stories) {
      const html = cardHtml(story);
      const v = story.view;
      const texts = v.notScored
        ? [v.notScored.why, v.notScored.todo, ...v.notScored.problems]
        : [v.tier?.text, v.segment, v.risk?.text, ...v.drivers, v.lifecycle, v.lastScored, v.playbook?.summary, ...(v.playbook?.steps ?? []), ...(v.retention?.steps ?? []), v.nextAction, v.followUpBy, ...(v.purchase ?? []).flatMap((p) => [p.label, p.value])];
      for (const text of texts) if (text !== null && text !== undefined) expect(html).toContain(escape(text));
    }
    // The scored stories carry the backend's extras; the first paint has only what the record holds.
    expect(stories[0]?.story.view.purchase).not.toBeNull();
    expect(stories[0]?.story.view.retention).not.toBeNull();
    expect(stories[2]?.story.view.followUpBy).toBeNull();
    expect(stories[3]?.story.view.notScored?.problems).toHaveLength(1);
  });

  it('never lets a CRM value become HTML', () => {
    const view = cardView({ properties: { tierwise_tier: 'A', tierwise_reasons: '<img src=x onerror=alert(1)>', tierwise_next_action: '"><script>alert(1)</script>' }, answer: null, language: 'en' });
    const html = cardHtml({ view, language: 'en' });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it.each(['en', 'zh-CN', 'first-paint', 'not-scored'])('has docs/hubspot-card-%s.png at a sidebar card\'s width', (name) => {
    const png = readFileSync(join(DOCS, `hubspot-card-${name}.png`));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBeGreaterThanOrEqual(340);
    expect(width).toBeLessThan(400);
    expect(height).toBeGreaterThan(200);
  });
});
