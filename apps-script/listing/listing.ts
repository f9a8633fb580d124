// The Store Listing's "App details", one JSON file per language (listing.en.json, listing.zh-CN.json),
// checked against the limits Google's "Create a store listing" page sets
// (https://developers.google.com/workspace/marketplace/create-listing, "App details"):
// application name 50 characters or less and without the word "Google"; short description
// 200 characters; detailed description less than 16,000 characters. Characters are counted as the
// reader sees them (code points), so 简体中文 text counts one per character.
import { z } from 'zod';

const characters = (s: string) => [...s].length;

const limited = (field: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${field} is empty`)
    .superRefine((s, ctx) => {
      if (characters(s) > max) ctx.addIssue({ code: 'custom', message: `${field} has ${characters(s)} characters; the Store Listing allows ${max}` });
    });

export const NAME_MAX = 50;
export const SHORT_DESCRIPTION_MAX = 200;
/** "Limit this to less than 16,000 characters." */
export const DETAILED_DESCRIPTION_MAX = 15_999;

/** The Pricing choices the Store Listing offers. */
export const PRICING = ['Free of charge', 'Paid', 'Free of charge trial', 'Free of charge with paid features'] as const;

export const ListingSchema = z.strictObject({
  /** The Store Listing language this text is for. */
  language: z.enum(['en', 'zh-CN']),
  name: limited('Application name', NAME_MAX).refine((s) => !/google/i.test(s), { message: 'Application name must not use the word "Google" (Store Listing rule)' }),
  shortDescription: limited('Short description', SHORT_DESCRIPTION_MAX),
  /** Plain text: the Store Listing does not render Markdown or HTML; blank lines separate paragraphs. */
  detailedDescription: limited('Detailed description', DETAILED_DESCRIPTION_MAX).refine((s) => !/<[a-z/!]/i.test(s), { message: 'Detailed description is plain text: no HTML tags' }),
  /** The category suggested for the listing (chosen from the console's list when publishing). */
  category: z.string().min(1),
  pricing: z.enum(PRICING),
  /** What the user sees right after installing: where to find the add-on. */
  postInstallTip: limited('Post-install tip', SHORT_DESCRIPTION_MAX),
});
export type Listing = z.infer<typeof ListingSchema>;
