// A text cut before the language of its message is known (the text parser's unclosed quotes) is said
// later in either language with its full length, exactly as clip says it at once.
import { describe, expect, it } from 'vitest';
import { clip, cut, quoteCut } from '../../adapters/table/clip.ts';
import { parseDelimitedWithSpans, unclosedQuoteText } from '../../adapters/table/csv.ts';
import { WORDS } from '../../core/i18n/index.ts';

describe('a text cut now and said later', () => {
  it('reads as clip in both languages, short or long, and never halves a surrogate pair', () => {
    const texts = ['short', 'x'.repeat(80), 'x'.repeat(81), `${'y'.repeat(79)}😀 and more`, 'z'.repeat(5000)];
    for (const words of [WORDS.en.table, WORDS['zh-CN'].table]) {
      for (const text of texts) expect(quoteCut(cut(text), text.length, words)).toBe(clip(text, words));
    }
    expect(cut(`${'y'.repeat(79)}😀 and more`)).toBe('y'.repeat(79));
    expect(quoteCut(cut('z'.repeat(5000)), 5000, WORDS['zh-CN'].table)).toBe(`"${'z'.repeat(80)}…"（共 5,000 个字符）`);
  });

  it("words an unclosed quote's long text in the run's language, the English message unchanged", () => {
    const after = `Bob ${'q'.repeat(200)},2026-01-01`;
    const parsed = parseDelimitedWithSpans(`id,name,date\nC1,"${after}\n`);
    const problem = parsed.problems[0];
    expect(problem).toBeDefined();
    if (problem === undefined) return;
    const shown = `"Bob ${'q'.repeat(76)}…"`;
    expect(problem.message).toBe(`Row 2: the quote at the start of field 2 is never closed (it opens before ${shown} (${after.length} characters)), so the row could not be read; close the quote or remove it`);
    expect(unclosedQuoteText(problem, WORDS.en)).toBe(problem.message);
    expect(unclosedQuoteText(problem, WORDS['zh-CN'])).toBe(`第 2 行：第 2 个字段开头的引号没有闭合（引号后为 ${shown}（共 ${after.length} 个字符）），因此该行无法读取；请补全或删除这个引号`);
  });
});
