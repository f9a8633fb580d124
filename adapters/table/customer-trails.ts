// What became of each customer's orders (order-table.ts's CustomerTrail), for a million customers:
// numbers in typed arrays by the customer's position, ids found through core/id-index.ts, and the
// per-reason counts of left-out orders only for the few customers who have any. A Map of a million
// trail objects cost ~100 bytes and a string hash per order; this costs 20 bytes a customer.
import { IdIndex } from '../../core/id-index.ts';
import { noneLeftOut, type LeftOutReason } from '../../core/order-status.ts';
import type { CustomerTrail } from './order-table.ts';

const round2 = (x: number) => Math.round(x * 100) / 100;

export class CustomerTrails implements Iterable<[string, CustomerTrail]> {
  /** Null once sealed: no customer comes any more, and the index (~64 MB for a million ids) can go. */
  private index: IdIndex | null = new IdIndex();
  private readonly ids: string[] = [];
  /** Ids entered in the index: those before this position. append() leaves the rest to the next at(). */
  private indexed = 0;
  private firstRow = new Int32Array(1024);
  private kept = new Int32Array(1024);
  private negative = new Int32Array(1024);
  private negativeTotal = new Float64Array(1024);
  private readonly leftOut = new Map<number, Record<LeftOutReason, number>>();

  get size(): number {
    return this.ids.length;
  }

  /** The customer's position, added with `row` as their first row when new. */
  at(id: string, row: number): number {
    if (this.index === null) throw new Error(`customer "${id}" at row ${row} came after the trails were sealed`);
    // An id in the index is not among the appended ones (append takes only new customers): found
    // without entering those, as a plain file's few customers first read as cells (its head) are.
    if (this.indexed < this.ids.length) {
      const c = this.index.positionOfRange(id, 0, id.length);
      if (c >= 0) return c;
    }
    const index = this.indexUpToDate();
    const c = index.positionOf(id);
    if (c === this.ids.length) {
      if (c === this.firstRow.length) this.grow();
      this.ids.push(id);
      this.firstRow[c] = row;
      this.indexed++;
    }
    return c;
  }

  /**
   * Adds customer `id`, known to be new, at the next position with `row` as their first row, without
   * entering them in the index yet: for a reader that keeps each customer's position itself
   * (plain-order-rows.ts). A file of plain rows never looks a customer up here, so its million ids are
   * never indexed twice (the aggregator indexes them too: ~0.8 s on 10M orders); an at() of an id not
   * in the index first enters every appended id, in order, so they keep their positions.
   */
  append(id: string, row: number): number {
    if (this.index === null) throw new Error(`customer "${id}" at row ${row} came after the trails were sealed`);
    const c = this.ids.length;
    if (c === this.firstRow.length) this.grow();
    this.ids.push(id);
    this.firstRow[c] = row;
    return c;
  }

  /** The index, with every appended id entered. */
  private indexUpToDate(): IdIndex {
    const index = this.index as IdIndex;
    for (; this.indexed < this.ids.length; this.indexed++) {
      const appended = this.ids[this.indexed] as string;
      // A reader that appended a customer it had seen before would give them two trails: say so, loudly.
      if (index.positionOf(appended) !== this.indexed) throw new Error(`customer "${appended}" was appended to the trails twice (at ${this.indexed} and before)`);
    }
    return index;
  }

  private grow(): void {
    const size = this.firstRow.length * 2;
    const ints = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.firstRow = ints(this.firstRow);
    this.kept = ints(this.kept);
    this.negative = ints(this.negative);
    const totals = new Float64Array(size);
    totals.set(this.negativeTotal);
    this.negativeTotal = totals;
  }

  /** A kept order of `amount` at `row`. */
  addKept(id: string, row: number, amount: number): void {
    this.addKeptAt(this.at(id, row), amount);
  }

  /** A kept order of `amount` of the customer at position `c` (from at()). */
  addKeptAt(c: number, amount: number): void {
    this.kept[c] = (this.kept[c] as number) + 1;
    if (amount < 0) {
      this.negative[c] = (this.negative[c] as number) + 1;
      this.negativeTotal[c] = round2((this.negativeTotal[c] as number) + amount);
    }
  }

  /**
   * The customer at position `c` has `kept` kept orders in all: for a reader that adds kept orders
   * to the aggregator without telling each one here, and counts them there at the end.
   */
  setKept(c: number, kept: number): void {
    this.kept[c] = kept;
  }

  /** An order at `row` left out as not a purchase. */
  addLeftOut(id: string, row: number, reason: LeftOutReason): void {
    const c = this.at(id, row);
    let counts = this.leftOut.get(c);
    if (counts === undefined) {
      counts = noneLeftOut();
      this.leftOut.set(c, counts);
    }
    counts[reason]++;
  }

  /** Every order was read: the trails are only iterated from now on. */
  seal(): void {
    this.index = null;
  }

  /** Each customer with their trail, in order of first appearance (a fresh object each, made as asked). */
  *[Symbol.iterator](): Iterator<[string, CustomerTrail]> {
    for (let c = 0; c < this.ids.length; c++) {
      yield [
        this.ids[c] as string,
        { firstRow: this.firstRow[c] as number, kept: this.kept[c] as number, negative: this.negative[c] as number, negativeTotal: this.negativeTotal[c] as number, leftOut: this.leftOut.get(c) ?? null },
      ];
    }
  }
}
