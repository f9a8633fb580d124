// The compressed histories taken apart into their distinct x, t_x and T values (and the (x, t_x) and
// (x, T) pairs Pareto/NBD's integral depends on), so a likelihood evaluation computes each
// lnΓ(r + x), log(α + T), ₂F₁ … once per distinct value instead of once per row. Built once per
// data set (a fit evaluates the likelihood hundreds of times on the same rows).
import type { Compressed } from './history.ts';

export interface Distinct {
  rows: number;
  weights: Float64Array;
  /** Distinct repeat-purchase counts, and each row's index into them. */
  xs: Float64Array;
  xAt: Int32Array;
  txs: Float64Array;
  txAt: Int32Array;
  Ts: Float64Array;
  TAt: Int32Array;
  /** Distinct (x, t_x) pairs as (index into xs, t_x), and each row's pair. */
  xTxX: Int32Array;
  xTxTx: Float64Array;
  xTxAt: Int32Array;
  /** Distinct (x, T) pairs likewise. */
  xTX: Int32Array;
  xTT: Float64Array;
  xTAt: Int32Array;
}

function valueIndex(values: ArrayLike<number>): { distinct: Float64Array; at: Int32Array } {
  const seen = new Map<number, number>();
  const distinct: number[] = [];
  const at = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    let k = seen.get(v);
    if (k === undefined) {
      k = distinct.length;
      seen.set(v, k);
      distinct.push(v);
    }
    at[i] = k;
  }
  return { distinct: Float64Array.from(distinct), at };
}

function pairIndex(first: Int32Array, second: Float64Array): { first: Int32Array; second: Float64Array; at: Int32Array } {
  const seen = new Map<string, number>();
  const a: number[] = [];
  const b: number[] = [];
  const at = new Int32Array(first.length);
  for (let i = 0; i < first.length; i++) {
    const key = `${first[i]}|${second[i]}`;
    let k = seen.get(key);
    if (k === undefined) {
      k = a.length;
      seen.set(key, k);
      a.push(first[i] as number);
      b.push(second[i] as number);
    }
    at[i] = k;
  }
  return { first: Int32Array.from(a), second: Float64Array.from(b), at };
}

const built = new WeakMap<Compressed, Distinct>();

export function distinctOf(data: Compressed): Distinct {
  const cached = built.get(data);
  if (cached !== undefined) return cached;
  const n = data.rows.length;
  const x = valueIndex(data.rows.map((h) => h.x));
  const tx = valueIndex(data.rows.map((h) => h.tx));
  const T = valueIndex(data.rows.map((h) => h.T));
  const txPerRow = Float64Array.from(data.rows, (h) => h.tx);
  const TPerRow = Float64Array.from(data.rows, (h) => h.T);
  const xTx = pairIndex(x.at, txPerRow);
  const xT = pairIndex(x.at, TPerRow);
  const d: Distinct = {
    rows: n,
    weights: Float64Array.from(data.weights),
    xs: x.distinct,
    xAt: x.at,
    txs: tx.distinct,
    txAt: tx.at,
    Ts: T.distinct,
    TAt: T.at,
    xTxX: xTx.first,
    xTxTx: xTx.second,
    xTxAt: xTx.at,
    xTX: xT.first,
    xTT: xT.second,
    xTAt: xT.at,
  };
  built.set(data, d);
  return d;
}

/**
 * Work space for a likelihood evaluated on `d`: arrays of doubles of the `lengths` given, made on the
 * first evaluation and reused by the next hundreds (a fit's evaluations on the same rows made ~10
 * arrays each). One per `key` (a model): what it wrote is read before its next evaluation.
 */
export function workSpace(d: Distinct, key: string, lengths: readonly number[]): Float64Array[] {
  let spaces = work.get(d);
  if (spaces === undefined) work.set(d, (spaces = new Map()));
  let space = spaces.get(key);
  if (space === undefined) spaces.set(key, (space = lengths.map((n) => new Float64Array(n))));
  return space;
}
const work = new WeakMap<Distinct, Map<string, Float64Array[]>>();
