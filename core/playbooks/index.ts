import type { Language } from '../schema/options.ts';
import type { Result } from '../schema/result.ts';
import type { Playbooks, TierPlaybook } from './types.ts';
import { EN } from './en.ts';
import { ZH_CN } from './zh-CN.ts';

export type { Playbooks, TierPlaybook } from './types.ts';

export const PLAYBOOKS: Record<Language, Playbooks> = { en: EN, 'zh-CN': ZH_CN };

export function playbooksFor(language: Language): Playbooks {
  return PLAYBOOKS[language];
}

/** What a host shows beside a record: the tier's playbook, plus the retention steps when the risk is high. */
export interface RecordPlaybook {
  tier: TierPlaybook | null;
  lifecycle: string | null;
  retention: string[] | null;
}

export function playbookFor(result: Pick<Result, 'tier' | 'lifecycle' | 'churnLevel'>, language: Language): RecordPlaybook {
  const playbooks = PLAYBOOKS[language];
  return {
    tier: result.tier === null ? null : playbooks.tiers[result.tier],
    lifecycle: result.lifecycle === null ? null : playbooks.lifecycle[result.lifecycle],
    retention: result.churnLevel === 'high' ? playbooks.retention.steps : null,
  };
}
