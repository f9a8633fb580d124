// What is wrong with a table row, as data (core/problems.ts), and in words for the person who owns
// the table: "Row 6, column "Last Order": "31/31/2026" is not a date (…)", in their language.
import type { Language } from '../../core/schema/options.ts';
import type { Field, Problem } from '../../core/problems.ts';
import { WORDS } from '../../core/i18n/index.ts';
import { problemSentence, type Place } from '../../core/i18n/problem-text.ts';
import { clip } from './clip.ts';

export type RowProblem = { kind: 'blank' } | { kind: 'headerAgain' } | { kind: 'cells'; problems: Problem[] };

/** The row's problems in one sentence; `headerOf` gives the header text of a field's column. */
export function rowProblemText(row: number, problem: RowProblem, headerOf: (field: Field) => string, language: Language): string {
  const w = WORDS[language].problems;
  if (problem.kind === 'blank') return w.blankRow(row);
  if (problem.kind === 'headerAgain') return w.headerAgain(row);
  const place: Place = { at: (field) => w.column(headerOf(field)), quote: (value) => clip(value, WORDS[language].table), kind: 'column' };
  return w.row(row, problem.problems.map((p) => problemSentence(p, place, w)));
}
