// What a command may touch: its arguments, the three streams and the environment.
// Commands never call process.exit; main.ts turns their return value into the exit code.

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
  summary: string;
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

/** An error the user can fix: printed as one line, exit code 2, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A file that cannot be read, used or written: printed as one sentence, exit code 1, nothing written. */
export class FileError extends Error {
  override name = 'FileError';
}
