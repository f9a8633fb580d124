// How a problem with a record is said (core/problems.ts holds the problems as data). A host names the
// place of a field first (a column, a property) and hands that in: the sentence around it is here.
import type { ExpectedKind } from '../problems.ts';

export interface ProblemWords {
  /** What a value should have been, e.g. "a date (expected e.g. 2026-03-01)". */
  expected: Record<ExpectedKind, string>;
  /** `column "Last Order"`: a table's place of a field. */
  column: (header: string) => string;
  /** `property "total_revenue"`: HubSpot's place of a field. */
  property: (name: string) => string;
  /** "Row 12, <problems>": a row's problems, joined. */
  row: (row: number, problems: readonly string[]) => string;
  /** A row the text parser could not read: field `field` (1-based) opens a quote that never closes, before `before` (clipped, quoted). */
  unclosedQuote: (row: number, field: number, before: string) => string;
  /** An order table's customer, at the row where they first appear: "Row 2, customer "A": <why>". */
  customerRow: (row: number, id: string, why: string) => string;
  blankRow: (row: number) => string;
  /** An order table's row: the order it held is left out (said after the row's problems). */
  orderLeftOut: (quotedOrderId: string) => string;
  orderDateEmpty: (at: string) => string;
  amountEmpty: (at: string) => string;
  /** Two columns at once (quantity and unit price). */
  columns: (first: string, second: string) => string;
  headerAgain: (row: number) => string;
  /** A record of HubSpot ("Contact 12") and its problems. */
  record: (kind: 'contacts' | 'companies', id: string, problems: readonly string[]) => string;
  /** Each problem, given where its field is (and, for two-field problems, where the other one is). */
  emptyId: (at: string) => string;
  totalsRow: (quotedValue: string, at: string) => string;
  repeatedId: (quotedValue: string, firstRow: number) => string;
  unreadable: (at: string, quotedValue: string, expected: string) => string;
  /** HubSpot's wording of the same: `property "x" is "y", not <expected>`. */
  unreadableProperty: (at: string, quotedValue: string, expected: string) => string;
  afterAsOf: (at: string, value: string, asOf: string) => string;
  firstAfterLast: (at: string, value: string, lastAt: string, last: string) => string;
  ordersWithoutDate: (at: string, ordersAt: string, orders: number) => string;
  dateWithoutOrders: (at: string, dateAt: string, date: string) => string;
  dateWithZeroOrders: (at: string, dateAt: string, date: string) => string;
  dateWithoutSpend: (at: string, dateAt: string, date: string) => string;
  /** The same problems said of a record that has no columns (a customer handed to the core directly). */
  plain: {
    afterAsOf: (field: 'firstPurchase' | 'lastPurchase', value: string, asOf: string) => string;
    firstAfterLast: (value: string, last: string) => string;
    ordersWithoutDate: (orders: number) => string;
    dateWithoutOrders: string;
    dateWithZeroOrders: (date: string) => string;
    dateWithoutSpend: string;
  };
}
