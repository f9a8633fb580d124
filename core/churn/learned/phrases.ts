// How the learned model's drivers are said, per language: each with the customer's own numbers.
// The sentences themselves are in core/i18n/<language>.ts.
import type { Language } from '../../schema/options.ts';
import { byLanguage } from '../../i18n/index.ts';

export interface LearnedPhrases {
  frequency: (purchaseDays: number, weeks: number) => string;
  spend: (average: number) => string;
  purchaseModel: (expected: number, days: number, pAlive: number | null) => string;
  orderTrend: (recent: number, previous: number, period: number) => string;
  spendTrend: (recent: number, previous: number, period: number) => string;
  season: (hits: number, years: number, daysToSeason: number | null) => string;
}

export const LEARNED_PHRASES: Record<Language, LearnedPhrases> = byLanguage((w) => w.learned);
