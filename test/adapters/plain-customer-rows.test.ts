// Plain customer rows read straight from the text (adapters/table/plain-customer-rows.ts) must give
// exactly what reading every row as cells gives (customer-table.ts), whatever the table mixes in:
// quotes, blanks around cells, other date and number forms, bad cells, empty cells, short rows,
// repeated ids and headers, totals lines, dates after the as-of date or out of order.
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import '../fast-check-seed.ts';
import { parseDelimitedOffsets } from '../../adapters/table/csv.ts';
import { TextRows } from '../../adapters/table/text-rows.ts';
import { customerLayout, eachCustomerRow, firstRowsInOrder, repeatableId, type CustomerRow, type RowContext } from '../../adapters/table/customer-table.ts';
import { CustomerColumns } from '../../adapters/table/customer-columns.ts';
import { isSolidEdge, PlainCustomerRows, PlainIds, readCustomersInto } from '../../adapters/table/plain-customer-rows.ts';
import { plainNumberAt } from '../../adapters/table/plain-number.ts';
import { AMBIGUOUS_DATE } from '../../adapters/table/cells.ts';
import { cellText } from '../../adapters/table/header-row.ts';
import { headerKeysOf, tableBody } from '../../adapters/table/read-rows.ts';
import { CUSTOMER_REQUIRED } from '../../adapters/table/headers.ts';
import { TableConfigSchema } from '../../adapters/table/contract.ts';
import { blankCustomer } from '../../core/customer-guard.ts';
import type { Customer } from '../../core/schema/customer.ts';

const asOf = '2026-11-01';

// Each kind of cell: mostly plain, sometimes what only the cell readers read (or refuse).
const cells = {
  id: [['C1', 'C2', 'c10', 'x', '0', 'C-1 b', 'ÉLISE', '中文客户', 'a"b'], ['C1 ', ' C2', '\u00a0C3', 'C4\u3000', 'TOTAL', 'Total', '合计', '', '   ', '"C,3"', '"C1"', 'name', 'Customer ID']],
  text: [['North', 'South', 'Nord-Ost', '华东', 'x'], ['', ' North', 'South ', '"North"', '"a ""b"""', '\tEast', 'Region', 'region']],
  date: [['2026-01-05', '2025-12-31', '2026-10-31', '2026-11-01', '2024-02-29', ''], ['2026-11-02', '2027-01-01', '2026-02-30', '3/1/2026', '01/03/2026', ' 2026-01-05', '20260105', '"2026-03-04"', '2026-1-5', 'soon', 'Last Purchase']],
  count: [['0', '1', '4', '12', '007', ''], ['3.0', '-0', '-2', '1.5', '1,200', ' 4', '"5"', 'four', '9007199254740993', 'Orders']],
  money: [['12', '12.50', '-3', '0', '-0', '007.10', '0.1', '786.36', '9007199254740993', '123456789012.345', ''], ['$5', '1,234.50', '12.', '.5', 'twelve', '12345678901234567.5', '"7,5"', ' 8', '1e3', '−4', '(3.00)', '1e400']],
  score: [['0', '7', '10', '9.5', ''], ['11', '-1', '7/10', ' 7', '"8"', 'great', '10.0001']],
  flag: [['yes', 'no', 'Yes', 'NO', 'y', 'n', 'true', 'FALSE', 't', 'f', '1', '0', 'x', 'oui', 'Nein', ''], ['maybe', ' yes', 'no ', '"yes"', '是', '否', 'X1', 'yess', 'ja!', '2']],
} satisfies Record<string, [plain: string[], other: string[]]>;
type CellKind = keyof typeof cells;
const mostly = (kind: CellKind) => fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...cells[kind][0]) }, { weight: 1, arbitrary: fc.constantFrom(...cells[kind][1]) });

// Tables of several shapes: the bench's columns, others in another order, a table without a flag or text column.
const shapes: { header: string[]; kinds: CellKind[] }[] = [
  {
    header: ['customer_id', 'region', 'first_purchase', 'last_purchase', 'orders', 'total_spend', 'nps', 'satisfaction', 'asked_competitor'],
    kinds: ['id', 'text', 'date', 'date', 'count', 'money', 'score', 'score', 'flag'],
  },
  { header: ['Last Purchase', 'Orders', 'Total Spend', 'Customer ID', 'Note'], kinds: ['date', 'count', 'money', 'id', 'text'] },
  {
    header: ['Customer ID', 'Name', 'Email', 'Last Purchase', 'Orders', 'Revenue', 'Last Contact', 'Renewal Date', 'CSAT'],
    kinds: ['id', 'text', 'text', 'date', 'count', 'money', 'date', 'date', 'score'],
  },
];
const lines = ['', ',,,', ' , ', 'Grand Total,,,', 'C1', '"unclosed,2026-01-05'];

