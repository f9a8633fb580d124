// How the learned model's drivers are said, per language: each with the customer's own numbers.
import type { Language } from '../../schema/options.ts';
import { money } from '../phrases.ts';

export interface LearnedPhrases {
  frequency: (purchaseDays: number, weeks: number) => string;
  spend: (average: number) => string;
  purchaseModel: (expected: number, days: number, pAlive: number | null) => string;
  orderTrend: (recent: number, previous: number, period: number) => string;
  spendTrend: (recent: number, previous: number, period: number) => string;
  season: (hits: number, years: number, daysToSeason: number | null) => string;
}

const purchases = (n: number) => (n === 1 ? '1 purchase' : `${n} purchases`);
const twoPlaces = (x: number) => (x >= 10 ? x.toFixed(0) : x.toFixed(x >= 1 ? 1 : 2));

export const LEARNED_PHRASES: Record<Language, LearnedPhrases> = {
  en: {
    frequency: (n, weeks) => `bought on ${n} day${n === 1 ? '' : 's'} in ${weeks} week${weeks === 1 ? '' : 's'} as a customer`,
    spend: (average) => `spends ${money(average)} a purchase on average`,
    purchaseModel: (expected, days, pAlive) =>
      `the purchase model expects ${twoPlaces(expected)} purchases in the next ${days} days${pAlive === null ? '' : `, about ${Math.round(pAlive * 100)}% likely to still be buying`}`,
    orderTrend: (recent, previous, period) =>
      recent === 0 && previous === 0 ? `no purchase in the last ${2 * period} days` : `${purchases(recent)} in the last ${period} days, ${previous} in the ${period} before`,
    spendTrend: (recent, previous, period) =>
      recent === 0 && previous === 0 ? `no spend in the last ${2 * period} days` : `spent ${money(recent)} in the last ${period} days, ${money(previous)} in the ${period} before`,
    season: (hits, years, days) =>
      (hits === 0
        ? `did not buy in these weeks in the last ${years === 1 ? 'year' : `${years} years`}`
        : `bought in these weeks in ${hits} of the last ${years} year${years === 1 ? '' : 's'}`) +
      (days === null ? '' : days === 0 ? '; their usual season is now' : `; their usual season comes round in ${days} day${days === 1 ? '' : 's'}`),
  },
  'zh-CN': {
    frequency: (n, weeks) => `成为客户 ${weeks} 周内共 ${n} 天有购买`,
    spend: (average) => `平均每次消费 ${money(average)}`,
    purchaseModel: (expected, days, pAlive) =>
      `购买模型预计未来 ${days} 天购买 ${twoPlaces(expected)} 次${pAlive === null ? '' : `,仍在购买的可能性约 ${Math.round(pAlive * 100)}%`}`,
    orderTrend: (recent, previous, period) =>
      recent === 0 && previous === 0 ? `近 ${2 * period} 天无购买` : `近 ${period} 天 ${recent} 次购买,前 ${period} 天为 ${previous} 次`,
    spendTrend: (recent, previous, period) =>
      recent === 0 && previous === 0 ? `近 ${2 * period} 天无消费` : `近 ${period} 天消费 ${money(recent)},前 ${period} 天为 ${money(previous)}`,
    season: (hits, years, days) =>
      (hits === 0 ? `过去 ${years} 年的这几周均未购买` : `过去 ${years} 年中有 ${hits} 年在这几周购买`) +
      (days === null ? '' : days === 0 ? ';正值其惯常购买季' : `;距其惯常购买季还有 ${days} 天`),
  },
};
