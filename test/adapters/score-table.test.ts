import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { scoreTable } from '../../adapters/table/score-table.ts';
import { parseDelimited } from '../../adapters/table/csv.ts';
import { TableError, type Cell } from '../../adapters/table/contract.ts';
import { MissingColumnsError } from '../../adapters/table/read-rows.ts';

const fixture = (name: string) => parseDelimited(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'tables', name), 'utf8'));
const asOf = '2026-11-01';

describe('a messy customer export', () => {
  const score = scoreTable(fixture('messy-customers.csv'), {}, { asOf });
  const byRow = new Map(score.rows.map((r) => [r.row, r]));

  it('finds the header below the title lines', () => {
    expect(score.headerRow).toBe(3);
    expect(score.mapping).toMatchObject({ id: 0, name: 1, lastPurchase: 2, firstPurchase: 3, orders: 4, totalSpend: 5, nps: 6, satisfaction: 7, region: 8 });
  });

  it('returns every data row exactly once, in order', () => {
    expect(score.rows.map((r) => r.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });

  it('scores good rows in every format: currency, decimal comma, Chinese dates, serials, parentheses', () => {
    for (const row of [4, 5, 8, 13, 14]) expect(byRow.get(row)?.result.error, `row ${row}`).toBeNull();
    expect(byRow.get(4)?.result.tier).toBe('A');
  });

  it('names the row, the column, the value and what was expected', () => {
    expect(byRow.get(6)?.result.error).toBe('Row 6, column "Last Order": "31/31/2026" is not a date (expected e.g. 2026-03-01)');
  });

  it('reports blank rows, repeated headers, duplicate ids, future dates and totals rows instead of dropping them', () => {
    expect(byRow.get(9)?.result.error).toBe('Row 9 is blank');
    expect(byRow.get(10)?.result.error).toBe('Row 10 repeats the header row');
    expect(byRow.get(11)?.result.error).toBe('Row 11, customer id "C-001" appears again (first on row 4)');
    expect(byRow.get(12)?.result.error).toBe('Row 12, column "Last Order": 2027-01-05 is after the as-of date 2026-11-01');
    expect(byRow.get(15)?.result.error).toContain('looks like a totals row');
  });

  it('calls a row with no purchase a prospect', () => {
    expect(byRow.get(7)?.result).toMatchObject({ lifecycle: 'prospect', error: null });
  });

  it('leaves bad rows out of the quantiles', () => {
    const clean = scoreTable(
      fixture('messy-customers.csv').filter((_, i) => ![5, 8, 9, 10, 11, 14].includes(i)),
      {},
      { asOf },
    );
    const good = (s: typeof score) => new Map(s.rows.filter((r) => r.result.error === null).map((r) => [r.id, r.result]));
    expect(good(clean)).toEqual(good(score));
  });
});

describe('table-level problems', () => {
  it('says which required column is missing and lists the headers seen', () => {
    expect(() => scoreTable([['Cust ID', 'Name', 'Total Spent'], ['1', 'a', '5']], {}, { asOf })).toThrow(
      new MissingColumnsError(['lastPurchase', 'orders'], 'could not find the column for last purchase date, number of orders. Headers seen: "Cust ID", "Name", "Total Spent". Map it with "columns" in the config, e.g. {"columns": {"lastPurchase": "Your header"}}'),
    );
  });

  it('refuses an empty table and one without a header', () => {
    expect(() => scoreTable([], {}, { asOf })).toThrow(/empty/);
    expect(() => scoreTable([['1', '2'], ['3', '4']], {}, { asOf })).toThrow(/no header row found/);
  });
});

describe('an order table', () => {
  const score = scoreTable(fixture('orders.csv'), { kind: 'orders' }, { asOf });

  it('gives one row per customer in order of first appearance, with bad order rows reported in place', () => {
    expect(score.rows.map((r) => [r.row, r.id, r.result.error === null])).toEqual([
      [2, 'A', true],
      [3, 'B', true],
      [6, 'C', true],
      [8, 'B', false],
      [11, 'D', true],
    ]);
    expect(score.rows[3]?.result.error).toBe('Row 8, column "Order Date": "not a date" is not a date (expected e.g. 2026-03-01) (order "1007" is left out)');
  });

  it('leaves orders after the as-of date out and says how many', () => {
    expect(score.warnings).toContain('1 order is dated after the as-of date 2026-11-01 and was left out of the scoring');
  });
});

describe('invariants', () => {
  const row = fc.tuple(
    fc.constantFrom('C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', ''),
    fc.constantFrom('2026-01-05', '3/4/2026', '2026年5月1日', 'garbage', '', '2027-01-01'),
    fc.constantFrom('1', '3', '12', 'x', ''),
    fc.constantFrom('$10', '1.234,50 €', '(5.00)', '', 'n/a'),
  );

  it('returns every input row exactly once, whatever is in it (blank lines at the very end are not rows)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 25 }), (rows) => {
        const cells: Cell[][] = [['Customer ID', 'Last Purchase', 'Orders', 'Total Spend'], ...rows];
        const score = scoreTable(cells, {}, { asOf });
        let last = rows.length;
        while (last > 0 && (rows[last - 1] ?? []).every((c) => c === '')) last--;
        expect(score.rows.map((r) => r.row)).toEqual(rows.slice(0, last).map((_, i) => i + 2));
      }),
    );
  });

  it('gives a customer the same result whatever the row order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r[0], maxLength: 8 }), fc.integer(), (rows, seed) => {
        const header = ['Customer ID', 'Last Purchase', 'Orders', 'Total Spend'];
        const shuffled = [...rows].sort((a, b) => ((a[0].charCodeAt(1) || 0) * seed) % 7 - ((b[0].charCodeAt(1) || 0) * seed) % 7);
        const results = (r: typeof rows) => new Map(scoreTable([header, ...r], { dateOrder: 'mdy' }, { asOf }).rows.filter((x) => x.id).map((x) => [x.id, x.result.error === null ? x.result : x.result.error?.replace(/Row \d+/, '')]));
        expect(results(shuffled)).toEqual(results(rows));
      }),
    );
  });
});

describe('the customers the table adapter produces', () => {
  it('are exactly what CustomerSchema would make of them, so the core may trust them', async () => {
    const { readCustomerTable } = await import('../../adapters/table/customer-table.ts');
    const { CustomerSchema } = await import('../../core/schema/customer.ts');
    const { TableConfigSchema } = await import('../../adapters/table/contract.ts');
    const cell = fc.oneof(fc.constantFrom('', ' ', '2026-01-05', '3/4/2026', '2026年5月1日', '45900', '$1,234.50', '(5)', '7', '11', 'yes', '否', 'x'), fc.integer({ min: -3, max: 50000 }), fc.date({ noInvalidDate: true }));
    const header = ['Customer ID', 'Last Purchase', 'First Purchase', 'Orders', 'Total Spend', 'NPS', 'CSAT', 'Last Contact', 'Asked about competitor', 'Renewal Date', 'Region'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 3 }), ...header.slice(1).map(() => cell)), { maxLength: 15 }), (rows) => {
        const table = readCustomerTable([header, ...rows], TableConfigSchema.parse({}), '2026-11-01');
        for (const r of table.rows) {
          if (r.customer === null) continue;
          expect(CustomerSchema.parse(r.customer)).toEqual(r.customer);
        }
      }),
    );
  });
});
