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
import { CHURN_PHRASES } from '../../core/churn/phrases.ts';
import type { ChurnFactorName } from '../../core/churn/factors.ts';
import { scoreCustomers } from '../../core/index.ts';

const deepFreeze = <T>(risk: T): T => {
  for (const value of Object.values(risk as object)) if (typeof value === 'object' && value !== null) deepFreeze(value);
  return Object.freeze(risk);
};

describe('driver ranking', () => {
  const en = CHURN_PHRASES.en;

  it('hands out drivers biggest first, in the order added among equals, in an array of exactly their number', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.boolean()), { maxLength: CHURN_FACTORS.length }), (found) => {
        const ranking = new DriverRanking();
        ranking.start();
        const added = found.map(([points], i) => ({ factor: CHURN_FACTORS[i] as Driver['factor'], points, text: `text of ${i}` }));
        added.forEach((d, i) => ranking.add(d.factor as ChurnFactorName, d.points, d.text, (found[i] as [number, boolean])[1]));
        const line = ranking.reasons(NO_FACTORS, en);
        const drivers = ranking.drivers(line, en);
        const ranked = [...added].sort((a, b) => b.points - a.points);
        expect(drivers).toEqual(ranked);
        expect(drivers.length).toBe(found.length);
        expect(line).toBe(reasonsText({ drivers: ranked, notJudged: NO_FACTORS }, 'en'));
      }),
    );
  });

  it('starts each customer afresh, and what it handed out before stays as it was', () => {
    const ranking = new DriverRanking();
    ranking.start();
    ranking.add('nps', 3, 'a shared sentence', true);
    ranking.add('recency', 9, `an own ${'sentence'}`, false);
    const first = ranking.drivers(ranking.reasons(NO_FACTORS, en), en);
    ranking.start();
    ranking.add('recency', 9, 'b', false);
    expect(ranking.drivers(ranking.reasons(NO_FACTORS, en), en)).toEqual([{ factor: 'recency', points: 9, text: 'b' }]);
    expect(first).toEqual([
      { factor: 'recency', points: 9, text: 'an own sentence' },
      { factor: 'nps', points: 3, text: 'a shared sentence' },
    ]);
    ranking.start();
    expect(ranking.drivers(ranking.reasons(NO_FACTORS, en), en)).toEqual([]);
    expect(Object.isFrozen(ranking.drivers('', en))).toBe(true);
  });

  it('gives each scored customer drivers whose words and points read as their reasons line', () => {
    const customers = Array.from({ length: 400 }, (_, i) => ({
      id: `c${i}`,
      firstPurchase: '2024-01-05',
      lastPurchase: `2026-${String(1 + (i % 10)).padStart(2, '0')}-15`,
      orders: 1 + (i % 9),
      totalSpend: 40 * (i % 23),
      nps: i % 3 === 0 ? null : i % 11,
      previousNps: i % 5 === 0 ? 10 : null,
      satisfaction: i % 4 === 0 ? null : i % 6,
      lastContact: i % 7 === 0 ? '2026-03-01' : null,
      recentContacts: i % 2,
      previousContacts: 3,
      askedAboutCompetitor: i % 13 === 0,
    }));
    for (const language of ['en', 'zh-CN'] as const) {
      const results = scoreCustomers(customers, { asOf: '2026-11-01', language });
      expect(results.filter((r) => r.drivers.length >= 2).length).toBeGreaterThan(50);
      const words = CHURN_PHRASES[language];
      for (const r of results) {
        if (r.drivers.length === 0) continue;
        const said = r.drivers.map((d) => `${d.text} (+${d.points})`).join(words.join);
        expect(r.reasons === said || r.reasons.startsWith(said + words.join)).toBe(true);
        expect(r.drivers.reduce((sum, d) => sum + d.points, 0)).toBe(r.churnRisk);
      }
    }
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
  const risk: Pick<ChurnRisk, 'drivers' | 'notJudged'> = deepFreeze({
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

  it('is the line the pieces added one by one made (the join that replaced it makes it flat, nothing else)', () => {
    // reasonsLine as it was: the pieces added to a string in turn.
    const plusLine = (drivers: readonly { text: string; points: number }[], notJudged: number, language: 'en' | 'zh-CN'): string => {
      const words = CHURN_PHRASES[language];
      if (drivers.length === 0) return notJudged === NO_FACTORS ? words.noWarning : words.noWarning + words.join + words.notJudged(factorsIn(notJudged).map((f) => words.factorName[f]));
      let text = '';
      drivers.forEach((d, i) => (text += (i === 0 ? '' : words.join) + d.text + ` (+${d.points})`));
      if (notJudged !== NO_FACTORS) text += words.join + words.notJudged(factorsIn(notJudged).map((f) => words.factorName[f]));
      return text;
    };
    const driver = fc.record({ factor: fc.constantFrom(...CHURN_FACTORS), points: fc.integer({ min: 1, max: 140 }), text: fc.string({ maxLength: 60 }) });
    const factors = fc.subarray([...CHURN_FACTORS]);
    fc.assert(
      fc.property(fc.array(driver, { maxLength: 9 }), factors, fc.constantFrom('en' as const, 'zh-CN' as const), (drivers, notJudged, language) => {
        const set = factorSetOf(notJudged);
        expect(reasonsText({ drivers, notJudged: set }, language)).toBe(plusLine(drivers, set, language));
      }),
      { numRuns: 500 },
    );
  });

  it('says there are no warning signs when no factor earned points', () => {
    expect(reasonsText({ ...risk, drivers: [], notJudged: NO_FACTORS }, 'en')).toBe('no warning signs');
    expect(reasonsText({ ...risk, drivers: [] }, 'en')).toBe('no warning signs; not judged for lack of data: satisfaction, contact');
  });
});
