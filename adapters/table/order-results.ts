// The scored copy of an order table, produced a batch of rows at a time: customers are scored in
// ranges after the global passes (core/score.ts's RangeScorer), each range's rows handed on and then
// dropped, and the summary counted as the rows go by (core/summarize.ts's SummaryTally). A million
// results held at once cost ~2.5 GB; here only one range's are alive. The rows are those a whole
// list would have, in the same order: one per customer at the row where they first appear, each bad
// order row in place, each row the parser could not read (an unclosed quote) reported at its row.
import { OptionsSchema, type Language, type Options, type OptionsInput } from '../../core/schema/options.ts';
import type { Customer } from '../../core/schema/customer.ts';
import type { Result } from '../../core/schema/result.ts';
import { unscoredResult } from '../../core/score.ts';
import { SummaryTally, type Summary } from '../../core/summarize.ts';
import type { OrderAggregator } from '../../core/aggregate-orders.ts';
import { orderHistoryScorer } from '../../core/churn/learned/choose.ts';
import type { OrderHistory } from '../../core/order-history.ts';
import type { Order } from '../../core/schema/order.ts';
import { InStep } from '../../core/id-positions.ts';
import { LEFT_OUT_REASONS } from '../../core/order-status.ts';
import { WORDS } from '../../core/i18n/index.ts';
import type { ScoredRow, TableScore } from './contract.ts';
import type { CustomerTrail, OrderRow } from './order-table.ts';
import { unclosedQuoteText, type RowProblem } from './csv.ts';
import { rankingNotes } from './ranking-notes.ts';

/** An order table read (whole, or in pieces by order-stream.ts): its layout, the rows that could not be read, and each customer's trail. */
export interface OrdersToScore {
  headerIndex: number;
  headers: string[];
  mapping: TableScore['mapping'];
  /** Rows that could not be read, each with its reason, in row order. */
  badRows: readonly OrderRow[];
  /** Every customer named by a readable order, in order of first appearance. */
  customers: Iterable<[string, CustomerTrail]>;
  warnings: string[];
}

/** What is known once every batch was read: as in a TableScore, but of the rows only those with an error (the summary lists them). */
export interface OrderResultsEnd {
  summary: Summary;
  warnings: string[];
  errorRows: ScoredRow[];
  /** Rows written below the header. */
  rows: number;
  /** The most results held at once, scored and waiting to be written (a result is ~1.5 KB). */
  mostWaiting: number;
}

export interface OrderResults extends Pick<TableScore, 'headerRow' | 'headers' | 'mapping'> {
  kind: 'orders';
  /** The rows in row order, a batch at a time (read once: each batch can be dropped when written). */
  batches(): Generator<ScoredRow[]>;
  /** After batches() is done. */
  end(): OrderResultsEnd;
}

/** Customers scored per range: enough for the per-range work to be a small part, little enough to be a small heap. */
export const RANGE_SIZE = 1_024;

/**
 * The customers `aggregator` gathered from the kept orders (the same orders as `orders`, in row
 * order), to be scored as the batches are read. `problems`: rows the text parser could not read.
 */
export function orderResults(
  table: OrdersToScore,
  aggregator: OrderAggregator,
  orders: readonly Order[] | OrderHistory,
  optionsInput: OptionsInput,
  problems: readonly RowProblem[] = [],
  rangeSize = RANGE_SIZE,
): OrderResults {
  const options = OptionsSchema.parse(optionsInput);
  const customers = aggregator.finish();
  const scorer = orderHistoryScorer(orders, customers, options);
  // Only this number is read of the aggregator from here on: its orders and index (~300 MB on 10M orders) can go.
  const afterAsOf = aggregator.afterAsOf;
  const headerRow = table.headerIndex + 1;
  const words = WORDS[options.language];
  const tally = new SummaryTally({ language: options.language });
  const errorRows: ScoredRow[] = [];
  let written = 0;
  let mostWaiting = 0;
  let scorable = 0;
  let unscorable = 0;
  let done = false;
  // Rows the parser could not read: above the header a note, below it a row (replacing the row read there, if any).
  const unreadable: { row: number; text: string }[] = [];
  const aboveHeader: string[] = [];
  for (const p of problems) {
    const text = unclosedQuoteText(p, words);
    if (p.index + 1 < headerRow) aboveHeader.push(text);
    else unreadable.push({ row: p.index + 1, text });
  }
  unreadable.sort((a, b) => a.row - b.row);

  function* batches(): Generator<ScoredRow[]> {
    let out: ScoredRow[] = [];
    const emit = (r: ScoredRow) => {
      out.push(r);
      tally.add(r.result);
      if (r.result.error !== null) errorRows.push(r);
      written++;
    };
    const merge = new RowMerge(table.badRows, unreadable, emit);
    // Results of customers scored but not yet written, by their position in `customers`. A customer's
    // first row can come before their first kept order (a cancelled order first), so they may be written
    // out of the scoring order. One whose first kept order is near is scored with their range and waits
    // here; one whose is further than the next range (a refund in March, a purchase in December) is
    // scored alone (RangeScorer: any range, any order, the same results) and skipped when their range
    // comes: scoring every range up to theirs kept a million results waiting on a 10M-order export
    // with refunds (1.7 GB).
    const waiting = new Map<number, Result>();
    const writtenAhead = new Uint8Array(scorer.count);
    let scoredTo = 0;
    const resultAt = (q: number): Result => {
      if (q >= scoredTo + rangeSize) {
        writtenAhead[q] = 1;
        return scorer.scoreRange(q, q + 1)[0] as Result;
      }
      while (q >= scoredTo) {
        const to = Math.min(scoredTo + rangeSize, scorer.count);
        const results = scorer.scoreRange(scoredTo, to);
        for (let j = 0; j < results.length; j++) if (writtenAhead[scoredTo + j] === 0) waiting.set(scoredTo + j, results[j] as Result);
        scoredTo = to;
        if (waiting.size > mostWaiting) mostWaiting = waiting.size;
      }
      const result = waiting.get(q) as Result;
      waiting.delete(q);
      return result;
    };
    const positions = new InStep(customers.map((c: Customer) => c.id));
    let lastRow = -Infinity;
    for (const [id, trail] of table.customers) {
      if (trail.firstRow < lastRow) throw new Error(`customer "${id}" first appears at row ${trail.firstRow}, before the previous customer's row ${lastRow}: customers must come in row order`);
      lastRow = trail.firstRow;
      const q = positions.find(id);
      const aggregated = q < 0 ? undefined : resultAt(q);
      // A customer with nothing to score says why (and their aggregated result, if any, is not written).
      const nothing = withoutPurchase(trail, options);
      const result = nothing === null ? aggregated : unscoredResult(id, words.problems.customerRow(trail.firstRow, id, nothing));
      if (result === undefined) continue;
      if (result.r !== null) scorable++;
      if (result.error !== null) unscorable++;
      merge.customer({ row: trail.firstRow, id, result });
      if (out.length >= rangeSize) {
        yield out;
        out = [];
      }
    }
    merge.rest();
    if (waiting.size > 0) throw new Error(`${waiting.size} scored customers were never written: each customer must have a trail`);
    done = true;
    yield out;
  }

  return {
    kind: 'orders',
    headerRow,
    headers: table.headers,
    mapping: table.mapping,
    batches,
    end() {
      if (!done) throw new Error('orderResults: end() asked before every batch was read');
      const warnings = [...table.warnings, ...scorer.notes];
      if (afterAsOf > 0) warnings.push(words.table.afterAsOf(afterAsOf, options.asOf));
      if (unscorable > 0) warnings.push(words.table.noPurchaseLeft(unscorable));
      warnings.push(...rankingNotes(scorable, options));
      return { summary: tally.summary(), warnings: [...warnings, ...aboveHeader], errorRows, rows: written, mostWaiting };
    },
  };
}

