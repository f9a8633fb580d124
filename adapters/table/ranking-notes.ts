// The note a table's summary carries when too few customers could be scored for quantiles, so R, F
// and M came from the fixed thresholds (core/rfm.ts): said with the numbers used.
import type { Options } from '../../core/schema/options.ts';
import { WORDS } from '../../core/i18n/index.ts';
import { rfmMethodFor } from '../../core/rfm.ts';

/** The note when a quantile ranking of `scorable` customers fell back to fixed thresholds: too few scorable customers. */
export function rankingNotes(scorable: number, options: Options): string[] {
  if (scorable > 0 && options.rfm.method === 'quantile' && rfmMethodFor(scorable, options.rfm) === 'fixed') {
    const { recencyDays, orders, spend } = options.rfm.fixed;
    return [WORDS[options.language].table.fixedThresholds(scorable, options.rfm.minCustomers, recencyDays.join('/'), orders.join('/'), spend.join('/'))];
  }
  return [];
}
