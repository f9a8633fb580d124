// The "Tierwise summary" sheet: tier and segment counts and shares, dormant count, repurchase rate,
// revenue at risk, by region or owner, and a chart of the tiers. Rewritten on every run.
import type { Summary } from '../../core/summarize.ts';
import type { Language } from '../../core/schema/options.ts';

export const SUMMARY_SHEET = 'Tierwise summary';

const WORDS: Record<Language, Record<string, string>> = {
  en: { tier: 'Tier', segment: 'Segment', customers: 'Customers', share: 'Share', key: 'Key figures', dormant: 'Dormant or churned', repurchase: 'Repurchase rate', atRisk: 'Spend of high-risk customers', scored: 'Customers scored', attention: 'Rows needing attention', group: 'Dormant' },
  'zh-CN': { tier: '分层', segment: '细分', customers: '客户数', share: '占比', key: '关键指标', dormant: '沉睡或流失', repurchase: '复购率', atRisk: '高风险客户消费额', scored: '已评分客户', attention: '需处理的行', group: '沉睡' },
};

export function writeSummarySheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, summary: Summary, language: Language): void {
  const w = WORDS[language];
  const sheet = spreadsheet.getSheetByName(SUMMARY_SHEET) ?? spreadsheet.insertSheet(SUMMARY_SHEET);
  sheet.clear();
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  const rows: (string | number)[][] = [
    [w.tier ?? '', w.customers ?? '', w.share ?? ''],
    ...summary.byTier.map((t) => [t.label, t.count, t.share]),
    ['', '', ''],
    [w.segment ?? '', w.customers ?? '', w.share ?? ''],
    ...summary.bySegment.map((s) => [s.label, s.count, s.share]),
    ['', '', ''],
    [w.key ?? '', '', ''],
    [w.scored ?? '', summary.scored, ''],
    [w.attention ?? '', summary.errors, ''],
    [w.dormant ?? '', summary.dormant, ''],
    [w.repurchase ?? '', summary.repurchaseRate ?? '', ''],
    [w.atRisk ?? '', summary.atRiskRevenue, ''],
  ];
  if (summary.groups !== null) {
    rows.push(['', '', ''], [summary.groups.by === 'region' ? 'Region' : 'Owner', w.customers ?? '', w.group ?? '']);
    for (const g of summary.groups.rows) rows.push([g.name, g.customers, g.dormant]);
  }
  sheet.getRange(1, 1, rows.length, 3).setValues(rows);
  const chart = sheet
    .newChart()
    .setChartType(Charts.ChartType.BAR)
    .addRange(sheet.getRange(1, 1, summary.byTier.length + 1, 2))
    .setPosition(1, 5, 0, 0)
    .setOption('title', w.tier ?? 'Tier')
    .build();
  sheet.insertChart(chart);
}
