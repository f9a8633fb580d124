// The readable summary a person sees in the terminal: tiers, segments, churn, and what needs attention.
// Its words are in core/i18n/<language>.ts (section `summary`); numbers are written the same in every language.
import type { Summary } from '../../core/summarize.ts';
import type { Language } from '../../core/schema/options.ts';
import { wordsFor } from '../../core/i18n/index.ts';
import type { TableScore } from '../../adapters/table/contract.ts';

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const num = (n: number) => n.toLocaleString('en-US');
const money = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

function bar(share: number, width = 20): string {
  const filled = Math.round(share * width);
  return '█'.repeat(filled) + '·'.repeat(width - filled);
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length))) ?? [];
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ')).join('\n');
}

/** The rows that need attention: how many, and the first ten reasons, in row order. */
export interface Attention {
  count: number;
  first: readonly string[];
}

/** What the summary shows of a run: its counts and notes, and its rows (or, from worker threads, only the rows needing attention). */
export type RunToShow = Pick<TableScore, 'kind' | 'summary' | 'warnings'> & ({ rows: TableScore['rows'] } | { attention: Attention });

export const ATTENTION_SHOWN = 10;

function attentionOf(run: RunToShow): Attention {
  if ('attention' in run) return run.attention;
  const problems = run.rows.filter((r) => r.result.error !== null);
  return { count: problems.length, first: problems.slice(0, ATTENTION_SHOWN).map((r) => r.result.error as string) };
}

export function renderSummary(score: RunToShow, file: string, asOf: string, language: Language = 'en'): string {
  const w = wordsFor(language).summary;
  const s: Summary = score.summary;
  const out: string[] = [];
  out.push(w.title(file, asOf));
  out.push(w.counts(s.scored, s.prospects, s.errors, score.kind === 'orders', s.errors > 0));
  out.push('');
  out.push(table([[...w.tierTable, ''], ...s.byTier.map((t) => [t.label, num(t.count), pct(t.share), bar(t.share)])]));
  out.push('');
  out.push(table([[...w.segmentTable], ...s.bySegment.map((g) => [g.label, g.tier, num(g.count), pct(g.share)])]));
  out.push('');
  out.push(table([[...w.churnTable], ...s.byChurnLevel.map((l) => [l.label, num(l.count), pct(l.share)])]));
  out.push('');
  out.push(w.keyFigures(s.repurchaseRate === null ? null : pct(s.repurchaseRate), num(s.dormant), money(s.atRiskRevenue)));
  if (s.expectedRevenueAtRiskByTier !== null) {
    const byTier = s.expectedRevenueAtRiskByTier;
    out.push(w.expectedAtRisk((['A', 'B', 'C', 'D'] as const).map((t) => `${t} ${money(byTier[t])}`).join(' · ')));
  }
  if (s.groups !== null) {
    out.push('');
    out.push(
      table([
        w.groupTable(s.groups.by),
        ...s.groups.rows.map((g) => [g.name, num(g.customers), num(g.byTier.A), num(g.byTier.B), num(g.byTier.C), num(g.byTier.D), num(g.dormant), num(g.highRisk), money(g.atRiskRevenue)]),
      ]),
    );
  }
  const attention = attentionOf(score);
  if (attention.count > 0) {
    out.push('');
    out.push(w.attention(num(attention.count)));
    for (const error of attention.first) out.push(`  ${error}`);
    if (attention.count > ATTENTION_SHOWN) out.push(`  ${w.more(num(attention.count - ATTENTION_SHOWN))}`);
  }
  for (const warning of score.warnings) out.push(w.note(warning));
  return out.join('\n');
}
