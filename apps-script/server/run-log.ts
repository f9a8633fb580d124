// The run log: every daily re-score (and every Score press that wrote) with its time, sheet, rows,
// result and error, kept in document properties (last 10) and shown on the summary sheet; a failed
// daily run is shown to whoever opens the spreadsheet or the sidebar until a daily run succeeds.
import { z } from 'zod';

const KEY = 'tierwise.runLog';
/** 10 runs of at most ~700 bytes (a 200-character error in Chinese is 600 bytes): under the 9 KB a property may hold. */
const KEEP = 10;

export const RunSchema = z.object({
  /** ISO instant. */
  at: z.string(),
  sheet: z.string(),
  rows: z.number().int().nonnegative(),
  ok: z.boolean(),
  error: z.string(),
  trigger: z.boolean(),
});
export type Run = z.infer<typeof RunSchema>;

type Props = GoogleAppsScript.Properties.Properties;

export function readRuns(props: Props): Run[] {
  const text = props.getProperty(KEY);
  return text === null ? [] : z.array(RunSchema).parse(JSON.parse(text));
}

export function recordRun(props: Props, run: Run): Run[] {
  const runs = [run, ...readRuns(props)].slice(0, KEEP);
  // Long error texts are cut so the log stays under the 9 KB a property may hold.
  props.setProperty(KEY, JSON.stringify(runs.map((r) => ({ ...r, error: r.error.slice(0, 200) }))));
  return runs;
}

/** The latest daily run, when it failed: shown at every open until a daily run succeeds. */
export function lastFailure(props: Props): Run | null {
  const last = readRuns(props).find((r) => r.trigger);
  return last === undefined || last.ok ? null : last;
}

export function forgetRuns(props: Props): void {
  props.deleteProperty(KEY);
}
