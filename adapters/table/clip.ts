// Cell and line text quoted in a message: at most ~80 characters, so a 50 MB one-line file or a
// pasted essay gives a readable sentence, not a wall of text. The length and "and N more" are said
// in the message's language (core/i18n TableWords), also when the text is cut before that language is known.
import { WORDS } from '../../core/i18n/index.ts';
import type { TableWords } from '../../core/i18n/host-words.ts';

export const CLIP_LENGTH = 80;

type ClipWords = Pick<TableWords, 'clippedLength' | 'andMore'>;

/** The text in double quotes, cut to CLIP_LENGTH characters with "…" and the full length when longer. */
export function clip(text: string, words: ClipWords = WORDS.en.table, length = CLIP_LENGTH): string {
  return quoteCut(cut(text, length), text.length, words);
}

/**
 * The first `length` characters of the text, kept where the language of the message is not known yet
 * (the text parser's row problems): quoteCut says it later, with the full length, in any language.
 */
export function cut(text: string, length = CLIP_LENGTH): string {
  if (text.length <= length) return text;
  // Never cut a surrogate pair in half.
  let end = length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end);
}

/** A text `cut` from one of `fullLength` characters, as clip says it. */
export function quoteCut(shown: string, fullLength: number, words: ClipWords = WORDS.en.table): string {
  return shown.length === fullLength ? `"${shown}"` : `"${shown}…"${words.clippedLength(fullLength)}`;
}

/** A list of quoted texts, each clipped, at most `most` of them, then how many more. */
export function clipList(texts: readonly string[], words: ClipWords = WORDS.en.table, most = 20): string {
  const shown = texts.slice(0, most).map((t) => clip(t, words)).join(', ');
  return texts.length > most ? `${shown}${words.andMore(texts.length - most)}` : shown;
}
