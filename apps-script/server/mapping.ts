// A table's column mapping belongs to its kind: customer tables map customer fields (id, lastPurchase…),
// order tables order fields (customerId, date, amount…). A mapping is checked against the kind's fields
// when saved, and only the kind's fields reach the table adapter, which refuses any other field.
import { CUSTOMER_FIELDS, ORDER_FIELDS } from '../../adapters/table/contract.ts';
import type { Language } from '../../core/schema/options.ts';
import { MESSAGES, type Said } from './messages/index.ts';
import { SettingsError } from './settings.ts';

type Kind = 'customers' | 'orders';

/** The fields a mapping may name: the kind's, or either kind's while the kind is left to detection. */
export function fieldsOf(kind: Kind | null | undefined): readonly string[] {
  if (kind === 'orders') return ORDER_FIELDS;
  if (kind === 'customers') return CUSTOMER_FIELDS;
  return [...new Set<string>([...CUSTOMER_FIELDS, ...ORDER_FIELDS])];
}

/**
 * The mapping for the kind being scored: without a kind the adapter reads a customer table. The other
 * kind's fields stay saved (they apply again if the user switches back) but are not passed on.
 */
export function mappingFor(kind: Kind | undefined, columns: Readonly<Record<string, string>>): Record<string, string> {
  const fields = new Set(fieldsOf(kind ?? 'customers'));
  return Object.fromEntries(Object.entries(columns).filter(([field]) => fields.has(field)));
}

/** Refuses, in words, a mapping sent with fields the table's kind does not have. */
export function checkMapping(columns: unknown, kind: Kind | null | undefined, language: Language): void {
  if (typeof columns !== 'object' || columns === null || Array.isArray(columns)) return; // the schema says what is wrong
  const fields = fieldsOf(kind);
  const wrong = Object.entries(columns as Record<string, unknown>).filter(([field, header]) => header !== '' && header !== null && !fields.includes(field)).map(([field]) => field);
  if (wrong.length === 0) return;
  const words = (l: Language) => {
    const m = MESSAGES[l];
    return m.settingsNotSaved(wrong.map((field) => m.settingProblem(`columns.${field}`, m.notAFieldOf(kind ?? null, fields.join(', ')))).join('; '));
  };
  const said: Said = { en: words('en'), 'zh-CN': words('zh-CN') };
  throw new SettingsError(said, language);
}
