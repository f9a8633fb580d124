// What a command may touch: its arguments, the three streams and the environment.
// Commands never call process.exit; main.ts turns their return value into the exit code.

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
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
