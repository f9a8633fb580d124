// How a customer table row becomes a customer: each field of the field table (core/schema/fields.ts)
// read from its column by the cell parser of its kind; fields without header synonyms are null.
// Built once into one record literal (core/compiled-reader.ts), so every customer of a table shares
// one shape and the cells are read in table order (the order a row's problems are listed in).
import type { Customer } from '../../core/schema/customer.ts';
import { CUSTOMER_FIELD_TABLE, type FieldKind, type FieldTable } from '../../core/schema/fields.ts';
import { compileRecord } from '../../core/compiled-reader.ts';
import { parseCount, parseFlag, parseMoney, parseScore, type Parsed } from './cells.ts';
import type { Cell, CustomerField } from './contract.ts';

/** What reads one row's cells: the row's id (read first, on its own), text, dates, and parsed values. */
export interface RowCells {
  readonly id: string;
  text(field: CustomerField): string | null;
  date(field: CustomerField): string | null;
  parse<T>(field: CustomerField, parser: (cell: Cell) => Parsed<T>): T | null;
}

type Make = (row: RowCells) => unknown;

// No cell parser reads a positive number yet (the usual gap between purchases comes from order
// histories only): a table field of that kind needs one in cells.ts, and its words in core/i18n.
const MAKE: Record<Exclude<FieldKind, 'positive'>, (field: CustomerField) => Make> = {
  id: () => (row) => row.id,
  text: (field) => (row) => row.text(field),
  date: (field) => (row) => row.date(field),
  count: (field) => (row) => row.parse(field, parseCount),
  money: (field) => (row) => row.parse(field, parseMoney),
  score: (field) => (row) => row.parse(field, parseScore),
  flag: (field) => (row) => row.parse(field, parseFlag),
};

const NOT_IN_TABLES: Make = () => null;

/** The customer of one row, built from the fields of `table`. */
export function customerOfRowFor<C>(table: FieldTable): (row: RowCells) => C {
  const keys = table.map((f) => f.key);
  const makers = table.map((f): Make => {
    if (f.kind !== 'id' && f.synonyms.length === 0) return NOT_IN_TABLES;
    if (f.kind === 'positive') throw new Error(`field ${f.key}: customer tables cannot read a field of kind "positive" yet (no cell parser)`);
    return MAKE[f.kind](f.key as CustomerField);
  });
  return (
    compileRecord<RowCells, C>(keys, makers) ??
    ((row) => {
      const record: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) record[keys[i] as string] = (makers[i] as Make)(row);
      return record as C;
    })
  );
}

export const customerOfRow = customerOfRowFor<Customer>(CUSTOMER_FIELD_TABLE);
