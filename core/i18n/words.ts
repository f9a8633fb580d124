// Every word Tierwise shows a person, in one interface: one file per language implements it
// (./en.ts, ./zh-CN.ts; zod's locales are the model). Adding a language is one file plus one line in ./index.ts.
import type { Labels } from '../labels.ts';
import type { ChurnPhrases } from '../churn/phrases.ts';
import type { LearnedPhrases } from '../churn/learned/phrases.ts';
import type { ProblemWords } from './problem-words.ts';
import type { ModelNoteWords } from './model-note-words.ts';
import type { BacktestWords } from './backtest-words.ts';
import type { FileWords, HubSpotWords, ProgressWords, ResultColumnKey, SheetsWords, SummaryWords, TableWords } from './host-words.ts';

export interface Words {
  /** The model's values as shown (tiers, segments, churn levels, lifecycle stages). */
  labels: Labels;
  /** The churn drivers of the rule-based model, with the customer's own numbers. */
  churn: ChurnPhrases;
  /** The drivers of the learned churn model. */
  learned: LearnedPhrases;
  /** What the order-history models say about the churn model they used. */
  models: ModelNoteWords;
  /** What keeps a record from being scored (core/problems.ts), by row and column or by property. */
  problems: ProblemWords;
  /** The headers of the result columns a table host writes. */
  resultColumns: Record<ResultColumnKey, string>;
  /** The table adapter's file-level notes. */
  table: TableWords;
  /** The command line's summary. */
  summary: SummaryWords;
  /** The command line's progress lines on a terminal. */
  progress: ProgressWords;
  /** Why a file cannot be used or written. */
  files: FileWords;
  /** What `tierwise backtest` prints. */
  backtest: BacktestWords;
  /** HubSpot property labels. */
  hubspot: HubSpotWords;
  /** The Sheets add-on's messages. */
  sheets: SheetsWords;
}
