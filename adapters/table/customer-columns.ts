// A table's customers kept as columns between reading and scoring: numbers and dates (as day numbers)
// in typed arrays, text as strings (a column of few distinct values shares them). A million Customer
// records with their cells held ~450 MB of small objects from reading to writing, which the garbage
// collector kept copying and marking; the scorer reads each customer back into one reused record
// (core/pass-reader.ts) as it reads parsed customers anyway. Only the table's own columns are kept:
// a field the table has no column for is null in every customer, as the blank record holds it.
import type { Customer } from '../../core/schema/customer.ts';
import { CUSTOMER_FIELD_TABLE, type FieldKind } from '../../core/schema/fields.ts';
import type { CustomerChecks } from '../../core/pass-reader.ts';
import type { PurchaseDays } from '../../core/purchase-days.ts';
import { isoFromDayNumber, parseIsoDay } from '../../core/dates.ts';
import type { CustomerField } from './contract.ts';

/** How a field is kept: text (strings), a number (NaN: null), a date (its day number; NaN: null), a flag (-1 null, 0, 1). */
export type Store = 'text' | 'number' | 'date' | 'flag';
export const STORE: Record<FieldKind, Store> = { id: 'text', text: 'text', date: 'date', count: 'number', money: 'number', score: 'number', positive: 'number', flag: 'flag' };

/** Distinct values a text column shares before it keeps each row's own string (ids and names are all distinct). */
const SHARED_TEXTS = 4096;

export class CustomerColumns {
  readonly #textKeys: string[];
  readonly #numberKeys: string[];
  readonly #dateKeys: string[];
  readonly #flagKeys: string[];
  readonly #texts: (string | null)[][];
  /** Per text column, its values so far while they are few (null once there are more: then each row keeps its own). */
  readonly #shared: (Map<string, string> | null)[];
  #numbers: Float64Array[];
  #dates: Float64Array[];
  #flags: Int8Array[];
  #capacity: number;
  #count = 0;
  /** add and fill as straight-line code over the table's keys (compiled below), or null where code generation is refused. */
  readonly #compiled: { add: CompiledAdd; fill: CompiledFill } | null;
  /** Indexes into #dates of the first and last purchase dates (-1: no such column). */
  readonly #first: number;
  readonly #last: number;

  /** Columns for the fields of `mapping` (the table's columns; the id always); `compiled` false: the loops (tests check both). */
  constructor(mapping: Partial<Record<CustomerField, number>>, expected = 1024, compiled = true) {
    const kept = CUSTOMER_FIELD_TABLE.filter((f) => f.kind === 'id' || (f.synonyms.length > 0 && mapping[f.key as CustomerField] !== undefined));
    const keys = (store: Store) => kept.filter((f) => STORE[f.kind] === store).map((f) => f.key);
    this.#textKeys = keys('text');
    this.#numberKeys = keys('number');
    this.#dateKeys = keys('date');
    this.#flagKeys = keys('flag');
    this.#capacity = Math.max(16, expected);
    this.#texts = this.#textKeys.map(() => []);
    this.#shared = this.#textKeys.map(() => new Map());
    this.#numbers = this.#numberKeys.map(() => new Float64Array(this.#capacity));
    this.#dates = this.#dateKeys.map(() => new Float64Array(this.#capacity));
    this.#flags = this.#flagKeys.map(() => new Int8Array(this.#capacity));
    this.#first = this.#dateKeys.indexOf('firstPurchase');
    this.#last = this.#dateKeys.indexOf('lastPurchase');
    this.#compiled = compiled ? compileColumns(this.#textKeys, this.#numberKeys, this.#dateKeys, this.#flagKeys) : null;
  }

  get count(): number {
    return this.#count;
  }

