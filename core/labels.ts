// Words shown to users for the model's values, per language. Values themselves (A, "Champions",
// "high", "dormant") never change with the language; only what hosts display does.
import type { Language } from './schema/options.ts';
import type { Segment } from './segments.ts';
import type { Tier, ValueBand } from './tiers.ts';
import type { LifecycleStage } from './lifecycle-stages.ts';
import type { ChurnLevel } from './churn/levels.ts';

export interface Labels {
  tier: Record<Tier, string>;
  segment: Record<Segment, string>;
  churnLevel: Record<ChurnLevel, string>;
  lifecycle: Record<LifecycleStage, string>;
  valueBand: Record<ValueBand, string>;
}

export const LABELS: Record<Language, Labels> = {
  en: {
    tier: { A: 'A core', B: 'B potential', C: 'C ordinary', D: 'D dormant' },
    segment: {
      Champions: 'Champions',
      Loyal: 'Loyal',
      'Potential loyalist': 'Potential loyalist',
      New: 'New',
      Promising: 'Promising',
      'Need attention': 'Need attention',
      'About to sleep': 'About to sleep',
      'At risk': 'At risk',
      "Can't lose": "Can't lose",
      Hibernating: 'Hibernating',
      Lost: 'Lost',
    },
    churnLevel: { low: 'low', medium: 'medium', high: 'high' },
    lifecycle: { prospect: 'prospect', new: 'new', active: 'active', dormant: 'dormant', churned: 'churned' },
    valueBand: { high: 'high value', medium: 'medium value', low: 'low value' },
  },
  'zh-CN': {
    tier: { A: 'A 核心', B: 'B 潜力', C: 'C 普通', D: 'D 沉睡' },
    segment: {
      Champions: '重要价值客户',
      Loyal: '忠诚客户',
      'Potential loyalist': '潜在忠诚客户',
      New: '新客户',
      Promising: '有潜力客户',
      'Need attention': '需要关注',
      'About to sleep': '即将沉睡',
      'At risk': '流失风险',
      "Can't lose": '不能失去',
      Hibernating: '休眠客户',
      Lost: '已流失',
    },
    churnLevel: { low: '低', medium: '中', high: '高' },
    lifecycle: { prospect: '潜在客户', new: '新客户', active: '活跃', dormant: '沉睡', churned: '流失' },
    valueBand: { high: '高价值', medium: '中价值', low: '低价值' },
  },
};

export function labelsFor(language: Language): Labels {
  return LABELS[language];
}
