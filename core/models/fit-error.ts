// Why a purchase-model fit is not possible on this data, as data: each language words it
// (core/i18n ModelNoteWords.fitFailure); the message is the English wording, for logs and tests.
import { WORDS } from '../i18n/index.ts';

export type FitFailure =
  | { kind: 'fewCustomers'; model: string; customers: number; repeaters: number }
  | { kind: 'diverged'; model: string }
  | { kind: 'fewSpenders'; usable: number }
  | { kind: 'spendUnusable'; q: number };

/** The data cannot support a model fit; `failure` says why, in numbers. */
export class ModelFitError extends Error {
  override name = 'ModelFitError';
  readonly failure: FitFailure;
  constructor(failure: FitFailure) {
    super(WORDS.en.models.fitFailure(failure));
    this.failure = failure;
  }
}
