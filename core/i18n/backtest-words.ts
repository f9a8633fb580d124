// What `tierwise backtest` prints (cli/commands/backtest.ts) and how it names the churn risks it
// compares (core/churn/learned/compare.ts). Numbers come formatted unless said otherwise.
import type { ChurnModelName } from '../churn/learned/choose.ts';
import type { ContenderKey } from '../churn/learned/compare.ts';

export interface BacktestWords {
  /** "Backtest: scored as of A with the orders up to then; compared with A .. B" */
  title: (asOf: string, until: string) => string;
  /** How many customers, and how many (and what share) bought nothing in the horizon. */
  outcome: (customers: string, churners: string, share: string) => string;
  /** What AUC and Brier say (the columns over the scores keep the measures' own names). */
  scoresIntro: string;
  /** Each churn risk compared, by key. */
  contender: Record<ContenderKey, string>;
  /** After a score that is missing: its note follows the table. */
  seeBelow: string;
  notAvailable: string;
  /** Which churn risk `score` would use here, and why (the model's own notes, joined). */
  wouldUse: (model: ChurnModelName, why: string) => string;
  reliabilityTitle: (model: ChurnModelName) => string;
  /** The columns over the reliability chart's rows; `width`: the bar's width in characters. */
  reliabilityHeader: (width: number) => string;
  largestMiss: (points: string) => string;
  tierColumns: string;
  /** The horizon after the as-of date holds no orders. */
  noOrdersAfter: (asOf: string) => string;
}
