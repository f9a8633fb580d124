// How far V8 lets the old generation grow past what the last full collection kept, for the commands
// that read an order table: `score --orders`, `backtest` and `model fit`.
//
// V8 sets the next full collection at the live heap times a factor it picks from its own pace (up to
// 4× on a big heap). Scoring and writing an order table makes every customer's result (~1 KB: drivers,
// reasons, the Result) and drops it as soon as it is written; in some runs, by when the young
// collections fall, those results reach the old generation, which then grows by their garbage from
// ~430 MB to ~900 MB before a full collection. 10M orders peaked at 1.21-2.25 GB over 12 runs on two
// threads, 5 of them over issue 16's 2 GB (bench/HISTORY.md says how this was traced). With the factor
// fixed at 1.5 the same command peaked at 1.25-1.30 GB in 10 of 10 runs, at the same speed (15.4-17.0 s
// against 15.4-18.9 s). `backtest` scores a million customers in ranges too: on 10M orders it peaked
// at 1.98-2.66 GB in 5 runs with V8's factor and 1.65-1.81 GB in 6 with this one, at the same speed;
// `model fit` at 1.77 GB in 2 runs and 1.34-1.55 GB in 2, ~2% slower.
// A customer table is left to V8's own factor: there it cost ~10% CPU for nothing.
//
// V8 reads this flag at every full collection (heap/memory-controller), so setting it once the command
// is known works; Node documents setting V8 flags after start as unsupported, which is why it is the
// one flag, for the one command it was measured on.
import { setFlagsFromString } from 'node:v8';

/** The flag: the old generation may grow to 1.5× what the last full collection kept. */
export const ORDERS_HEAP_GROWTH_FLAG = '--heap-growing-percent=50';

/** Sets ORDERS_HEAP_GROWTH_FLAG for the rest of the process (and its worker threads: V8's flags are per process). */
export function boundOldSpaceGrowthForOrders(set: (flag: string) => void = setFlagsFromString): void {
  set(ORDERS_HEAP_GROWTH_FLAG);
}
