// Cell and line text quoted in a message: at most ~80 characters, so a 50 MB one-line file or a
// pasted essay gives a readable sentence, not a wall of text. The length and "and N more" are said
// in the message's language (core/i18n TableWords).
import { WORDS } from '../../core/i18n/index.ts';
import type { TableWords } from '../../core/i18n/host-words.ts';

export const CLIP_LENGTH = 80;

type ClipWords = Pick<TableWords, 'clippedLength' | 'andMore'>;

/** The text in double quotes, cut to CLIP_LENGTH characters with "…" and the full length when longer. */
export function clip(text: string, words: ClipWords = WORDS.en.table, length = CLIP_LENGTH): string {
  if (text.length <= length) return `"${text}"`;
  // Never cut a surrogate pair in half.
  let cut = length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `"${text.slice(0, cut)}…"${words.clippedLength(text.length)}`;
}

/** A list of quoted texts, each clipped, at most `most` of them, then how many more. */
export function clipList(texts: readonly string[], words: ClipWords = WORDS.en.table, most = 20): string {
  const shown = texts.slice(0, most).map((t) => clip(t, words)).join(', ');
  return texts.length > most ? `${shown}${words.andMore(texts.length - most)}` : shown;
}
