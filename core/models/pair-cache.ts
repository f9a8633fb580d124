// A pure function of two numbers, worked out once per distinct pair: an open-addressing table over
// typed arrays. The purchase models' forecasts spend their time in a ₂F₁ series that depends on
// (x, T) or (x, t_x) only, which a million customers share in a few thousand pairs; a Map keyed by a
// number or string per pair cost more than the sums it saved (10M orders: bench/cases/learned-sample.md).
// Pairs are equal when both numbers are ===, so 0 and −0 share an entry (the callers' formulas give
// them the same bits); a pair with a NaN is never kept, only computed.

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** 32 bits of a double (0 and −0 alike). */
function mix(h: number, v: number): number {
  bits[0] = v === 0 ? 0 : v;
  h = Math.imul(h ^ (words[0] as number), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ (words[1] as number), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class PairCache {
  private a = new Float64Array(32);
  private b = new Float64Array(32);
  private value = new Float64Array(32);
  private used = new Uint8Array(32);
  private count = 0;
  private readonly compute: (a: number, b: number) => number;

  /** `compute` must be pure: the cache returns its first answer for a pair ever after. */
  constructor(compute: (a: number, b: number) => number) {
    this.compute = compute;
  }

  /** Distinct pairs kept. */
  get size(): number {
    return this.count;
  }

  /** compute(a, b), from the table when the pair was seen before. */
  of(a: number, b: number): number {
    if (a !== a || b !== b) return this.compute(a, b);
    const mask = this.used.length - 1;
    let slot = (mix(mix(0x811c9dc5, a), b) >>> 0) & mask;
    while (this.used[slot] === 1) {
      if (this.a[slot] === a && this.b[slot] === b) return this.value[slot] as number;
      slot = (slot + 1) & mask;
    }
    const value = this.compute(a, b);
    this.used[slot] = 1;
    this.a[slot] = a;
    this.b[slot] = b;
    this.value[slot] = value;
    // At most half full: probes stay short.
    if (++this.count * 2 > this.used.length) this.grow();
    return value;
  }

  private grow(): void {
    const a = this.a;
    const b = this.b;
    const value = this.value;
    const used = this.used;
    const size = used.length * 2;
    this.a = new Float64Array(size);
    this.b = new Float64Array(size);
    this.value = new Float64Array(size);
    this.used = new Uint8Array(size);
    const mask = size - 1;
    for (let i = 0; i < used.length; i++) {
      if (used[i] !== 1) continue;
      let slot = (mix(mix(0x811c9dc5, a[i] as number), b[i] as number) >>> 0) & mask;
      while (this.used[slot] === 1) slot = (slot + 1) & mask;
      this.used[slot] = 1;
      this.a[slot] = a[i] as number;
      this.b[slot] = b[i] as number;
      this.value[slot] = value[i] as number;
    }
  }
}
