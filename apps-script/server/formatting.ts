import { LABELS } from '../../core/labels.ts';
import type { ChurnLevel } from '../../core/churn/levels.ts';
import type { Language } from '../../core/schema/options.ts';
import { isRuleInColumns } from './ownership.ts';
// Colour by tier and churn level, merged into the sheet's own conditional format rules (setting the
// list replaces it, so the user's rules are read first and kept; ours, the rules that lie wholly in
// Tierwise's columns, are replaced by ours).
const TIER_COLOURS: Record<string, string> = { A: '#ceead6', B: '#d2e3fc', C: '#feefc3', D: '#fad2cf' };
const LEVEL_COLOURS: Record<ChurnLevel, string> = { high: '#f28b82', medium: '#fdd663', low: '#ccf0d8' };

export function mergeTierFormatting(sheet: GoogleAppsScript.Spreadsheet.Sheet, tierColumn: number, levelColumn: number, rows: number, language: Language, ourColumns: ReadonlySet<number>): void {
  const kept = sheet.getConditionalFormatRules().filter((rule) => !isRuleInColumns(rule, ourColumns));
  const tierRange = sheet.getRange(2, tierColumn, Math.max(1, rows - 1), 1);
  const levelRange = sheet.getRange(2, levelColumn, Math.max(1, rows - 1), 1);
  const ours = [
    ...Object.entries(TIER_COLOURS).map(([tier, colour]) => SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo(tier).setBackground(colour).setRanges([tierRange]).build()),
    ...(Object.entries(LEVEL_COLOURS) as [ChurnLevel, string][]).map(([level, colour]) => SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo(LABELS[language].churnLevel[level]).setBackground(colour).setRanges([levelRange]).build()),
  ];
  sheet.setConditionalFormatRules([...kept, ...ours]);
}
