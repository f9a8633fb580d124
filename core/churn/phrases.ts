// How churn drivers are said, per language: the numbers in the words are the model's own inputs.
import type { Language } from '../schema/options.ts';
import type { ChurnFactorName } from './factors.ts';

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

const round = (n: number) => Math.round(n);
/** 1234.5 → "1,234.5": written out by hand because toLocaleString costs ~10 µs a call, a second per 100k drivers. */
export function money(n: number): string {
  const cents = Math.round(Math.abs(n) * 100);
  const whole = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = cents % 100;
  const tail = fraction === 0 ? '' : fraction % 10 === 0 ? `.${fraction / 10}` : `.${String(fraction).padStart(2, '0')}`;
  return `${n < 0 && cents > 0 ? '-' : ''}${whole}${tail}`;
}

export const CHURN_PHRASES: Record<Language, ChurnPhrases> = {
  en: {
    recencyOwn: (days, gap) => `no order for ${days} days; usually orders every ${round(gap)}`,
    noPurchase: (percent, days) => `${percent}% likely to buy nothing in the next ${days} days`,
    alive: (percent, purchases, weeks) =>
      `about ${percent}% likely to still be buying, given ${purchases} order${purchases === 1 ? '' : 's'} and none in ${weeks} week${weeks === 1 ? '' : 's'}`,
    recencyDefault: (days, purchases, gap) =>
      `no order for ${days} days; ${purchases <= 1 ? 'one order so far' : 'no rhythm of its own yet'}, so judged against ${round(gap)} days`,
    orderDrop: (recent, previous, period) =>
      `${recent} order${recent === 1 ? '' : 's'} in the last ${period} days, down from ${previous} in the ${period} before`,
    spendDrop: (recent, previous, period) =>
      `spent ${money(recent)} in the last ${period} days, down from ${money(previous)} in the ${period} before`,
    npsDetractor: (nps) => `NPS ${nps} (a detractor: 0-6)`,
    npsDrop: (previous, nps) => `NPS fell from ${previous} to ${nps}`,
    lowSatisfaction: (value, scale) => `satisfaction ${value} of ${scale}${scale === 10 ? '' : ` (${value * (10 / scale)} of 10)`}, below 7 of 10`,
    contactGap: (days) => `no contact for ${days} days`,
    contactDrop: (recent, previous, period) => `contacts fell from ${previous} to ${recent} per ${period} days`,
    competitor: 'asked about competitors',
    factorName: {
      recency: 'recency',
      orderTrend: 'order trend',
      spendTrend: 'spend trend',
      nps: 'NPS',
      satisfaction: 'satisfaction',
      contact: 'contact',
      competitor: 'competitor questions',
    },
    notJudged: (factors) => `not judged for lack of data: ${factors.join(', ')}`,
    noWarning: 'no warning signs',
    join: '; ',
    and: ', ',
    prospect: 'no purchase yet (a prospect)',
  },
  'zh-CN': {
    recencyOwn: (days, gap) => `已 ${days} 天未下单;通常每 ${round(gap)} 天下单一次`,
    noPurchase: (percent, days) => `未来 ${days} 天不下单的可能性 ${percent}%`,
    alive: (percent, purchases, weeks) => `仍在购买的可能性约 ${percent}%(共 ${purchases} 笔订单,已 ${weeks} 周未下单)`,
    recencyDefault: (days, purchases, gap) =>
      `已 ${days} 天未下单;${purchases <= 1 ? '目前仅一笔订单' : '尚无自身购买节奏'},按 ${round(gap)} 天判断`,
    orderDrop: (recent, previous, period) => `近 ${period} 天 ${recent} 笔订单,前 ${period} 天为 ${previous} 笔`,
    spendDrop: (recent, previous, period) => `近 ${period} 天消费 ${money(recent)},前 ${period} 天为 ${money(previous)}`,
    npsDetractor: (nps) => `NPS ${nps}(贬损者:0-6)`,
    npsDrop: (previous, nps) => `NPS 从 ${previous} 降至 ${nps}`,
    lowSatisfaction: (value, scale) => `满意度 ${value}/${scale},低于 7/10`,
    contactGap: (days) => `已 ${days} 天未联系`,
    contactDrop: (recent, previous, period) => `每 ${period} 天联系次数从 ${previous} 降至 ${recent}`,
    competitor: '咨询过竞品',
    factorName: {
      recency: '最近购买',
      orderTrend: '订单趋势',
      spendTrend: '消费趋势',
      nps: 'NPS',
      satisfaction: '满意度',
      contact: '联系频率',
      competitor: '竞品咨询',
    },
    notJudged: (factors) => `缺少数据未评估:${factors.join('、')}`,
    noWarning: '无预警信号',
    join: ';',
    and: ',',
    prospect: '尚未购买(潜在客户)',
  },
};
