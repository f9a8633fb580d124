// Sentences said once and shared by every result that says them: a million customers have a dozen
// different NPS sentences and a handful of "not judged" lines between them, and their results keep
// one copy of each instead of one each (bench/cases/core-score.md says what that saves).
import { flat } from '../flat-string.ts';

/**
 * The numbered sentences one scoring run has said, per factor (see `sentence` in risk.ts): made on
 * first use, then shared by the run's later customers. One per run, so nothing outlives the run.
 */
export class SentenceMemory {
  private readonly said: (string | undefined)[][];

  /** `counts[f]`: how many sentences factor f can say by number (0: none are remembered). */
  constructor(counts: readonly number[]) {
    this.said = counts.map((count) => new Array<string | undefined>(count).fill(undefined));
  }

  /** Sentence `index` of factor `factor`, when the run has said it. */
  recall(factor: number, index: number): string | undefined {
    return (this.said[factor] as (string | undefined)[])[index];
  }

  /** Keeps `text` as sentence `index` of factor `factor`, and hands back the copy kept. */
  remember(factor: number, index: number, text: string): string {
    return ((this.said[factor] as (string | undefined)[])[index] = flat(text));
  }
}

/**
 * `make(key, words)` made once per words object and key, for sentences keyed by a small number (a
 * FactorSet): the set of them is small and the same for every run, so they are kept for the process.
 */
export function saidOnce<Words extends object>(make: (key: number, words: Words) => string): (key: number, words: Words) => string {
  const said = new Map<Words, Map<number, string>>();
  return (key, words) => {
    let byKey = said.get(words);
    if (byKey === undefined) said.set(words, (byKey = new Map()));
    let text = byKey.get(key);
    if (text === undefined) byKey.set(key, (text = flat(make(key, words))));
    return text;
  };
}
