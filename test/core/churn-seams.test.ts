// The speed seams around the churn factor table: each does one thing, and none changes what it is given.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Driver } from '../../core/schema/result.ts';
import { CHURN_FACTORS } from '../../core/churn/factors.ts';
import { DriverRanking } from '../../core/churn/driver-ranking.ts';
import { factorSetOf, factorsIn, hasFactor, NO_FACTORS, withFactor } from '../../core/churn/factor-set.ts';
import { saidOnce, SentenceMemory } from '../../core/churn/sentence-memory.ts';
import { reasonsText } from '../../core/churn/reasons.ts';
import type { ChurnRisk } from '../../core/churn/risk.ts';

const deepFreeze = <T>(risk: T): T => {
  for (const value of Object.values(risk as object)) if (typeof value === 'object' && value !== null) deepFreeze(value);
  return Object.freeze(risk);
};

describe('driver ranking', () => {
  it('hands out drivers biggest first, in the order added among equals, in an array of exactly their number', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: CHURN_FACTORS.length }), (points) => {
        const ranking = new DriverRanking();
        ranking.start();
        const added = points.map((p, i) => ({ factor: CHURN_FACTORS[i] as Driver['factor'], points: p, text: `t${i}` }));
        added.forEach((d) => ranking.add(d));
        const drivers = ranking.drivers();
        expect(drivers).toEqual([...added].sort((a, b) => b.points - a.points));
        expect(drivers.length).toBe(points.length);
      }),
    );
  });

  it('starts each customer afresh, and what it handed out before stays as it was', () => {
    const ranking = new DriverRanking();
    ranking.start();
    ranking.add({ factor: 'nps', points: 3, text: 'a' });
    const first = ranking.drivers();
    ranking.start();
    ranking.add({ factor: 'recency', points: 9, text: 'b' });
    expect(ranking.drivers()).toEqual([{ factor: 'recency', points: 9, text: 'b' }]);
    expect(first).toEqual([{ factor: 'nps', points: 3, text: 'a' }]);
    ranking.start();
    expect(ranking.drivers()).toEqual([]);
    expect(Object.isFrozen(ranking.drivers())).toBe(true);
  });
});

describe('factor sets', () => {
  it('hold any subset of the churn factors, in table order', () => {
    fc.assert(
      fc.property(fc.subarray([...CHURN_FACTORS]), (factors) => {
        const set = factorSetOf(factors);
        expect(factorsIn(set)).toEqual(factors);
        for (const factor of CHURN_FACTORS) expect(hasFactor(set, factor)).toBe(factors.includes(factor));
      }),
    );
    expect(factorsIn(NO_FACTORS)).toEqual([]);
    expect(withFactor(withFactor(NO_FACTORS, 'nps'), 'nps')).toBe(factorSetOf(['nps']));
  });

  it('never hold the learned model’s own factors', () => {
    expect(hasFactor(factorSetOf([...CHURN_FACTORS]), 'season')).toBe(false);
  });
});

describe('sentences said once', () => {
  it('recalls a numbered sentence per run and factor once remembered', () => {
    const memory = new SentenceMemory([2, 3]);
    expect(memory.recall(1, 2)).toBeUndefined();
    expect(memory.remember(1, 2, 'x')).toBe('x');
    expect(memory.recall(1, 2)).toBe('x');
    expect(memory.recall(0, 2)).toBeUndefined();
    expect(memory.recall(1, 1)).toBeUndefined();
    expect(new SentenceMemory([2, 3]).recall(1, 2)).toBeUndefined();
  });

  it('makes a keyed sentence once per words and key', () => {
    let made = 0;
    const said = saidOnce((key, words: { prefix: string }) => (made++, `${words.prefix}${key}`));
    const en = { prefix: 'en' };
    const zh = { prefix: 'zh' };
    expect([said(1, en), said(1, en), said(2, en), said(1, zh)]).toEqual(['en1', 'en1', 'en2', 'zh1']);
    expect(made).toBe(3);
  });
});

describe('the reasons line', () => {
  const risk: ChurnRisk = deepFreeze({
    churnRisk: 45,
    churnLevel: 'medium',
    drivers: [
      { factor: 'recency', points: 30, text: 'no order for 94 days; usually orders every 27' },
      { factor: 'nps', points: 10, text: 'NPS 3 (a detractor: 0-6)' },
      { factor: 'competitor', points: 5, text: 'asked about competitors' },
    ],
    notJudged: factorSetOf(['satisfaction', 'contact']),
  });

  it('words the drivers it is given without changing them', () => {
    const before = structuredClone(risk);
    const line = reasonsText(risk, 'en');
    expect(line).toBe(
      'no order for 94 days; usually orders every 27 (+30); NPS 3 (a detractor: 0-6) (+10); asked about competitors (+5); not judged for lack of data: satisfaction, contact',
    );
    expect(risk).toEqual(before);
    expect(reasonsText(risk, 'zh-CN')).toBe('no order for 94 days; usually orders every 27 (+30);NPS 3 (a detractor: 0-6) (+10);asked about competitors (+5);缺少数据未评估:满意度、联系频率');
  });

  it('says there are no warning signs when no factor earned points', () => {
    expect(reasonsText({ ...risk, drivers: [], notJudged: NO_FACTORS }, 'en')).toBe('no warning signs');
    expect(reasonsText({ ...risk, drivers: [] }, 'en')).toBe('no warning signs; not judged for lack of data: satisfaction, contact');
  });
});