type Entry = string | string[];
function tableText(shape: (typeof shapes)[number], entries: Entry[], d: string, lineEnd: string): string {
  const quote = (c: string) => (c.includes(d) && !c.startsWith('"') ? `"${c}"` : c);
  return [shape.header.join(d), ...entries.map((e) => (typeof e === 'string' ? e.replaceAll(',', d) : e.map(quote).join(d)))].join(lineEnd);
}

/** Every row read both ways: the customers (as the columns give them back) and the rows that are not customers. */
function readBothWays(text: string, delimiter: ',' | ';' | '\t', dateOrder: 'mdy' | 'dmy') {
  const parsed = parseDelimitedOffsets(text, delimiter);
  const rows = new TextRows(parsed, delimiter);
  const layout = customerLayout(rows, TableConfigSchema.parse({ kind: 'customers' }), 'en');
  const { range } = tableBody(rows, layout.headerIndex);
  const dateOrders = Object.fromEntries(Object.keys(layout.mapping).map((f) => [f, dateOrder]));
  const context: RowContext = { headerKeys: headerKeysOf(layout.headers, layout.mapping, CUSTOMER_REQUIRED), mapping: layout.mapping, dateOrders, asOf };

  const read = (plain: boolean) => {
    const columns = new CustomerColumns(layout.mapping, 4);
    const notCustomers: [number, CustomerRow][] = [];
    const count = readCustomersInto(rows, range, 0, context, firstRowsInOrder(), columns, (k, row) => notCustomers.push([k, row]), plain);
    const customers: Customer[] = [];
    for (let k = 0; k < columns.count; k++) customers.push({ ...columns.fill(k, blankCustomer()) });
    return { count, customers, notCustomers };
  };
  // The cell readers' own rows, as eachCustomerRow gives them.
  const general: CustomerRow[] = [];
  eachCustomerRow(rows, range, 0, context, firstRowsInOrder(), (row) => general.push(row));
  return { plain: read(true), cells: read(false), general, range, rows, context, mapping: layout.mapping };
}

