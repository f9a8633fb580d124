// What the order-history models say about themselves (core/churn/learned/choose.ts): which churn
// model was used and why, and how its levels were set. Numbers come raw; each language formats them.
import type { ChurnModelName } from '../churn/learned/choose.ts';
import type { TrainFailure } from '../churn/learned/train.ts';
import type { FitFailure } from '../models/fit-error.ts';

export interface ModelNoteWords {
  /** The history is too short to check any model: the hand-set weights are used. */
  tooShort: (historyDays: number) => string;
  /** The model that predicted best in the time-split check, with every candidate's Brier score. */
  chosen: (model: ChurnModelName, cut: string, horizon: number, brier: readonly { model: ChurnModelName; score: number }[]) => string;
  /** How the learned probability's levels were set (core/churn/levels.ts). */
  levels: (baseRatePercent: number, highAt: number, lowUpTo: number, horizon: number) => string;
  /** What the learned model's churn risk means, and what it learned from. */
  learnedMeaning: (horizon: number, examples: number, windows: readonly { cut: string; horizon: number }[], shortWindows: boolean) => string;
  /** The purchase models found nobody leaving: no P(alive). */
  noDropout: string;
  /** The same, with the test's figures (models/dropout.ts): the likelihood-ratio, formatted, below the critical value. */
  noDropoutTest: (likelihoodRatio: string, critical: number) => string;
  /** The learned model could not be trained: the hand-set weights are used (`reason` from the trainer). */
  fellBack: (reason: string) => string;
  /** Why the learned model could not be trained. */
  trainFailure: (failure: TrainFailure) => string;
  /** Why a purchase model could not be fitted (core/models/fit-error.ts). */
  fitFailure: (failure: FitFailure) => string;
  /** The backtest's BG/NBD comparison is left out, and why (`reason` from fitFailure). */
  comparisonLeftOut: (reason: string) => string;
}
