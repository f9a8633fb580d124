// A table's row reader built for its columns (customerOfRowWith) reads every row as the reader for all
// columns (customerOfRow) does: a field without a column is null, and its cells are never asked for.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { customerOfRow, customerOfRowWith, type RowCells } from '../../adapters/table/customer-fields.ts';
import { parseDate, Invalid, type Parsed } from '../../adapters/table/cells.ts';
import { CUSTOMER_FIELDS, type Cell, type CustomerField } from '../../adapters/table/contract.ts';

/** A row reader over `cells`, recording which fields were asked for and which did not read. */
function rowOf(cells: readonly Cell[], mapping: Partial<Record<CustomerField, number>>) {
  const asked: string[] = [];
  const problems: string[] = [];
  const cellOf = (field: CustomerField) => {
    asked.push(field);
    const column = mapping[field];
    return column === undefined ? undefined : cells[column];
  };
  const row: RowCells = {
    id: String(cells[0] ?? ''),
    text: (field) => {
      const cell = cellOf(field);
      return cell === undefined || cell === '' ? null : String(cell);
    },
    date: (field) => {
      const value = parseDate(cellOf(field), 'mdy');
      if (value instanceof Invalid) problems.push(field);
      return value instanceof Invalid ? null : value;
    },
    parse: <T>(field: CustomerField, parser: (cell: Cell) => Parsed<T>) => {
      const value = parser(cellOf(field));
      if (value instanceof Invalid) problems.push(field);
      return value instanceof Invalid ? null : value;
    },
  };
  return { row, asked, problems };
}

describe('customerOfRowWith', () => {
  it('reads each row as customerOfRow does, asking only for the fields the table has columns for', () => {
    const cell = fc.constantFrom<Cell>('', 'C7', '12', '1,204', '2026-10-01', '3/4/2026', 'yes', 'x', '$5.50', 9);
    fc.assert(
      fc.property(fc.subarray([...CUSTOMER_FIELDS]), fc.array(cell, { minLength: 30, maxLength: 30 }), (fields, cells) => {
        const mapping: Partial<Record<CustomerField, number>> = { id: 0 };
        fields.forEach((field, i) => (mapping[field] = i + 1));
        const all = rowOf(cells, mapping);
        const mapped = rowOf(cells, mapping);
        const customer = customerOfRowWith(mapping)(mapped.row);
        const expected = customerOfRow(all.row);
        expect(customer).toEqual(expected);
        expect(Object.keys(customer)).toEqual(Object.keys(expected));
        expect(mapped.problems).toEqual(all.problems);
        expect(mapped.asked.every((field) => mapping[field as CustomerField] !== undefined)).toBe(true);
        expect(new Set(mapped.asked)).toEqual(new Set(all.asked.filter((field) => mapping[field as CustomerField] !== undefined)));
      }),
      { numRuns: 300 },
    );
  });
});
