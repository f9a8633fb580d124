// The contract between hosts (CLI, Sheets add-on) and the table adapter: a grid of cells in,
// one scored row per input row (customer tables) or per customer (order tables) out.
import { z } from 'zod';
import type { Result } from '../../core/schema/result.ts';
import { TABLE_FIELD_KEYS, type TableFieldKey } from '../../core/schema/fields.ts';
import type { OptionsInput } from '../../core/schema/options.ts';
import type { Summary } from '../../core/summarize.ts';

/** The customer fields a customer table can hold a column for (core/schema/fields.ts: those with header synonyms). */
export const CUSTOMER_FIELDS: readonly CustomerField[] = TABLE_FIELD_KEYS;
export type CustomerField = TableFieldKey;

export const ORDER_FIELDS = [
  'customerId', 'date', 'amount', 'name', 'email', 'region', 'owner',
  'orderId', 'status', 'refunded', 'cancelledAt', 'lineAmount', 'quantity', 'unitPrice',
] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

/** A cell as hosts hand it over: CSV text, or what Sheets' getValues() returns (string, number, boolean, Date, ''). */
export type Cell = string | number | boolean | Date | null | undefined;

/** How to read a table: what it holds, and headers the user mapped by hand (they beat detection). */
export const TableConfigSchema = z.object({
  /** customers: one row per customer; orders: one row per order. Absent: detected from the headers. */
  kind: z.enum(['customers', 'orders']).optional(),
  /** field → the header text of the column that holds it, e.g. { "lastPurchase": "Last Order" }. */
  columns: z.record(z.string(), z.string()).default({}),
  /** Slash dates: month/day (US), day/month, or inferred per column from the values. */
  dateOrder: z.enum(['auto', 'mdy', 'dmy']).default('auto'),
});
export type TableConfigInput = z.input<typeof TableConfigSchema>;
export type TableConfig = z.output<typeof TableConfigSchema>;

export interface ScoredRow {
  /** 1-based row number as the user sees it in a spreadsheet (the header is row 1 when it is the first line). */
  row: number;
  id: string | null;
  /** result.error is a sentence naming row, column, value and what was expected when the row could not be scored. */
  result: Result;
}

export interface TableScore {
  kind: 'customers' | 'orders';
  /** 1-based row number of the header, and the header texts as found. */
  headerRow: number;
  headers: string[];
  /** field → 0-based column index, for every field that was found. */
  mapping: Partial<Record<CustomerField | OrderField, number>>;
  /** Customer tables: one per data row, in input order. Order tables: one per customer, in order of first appearance. */
  rows: ScoredRow[];
  summary: Summary;
  /** File-level notes that are not row errors (e.g. "12 orders dated after the as-of date were left out"). */
  warnings: string[];
}

/** Thrown when the table as a whole cannot be used (no header, required column missing, binary junk). */
export class TableError extends Error {
  override name = 'TableError';
  /** Set when a table read as customers failed but reads as an order table: hosts suggest their order mode. */
  looksLikeOrders = false;
}

export type ScoreTable = (cells: Cell[][], config: TableConfigInput, options: OptionsInput) => TableScore;
