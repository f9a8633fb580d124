// The check a zh-CN run's output is held to (test/cli/zh-cn-output.test.ts, usage-zh.test.ts): no
// English sentence once the user's own texts and quoted texts are taken out.

/** Three or more Latin words in a row, once the user's own cell texts and quoted text are taken out. */
export function englishSentences(text: string, ownTexts: readonly string[]): string[] {
  let t = text;
  // Longest first, so a cell is not half-removed by a shorter one inside it.
  for (const own of [...ownTexts].sort((a, b) => b.length - a.length)) if (/[A-Za-z]/.test(own)) t = t.split(own).join(' ');
  t = t.replace(/"[^"\n]*"|“[^”\n]*”/g, ' ');
  return t.match(/[A-Za-z]{2,}(?:[ ,;:'-]+[A-Za-z]{2,}){2,}/g) ?? [];
}
