// The figures ranking and scoring need of each scorable customer (first and last purchase day,
// orders, spend), as typed arrays by ranking row rather than a million small objects: four flat
// arrays the garbage collector never walks, and the layout rfm.ts ranks from (bench/cases/core-score.md).
import type { PurchaseDays } from './purchase-days.ts';
import type { RfmInput } from './rfm.ts';

export class ScorableColumns {
  readonly firstDay: Float64Array;
  readonly lastDay: Float64Array;
  readonly orders: Float64Array;
  readonly spend: Float64Array;
  /** Input position → ranking row; -1 for a customer that is not scorable. */
  readonly #rowOf: Int32Array;
  #count = 0;

  /** Room for `customers` input positions. */
  constructor(customers: number) {
    this.firstDay = new Float64Array(customers);
    this.lastDay = new Float64Array(customers);
    this.orders = new Float64Array(customers);
    this.spend = new Float64Array(customers);
    this.#rowOf = new Int32Array(customers).fill(-1);
  }

  /** Scorable customers added so far: the rows are 0 … count − 1, in input order. */
  get count(): number {
    return this.#count;
  }

  /** Adds the customer at input position `i` as the next row (`days` is read, not kept). */
  add(i: number, days: PurchaseDays, orders: number, spend: number): void {
    const row = this.#count++;
    this.#rowOf[i] = row;
    this.firstDay[row] = days.first;
    this.lastDay[row] = days.last;
    this.orders[row] = orders;
    this.spend[row] = spend;
  }

  /** The ranking row of input position i, or -1 when that customer is not scorable. */
  rowOf(i: number): number {
    return this.#rowOf[i] as number;
  }

  /** What rfm.ts ranks: views of the filled rows, not copies. */
  rfmInput(): RfmInput {
    const n = this.#count;
    return { lastDay: this.lastDay.subarray(0, n), orders: this.orders.subarray(0, n), spend: this.spend.subarray(0, n) };
  }
}
