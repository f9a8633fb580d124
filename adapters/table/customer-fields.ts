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

/**
 * The customer of one row, built from the fields of `table`. With `hasColumn`, a field the table has no
 * column for is null without asking the row (as the row would answer): a table fills a few of the fields.
 */
export function customerOfRowFor<C>(table: FieldTable, hasColumn?: (key: string) => boolean): (row: RowCells) => C {
  const keys = table.map((f) => f.key);
  const makers = table.map((f): Make => {
    if (f.kind !== 'id' && (f.synonyms.length === 0 || (hasColumn !== undefined && !hasColumn(f.key)))) return NOT_IN_TABLES;
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

const forColumns = new Map<string, (row: RowCells) => Customer>();

/**
 * customerOfRow for a table with the columns of `mapping`: 9 of the 24 fields in a typical table, so
 * 15 calls per row fewer (made once per set of columns, so pieces of one table share it).
 */
export function customerOfRowWith(mapping: Partial<Record<CustomerField, number>>): (row: RowCells) => Customer {
  const hasColumn = (key: string) => mapping[key as CustomerField] !== undefined;
  const columns = CUSTOMER_FIELD_TABLE.map((f) => (hasColumn(f.key) ? '1' : '0')).join('');
  let made = forColumns.get(columns);
  if (made === undefined) {
    made = customerOfRowFor<Customer>(CUSTOMER_FIELD_TABLE, hasColumn);
    forColumns.set(columns, made);
  }
  return made;
}
