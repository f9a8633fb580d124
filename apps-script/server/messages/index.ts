// What the add-on's server says to people, per language (the sentences: core/i18n/<language>.ts,
// section `sheets`), and a message said in every language at once so the sidebar can switch
// language without mixing: it shows the one the user picked.
import type { Language } from '../../../core/schema/options.ts';
import { byLanguage } from '../../../core/i18n/index.ts';
import type { SheetsWords } from '../../../core/i18n/host-words.ts';

export type Messages = SheetsWords;
export const MESSAGES: Record<Language, Messages> = byLanguage((w) => w.sheets);

/** One sentence in each language. */
export type Said = Record<Language, string>;

export function say(pick: (m: Messages) => string): Said {
  return byLanguage((w) => pick(w.sheets));
}
