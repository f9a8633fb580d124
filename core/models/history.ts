// Purchase histories for the BTYD models: x repeat purchase days, t_x last − first, T as-of − first,
// and the mean spend of the repeat days; identical (x, t_x, T) rows compressed with weights.

export interface History {
  /** Repeat purchases: distinct purchase days − 1. */
  x: number;
  /** Time from first to last purchase. */
  tx: number;
  /** Time from first purchase to the as-of date. */
  T: number;
}

/** Distinct (x, t_x, T) rows with how many customers share each (BTYD's bgnbd.compress.cbs). */
export interface Compressed {
  rows: History[];
  weights: number[];
  /** For each input history, the index of its row (−1 for a missing history). */
  indexOf: Int32Array;
}

export function compress(histories: readonly (History | null)[]): Compressed {
  const at = new Map<string, number>();
  const rows: History[] = [];
  const weights: number[] = [];
  const indexOf = new Int32Array(histories.length).fill(-1);
  histories.forEach((h, i) => {
    if (h === null) return;
    const key = `${h.x}|${h.tx}|${h.T}`;
    let k = at.get(key);
    if (k === undefined) {
      k = rows.length;
      at.set(key, k);
      rows.push(h);
      weights.push(0);
    }
    weights[k] = (weights[k] as number) + 1;
    indexOf[i] = k;
  });
  return { rows, weights, indexOf };
}
