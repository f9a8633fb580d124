// The note a table's summary carries when too few customers could be scored for quantiles, so R, F
// and M came from the fixed thresholds (core/rfm.ts): said with the numbers used.
import type { Options } from '../../core/schema/options.ts';
import { WORDS } from '../../core/i18n/index.ts';
import { rfmMethodFor } from '../../core/rfm.ts';

/** The note for `scorable` ranked customers, or null when quantiles were used (or asked for fixed thresholds). */
export function fixedThresholdsNote(scorable: number, options: Options): string | null {
  if (scorable === 0 || options.rfm.method !== 'quantile' || rfmMethodFor(scorable, options.rfm) !== 'fixed') return null;
  const { recencyDays, orders, spend } = options.rfm.fixed;
  return WORDS[options.language].table.fixedThresholds(scorable, options.rfm.minCustomers, recencyDays.join('/'), orders.join('/'), spend.join('/'));
}
