// What the command line says about how it is used (cli/main.ts, cli/commands/*.ts): each command's
// one-line summary and syntax, and the mistakes in its arguments it reports; and `tierwise model fit`'s
// report. Option names (--threads), formats (YYYY-MM-DD), values to type and numbers stay as typed.
// Not part of ./words.ts's Words: only the command line says them, and the Apps Script bundle, which
// imports Words, is kept under 400 KB (test/apps-script/addon.test.ts).
import type { Language } from '../schema/options.ts';
import type { Words } from './words.ts';
import { WORDS } from './index.ts';
import { cliEn } from './cli-en.ts';
import { cliZhCN } from './cli-zh-CN.ts';

/** The commands that know the run's language (a --config file, or hubspot sync's --language). */
export type WordedCommand = 'score' | 'model fit' | 'backtest' | 'hubspot sync';

/** How the command line is used, and what it says when it is not used that way. */
export interface UsageWords {
  /** Before a command's syntax: "Usage: tierwise score …". */
  usage: (syntax: string) => string;
  /** `tierwise <command> --help`: a one-line summary, and the syntax (after `usage`). */
  commands: Record<WordedCommand, { summary: string; syntax: string }>;
  /** `option` as typed (clipped); `near`: a known option it may be a typo of. */
  unknownOption: (option: string, near: string | null) => string;
  unexpectedArgument: (argument: string) => string;
  /** `--out` given last, with no value. `option` as node:util names it, e.g. "--out <value>". */
  optionNeedsValue: (option: string) => string;
  /** `--json=yes`: a switch given a value. */
  optionTakesNoValue: (option: string) => string;
  /** `--out -x.csv`: a value that starts with a dash; `example` is the way to give it ("--out=-XYZ"). */
  optionValueLikeOption: (option: string, example: string) => string;
  /** A date option that is not YYYY-MM-DD (cli/table-options.ts dateOption); `value` clipped. */
  notADate: (option: string, value: string) => string;
  /** `score` without exactly one file. */
  oneFileToScore: string;
  /** `model fit` without exactly one file. */
  oneOrderFile: string;
  /** `backtest` without one file, or without --as-of. */
  oneOrderFileAndAsOf: string;
  /** `model fit` given both names of the calibration end, different. */
  asOfTwice: string;
  /** `model fit` on a file with no readable order; `firstProblem` in the same language, when known. */
  noOrderRead: (file: string, firstProblem: string | null) => string;
  notAChurnModel: (value: string) => string;
  notThreads: (value: string) => string;
  notAPeriod: (value: string) => string;
  /** hubspot sync's options. */
  hubspot: {
    noToken: string;
    object: (value: string) => string;
    asOf: (value: string) => string;
    burst: (value: string) => string;
    wait: (value: string) => string;
    timeoutMs: (value: string) => string;
    maxAttempts: (value: string) => string;
  };
}

/** `tierwise model fit`'s report (cli/commands/model-fit.ts). Numbers come formatted. */
export interface ModelFitWords {
  title: (customers: string, end: string, seconds: string) => string;
  /** Written after each model's parameters (which keep their symbols: r, alpha, a, b, …). */
  logLikelihood: string;
  dropoutTitle: (noDropoutLogLikelihood: string) => string;
  /** The model finds customers leaving: its likelihood-ratio against no dropout reaches `critical`. */
  leaving: (model: string, ratio: string, critical: number) => string;
  /** The model is at the no-dropout boundary: its P(alive) is not shown. */
  boundary: (model: string, ratio: string, critical: number) => string;
  /** Order rows that could not be read; `first`: the first one's problem. */
  badRows: (count: number, first: string | null) => string;
}

/** The command line's own words in one language. */
export interface CliWords {
  /** What `tierwise model fit` prints. */
  modelFit: ModelFitWords;
  /** The command line's syntax and the mistakes in its arguments. */
  usage: UsageWords;
}

export const CLI_WORDS: Record<Language, CliWords> = { en: cliEn, 'zh-CN': cliZhCN };

/** Everything the command line says, in one language: the shared words and its own. */
export type CommandLineWords = Words & CliWords;

export function commandLineWords(language: Language): CommandLineWords {
  return { ...WORDS[language], ...CLI_WORDS[language] };
}
