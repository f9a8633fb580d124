// How churn drivers are said, per language: the numbers in the words are the model's own inputs.
// The sentences themselves are in core/i18n/<language>.ts.
import type { Language } from '../schema/options.ts';
import type { ChurnFactorName } from './factors.ts';
import { byLanguage } from '../i18n/index.ts';

export interface ChurnPhrases {
  recencyOwn: (days: number, gap: number) => string;
  alive: (percent: number, purchases: number, weeks: number) => string;
  noPurchase: (percent: number, days: number) => string;
  recencyDefault: (days: number, purchases: number, gap: number) => string;
  orderDrop: (recent: number, previous: number, period: number) => string;
  spendDrop: (recent: number, previous: number, period: number) => string;
  npsDetractor: (nps: number) => string;
  npsDrop: (previous: number, nps: number) => string;
  lowSatisfaction: (value: number, scale: number) => string;
  contactGap: (days: number) => string;
  contactDrop: (recent: number, previous: number, period: number) => string;
  competitor: string;
  factorName: Record<ChurnFactorName, string>;
  notJudged: (factors: string[]) => string;
  noWarning: string;
  join: string;
  /** Joins two findings of one factor. */
  and: string;
  prospect: string;
}

export { money } from '../i18n/numbers.ts';

export const CHURN_PHRASES: Record<Language, ChurnPhrases> = byLanguage((w) => w.churn);
