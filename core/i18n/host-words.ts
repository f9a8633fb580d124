// What the hosts say that is not the model's own words: the CLI's summary, HubSpot's property
// labels, the Sheets add-on's messages. Here so that a language is one file (./en.ts, ./zh-CN.ts).
import type { LeftOutReason } from '../order-status.ts';
import type { CustomerKey } from '../schema/fields.ts';

export type ProfileNote = 'wooCommerceLastActive';
export type ProfileAdvice = 'shopifyCustomers';

/** Why a file cannot be used or written (adapters/table/read-file.ts, read-text-stream.ts, the CLI's writers). */
export interface FileWords {
  noSuchFile: (path: string) => string;
  noFolder: (path: string, folder: string) => string;
  permission: (path: string, doing: 'read' | 'written') => string;
  isFolder: (path: string) => string;
  notFolder: (path: string, doing: 'read' | 'written') => string;
  diskFull: (path: string) => string;
  otherProblem: (path: string, doing: 'read' | 'written', detail: string) => string;
  empty: (path: string) => string;
  notWorkbook: (path: string) => string;
  oldExcel: (path: string) => string;
  /** `sheet` comes quoted and clipped. */
  textHasNoSheet: (path: string, sheet: string) => string;
  binary: (path: string) => string;
  unreadableWorkbook: (path: string, detail: string) => string;
  noSuchSheet: (path: string, sheet: string, sheets: readonly string[]) => string;
  /** An .xlsx output with more rows than a sheet holds; `max` comes formatted. */
  sheetFull: (max: string) => string;
  /** `--out` names the input file (a usage error: --force overwrites it). */
  outIsInput: (shown: string) => string;
  /** The folder part of `--out` is a file. */
  outFolderIsFile: (shown: string, folder: string) => string;
}

/** The terminal summary of `tierwise score --summary` (cli/score/summary-table.ts). Numbers come formatted, but counts' (a language says 1 and 2 apart). */
export interface SummaryWords {
  title: (file: string, asOf: string) => string;
  counts: (scored: number, prospects: number, errors: number, orders: boolean, anyErrors: boolean) => string;
  tierTable: [string, string, string];
  segmentTable: [string, string, string, string];
  churnTable: [string, string, string];
  keyFigures: (repurchaseRate: string | null, dormant: string, atRiskSpend: string) => string;
  expectedAtRisk: (byTier: string) => string;
  groupTable: (by: 'region' | 'owner') => string[];
  attention: (count: string) => string;
  /** After the output file is written (count formatted). */
  wrote: (count: string, file: string) => string;
  more: (count: string) => string;
  note: (warning: string) => string;
  /** A note on standard error when no summary is shown (after "tierwise: "). */
  stderrNote: (warning: string) => string;
}

/**
 * The terminal's progress lines while a large file is read, scored and written (cli/progress.ts),
 * after "tierwise: ". Counts come formatted; seconds as "12.3".
 */
export interface ProgressWords {
  read: (rows: string, seconds: string) => string;
  /** All rows read; scoring starts. */
  readAll: (rows: string, seconds: string) => string;
  scored: (rows: string, of: string, seconds: string) => string;
  /** All rows scored; writing starts. */
  scoredAll: (rows: string, seconds: string) => string;
  /** The same, when the rows were scored in pieces on several threads. */
  scoredInPieces: (rows: string, seconds: string) => string;
  wrote: (rows: string, seconds: string) => string;
  /** `model fit`: the order file read, this many orders kept; the fits start. */
  readAllFitting: (orders: string, seconds: string) => string;
  /** `backtest`: the order file read, this many orders kept; the customers are scored as of the as-of date. */
  readAllBacktest: (orders: string, seconds: string) => string;
  /** `backtest`: the customers scored against what they did next; the churn models are compared. */
  comparing: (seconds: string) => string;
}

/** The result columns every table host writes (adapters/result-columns.ts), in their order. */
export const RESULT_COLUMN_KEYS = ['tier', 'segment', 'rfm', 'churnRisk', 'churnLevel', 'lifecycle', 'nextAction', 'followUpBy', 'reasons'] as const;
export type ResultColumnKey = (typeof RESULT_COLUMN_KEYS)[number];

/** The order table's own fields (adapters/table/contract.ts OrderField, less the customer fields). */
export type OrderFieldName = 'customerId' | 'date' | 'amount' | 'orderId' | 'status' | 'refunded' | 'cancelledAt' | 'lineAmount' | 'quantity' | 'unitPrice';

/**
 * Why a table's columns could not be found (adapters/table/read-rows.ts). Header texts come quoted
 * and clipped; `example` is the config key of a field, as the user would type it.
 */
export interface HeaderWords {
  /** A field as a message names it: the field table's label, or the order table's own. */
  field: (key: CustomerKey | OrderFieldName) => string;
  empty: (kind: 'customers' | 'orders') => string;
  unknownField: (quotedField: string, quotedHeader: string, fields: readonly string[]) => string;
  /** `seen`: the first row's filled cells, quoted; '' when it has none. */
  noHeaderRow: (expected: readonly string[], seen: string, example: string) => string;
  /**
   * No header row, and the first row holds values (numbers, dates), not names: the file has no header
   * line at all (a database dump, CDNOW's data files), which a mapping cannot fix. `names`: the
   * required columns' names as a header line can give them.
   */
  firstRowIsData: (seen: string, names: readonly string[]) => string;
  /** `mappedNotHeaders`: the config's mapping names these headers, which the table does not have. */
  missing: (fields: readonly string[], mappedNotHeaders: readonly { header: string; field: string }[], seen: string, example: string) => string;
  /** A customer list with totals but no purchase date at all. */
  totalsWithoutDates: string;
  /** Said after the error of a customer table whose rows look like orders. */
  looksLikeOrders: string;
  /** Said after the error when a row near the top could not be read (its sentence). */
  alsoNote: (sentence: string) => string;
}

