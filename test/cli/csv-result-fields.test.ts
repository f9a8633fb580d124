// The result fields written into a scored CSV: the texts made once per value and reused
// (cli/score/csv-result-fields.ts) are exactly each cell quoted on its own, row after row.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvResultFields } from '../../cli/score/csv-result-fields.ts';
import { resultCells } from '../../adapters/result-columns.ts';
import { unscoredResult } from '../../core/score.ts';
import type { Result } from '../../core/schema/result.ts';
import { SEGMENTS } from '../../core/segments.ts';
import { TIERS } from '../../core/tiers.ts';
import { CHURN_LEVELS } from '../../core/churn/levels.ts';
import { LIFECYCLE_STAGES } from '../../core/lifecycle-stages.ts';

/** RFC 4180 quoting after the formula guard (OWASP: a leading = + - @ tab or CR gets a quote mark), written out independently. */
function expectedField(cell: string | number, d: string): string {
  if (typeof cell === 'number') return String(cell);
  const guarded = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /["\n\r]/.test(guarded) || guarded.includes(d) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

const tricky = fc.string({ unit: fc.constantFrom('a', 'Z', '9', ' ', ',', ';', '\t', '"', '\n', '\r', '=', '-', '+', '@', '中', '😀'), maxLength: 12 });
const score = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
const resultArb: fc.Arbitrary<Result> = fc.record({
  base: fc.constant(unscoredResult('x', 'not scored')),
  tier: fc.option(fc.constantFrom(...TIERS), { nil: null }),
  segment: fc.option(fc.constantFrom(...SEGMENTS), { nil: null }),
  r: score,
  f: score,
  m: score,
  churnRisk: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  churnLevel: fc.option(fc.constantFrom(...CHURN_LEVELS), { nil: null }),
  lifecycle: fc.option(fc.constantFrom(...LIFECYCLE_STAGES), { nil: null }),
  nextAction: fc.option(fc.oneof(tricky, fc.constantFrom('Call them', '"Ask" first', '=SUM(A1)')), { nil: null }),
  followUpBy: fc.option(fc.oneof(fc.constantFrom('2026-11-15', '2026-12-01'), tricky), { nil: null }),
  reasons: tricky,
  error: fc.option(tricky, { nil: null }),
}).map(({ base, ...fields }) => ({ ...base, ...fields }));

describe('csv result fields', () => {
  it('writes each result as its cells quoted one by one, however often a value repeats', () => {
    fc.assert(
      fc.property(fc.array(resultArb, { maxLength: 40 }), fc.constantFrom(',', ';', '\t'), fc.constantFrom('en', 'zh-CN'), (results, d, language) => {
        const fields = csvResultFields(language, d);
        // Twice over: the second pass reads every value from the texts the first one kept.
        for (const result of [...results, ...results]) {
          expect(fields(result)).toBe(resultCells(result, language).map((c) => expectedField(c, d)).join(d));
        }
      }),
    );
  });

  it('neutralises a next action that looks like a formula and quotes one holding quotes', () => {
    const fields = csvResultFields('en', ',');
    const result = { ...unscoredResult('x', 'a, b'), nextAction: '=HYPERLINK("x")' };
    expect(fields(result).split(',')).toContain(`"'=HYPERLINK(""x"")"`);
    expect(fields(result).endsWith(',"a, b"')).toBe(true);
  });
});
