// What a command may touch: its arguments, the three streams and the environment.
// Commands never call process.exit; main.ts turns their return value into the exit code.
import { commandLineWords, type CommandLineWords } from '../core/i18n/cli-words.ts';
import type { Language } from '../core/schema/options.ts';

/** Words for the person at the terminal: said in the run's language once it is known (cli/main.ts). */
export type Said = (words: CommandLineWords) => string;

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Milliseconds since the epoch; tests pass a fake clock to check progress lines. */
  clock?: () => number;
}

export interface Command {
  /** One line for `tierwise --help`. */
  summary: string | Said;
  /** The syntax, after "Usage: " (option names are read from the English one for "did you mean"). */
  usage: string | Said;
  /**
   * The run's language as the arguments give it (cli/run-language.ts), read only to say --help or a usage
   * error: those can come before, or instead of, the command's own reading of its options.
   * Absent: English (no option of the command names a language).
   */
  language?: (argv: readonly string[], cwd: string) => Promise<Language>;
  run(argv: string[], io: CliIo): Promise<number>;
}

/** An error the user can fix: printed as one line, exit code 2, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
  /** The sentence in any language; `message` is the English one (logs, tests). */
  readonly say: Said;
  /** A string: said as it is (already in the run's language, or English where none is known yet). */
  constructor(said: string | Said) {
    super(typeof said === 'string' ? said : said(commandLineWords('en')));
    this.say = typeof said === 'string' ? () => said : said;
  }
}

/** A command's summary or syntax, or any Said, in `words`' language. */
export const sayIn = (said: string | Said, words: CommandLineWords): string => (typeof said === 'string' ? said : said(words));

/** A file that cannot be read, used or written: printed as one sentence, exit code 1, nothing written. */
export class FileError extends Error {
  override name = 'FileError';
}
