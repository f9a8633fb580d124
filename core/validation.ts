// Checks that need more than one field or the as-of date, said for a customer handed to the core
// directly (no columns to name). The rule itself is core/scorable.ts, shared with the adapters.
import type { Customer } from './schema/customer.ts';
import type { Language } from './schema/options.ts';
import type { PurchaseDays } from './purchase-days.ts';
import { scorabilityProblems } from './scorable.ts';
import { plainSentence } from './i18n/problem-text.ts';

export function validationError(customer: Customer, days: PurchaseDays, asOf: string, asOfDay: number, language: Language = 'en'): string | null {
  const problems = scorabilityProblems(customer, days, asOf, asOfDay);
  return problems === null ? null : plainSentence(problems[0] as (typeof problems)[number], language);
}
