// Cell and line text quoted in a message: at most ~80 characters, so a 50 MB one-line file or a
// pasted essay gives a readable sentence, not a wall of text.

export const CLIP_LENGTH = 80;

/** The text in double quotes, cut to CLIP_LENGTH characters with "…" and the full length when longer. */
export function clip(text: string, length = CLIP_LENGTH): string {
  if (text.length <= length) return `"${text}"`;
  // Never cut a surrogate pair in half.
  let cut = length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `"${text.slice(0, cut)}…" (${text.length.toLocaleString('en-US')} characters)`;
}

/** A list of quoted texts, each clipped, at most `most` of them, then how many more. */
export function clipList(texts: readonly string[], most = 20): string {
  const shown = texts.slice(0, most).map((t) => clip(t)).join(', ');
  return texts.length > most ? `${shown} and ${(texts.length - most).toLocaleString('en-US')} more` : shown;
}
