// The Store Listing's pictures, read back from the committed PNGs: the sizes Google requires, and
// that each shows what it should (the mark's tier colours; sheets coloured by the bundle's formats).
// They are redrawn by `npx node scripts/listing-screenshots.ts`, not here (Chromium is slow).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_ASSETS, CARD_BANNER, CONSENT_LOGO, ICONS, SCREENSHOTS } from '../../apps-script/listing/assets.ts';
import { countColour, decodePng, pngHeader } from './png.ts';

const LISTING = join(import.meta.dirname, '..', '..', 'apps-script', 'listing');
const read = (file: string) => readFileSync(join(LISTING, file));
const TIER_MARK = ['#1e8e3e', '#1a73e8', '#f9ab00', '#d93025'];

describe('the Store Listing graphic assets', () => {
  it('asks for exactly the sizes Google requires', () => {
    expect(ICONS.map((i) => [i.width, i.height]).sort()).toEqual([[128, 128], [32, 32]].sort());
    expect([CARD_BANNER.width, CARD_BANNER.height]).toEqual([220, 140]);
    expect([CONSENT_LOGO.width, CONSENT_LOGO.height]).toEqual([120, 120]);
    expect(SCREENSHOTS).toHaveLength(5);
    for (const s of SCREENSHOTS) expect([s.width, s.height]).toEqual([1280, 800]);
  });

  it.each(ALL_ASSETS.map((a) => [a.file, a] as const))('%s is a PNG of the required size', (file, asset) => {
    expect(existsSync(join(LISTING, file)), `${file} is missing: run npx node scripts/listing-screenshots.ts`).toBe(true);
    const header = pngHeader(read(file), file);
    expect({ width: header.width, height: header.height }).toEqual({ width: asset.width, height: asset.height });
  });

  it.each([...ICONS, CONSENT_LOGO].map((i) => [i.file] as const))('%s shows the four tier bars on a transparent ground', (file) => {
    const pixels = decodePng(read(file), file);
    for (const colour of TIER_MARK) expect(countColour(pixels, colour), `${file} has no ${colour} bar`).toBeGreaterThan((pixels.width * pixels.height) / 60);
    expect(pixels.rgba[3], `${file}'s top-left corner is not transparent`).toBe(0);
  });

  it('the card banner shows the mark on an opaque ground', () => {
    const pixels = decodePng(read(CARD_BANNER.file), CARD_BANNER.file);
    for (const colour of TIER_MARK) expect(countColour(pixels, colour)).toBeGreaterThan(20);
    for (let i = 3; i < pixels.rgba.length; i += 4) if (pixels.rgba[i] !== 255) throw new Error(`the card banner has a transparent pixel at ${(i - 3) / 4}`);
  });

  it('the screenshots are five different pictures with the tier colours the bundle paints', () => {
    const files = SCREENSHOTS.map((s) => s.file);
    expect(new Set(files.map((f) => read(f).toString('base64'))).size).toBe(5);
    for (const file of files) {
      const pixels = decodePng(read(file), file);
      const white = countColour(pixels, '#ffffff', 0);
      expect(white, `${file} is nearly blank`).toBeLessThan(pixels.width * pixels.height * 0.9);
      // Tier A/D fills of the result columns (apps-script/server/formatting.ts) or the tier chart's bars;
      // the order table's customers sheet is written without colours.
      if (file.includes('order-table')) continue;
      const tierPixels = ['#ceead6', '#fad2cf', '#1e8e3e', '#d93025'].map((c) => countColour(pixels, c, 2));
      expect(Math.max(...tierPixels), `${file} shows no tier colour`).toBeGreaterThan(500);
    }
  });

  it('every screenshot has a caption in English and Chinese', () => {
    for (const s of SCREENSHOTS) {
      expect(s.caption.en.length).toBeGreaterThan(20);
      expect(s.caption['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
