// The Store Listing's text in each language, within Google's limits (apps-script/listing/listing.ts).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DETAILED_DESCRIPTION_MAX, ListingSchema, NAME_MAX, SHORT_DESCRIPTION_MAX, type Listing } from '../../apps-script/listing/listing.ts';

const LISTING = join(import.meta.dirname, '..', '..', 'apps-script', 'listing');
const LANGUAGES = ['en', 'zh-CN'] as const;
const load = (language: string): unknown => JSON.parse(readFileSync(join(LISTING, `listing.${language}.json`), 'utf8'));
const valid = ListingSchema.parse(load('en'));

describe('the Store Listing text', () => {
  it.each(LANGUAGES)('listing.%s.json fits the Store Listing limits and is in its language', (language) => {
    const result = ListingSchema.safeParse(load(language));
    expect(result.success, result.success ? '' : result.error.issues.map((i) => i.message).join('; ')).toBe(true);
    const listing = result.data as Listing;
    expect(listing.language).toBe(language);
    // Mostly Chinese characters (product names, RFM and formulas stay Latin).
    const text = [...(listing.shortDescription + listing.detailedDescription)].filter((ch) => /\S/.test(ch));
    const chinese = text.filter((ch) => /[\u4e00-\u9fff]/.test(ch)).length / text.length;
    expect(chinese).toBeGreaterThan(language === 'zh-CN' ? 0.5 : -1);
    if (language === 'en') expect(chinese).toBe(0);
  });

  it('says the same things in both languages: the result columns, the formulas and no server', () => {
    for (const language of LANGUAGES) {
      const text = ListingSchema.parse(load(language)).detailedDescription;
      for (const formula of ['TIERWISE_SCORE', 'TIERWISE_TIER', 'TIERWISE_CHURN_RISK', 'RFM', 'Tierwise summary', 'Tierwise customers']) expect(text, `${language}: ${formula}`).toContain(formula);
    }
    expect(ListingSchema.parse(load('en')).detailedDescription).toMatch(/no server and makes no network requests/);
    expect(ListingSchema.parse(load('zh-CN')).detailedDescription).toMatch(/没有服务器，不发出任何网络请求/);
  });

  it('refuses text over each limit, counting Chinese characters one each', () => {
    const issue = (patch: Partial<Listing>) => ListingSchema.safeParse({ ...valid, ...patch }).error?.issues[0]?.message;
    expect(issue({ name: 'x'.repeat(NAME_MAX + 1) })).toBe(`Application name has ${NAME_MAX + 1} characters; the Store Listing allows ${NAME_MAX}`);
    expect(issue({ name: '客'.repeat(NAME_MAX) })).toBeUndefined();
    expect(issue({ name: 'Tierwise for Google Sheets' })).toMatch(/must not use the word "Google"/);
    expect(issue({ shortDescription: 'y'.repeat(SHORT_DESCRIPTION_MAX + 1) })).toMatch(/Short description has 201 characters; the Store Listing allows 200/);
    expect(issue({ shortDescription: '层'.repeat(SHORT_DESCRIPTION_MAX) })).toBeUndefined();
    expect(issue({ detailedDescription: 'z'.repeat(16_000) })).toMatch(/Detailed description has 16000 characters; the Store Listing allows 15999/);
    expect(issue({ detailedDescription: 'See <b>this</b>' })).toMatch(/plain text/);
    expect(ListingSchema.safeParse({ ...valid, extra: 1 }).success).toBe(false);
    expect(DETAILED_DESCRIPTION_MAX).toBe(15_999);
  });
});