describe('plain customer rows read from the text', () => {
  it('give the same customers and the same row problems as every row read as cells', () => {
    let plainRows = 0;
    let otherRows = 0;
    let idsAsCells = 0;
    const add = vi.spyOn(PlainCustomerRows.prototype, 'add');
    fc.assert(
      fc.property(
        fc.nat(shapes.length - 1),
        fc.array(fc.oneof({ weight: 14, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...lines) }), { minLength: 5, maxLength: 60 }),
        fc.array(fc.record({ id: mostly('id'), text: mostly('text'), date: mostly('date'), count: mostly('count'), money: mostly('money'), score: mostly('score'), flag: mostly('flag') }), { minLength: 60, maxLength: 60 }),
        fc.array(fc.nat(7), { minLength: 60, maxLength: 60 }),
        fc.constantFrom<',' | ';' | '\t'>(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.constantFrom<'mdy' | 'dmy'>('mdy', 'dmy'),
        (s, kinds, values, dates, delimiter, lineEnd, dateOrder) => {
          const shape = shapes[s] as (typeof shapes)[number];
          // The k-th date column of a row takes the k-th of a few dates, so first and last purchase differ.
          const entries: Entry[] = kinds.map((line, i) => {
            if (line !== null) return line;
            const v = values[i] as Record<CellKind, string>;
            let nthDate = 0;
            // Most plain ids are one customer's own; a few repeat.
            const [plainIds, plainDates] = [cells.id[0], cells.date[0]];
            const id = (dates[i] as number) > 0 && plainIds.includes(v.id) ? `${v.id}_${i}` : v.id;
            return shape.kinds.map((kind) => (kind === 'date' ? (nthDate++ === 0 ? v.date : (plainDates[(dates[i] as number) % plainDates.length] as string)) : kind === 'id' ? id : v[kind]));
          });
          const text = tableText(shape, entries, delimiter, lineEnd);
          const both = readBothWays(text, delimiter, dateOrder);
          const { plain, cells: asCells, general } = both;
          expect(plain).toEqual(asCells);
          // And both are what eachCustomerRow gives: the customers in order, the other rows at their index.
          expect(plain.customers).toEqual(general.filter((r) => r.customer !== null).map((r) => ({ ...r.customer })));
          expect(plain.notCustomers).toEqual(general.flatMap((r, k) => (r.customer === null ? [[k, r]] : [])));
          expect(plain.count).toBe(general.length);
          otherRows += plain.notCustomers.length;
          // The layout step's reading of each row: its id to check for repeats, and whether a date cell can show a day/month order.
          const { rows, context, range } = both;
          const ids = PlainIds.for(rows, context);
          expect(ids).not.toBeNull();
          for (let r = range[0]; r < range[1]; r++) {
            const id = ids?.idAt(r);
            if (id !== undefined) expect(id).toBe(repeatableId(rows, r, context));
            else idsAsCells++;
            for (let c = 0; c < shape.kinds.length; c++) {
              if (ids?.noDateOrder(r, c)) expect(AMBIGUOUS_DATE.test(cellText(rows.cell(r, c)))).toBe(false);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
    plainRows = add.mock.results.filter((r) => r.value === true).length;
    add.mockRestore();
    // Rows read from the text, and rows that are not customers, were met many times.
    expect(plainRows).toBeGreaterThan(1000);
    expect(otherRows).toBeGreaterThan(1000);
    expect(idsAsCells).toBeGreaterThan(100);
  });

  it('reads the rows of a plain table from the text, and leaves the others to the cell readers', () => {
    const text = [
      'customer_id,region,first_purchase,last_purchase,orders,total_spend,nps,satisfaction,asked_competitor',
      'C0,North,2025-10-25,2026-10-29,4,786.36,,7,no',
      'C1,South,2022-09-24,2023-01-09,3,323.95,4,2,YES',
      'C2,,,,,,,,',
      'C3,North,2025-10-25,2026-11-02,4,786.36,,7,no',
      'C0,North,2025-10-25,2026-10-29,4,786.36,,7,no',
      '"C4",North,2025-10-25,2026-10-29,4,786.36,,7,no',
      'CUSTOMER_ID,Region,First_Purchase,LAST_PURCHASE,Orders,Total_Spend,,,',
      'C5,North,2025-10-25,2026-10-29,0,786.36,,7,no',
    ].join('\n');
    const { rows, context, mapping, range, plain } = readBothWays(text, ',', 'mdy');
    const reader = PlainCustomerRows.for(rows, context, new CustomerColumns(mapping));
    expect(reader).not.toBeNull();
    const firstRowOf = firstRowsInOrder();
    const read = [];
    for (let r = range[0]; r < range[1]; r++) read.push(reader?.add(r, r + 1, firstRowOf));
    // C3 buys after the as-of date, C0 again is a repeat, "C4" is quoted, the header repeats, C5 has no orders.
    expect(read).toEqual([true, true, true, false, false, false, false, false]);
    expect(plain.customers.map((c) => c.id)).toEqual(['C0', 'C1', 'C2', 'C4']);
    expect(plain.customers[1]).toMatchObject({ region: 'South', firstPurchase: '2022-09-24', lastPurchase: '2023-01-09', orders: 3, totalSpend: 323.95, nps: 4, satisfaction: 2, askedAboutCompetitor: true });
    expect(plain.customers[2]).toMatchObject({ region: null, lastPurchase: null, orders: null, totalSpend: null, askedAboutCompetitor: null });
    expect(plain.notCustomers.map(([k, r]) => [k, r.problem?.kind])).toEqual([[3, 'cells'], [4, 'cells'], [6, 'headerAgain'], [7, 'cells']]);
  });

  it('reads no row from the text of a table whose columns were emptied, or that is a grid', () => {
    const text = 'customer_id,last_purchase,orders,total_spend\nC0,2026-10-29,4,786.36\n';
    const { rows, context, mapping } = readBothWays(text, ',', 'mdy');
    rows.clearColumns(1, { start: 3, end: 4 });
    expect(PlainCustomerRows.for(rows, context, new CustomerColumns(mapping))).toBeNull();
    expect(PlainCustomerRows.for([['customer_id', 'last_purchase', 'orders', 'total_spend'], ['C0', '2026-10-29', '4', '786.36']], context, new CustomerColumns(mapping))).toBeNull();
  });

  it('reads a plain number as Number() does, and nothing else', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.stringMatching(/^\d{1,20}$/), fc.option(fc.stringMatching(/^\d{1,20}$/)), (negative, whole, fraction) => {
        const text = `${negative ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`;
        expect(Object.is(plainNumberAt(`x${text}y`, 1, 1 + text.length), Number(text))).toBe(true);
      }),
    );
    for (const text of ['', '-', '1.', '.5', '1e3', '+1', '1,5', ' 1', '1 ', '−1', '0x10', 'Infinity']) expect(plainNumberAt(text, 0, text.length)).toBeNaN();
  });

  it('takes as solid edges only characters trim() keeps', () => {
    for (let c = 0; c < 0x10000; c++) if (isSolidEdge(c)) expect(String.fromCharCode(c).trim(), `U+${c.toString(16)}`).toBe(String.fromCharCode(c));
    expect(['a', '中', 'É', '"'].every((ch) => isSolidEdge(ch.charCodeAt(0)))).toBe(true);
  });
});
