// The readers of a customer field table (schema/fields.ts): a blank record, a fast check-and-parse,
// and a re-read of an input the fast check accepted. Built once per table from one reader per kind
// of field (field-readers.ts); no code per field. Where the host allows, they are compiled to
// straight-line code (compiled-reader.ts: ~5x faster than the loop below on a million customers).
import type { FieldTable } from './schema/fields.ts';
import { BLANK_FIELD, INVALID, READ_FIELD, REREAD_FIELD, type FieldRead } from './field-readers.ts';
import { compileReader } from './compiled-reader.ts';

export interface CustomerReader<C> {
  /** A record with every field empty (the id ''), keys in table order. */
  blank(): C;
  /**
   * The parsed record, or undefined when any field is off (then the schema decides and explains).
   * When `into` is given the record is written into it (untouched on undefined).
   */
  fast(input: unknown, into?: C): C | undefined;
  /** The record again, from an input `fast` accepted, without checking again. */
  reread(input: unknown, into?: C): C;
}

/** The parts every reader of a table is built from, in table order. */
export interface ReaderParts {
  keys: readonly string[];
  reads: readonly FieldRead[];
  rereads: readonly FieldRead[];
  blanks: readonly ('' | null)[];
}

export function partsOf(table: FieldTable): ReaderParts {
  return {
    keys: table.map((f) => f.key),
    reads: table.map((f) => READ_FIELD[f.kind]),
    rereads: table.map((f) => REREAD_FIELD[f.kind]),
    blanks: table.map((f) => BLANK_FIELD[f.kind]),
  };
}

/**
 * The readers of `table` (C: the record type its schema parses to). `compiled: false` gives the loop
 * even where code generation is allowed (the tests check both against the schema).
 */
export function customerReaderOf<C>(table: FieldTable, { compiled = true } = {}): CustomerReader<C> {
  const parts = partsOf(table);
  return (compiled ? compileReader<C>(parts) : null) ?? loopReader<C>(parts);
}

/** The readers as a loop over the fields: what compiled-reader.ts unrolls. */
function loopReader<C>({ keys, reads, rereads, blanks }: ReaderParts): CustomerReader<C> {
  const blank = (): C => {
    const record: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) record[keys[i] as string] = blanks[i];
    return record as C;
  };
  return {
    blank,
    fast(input, into) {
      if (typeof input !== 'object' || input === null) return undefined;
      const r = input as Record<string, unknown>;
      const values = new Array<unknown>(keys.length);
      for (let i = 0; i < keys.length; i++) {
        const value = (reads[i] as FieldRead)(r[keys[i] as string]);
        if (value === INVALID) return undefined;
        values[i] = value;
      }
      const record = (into ?? blank()) as Record<string, unknown>;
      for (let i = 0; i < keys.length; i++) record[keys[i] as string] = values[i];
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
