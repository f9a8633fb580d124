// A command whose work stops short (a promise awaited for something that will never come: a bug) must
// not look like success. Node ends a process with nothing left to do whatever is still awaited, with
// exit code 0: for `tierwise score --out` that was a file never written and a zero exit.

/** The exit code then: sysexits' EX_SOFTWARE, an internal error. */
export const UNFINISHED_EXIT_CODE = 70;

/** Before the process ends, an error and UNFINISHED_EXIT_CODE if `run` has not settled by then. */
export function failIfUnfinished(run: Promise<unknown>, stderr: { write(text: string): unknown }, host: NodeJS.Process = process): void {
  let settled = false;
  const mark = () => {
    settled = true;
  };
  run.then(mark, mark);
  // 'beforeExit' comes when the event loop has nothing left to do (not on process.exit()).
  host.once('beforeExit', () => {
    if (settled) return;
    stderr.write('tierwise: the command stopped before it finished, and wrote nothing more (this is a bug in tierwise; please report it with the command)\n');
    host.exitCode = UNFINISHED_EXIT_CODE;
  });
}
