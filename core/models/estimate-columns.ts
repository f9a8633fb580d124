// Per-customer purchase-model estimates as columns of doubles (32 bytes a customer) rather than one
// object each (~150 MB on a million customers, alive until the last row is written). `at` builds a
// customer's Estimate when scoring asks for it: a short-lived object, freed young.
import type { Estimate } from './estimate.ts';

const NONE = 0;
const WITHOUT_CLV = 1;
const WITH_CLV = 2;

export class EstimateColumns {
  readonly length: number;
  /** One verdict for the whole fit (dropout.ts), shared by every estimate. */
  readonly identified: boolean;
  private readonly state: Uint8Array;
  private readonly pAlive: Float64Array;
  private readonly pNoPurchase: Float64Array;
  private readonly expectedPurchases: Float64Array;
  private readonly clv: Float64Array;

  constructor(length: number, identified: boolean) {
    this.length = length;
    this.identified = identified;
    this.state = new Uint8Array(length);
    this.pAlive = new Float64Array(length);
    this.pNoPurchase = new Float64Array(length);
    this.expectedPurchases = new Float64Array(length);
    this.clv = new Float64Array(length);
  }

  set(row: number, pAlive: number, pNoPurchase: number, expectedPurchases: number, clv: number | null): void {
    this.state[row] = clv === null ? WITHOUT_CLV : WITH_CLV;
    this.pAlive[row] = pAlive;
    this.pNoPurchase[row] = pNoPurchase;
    this.expectedPurchases[row] = expectedPurchases;
    this.clv[row] = clv ?? 0;
  }

  /** Row's estimate, or null when it had no history (or the row is out of range). */
  at(row: number): Estimate | null {
    const state = this.state[row];
    if (state === undefined || state === NONE) return null;
    return {
      pAlive: this.pAlive[row] as number,
      identified: this.identified,
      pNoPurchase: this.pNoPurchase[row] as number,
      expectedPurchases: this.expectedPurchases[row] as number,
      clv: state === WITH_CLV ? (this.clv[row] as number) : null,
    };
  }

  /** Whether any row has an estimate. */
  any(): boolean {
    return this.state.some((s) => s !== NONE);
  }

  map<T>(f: (estimate: Estimate | null, row: number) => T): T[] {
    return Array.from({ length: this.length }, (_, row) => f(this.at(row), row));
  }
}
