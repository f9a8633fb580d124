import type { Language } from '../../../core/schema/options.ts';
import { EN } from './en.ts';
import type { UiWords } from './types.ts';
import { ZH_CN } from './zh-CN.ts';

export type { UiWords } from './types.ts';
export const WORDS: Record<Language, UiWords> = { en: EN, 'zh-CN': ZH_CN };
