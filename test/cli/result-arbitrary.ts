// Results with every kind of text a CSV field can trip on (quotes, delimiters, line breaks, formula
// starts, wide characters, lone surrogates), for the output writers' tests.
import fc from 'fast-check';
import { unscoredResult } from '../../core/score.ts';
import type { Result } from '../../core/schema/result.ts';
import { SEGMENTS } from '../../core/segments.ts';
import { TIERS } from '../../core/tiers.ts';
import { CHURN_LEVELS } from '../../core/churn/levels.ts';
import { LIFECYCLE_STAGES } from '../../core/lifecycle-stages.ts';

/** RFC 4180 quoting after the formula guard (OWASP: a leading = + - @ tab or CR gets a quote mark), written out independently. */
export function expectedField(cell: string | number, d: string): string {
  if (typeof cell === 'number') return String(cell);
  const guarded = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /["\n\r]/.test(guarded) || guarded.includes(d) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export const tricky = fc.string({ unit: fc.constantFrom('a', 'Z', '9', ' ', ',', ';', '\t', '"', '\n', '\r', '=', '-', '+', '@', '中', '😀'), maxLength: 12 });
const score = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });

export const resultArb: fc.Arbitrary<Result> = fc.record({
  base: fc.constant(unscoredResult('x', 'not scored')),
  tier: fc.option(fc.constantFrom(...TIERS), { nil: null }),
  segment: fc.option(fc.constantFrom(...SEGMENTS), { nil: null }),
  r: score,
  f: score,
  m: score,
  churnRisk: fc.option(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(45.5, 101)), { nil: null }),
  churnLevel: fc.option(fc.constantFrom(...CHURN_LEVELS), { nil: null }),
  lifecycle: fc.option(fc.constantFrom(...LIFECYCLE_STAGES), { nil: null }),
  nextAction: fc.option(fc.oneof(tricky, fc.constantFrom('Call them', '"Ask" first', '=SUM(A1)')), { nil: null }),
  followUpBy: fc.option(fc.oneof(fc.constantFrom('2026-11-15', '2026-12-01'), tricky), { nil: null }),
  // Why as core makes it: often a rope of pieces (a + b), sometimes with a lone surrogate.
  reasons: fc.oneof(tricky, fc.tuple(tricky, tricky).map(([a, b]) => a + '; ' + b), fc.constantFrom('\ud800 alone', '-5 days')),
  error: fc.option(tricky, { nil: null }),
}).map(({ base, ...fields }) => ({ ...base, ...fields }));
