// What the add-on's server says to people, one interface for every language (the core's
// labels are the model: adding a language is one file, not a branch in the code).
export interface Messages {
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
}
