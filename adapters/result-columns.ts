// The result columns every table host writes (DESIGN.md "Result vocabulary"), in order, with their
// headers per language, and one result turned into those cells.
import type { Language } from '../core/schema/options.ts';
import type { Result } from '../core/schema/result.ts';
import { LABELS } from '../core/labels.ts';
import { byLanguage } from '../core/i18n/index.ts';
import { RESULT_COLUMN_KEYS, type ResultColumnKey } from '../core/i18n/host-words.ts';

export type { ResultColumnKey };

/** Each column's key and its header per language (the words are core/i18n's `resultColumns`). */
export const RESULT_COLUMNS: readonly ({ key: ResultColumnKey } & Record<Language, string>)[] = RESULT_COLUMN_KEYS.map((key) => ({ key, ...byLanguage((w) => w.resultColumns[key]) }));

export function resultHeaders(language: Language): string[] {
  return RESULT_COLUMNS.map((c) => c[language]);
}

/** Every header any language uses, so a re-run in another language still finds its own columns. */
export const ALL_RESULT_HEADERS: ReadonlySet<string> = new Set(RESULT_COLUMNS.flatMap((c) => [c.en, c['zh-CN']]));

/**
 * The nine cells of one result. Tier is the letter (A-D) so filters and formulas stay stable across
 * languages; segment, churn level and lifecycle are shown in the user's language; Why holds the
 * drivers or, for a row that could not be scored, what is wrong with it.
 */
export function resultCells(result: Result, language: Language): (string | number)[] {
  const labels = LABELS[language];
  return [
    result.tier ?? '',
    result.segment === null ? '' : labels.segment[result.segment],
    result.r === null ? '' : `${result.r}${result.f}${result.m}`,
    result.churnRisk ?? '',
    result.churnLevel === null ? '' : labels.churnLevel[result.churnLevel],
    result.lifecycle === null ? '' : labels.lifecycle[result.lifecycle],
    result.nextAction ?? '',
    result.followUpBy ?? '',
    result.error ?? result.reasons,
  ];
}

/**
 * Where a scored file's own result columns are: the nine headers in order (in any language, next to
 * each other), so re-scoring replaces them instead of adding a second block. A lone column that only
 * shares a name (a user's own "Segment") is not Tierwise's.
 */
export function findResultBlock(headers: readonly string[]): { start: number; end: number } | null {
  const width = RESULT_COLUMNS.length;
  for (let start = headers.length - width; start >= 0; start--) {
    let all = true;
    for (let c = 0; c < width && all; c++) {
      const column = RESULT_COLUMNS[c] as (typeof RESULT_COLUMNS)[number];
      const header = (headers[start + c] ?? '').trim();
      all = header === column.en || header === column['zh-CN'];
    }
    if (all) return { start, end: start + width };
  }
  return null;
}