/**
 * Writes the bad order rows and the unreadable rows in among the customers' rows, all in row order
 * (a customer before a bad row of the same row); an unreadable row replaces the first row read at its
 * row number, keeping its id, or is a row of its own.
 */
class RowMerge {
  private readonly bad: readonly OrderRow[];
  private readonly unreadable: readonly { row: number; text: string }[];
  private readonly emit: (r: ScoredRow) => void;
  private b = 0;
  private u = 0;

  constructor(bad: readonly OrderRow[], unreadable: readonly { row: number; text: string }[], emit: (r: ScoredRow) => void) {
    this.bad = bad;
    this.unreadable = unreadable;
    this.emit = emit;
  }

  /** A customer's row, after every other row above it. */
  customer(r: ScoredRow): void {
    this.before(r.row);
    this.emit(this.replaced(r));
  }

  /** The rows below the last customer's. */
  rest(): void {
    this.before(Infinity);
  }

  /** The unreadable rows' text at `row`, consumed (the last wins, as when each replaced the row in turn), or null. */
  private textAt(row: number): string | null {
    let text: string | null = null;
    for (let u = this.unreadable[this.u]; u !== undefined && u.row === row; u = this.unreadable[++this.u]) text = u.text;
    return text;
  }

  private replaced(r: ScoredRow): ScoredRow {
    const text = this.textAt(r.row);
    return text === null ? r : { row: r.row, id: r.id, result: unscoredResult(r.id ?? '', text) };
  }

  private before(limit: number): void {
    for (;;) {
      const bad = this.bad[this.b];
      const u = this.unreadable[this.u];
      const badRow = bad !== undefined && bad.row < limit ? bad.row : Infinity;
      const uRow = u !== undefined && u.row < limit ? u.row : Infinity;
      if (badRow === Infinity && uRow === Infinity) return;
      if (uRow < badRow) {
        // No row was read there: each unreadable row is a row of its own.
        for (let v = this.unreadable[this.u]; v !== undefined && v.row === uRow; v = this.unreadable[++this.u]) this.emit({ row: v.row, id: null, result: unscoredResult('', v.text) });
        continue;
      }
      this.b++;
      const b = bad as OrderRow;
      this.emit(this.replaced({ row: b.row, id: b.id, result: unscoredResult(b.id ?? '', b.error ?? 'not read') }));
    }
  }
}

/** Why a customer has nothing to score, or null when they have a purchase: only left-out orders, or only cancellations. */
function withoutPurchase(trail: CustomerTrail, options: Options): string | null {
  if (trail.kept > trail.negative) return null;
  const language: Language = options.language;
  const counts = trail.leftOut;
  const leftOut = counts === null ? [] : LEFT_OUT_REASONS.filter((r) => counts[r] > 0).map((reason) => ({ reason, count: counts[reason] }));
  const negative = trail.negative > 0 ? { count: trail.negative, total: trail.negativeTotal.toLocaleString(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) } : null;
  return WORDS[language].table.withoutPurchase(negative, leftOut);
}

/** Every batch read into one TableScore (hosts that keep the rows: a workbook, the whole-grid path, tests). */
export function collectOrderResults(results: OrderResults): TableScore {
  const rows: ScoredRow[] = [];
  for (const batch of results.batches()) for (const r of batch) rows.push(r);
  const { summary, warnings } = results.end();
  return { kind: 'orders', headerRow: results.headerRow, headers: results.headers, mapping: results.mapping, rows, summary, warnings };
}
