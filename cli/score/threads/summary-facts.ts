// What the summary reads of each result (core/summarize.ts SummaryFacts), as typed arrays a worker
// thread hands over without copying, and read back on the main thread in row order. The main thread
// then summarises the whole table in one go, so sums of money add up in the same order as on one thread.
import { SummaryTally, type Summary, type SummaryFacts } from '../../../core/summarize.ts';
import type { Language } from '../../../core/schema/options.ts';
import { TIERS } from '../../../core/tiers.ts';
import { SEGMENTS } from '../../../core/segments.ts';
import { CHURN_LEVELS } from '../../../core/churn/levels.ts';
import { LIFECYCLE_STAGES } from '../../../core/lifecycle-stages.ts';

/** The facts of a piece's rows: one entry per row in each array (numbers: 4 per row; region and owner: 2 per row). */
export interface FactColumns {
  count: number;
  /** Index into TIERS, SEGMENTS, CHURN_LEVELS, LIFECYCLE_STAGES; NONE for null. */
  tier: Uint8Array;
  segment: Uint8Array;
  churnLevel: Uint8Array;
  lifecycle: Uint8Array;
  /** totalSpend, orders, clv, pAlive; NaN for null (none of them is NaN in a result). */
  numbers: Float64Array;
  /** Region and owner as indexes into `texts`; -1 for null. */
  groups: Int32Array;
  texts: string[];
  /** 1 for a row that could not be scored; its reason is the next of `errors`. */
  failed: Uint8Array;
  errors: string[];
}

const NONE = 255;

const codeOf = <K extends string>(values: readonly K[], value: K | null) => (value === null ? NONE : values.indexOf(value));
const valueOf = <K extends string>(values: readonly K[], code: number): K | null => (code === NONE ? null : (values[code] as K));

export class FactsWriter {
  readonly #columns: FactColumns;
  readonly #textIndex = new Map<string, number>();
  #next = 0;

  constructor(rows: number) {
    this.#columns = {
      count: rows,
      tier: new Uint8Array(rows),
      segment: new Uint8Array(rows),
      churnLevel: new Uint8Array(rows),
      lifecycle: new Uint8Array(rows),
      numbers: new Float64Array(rows * 4),
      groups: new Int32Array(rows * 2),
      texts: [],
      failed: new Uint8Array(rows),
      errors: [],
    };
  }

  add(result: SummaryFacts): void {
    const c = this.#columns;
    const i = this.#next++;
    c.tier[i] = codeOf(TIERS, result.tier);
    c.segment[i] = codeOf(SEGMENTS, result.segment);
    c.churnLevel[i] = codeOf(CHURN_LEVELS, result.churnLevel);
    c.lifecycle[i] = codeOf(LIFECYCLE_STAGES, result.lifecycle);
    c.numbers[i * 4] = result.totalSpend ?? NaN;
    c.numbers[i * 4 + 1] = result.orders ?? NaN;
    c.numbers[i * 4 + 2] = result.clv ?? NaN;
    c.numbers[i * 4 + 3] = result.pAlive ?? NaN;
    c.groups[i * 2] = this.#text(result.region);
    c.groups[i * 2 + 1] = this.#text(result.owner);
    c.failed[i] = result.error === null ? 0 : 1;
    if (result.error !== null) c.errors.push(result.error);
  }

  #text(value: string | null): number {
    if (value === null) return -1;
    let index = this.#textIndex.get(value);
    if (index === undefined) {
      index = this.#columns.texts.length;
      this.#columns.texts.push(value);
      this.#textIndex.set(value, index);
    }
    return index;
  }

  /** The columns, once every row was added; `transfer` lists their buffers for postMessage. */
  finish(): { columns: FactColumns; transfer: ArrayBuffer[] } {
    const c = this.#columns;
    if (this.#next !== c.count) throw new Error(`summary facts: ${this.#next} rows added, ${c.count} expected`);
    return { columns: c, transfer: [c.tier, c.segment, c.churnLevel, c.lifecycle, c.numbers, c.groups, c.failed].map((a) => a.buffer as ArrayBuffer) };
  }
}

const orNull = (x: number) => (Number.isNaN(x) ? null : x);

/**
 * The summary of every row's facts, in row order, as summarize makes it: each row's facts are read
 * into one reused record and counted (SummaryTally keeps none), not made into a million records first.
 */
export function summarizeFacts(pieces: readonly FactColumns[], language: Language): Summary {
  const tally = new SummaryTally({ language });
  const facts: SummaryFacts = { error: null, lifecycle: null, tier: null, segment: null, churnLevel: null, totalSpend: null, orders: null, clv: null, pAlive: null, region: null, owner: null };
  for (const c of pieces) {
    let e = 0;
    for (let i = 0; i < c.count; i++) {
      const region = c.groups[i * 2] as number;
      const owner = c.groups[i * 2 + 1] as number;
      facts.error = c.failed[i] === 1 ? (c.errors[e++] as string) : null;
      facts.lifecycle = valueOf(LIFECYCLE_STAGES, c.lifecycle[i] as number);
      facts.tier = valueOf(TIERS, c.tier[i] as number);
      facts.segment = valueOf(SEGMENTS, c.segment[i] as number);
      facts.churnLevel = valueOf(CHURN_LEVELS, c.churnLevel[i] as number);
      facts.totalSpend = orNull(c.numbers[i * 4] as number);
      facts.orders = orNull(c.numbers[i * 4 + 1] as number);
      facts.clv = orNull(c.numbers[i * 4 + 2] as number);
      facts.pAlive = orNull(c.numbers[i * 4 + 3] as number);
      facts.region = region < 0 ? null : (c.texts[region] as string);
      facts.owner = owner < 0 ? null : (c.texts[owner] as string);
      tally.add(facts);
    }
  }
  return tally.summary();
}
