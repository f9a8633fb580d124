// Is a churn probability a probability? Brier score and a reliability table: customers sorted by
// predicted chance of buying nothing, cut into ten equal groups, each group's mean prediction beside
// the share that then bought nothing. Pure arithmetic; the backtest prints it.
import { WORDS } from '../i18n/index.ts';

/** Mean squared difference between the predicted probability and what happened (1 = bought nothing). 0 is perfect; always predicting the base rate p scores p(1 − p). */
export function brierScore(predicted: readonly number[], happened: readonly boolean[]): number | null {
  if (predicted.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < predicted.length; i++) sum += ((predicted[i] as number) - (happened[i] ? 1 : 0)) ** 2;
  return sum / predicted.length;
}

export interface ReliabilityRow {
  /** 1 = the lowest predictions. */
  group: number;
  customers: number;
  predicted: number;
  observed: number;
}

/**
 * `groups` groups of (nearly) equal size by predicted probability; equal predictions are kept in
 * input order, so the table never depends on a sort's whims. Groups that would be empty are left out.
 */
export function reliabilityTable(predicted: readonly number[], happened: readonly boolean[], groups = 10): ReliabilityRow[] {
  const n = predicted.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (predicted[a] as number) - (predicted[b] as number) || a - b);
  const rows: ReliabilityRow[] = [];
  for (let g = 0; g < groups; g++) {
    const from = Math.floor((g * n) / groups);
    const to = Math.floor(((g + 1) * n) / groups);
    if (to <= from) continue;
    let p = 0;
    let o = 0;
    for (let k = from; k < to; k++) {
      const i = order[k] as number;
      p += predicted[i] as number;
      o += happened[i] ? 1 : 0;
    }
    rows.push({ group: g + 1, customers: to - from, predicted: p / (to - from), observed: o / (to - from) });
  }
  return rows;
}

/** Largest |predicted − observed| over the groups, weighted by nothing: the worst group's miss. */
export function worstMiss(rows: readonly ReliabilityRow[]): number {
  return rows.reduce((m, r) => Math.max(m, Math.abs(r.predicted - r.observed)), 0);
}

/**
 * The table as plain text with a bar per group: `#` up to the observed share, `|` at the predicted
 * one (width 40 = 100%). A calibrated model has each `|` at the end of its bar.
 */
export function reliabilityChart(rows: readonly ReliabilityRow[], width = 40, header: (width: number) => string = WORDS.en.backtest.reliabilityHeader): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
  const lines = [header(width)];
  for (const r of rows) {
    const bar = new Array<string>(width + 1).fill(' ');
    const observed = Math.round(r.observed * width);
    for (let k = 0; k < observed; k++) bar[k] = '#';
    bar[Math.min(width, Math.round(r.predicted * width))] = '|';
    lines.push(`${String(r.group).padStart(5)}  ${String(r.customers).padStart(9)}  ${pct(r.predicted).padStart(9)}  ${pct(r.observed).padStart(8)}  ${bar.join('').trimEnd()}`);
  }
  return lines.join('\n');
}
