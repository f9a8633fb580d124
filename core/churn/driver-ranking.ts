// A customer's drivers, biggest first and in factor order among equals, handed out as an array of
// exactly their number. Saves, per customer: the work space Array.prototype.sort allocates on every
// call (even for two drivers), and the 17 slots V8 gives an array on its first push (results keep a
// million of these arrays). Measured with bench/cases/core-score-allocations.ts.
import type { Driver } from '../schema/result.ts';
import { CHURN_FACTORS } from './factors.ts';

/** Shared by every customer without a driver: most of a healthy book. Frozen, so no one adds to it. */
const NO_DRIVERS: Driver[] = Object.freeze([]) as unknown as Driver[];

/** One per scoring run: `start` a customer, `add` their drivers in factor order, `drivers()` the ranked copy. */
export class DriverRanking {
  /** The current customer's drivers so far, biggest first; at most one per factor. */
  readonly #found: Driver[] = new Array<Driver>(CHURN_FACTORS.length);
  #count = 0;

  start(): void {
    this.#count = 0;
  }

  /** Placed as found (insertion), after every driver with at least as many points: stable. */
  add(driver: Driver): void {
    const found = this.#found;
    let at = this.#count++;
    while (at > 0 && (found[at - 1] as Driver).points < driver.points) {
      found[at] = found[at - 1] as Driver;
      at--;
    }
    found[at] = driver;
  }

  /** The drivers added since `start`, biggest first, in a new array of exactly that length. */
  drivers(): Driver[] {
    const found = this.#found;
    switch (this.#count) {
      case 0:
        return NO_DRIVERS;
      case 1:
        return [found[0] as Driver];
      case 2:
        return [found[0] as Driver, found[1] as Driver];
      default:
        return found.slice(0, this.#count);
    }
  }
}
