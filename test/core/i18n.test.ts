// Languages as files (core/i18n): each language says every word the English file says, in the same
// shape, and the Chinese file says it in Chinese.
import { describe, expect, it } from 'vitest';
import { WORDS } from '../../core/i18n/index.ts';
import { commandLineWords } from '../../core/i18n/cli-words.ts';
import type { Language } from '../../core/schema/options.ts';

/** Every path to a leaf, with the leaf: "summary.tierTable.0" → "Tier". */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, path === '' ? k : `${path}.${k}`));
  return [[path, value]];
}

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
/** Words Chinese users read as they are. */
const SAME_IN_CHINESE = new Set(['NPS', 'RFM']);

describe('languages as files', () => {
  // The command line's own words (core/i18n/cli-words.ts) are held to the same rules.
  const english = new Map(leaves(commandLineWords('en')));
  for (const language of Object.keys(WORDS) as Language[]) {
    it(`gives ${language} every word English has, in the same shape`, () => {
      const own = new Map(leaves(commandLineWords(language)));
      expect([...own.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [path, value] of own) {
        const en = english.get(path);
        expect(typeof value, path).toBe(typeof en);
        if (typeof value === 'function' && typeof en === 'function') expect(value.length, `${path} takes the same arguments`).toBe(en.length);
        if (typeof value === 'string') expect(value.trim(), path).not.toBe('');
      }
    });
  }

  it('says every fixed word of zh-CN in Chinese', () => {
    const english = leaves(commandLineWords('zh-CN')).filter(([, v]) => typeof v === 'string' && /[A-Za-z]/.test(v) && !CJK.test(v) && !SAME_IN_CHINESE.has(v));
    expect(english).toEqual([]);
  });

  it('words the same problem in both languages with its place', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const p = WORDS[language].problems;
      const sentence = p.row(6, [p.unreadable(p.column('Last Order'), '"31/31/2026"', p.expected.date)]);
      expect(sentence).toContain('Last Order');
      expect(sentence).toContain('"31/31/2026"');
      expect(sentence).toContain('6');
    }
    expect(WORDS.en.problems.row(6, [WORDS.en.problems.unreadable(WORDS.en.problems.column('Last Order'), '"31/31/2026"', WORDS.en.problems.expected.date)])).toBe(
      'Row 6, column "Last Order": "31/31/2026" is not a date (expected e.g. 2026-03-01)',
    );
    const zh = WORDS['zh-CN'].problems;
    expect(zh.row(6, [zh.unreadable(zh.column('Last Order'), '"31/31/2026"', zh.expected.date)])).toBe('第 6 行：“Last Order”列："31/31/2026" 不是日期（例如 2026-03-01）');
  });
});
