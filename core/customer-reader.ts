// The readers of a customer field table (schema/fields.ts): a blank record, a fast check-and-parse,
// and a re-read of an input the fast check accepted. Built once per table from one reader per kind
// of field (field-readers.ts); no code per field. Where the host allows, they are compiled to
// straight-line code (compiled-reader.ts: ~5x faster than the loop below on a million customers).
import type { FieldTable } from './schema/fields.ts';
import { BLANK_FIELD, INVALID, READ_DAY, READ_FIELD, REREAD_FIELD, type FieldRead } from './field-readers.ts';
import { compileReader } from './compiled-reader.ts';

export interface CustomerReader<C, D = Record<string, number>> {
  /** A record with every field empty (the id ''), keys in table order. */
  blank(): C;
  /**
   * The parsed record, or undefined when any field is off (then the schema decides and explains).
   * When `into` is given the record is written into it (untouched on undefined); when `days` is
   * given, it receives the day numbers of the dates named in `days` of customerReaderOf (NaN: empty).
   */
  fast(input: unknown, into?: C, days?: D): C | undefined;
  /** The record again, from an input `fast` accepted, without checking again. */
  reread(input: unknown, into?: C): C;
}

/**
 * The parts every reader of a table is built from, in table order. A field with a day name is read
 * by READ_DAY (its day number, handed back under that name) and its value by its reread.
 */
export interface ReaderParts {
  keys: readonly string[];
  reads: readonly FieldRead[];
  rereads: readonly FieldRead[];
  blanks: readonly ('' | null)[];
  dayNames: readonly (string | null)[];
}

/** `days`: name → key of a date field whose day number the caller wants (the scorer: its purchase days). */
export function partsOf(table: FieldTable, days: Readonly<Record<string, string>> = {}): ReaderParts {
  const dayNames = table.map((f) => Object.keys(days).find((name) => days[name] === f.key) ?? null);
  for (const [name, key] of Object.entries(days)) {
    if (!table.some((f) => f.key === key && f.kind === 'date')) throw new Error(`days.${name}: "${key}" is not a date field of the table`);
  }
  return {
    keys: table.map((f) => f.key),
    reads: table.map((f, i) => (dayNames[i] === null ? READ_FIELD[f.kind] : READ_DAY)),
    rereads: table.map((f) => REREAD_FIELD[f.kind]),
    blanks: table.map((f) => BLANK_FIELD[f.kind]),
    dayNames,
  };
}

export interface ReaderChoices {
  /** false: the loop even where code generation is allowed (the tests check both against the schema). */
  compiled?: boolean;
  /** name → key of a date field whose day number `fast` hands back under that name. */
  days?: Readonly<Record<string, string>>;
}

/** The readers of `table` (C: the record type its schema parses to; D: the day numbers handed back). */
export function customerReaderOf<C, D = Record<string, number>>(table: FieldTable, { compiled = true, days = {} }: ReaderChoices = {}): CustomerReader<C, D> {
  const parts = partsOf(table, days);
  return (compiled ? compileReader<C, D>(parts) : null) ?? loopReader<C, D>(parts);
}

/** The readers as a loop over the fields: what compiled-reader.ts unrolls. */
function loopReader<C, D>({ keys, reads, rereads, blanks, dayNames }: ReaderParts): CustomerReader<C, D> {
  const blank = (): C => {
    const record: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) record[keys[i] as string] = blanks[i];
    return record as C;
  };
  return {
    blank,
    fast(input, into, days) {
      if (typeof input !== 'object' || input === null) return undefined;
      const r = input as Record<string, unknown>;
      const values = new Array<unknown>(keys.length);
      for (let i = 0; i < keys.length; i++) {
        const value = (reads[i] as FieldRead)(r[keys[i] as string]);
        if (value === INVALID) return undefined;
        values[i] = value;
      }
      const record = (into ?? blank()) as Record<string, unknown>;
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string;
        const dayName = dayNames[i] as string | null;
        if (dayName === null) record[key] = values[i];
        else {
          record[key] = (rereads[i] as FieldRead)(r[key]);
          if (days !== undefined) (days as Record<string, unknown>)[dayName] = values[i];
        }
      }
      return record as C;
    },
    reread(input, into = blank()) {
      const r = input as Record<string, unknown>;
      const record = into as Record<string, unknown>;
      for (let i = 0; i < keys.length; i++) record[keys[i] as string] = (rereads[i] as FieldRead)(r[keys[i] as string]);
      return into;
    },
  };
}
