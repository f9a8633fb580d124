// The words of every language, by language code. A new language: its file, and one entry here.
import type { Language } from '../schema/options.ts';
import type { Words } from './words.ts';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

export type { Words } from './words.ts';

export const WORDS: Record<Language, Words> = { en, 'zh-CN': zhCN };

export function wordsFor(language: Language): Words {
  return WORDS[language];
}

/** One section of the words, by language: e.g. byLanguage((w) => w.labels). */
export function byLanguage<T>(pick: (words: Words) => T): Record<Language, T> {
  return { en: pick(en), 'zh-CN': pick(zhCN) };
}
