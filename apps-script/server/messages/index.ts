// Messages per language, and a message said in every language at once so the sidebar can switch
// language without mixing: it shows the one the user picked.
import type { Language } from '../../../core/schema/options.ts';
import type { Messages } from './messages.ts';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

export type { Messages } from './messages.ts';
export const MESSAGES: Record<Language, Messages> = { en, 'zh-CN': zhCN };

/** One sentence in each language. */
export type Said = Record<Language, string>;

export function say(pick: (m: Messages) => string): Said {
  return { en: pick(en), 'zh-CN': pick(zhCN) };
}