  /** Keeps `customer` as the next one (its record can then be reused or dropped). */
  add(customer: Customer): void {
    const k = this.#count;
    if (k === this.#capacity) this.#grow();
    const compiled = this.#compiled;
    if (compiled !== null) {
      compiled.add(customer, k, this.#texts, this.#numbers, this.#dates, this.#flags, this.#sharer);
      this.#count = k + 1;
      return;
    }
    const c = customer as unknown as Record<string, unknown>;
    for (let j = 0; j < this.#textKeys.length; j++) {
      const value = c[this.#textKeys[j] as string] as string | null;
      (this.#texts[j] as (string | null)[])[k] = value === null ? null : this.#share(j, value);
    }
    for (let j = 0; j < this.#numberKeys.length; j++) (this.#numbers[j] as Float64Array)[k] = (c[this.#numberKeys[j] as string] as number | null) ?? NaN;
    for (let j = 0; j < this.#dateKeys.length; j++) {
      const value = c[this.#dateKeys[j] as string] as string | null;
      (this.#dates[j] as Float64Array)[k] = value === null ? NaN : parseIsoDay(value);
    }
    for (let j = 0; j < this.#flagKeys.length; j++) {
      const value = c[this.#flagKeys[j] as string] as boolean | null;
      (this.#flags[j] as Int8Array)[k] = value === null ? -1 : value ? 1 : 0;
    }
    this.#count = k + 1;
  }

  /** The fields kept, by how: the order addValues takes their values in. */
  keysOf(store: Store): readonly string[] {
    return store === 'text' ? this.#textKeys : store === 'number' ? this.#numberKeys : store === 'date' ? this.#dateKeys : this.#flagKeys;
  }

  /**
   * Keeps the next customer from its values in keysOf's order (a date as its day number, a flag as
   * -1/0/1, NaN for a null number or date): what add keeps of a customer with these values, without
   * the record (plain-customer-rows.ts reads rows straight from the text).
   */
  addValues(texts: readonly (string | null)[], numbers: Float64Array, dates: Float64Array, flags: Int8Array): void {
    const k = this.#count;
    if (k === this.#capacity) this.#grow();
    for (let j = 0; j < texts.length; j++) {
      const value = texts[j] as string | null;
      (this.#texts[j] as (string | null)[])[k] = value === null ? null : this.#share(j, value);
    }
    for (let j = 0; j < numbers.length; j++) (this.#numbers[j] as Float64Array)[k] = numbers[j] as number;
    for (let j = 0; j < dates.length; j++) (this.#dates[j] as Float64Array)[k] = dates[j] as number;
    for (let j = 0; j < flags.length; j++) (this.#flags[j] as Int8Array)[k] = flags[j] as number;
    this.#count = k + 1;
  }

  /** Customer k written into `into` (a record with every field, the table's others null), which it returns. */
  fill(k: number, into: Customer): Customer {
    if (this.#compiled !== null) return this.#compiled.fill(into, k, this.#texts, this.#numbers, this.#dates, this.#flags, isoFromDayNumber);
    const c = into as unknown as Record<string, unknown>;
    for (let j = 0; j < this.#textKeys.length; j++) c[this.#textKeys[j] as string] = (this.#texts[j] as (string | null)[])[k];
    for (let j = 0; j < this.#numberKeys.length; j++) {
      const value = (this.#numbers[j] as Float64Array)[k] as number;
      c[this.#numberKeys[j] as string] = Number.isNaN(value) ? null : value;
    }
    for (let j = 0; j < this.#dateKeys.length; j++) {
      const day = (this.#dates[j] as Float64Array)[k] as number;
      // Dates are kept as "YYYY-MM-DD" (customer-table.ts): the day number gives the same text back.
      c[this.#dateKeys[j] as string] = Number.isNaN(day) ? null : isoFromDayNumber(day);
    }
    for (let j = 0; j < this.#flagKeys.length; j++) {
      const value = (this.#flags[j] as Int8Array)[k] as number;
      c[this.#flagKeys[j] as string] = value < 0 ? null : value === 1;
    }
    return into;
  }

  /** Customer k's purchase days (NaN when unknown), as purchaseDaysOf reads them from its dates. */
  purchaseDays(k: number, days: PurchaseDays): void {
    days.first = this.#first < 0 ? NaN : ((this.#dates[this.#first] as Float64Array)[k] as number);
    days.last = this.#last < 0 ? NaN : ((this.#dates[this.#last] as Float64Array)[k] as number);
  }

  /** The scorer's checks for these customers: input k is customer k, parsed and schema-valid already (core/score.ts trusts parsed customers the same way). */
  checks(): CustomerChecks {
    return {
      fast: (input, days, into) => {
        this.purchaseDays(input as number, days);
        return this.fill(input as number, into);
      },
      slow: (input) => {
        throw new Error(`customer ${String(input)} of a table was handed to the schema check, but table customers are parsed already`);
      },
      reread: (input, into) => this.fill(input as number, into),
    };
  }

  readonly #sharer = (j: number, value: string): string => this.#share(j, value);

  /** The kept string for text column j's `value`: the one kept before while the column has few values. */
  #share(j: number, value: string): string {
    const shared = this.#shared[j];
    if (shared === null || shared === undefined) return value;
    const known = shared.get(value);
    if (known !== undefined) return known;
    if (shared.size < SHARED_TEXTS) shared.set(value, value);
    else this.#shared[j] = null;
    return value;
  }

  #grow(): void {
    this.#capacity *= 2;
    const size = this.#capacity;
    const grown = <T extends Float64Array | Int8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.#numbers = this.#numbers.map((a) => grown(a, (n) => new Float64Array(n)));
    this.#dates = this.#dates.map((a) => grown(a, (n) => new Float64Array(n)));
    this.#flags = this.#flags.map((a) => grown(a, (n) => new Int8Array(n)));
  }
}

type CompiledAdd = (c: Customer, k: number, texts: (string | null)[][], numbers: Float64Array[], dates: Float64Array[], flags: Int8Array[], share: (j: number, value: string) => string) => void;
type CompiledFill = (c: Customer, k: number, texts: (string | null)[][], numbers: Float64Array[], dates: Float64Array[], flags: Int8Array[], iso: (day: number) => string) => Customer;

/**
 * add and fill unrolled into one property access per field, as hand-written code would be: a loop
 * over the keys makes each access megamorphic (~1 s more on a million customers; core/compiled-reader.ts
 * does the same for the same reason). The source holds only the field table's keys, quoted by
 * JSON.stringify. Null where the host refuses code generation: the loops then do the same.
 */
function compileColumns(textKeys: readonly string[], numberKeys: readonly string[], dateKeys: readonly string[], flagKeys: readonly string[]): { add: CompiledAdd; fill: CompiledFill } | null {
  const at = (key: string) => `c[${JSON.stringify(key)}]`;
  const add = [
    ...textKeys.map((key, j) => `{ const v = ${at(key)}; T[${j}][k] = v === null ? null : share(${j}, v); }`),
    ...numberKeys.map((key, j) => `N[${j}][k] = ${at(key)} ?? NaN;`),
    ...dateKeys.map((key, j) => `{ const v = ${at(key)}; D[${j}][k] = v === null ? NaN : parseIsoDay(v); }`),
    ...flagKeys.map((key, j) => `{ const v = ${at(key)}; F[${j}][k] = v === null ? -1 : v ? 1 : 0; }`),
  ].join('\n');
  const fill = [
    ...textKeys.map((key, j) => `${at(key)} = T[${j}][k];`),
    ...numberKeys.map((key, j) => `{ const v = N[${j}][k]; ${at(key)} = v !== v ? null : v; }`),
    ...dateKeys.map((key, j) => `{ const v = D[${j}][k]; ${at(key)} = v !== v ? null : iso(v); }`),
    ...flagKeys.map((key, j) => `{ const v = F[${j}][k]; ${at(key)} = v < 0 ? null : v === 1; }`),
    'return c;',
  ].join('\n');
  const source = `'use strict';
return { add(c, k, T, N, D, F, share) { ${add} }, fill(c, k, T, N, D, F, iso) { ${fill} } };`;
  try {
    return new Function('parseIsoDay', source)(parseIsoDay) as { add: CompiledAdd; fill: CompiledFill };
  } catch (error) {
    if (error instanceof EvalError) return null;
    throw error;
  }
}
