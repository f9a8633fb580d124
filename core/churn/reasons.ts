// The reasons line users read: each driver with its points, biggest first, then the factors that
// could not be judged. It words the drivers it is given; it never changes them.
import type { Options } from '../schema/options.ts';
import type { ChurnRisk } from './risk.ts';
import type { ChurnPhrases } from './phrases.ts';
import { CHURN_PHRASES } from './phrases.ts';
import { factorsIn, NO_FACTORS, type FactorSet } from './factor-set.ts';
import { saidOnce } from './sentence-memory.ts';

/** "not judged for lack of data: NPS, contact" */
const notJudgedText = saidOnce((set, words: ChurnPhrases) => words.notJudged(factorsIn(set).map((factor) => words.factorName[factor])));
/** "; not judged for lack of data: NPS", as it follows the drivers. */
const notJudgedTail = saidOnce((set, words: ChurnPhrases) => words.join + notJudgedText(set, words));
/** "no warning signs; not judged for lack of data: NPS" */
const noWarningText = saidOnce((set, words: ChurnPhrases) => words.noWarning + words.join + notJudgedText(set, words));

/** " (+40)": a driver's points as the reasons line shows them, made once (a million lines share them). */
const POINTS = Array.from({ length: 101 }, (_, points) => ` (+${points})`);
const pointsText = (points: number) => POINTS[points] ?? ` (+${points})`;

/** What the line says of a driver: its words and its points. */
export interface WordedDriver {
  readonly text: string;
  readonly points: number;
}

/**
 * The line for the first `count` of `drivers` (biggest first) and the factors not judged, made as one
 * flat string by a join: built by `+=` it was a rope of ~20 pieces per line that V8 flattened only
 * when the line was first read, often long after, its pieces scattered over the heap by then (writing
 * 10M orders' rows: ~1.4 s in neutraliseFormula's first read; bench/cases/order-per-customer.md). A
 * million results would also keep a rope of pieces each (flat-string.ts).
 */
export function reasonsLine(drivers: readonly WordedDriver[], count: number, notJudged: FactorSet, words: ChurnPhrases): string {
  if (count === 0) return notJudged === NO_FACTORS ? words.noWarning : noWarningText(notJudged, words);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const driver = drivers[i] as WordedDriver;
    parts.push(i > 0 ? words.join : '', driver.text, pointsText(driver.points));
  }
  if (notJudged !== NO_FACTORS) parts.push(notJudgedTail(notJudged, words));
  return parts.join('');
}

/** How many characters a driver takes in a line reasonsLine made, the separator after it included. */
export const spanInLine = (text: string, points: number, words: ChurnPhrases): number => text.length + pointsText(points).length + words.join.length;

/** The reasons line of a decided risk. */
export function reasonsText(risk: Pick<ChurnRisk, 'drivers' | 'notJudged'>, language: Options['language']): string {
  return reasonsLine(risk.drivers, risk.drivers.length, risk.notJudged, CHURN_PHRASES[language]);
}
