// Rows the text parser could not read (an unclosed quote) are reported in their place in the result,
// never dropped: the table reader saw them as empty rows, and here they get the parser's sentence.
import type { Language } from '../../core/schema/options.ts';
import { unscoredResult } from '../../core/score.ts';
import { summarize } from '../../core/summarize.ts';
import type { ScoredRow, TableScore } from './contract.ts';
import { unclosedQuoteText, type RowProblem } from './csv.ts';
import { WORDS } from '../../core/i18n/index.ts';

export function reportUnreadableRows(score: TableScore, problems: readonly RowProblem[], language: Language): TableScore {
  if (problems.length === 0) return score;
  const indexOfRow = new Map<number, number>();
  score.rows.forEach((r, i) => {
    if (!indexOfRow.has(r.row)) indexOfRow.set(r.row, i);
  });
  const rows: ScoredRow[] = [...score.rows];
  const warnings = [...score.warnings];
  for (const problem of problems) {
    const row = problem.index + 1;
    const text = unclosedQuoteText(problem, WORDS[language]);
    if (row < score.headerRow) {
      warnings.push(text);
      continue;
    }
    const at = indexOfRow.get(row);
    const id = at === undefined ? null : (rows[at] as ScoredRow).id;
    const scored: ScoredRow = { row, id, result: unscoredResult(id ?? '', text) };
    if (at !== undefined) rows[at] = scored;
    else rows.push(scored);
  }
  rows.sort((a, b) => a.row - b.row);
  return { ...score, rows, warnings, summary: summarize(rows.map((r) => r.result), { language }) };
}
