// Results would otherwise keep each driver's words twice: in the driver and in the reasons line.
// A driver whose words were made for its customer alone gets them back as a slice of the reasons
// line, which V8 keeps as a pointer and an offset; the run's shared sentences stay shared. Saves
// ~18 MB kept per million customers (bench/cases/core-score.md). Positions are counted from
// reasonsText's layout (words, points, join), not searched: searching would flatten each text.
import type { Options } from '../schema/options.ts';
import type { Driver } from '../schema/result.ts';
import type { ChurnRisk } from './risk.ts';
import { hasFactor, NO_FACTORS } from './factor-set.ts';
import { CHURN_PHRASES } from './phrases.ts';
import { pointsText } from './reasons.ts';

/** The drivers as a result keeps them: `risk.drivers` with the same words, cut from `reasons` where they are the customer's own. */
export function driversSharingLine(risk: ChurnRisk, reasons: string, language: Options['language']): Driver[] {
  const { drivers, ownTexts } = risk;
  if (ownTexts === NO_FACTORS) return drivers;
  const join = CHURN_PHRASES[language].join;
  const kept = new Array<Driver>(drivers.length);
  let at = 0;
  for (let i = 0; i < drivers.length; i++) {
    const { factor, points, text } = drivers[i] as Driver;
    const end = at + text.length;
    kept[i] = hasFactor(ownTexts, factor) ? { factor, points, text: reasons.slice(at, end) } : (drivers[i] as Driver);
    at = end + pointsText(points).length + join.length;
  }
  return kept;
}
