// The reasons line users read: each driver with its points, biggest first, then the factors that
// could not be judged. It words the drivers it is given; it never changes them.
import type { Options } from '../schema/options.ts';
import type { ChurnRisk } from './risk.ts';
import type { ChurnPhrases } from './phrases.ts';
import { CHURN_PHRASES } from './phrases.ts';
import { factorsIn, NO_FACTORS } from './factor-set.ts';
import { saidOnce } from './sentence-memory.ts';
import { flat } from '../flat-string.ts';

/** "not judged for lack of data: NPS, contact" */
const notJudgedText = saidOnce((set, words: ChurnPhrases) => words.notJudged(factorsIn(set).map((factor) => words.factorName[factor])));
/** "; not judged for lack of data: NPS", as it follows the drivers. */
const notJudgedTail = saidOnce((set, words: ChurnPhrases) => words.join + notJudgedText(set, words));
/** "no warning signs; not judged for lack of data: NPS" */
const noWarningText = saidOnce((set, words: ChurnPhrases) => words.noWarning + words.join + notJudgedText(set, words));

/** " (+40)": a driver's points as the reasons line shows them, made once (a million lines share them). */
const POINTS = Array.from({ length: 101 }, (_, points) => ` (+${points})`);
const pointsText = (points: number) => POINTS[points] ?? ` (+${points})`;

/** Kept as one flat string: a million results would otherwise keep a rope of pieces each (flat-string.ts). */
export function reasonsText(risk: ChurnRisk, language: Options['language']): string {
  const words = CHURN_PHRASES[language];
  const { drivers, notJudged } = risk;
  if (drivers.length === 0) return notJudged === NO_FACTORS ? words.noWarning : noWarningText(notJudged, words);
  let text = '';
  for (let i = 0; i < drivers.length; i++) {
    const driver = drivers[i] as (typeof drivers)[number];
    text += (i === 0 ? '' : words.join) + driver.text + pointsText(driver.points);
  }
  if (notJudged !== NO_FACTORS) text += notJudgedTail(notJudged, words);
  return flat(text);
}
