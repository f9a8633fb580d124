// The learned model's features grouped by the driver they are reported under: a driver's share of a
// customer's risk is the sum of its features' contributions (how far each raised the log-odds).
import { FEATURES, type LearnedDriver } from './features.ts';

/** The drivers in the order they are read out among equals (first appearance in FEATURES). */
export const DRIVERS: readonly LearnedDriver[] = [...new Set(FEATURES.map((f) => f.driver))];
export const DRIVER_COUNT = DRIVERS.length;
/** Each feature's driver, as its index in DRIVERS. */
const DRIVER_OF = Int32Array.from(FEATURES, (f) => DRIVERS.indexOf(f.driver));

/** Each driver's share into `into` (DRIVER_COUNT long): its features' contributions added in FEATURES order. */
export function driverShares(contributions: ArrayLike<number>, into: Float64Array): Float64Array {
  into.fill(0);
  for (let j = 0; j < DRIVER_OF.length; j++) into[DRIVER_OF[j] as number] = (into[DRIVER_OF[j] as number] as number) + (contributions[j] as number);
  return into;
}
