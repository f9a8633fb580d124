// The result fields written into a scored CSV: the texts made once per value and reused
// (cli/score/csv-result-fields.ts) are exactly each cell quoted on its own, row after row.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvResultFields } from '../../cli/score/csv-result-fields.ts';
import { resultCells } from '../../adapters/result-columns.ts';
import { unscoredResult } from '../../core/score.ts';
import { expectedField, resultArb } from './result-arbitrary.ts';

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
