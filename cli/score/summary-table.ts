// The readable summary a person sees in the terminal: tiers, segments, churn, and what needs attention.
import type { Summary } from '../../core/summarize.ts';
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

export function renderSummary(score: TableScore, file: string, asOf: string): string {
  const s: Summary = score.summary;
  const out: string[] = [];
  out.push(`Tierwise · ${file} · as of ${asOf}`);
  out.push(
    `${num(s.scored)} customers scored, ${num(s.prospects)} without a purchase yet (prospects), ${num(s.errors)} ${score.kind === 'orders' ? 'order rows' : 'rows'} need attention${s.errors > 0 ? ' (see column Why)' : ''}`,
  );
  out.push('');
  out.push(table([['Tier', 'Customers', 'Share', ''], ...s.byTier.map((t) => [t.label, num(t.count), pct(t.share), bar(t.share)])]));
  out.push('');
  out.push(table([['Segment', 'Tier', 'Customers', 'Share'], ...s.bySegment.map((g) => [g.label, g.tier, num(g.count), pct(g.share)])]));
  out.push('');
  out.push(table([['Churn risk', 'Customers', 'Share'], ...s.byChurnLevel.map((l) => [l.label, num(l.count), pct(l.share)])]));
  out.push('');
  out.push(`Repurchase rate: ${s.repurchaseRate === null ? 'n/a' : pct(s.repurchaseRate)} · dormant or churned: ${num(s.dormant)} · spend of high-risk customers: ${money(s.atRiskRevenue)}`);
  if (s.expectedRevenueAtRiskByTier !== null) {
    const byTier = s.expectedRevenueAtRiskByTier;
    out.push(`Expected revenue at risk (12-month CLV × chance of leaving, purchase models): ${(['A', 'B', 'C', 'D'] as const).map((t) => `${t} ${money(byTier[t])}`).join(' · ')}`);
  }
  if (s.groups !== null) {
    out.push('');
    out.push(
      table([
        [s.groups.by === 'region' ? 'Region' : 'Owner', 'Customers', 'A', 'B', 'C', 'D', 'Dormant', 'High risk', 'At-risk spend'],
        ...s.groups.rows.map((g) => [g.name, num(g.customers), num(g.byTier.A), num(g.byTier.B), num(g.byTier.C), num(g.byTier.D), num(g.dormant), num(g.highRisk), money(g.atRiskRevenue)]),
      ]),
    );
  }
  const problems = score.rows.filter((r) => r.result.error !== null);
  if (problems.length > 0) {
    out.push('');
    out.push(`Rows that need attention (${num(problems.length)}):`);
    for (const r of problems.slice(0, 10)) out.push(`  ${r.result.error}`);
    if (problems.length > 10) out.push(`  … and ${num(problems.length - 10)} more (see the Why column)`);
  }
  for (const w of score.warnings) out.push(`Note: ${w}`);
  return out.join('\n');
}
