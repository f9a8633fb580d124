// The selected customer's panel, fast at any table size: it reads the selected row's id and
// Tierwise's result cells (one getValues of one row), never the whole table, and never re-scores.
// On an order table the customer is looked up on the customers sheet with a TextFinder.
import { RESULT_COLUMNS } from '../../adapters/result-columns.ts';
import { LABELS } from '../../core/labels.ts';
import { playbookFor, type RecordPlaybook } from '../../core/playbooks/index.ts';
import type { Language } from '../../core/schema/options.ts';
import { TIERS, type Tier } from '../../core/tiers.ts';
import type { LifecycleStage } from '../../core/lifecycle-stages.ts';
import type { ChurnLevel } from '../../core/churn/levels.ts';
import type { Segment } from '../../core/segments.ts';
import { say, type Said } from './messages/index.ts';
import { findOurSheet, ourSheetKind, ownedColumns } from './ownership.ts';
import { SheetTime } from './sheet-time.ts';
import { tableOf } from './tables.ts';

export type CustomerPanel =
  | { ok: false; row: number; said: Said }
  | {
      ok: true;
      sheet: string;
      row: number;
      id: string;
      tier: Tier | null;
      tierLabel: string | null;
      segment: string | null;
      rfm: string;
      churnRisk: number | null;
      churnLevel: string | null;
      lifecycle: string | null;
      nextAction: string;
      followUpBy: string;
      reasons: string;
      error: string | null;
      playbook: RecordPlaybook;
    };

type CellValue = string | number | boolean | Date;

/** Label (any language) → key, so a row written in one language is shown in the other. */
function keyOf<K extends string>(pick: (l: (typeof LABELS)[Language]) => Record<K, string>, label: CellValue): K | null {
  const text = String(label);
  for (const language of Object.keys(LABELS) as Language[]) {
    for (const [key, value] of Object.entries(pick(LABELS[language])) as [K, string][]) if (value === text) return key;
  }
  return null;
}

function panelOf(sheetName: string, row: number, id: CellValue, cells: CellValue[], language: Language, time: SheetTime): CustomerPanel {
  const [tier, segment, rfm, churnRisk, churnLevel, lifecycle, nextAction, followUpBy, reasons] = cells;
  if (cells.every((c) => c === '' || c === undefined)) return { ok: false, row, said: say((m) => m.notCustomerRow(row)) };
  const tierKey = TIERS.includes(tier as Tier) ? (tier as Tier) : null;
  const levelKey = keyOf<ChurnLevel>((l) => l.churnLevel, churnLevel ?? '');
  const lifecycleKey = keyOf<LifecycleStage>((l) => l.lifecycle, lifecycle ?? '');
  const segmentKey = keyOf<Segment>((l) => l.segment, segment ?? '');
  const labels = LABELS[language];
  return {
    ok: true,
    sheet: sheetName,
    row,
    id: String(id ?? ''),
    tier: tierKey,
    tierLabel: tierKey === null ? null : labels.tier[tierKey],
    segment: segmentKey === null ? null : labels.segment[segmentKey],
    rfm: String(rfm ?? ''),
    churnRisk: typeof churnRisk === 'number' ? churnRisk : null,
    churnLevel: levelKey === null ? null : labels.churnLevel[levelKey],
    lifecycle: lifecycleKey === null ? null : labels.lifecycle[lifecycleKey],
    nextAction: String(nextAction ?? ''),
    followUpBy: followUpBy instanceof Date ? (time.dayOf(followUpBy) ?? '') : String(followUpBy ?? ''),
    reasons: String(reasons ?? ''),
    // A row that could not be scored has neither tier nor lifecycle; its Why says what is wrong.
    error: tierKey === null && lifecycleKey === null ? String(reasons ?? '') : null,
    playbook: playbookFor({ tier: tierKey, lifecycle: lifecycleKey, churnLevel: levelKey }, language),
  };
}

/** The customer on `row` of Tierwise's customers sheet (id, source row, then the result columns). */
function fromCustomerSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: number, language: Language, time: SheetTime): CustomerPanel {
  const cells = sheet.getRange(row, 1, 1, 2 + RESULT_COLUMNS.length).getValues()[0] as CellValue[];
  return panelOf(sheet.getName(), row, cells[0] as CellValue, cells.slice(2), language, time);
}

export function selectedCustomer(language: Language): CustomerPanel {
  const spreadsheet = SpreadsheetApp.getActive();
  const sheet = spreadsheet.getActiveSheet();
  const row = sheet.getActiveRange()?.getRow() ?? 0;
  const time = new SheetTime(spreadsheet.getSpreadsheetTimeZone());
  const kind = ourSheetKind(sheet);
  if (kind === 'summary') return { ok: false, row, said: say((m) => m.selectRow) };
  if (kind === 'customers') return row < 2 ? { ok: false, row, said: say((m) => m.selectRow) } : fromCustomerSheet(sheet, row, language, time);
  const table = tableOf(PropertiesService.getDocumentProperties(), sheet);
  if (table.headerRow === null) return { ok: false, row, said: say((m) => m.notScoredYet) };
  if (row <= table.headerRow || row > sheet.getLastRow()) return { ok: false, row, said: say((m) => m.selectRow) };
  if (table.kind === 'orders') {
    const customers = findOurSheet(spreadsheet, 'customers');
    if (table.idColumn === null || customers === null || customers.getLastRow() < 2) return { ok: false, row, said: say((m) => m.notScoredYet) };
    const id = String(sheet.getRange(row, table.idColumn).getValue());
    const match = customers.getRange(2, 1, customers.getLastRow() - 1, 1).createTextFinder(id).matchEntireCell(true).matchCase(true).findNext();
    return match === null ? { ok: false, row, said: say((m) => m.notInCustomers(id)) } : fromCustomerSheet(customers, match.getRow(), language, time);
  }
  const owned = ownedColumns(sheet);
  if (owned.size < RESULT_COLUMNS.length) return { ok: false, row, said: say((m) => m.notScoredYet) };
  const columns = [...owned.values(), ...(table.idColumn === null ? [] : [table.idColumn])];
  const first = Math.min(...columns);
  const cells = sheet.getRange(row, first, 1, Math.max(...columns) - first + 1).getValues()[0] as CellValue[];
  const at = (column: number) => cells[column - first] as CellValue;
  const id = table.idColumn === null ? '' : at(table.idColumn);
  return panelOf(sheet.getName(), row, id, RESULT_COLUMNS.map((c) => at(owned.get(c.key) as number)), language, time);
}
