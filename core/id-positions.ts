// Where each of one list's ids sits in another list of ids. The lists a host hands in are nearly
// always in the same order (both by first appearance in the same file), so they are walked in step
// and an index of `ids` is built only when they part: a million ids cost no extra index then.
import { IdIndex } from './id-index.ts';

/** Finds names in `ids`, best when asked in the order of `ids` (each then costs one comparison). */
export class InStep {
  readonly #ids: readonly string[];
  #index: IdIndex | null = null;
  #next = 0; // where the walk in step expects the next name

  constructor(ids: readonly string[]) {
    this.#ids = ids;
  }

  /** The position of `name` in the ids, or −1 when it is not there. */
  find(name: string): number {
    const ids = this.#ids;
    if (ids[this.#next] === name) return this.#next++;
    if (this.#index === null) {
      this.#index = new IdIndex(ids.length);
      for (const id of ids) this.#index.positionOf(id);
    }
    // positionOf adds a name it does not know, after the ids: such a position means "not there".
    const p = this.#index.positionOf(name);
    if (p >= ids.length) return -1;
    this.#next = p + 1;
    return p;
  }
}

/** For names 0 … count − 1 (`nameOf`), the position of each in `ids` (unique), or −1 when it is not there. */
export function positionsIn(ids: readonly string[], count: number, nameOf: (i: number) => string): Int32Array {
  const at = new Int32Array(count);
  const inStep = new InStep(ids);
  for (let i = 0; i < count; i++) at[i] = inStep.find(nameOf(i));
  return at;
}
