// Progress on stderr for large files: a line at least every 2 seconds while rows are read, scored and
// written, so a long run never looks hung. Quiet when stderr is not a terminal (pipes, CI, logs) or
// with --quiet. The clock is passed in so tests can check the rule without waiting.
import type { CliIo } from './io.ts';
import type { Language } from '../core/schema/options.ts';
import type { ProgressWords } from '../core/i18n/host-words.ts';
import { WORDS } from '../core/i18n/index.ts';

export class Progress {
  private last: number;
  private readonly enabled: boolean;
  private readonly io: CliIo;
  private readonly now: () => number;
  private readonly everyMs: number;

  constructor(io: CliIo, quiet: boolean, everyMs = 2000) {
    this.io = io;
    this.enabled = !quiet && io.stderr.isTTY === true;
    this.now = io.clock ?? Date.now;
    this.everyMs = everyMs;
    this.last = this.now();
  }

  /** Says `message()` now (a step begins: a long one says so before it starts), when progress is shown at all. */
  say(message: () => string): void {
    if (!this.enabled) return;
    this.last = this.now();
    this.io.stderr.write(`tierwise: ${message()}\n`);
  }

  /** Says `message()` when the last line is `everyMs` old; the message is only built when shown. */
  tick(message: () => string): void {
    if (!this.enabled) return;
    const now = this.now();
    if (now - this.last < this.everyMs) return;
    this.last = now;
    this.io.stderr.write(`tierwise: ${message()}\n`);
  }
}

export const count = (n: number): string => n.toLocaleString('en-US');

/**
 * The progress of a command that reads a file and then runs long steps (model fit, backtest): `onRows`
 * for the reading, `step` for a line as a step starts; `say` words them in the run's language with the
 * seconds since the command started.
 */
export function stepProgress(io: CliIo, quiet: boolean, language: Language): { onRows: (rows: number) => void; step: (line: (say: ProgressWords, seconds: string) => string) => void } {
  const progress = new Progress(io, quiet);
  const say = WORDS[language].progress;
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  return {
    onRows: (rows) => progress.tick(() => say.read(count(rows), seconds())),
    step: (line) => progress.say(() => line(say, seconds())),
  };
}
