// A customer's drivers, biggest first and in factor order among equals, made once each after the
// reasons line is worded. Saves, per customer: the work space Array.prototype.sort allocates on every
// call (even for two drivers); the 17 slots V8 gives an array on its first push (results keep a
// million of these arrays); and a second copy of each driver's own words: a sentence made for one
// customer is kept as a slice of the reasons line, which already holds its characters (on 1M
// customers, a copy each cost ~20 MB kept and doubled the young collector's pauses). Measured with
// bench/cases/core-score-allocations.ts and --trace-gc-nvp (bench/cases/core-score.md).
import type { Driver } from '../schema/result.ts';
import { DRIVER_FACTORS, type DriverFactorName } from './factors.ts';
import type { ChurnPhrases } from './phrases.ts';
import type { FactorSet } from './factor-set.ts';
import { reasonsLine, spanInLine } from './reasons.ts';

/** Shared by every customer without a driver: most of a healthy book. Frozen, so no one adds to it. */
const NO_DRIVERS: Driver[] = Object.freeze([]) as unknown as Driver[];

/** A driver found for the current customer: one of the ranking's reused slots, never handed out. */
interface Found {
  factor: DriverFactorName;
  points: number;
  text: string;
  /** The text is the run's shared sentence (sentence-memory.ts): kept as it is, not cut from the line. */
  shared: boolean;
}

const emptySlot = (): Found => ({ factor: 'recency', points: 0, text: '', shared: false });

/** The driver of a slot whose text starts at `at` in `line`. */
const driverOf = ({ factor, points, text, shared }: Found, line: string, at: number): Driver => ({ factor, points, text: shared ? text : line.slice(at, at + text.length) });

/** One per scoring run: `start` a customer, `add` their drivers in factor order, then `reasons` and `drivers`. */
export class DriverRanking {
  /** The current customer's drivers so far, biggest first; at most one per factor. */
  private readonly found: Found[] = Array.from({ length: DRIVER_FACTORS.length }, emptySlot);
  private count = 0;

  start(): void {
    this.count = 0;
  }

  /** Placed as found (insertion), after every driver with at least as many points: stable. */
  add(factor: DriverFactorName, points: number, text: string, shared: boolean): void {
    const found = this.found;
    let at = this.count++;
    const slot = found[at] as Found;
    while (at > 0 && (found[at - 1] as Found).points < points) {
      found[at] = found[at - 1] as Found;
      at--;
    }
    found[at] = slot;
    slot.factor = factor;
    slot.points = points;
    slot.text = text;
    slot.shared = shared;
  }

  /** The reasons line of the drivers added since `start` (reasons.ts words it). */
  reasons(notJudged: FactorSet, words: ChurnPhrases): string {
    return reasonsLine(this.found, this.count, notJudged, words);
  }

  /**
   * The drivers added since `start`, biggest first, in a new array of exactly that length: shared
   * sentences as they are, every other text a slice of `line`, which `reasons` made from them.
   */
  drivers(line: string, words: ChurnPhrases): Driver[] {
    const found = this.found;
    switch (this.count) {
      case 0:
        return NO_DRIVERS;
      case 1:
        return [driverOf(found[0] as Found, line, 0)];
      case 2: {
        const first = found[0] as Found;
        return [driverOf(first, line, 0), driverOf(found[1] as Found, line, spanInLine(first.text, first.points, words))];
      }
      default: {
        const drivers: Driver[] = [];
        for (let i = 0, at = 0; i < this.count; i++) {
          const slot = found[i] as Found;
          drivers.push(driverOf(slot, line, at));
          at += spanInLine(slot.text, slot.points, words);
        }
        return drivers;
      }
    }
  }
}