/** File-level notes of the table adapter (adapters/table/score-table.ts) that are not row problems. */
export interface TableWords {
  /** A quoted text cut short: its full length (adapters/table/clip.ts). */
  clippedLength: (characters: number) => string;
  /** A quoted list cut short: how many more. */
  andMore: (count: number) => string;
  fixedThresholds: (scorable: number, minCustomers: number, recencyDays: string, orders: string, spend: string) => string;
  /** An order table's customer with no completed purchase: its cancellations or returns (count, formatted total), and its left-out orders. */
  withoutPurchase: (negative: { count: number; total: string } | null, leftOut: readonly { reason: LeftOutReason; count: number }[]) => string;
  /** The export profile an order file was recognised as (adapters/table/export-profiles.ts `source`). */
  readAs: (source: string) => string;
  /** Line items grouped into orders by the order id column. */
  lineItems: (rows: number, orders: number, orderIdColumn: string) => string;
  quantityTimesPrice: (quantityColumn: string, unitPriceColumn: string) => string;
  /** Orders left out as not purchases, by reason, and the columns that said so. */
  leftOutOrders: (total: number, byReason: readonly { reason: LeftOutReason; count: number }[], columns: readonly string[]) => string;
  negativeOrders: (orders: number) => string;
  afterAsOf: (orders: number, asOf: string) => string;
  noPurchaseLeft: (customers: number) => string;
  /** A date column's slash dates: mixed day/month and month/day, or ambiguous (read as month/day). */
  dateOrderConflict: (header: string) => string;
  dateOrderAmbiguous: (header: string) => string;
  /** How a recognised export's column is read (adapters/table/export-profiles.ts `note`). */
  profileNote: Record<ProfileNote, string>;
  /** Why a recognised export cannot be scored, and which to use instead (export-profiles.ts `advice`). */
  profileAdvice: Record<ProfileAdvice, string>;
  /** A report's footer under the table (rows from-to), its first lines as shown, and how many more. */
  footer: (from: number, to: number, shown: readonly string[], more: number) => string;
  /** Why the columns could not be found. */
  header: HeaderWords;
}

/** Labels of the properties Tierwise owns in HubSpot (adapters/hubspot/properties.ts), by result idea. */
export interface HubSpotWords {
  propertyLabel: Record<'tier' | 'segment' | 'churnRisk' | 'churnLevel' | 'lifecycle' | 'nextAction' | 'reasons' | 'scoredAt', string>;
}

// What the Sheets add-on's server says to people (apps-script/server/messages).
export interface SheetsWords {
  busy: string;
  emptySheet: string;
  nothingWritten: (reason: string) => string;
  /** Added when a table read as customers failed but reads as an order table (TableError.looksLikeOrders). */
  looksLikeOrders: string;
  tooSlow: string;
  tooManyCells: (needed: number, limit: number) => string;
  scored: (customers: number, attention: number, kind: 'customers' | 'orders') => string;
  cancelled: string;
  stoppedForTime: (rows: number, total: number) => string;
  notTable: string;
  progressReading: string;
  progressScoring: (rows: number) => string;
  progressWriting: (done: number, total: number) => string;
  selectRow: string;
  notCustomerRow: (row: number) => string;
  notScoredYet: string;
  notInCustomers: (id: string) => string;
  scheduled: (hour: number, timeZone: string) => string;
  stopped: string;
  noneToStop: string;
  removed: (columns: number, sheets: number) => string;
  nothingToRemove: string;
  confirmRemove: string;
  settingsNotSaved: (problems: string) => string;
  settingProblem: (field: string, problem: string) => string;
  tooBig: (max: string) => string;
  tooSmall: (min: string) => string;
  notOneOf: (options: string) => string;
  /** A mapped field the table's kind does not have; kind null: the kind is left to detection. */
  notAFieldOf: (kind: 'customers' | 'orders' | null, fields: string) => string;
  wrongType: (expected: string) => string;
  /** zod's type names as wrongType says them. */
  typeName: Record<'number' | 'string' | 'boolean', string>;
  notADate: string;
  invalid: string;
  asOfNotDate: (value: string) => string;
  customNeedsRange: string;
  lastRunFailed: (when: string, error: string) => string;
  runLogTitle: string;
  runLogHeader: [string, string, string, string, string];
  runOk: string;
  runFailed: string;
  help: string;
  /** Headings of the "Tierwise summary" sheet (apps-script/server/summary-sheet.ts). */
  summarySheet: Record<'tier' | 'segment' | 'customers' | 'share' | 'key' | 'dormant' | 'repurchase' | 'atRisk' | 'scored' | 'attention' | 'group' | 'region' | 'owner', string>;
  /** The first two headers of the "Tierwise customers" sheet (apps-script/server/customer-sheet.ts). */
  customerSheet: { customer: string; sourceRow: string };
}
