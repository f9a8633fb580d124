// The exports people actually have (test/fixtures/exports, written by scripts/generate-export-fixtures.ts):
// every customer of each comes out exactly once, with the orders and spend the generator's own model
// says (refunded, voided, cancelled, failed and pending orders left out, refunds and cancellations netted).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTable } from '../../adapters/table/read-file.ts';
import { scoreTable } from '../../adapters/table/score-table.ts';
import { TableError, type TableScore } from '../../adapters/table/contract.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'exports');

interface Truth {
  source: string;
  file: string;
  kind: 'orders' | 'customers';
  asOf: string;
  customers: Record<string, { orders: number; totalSpend: number; scored: boolean }>;
  leftOut?: Record<string, number>;
  errorRows?: number[];
  skippedRows?: number;
}

const truths: Truth[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.truth.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Truth);

async function score(truth: Truth): Promise<TableScore> {
  const file = await readTable(join(DIR, truth.file));
  // Purchase models off: what is checked here is reading, not the BG/NBD fit (which alone takes seconds on some of these).
  return scoreTable(file.cells, { kind: truth.kind }, { asOf: truth.asOf, purchaseModel: 'off' });
}

describe('export fixtures', () => {
  it('cover every source the README lists', () => {
    expect(truths.map((t) => t.source).sort()).toEqual(
      [
        'Shopify orders export', 'Shopify customers export', 'WooCommerce orders export', 'Shopee order export', 'Lazada order export',
        '有赞 order export', '有赞 order export (GBK)', '微店 order export', 'Online retail invoice lines', 'generic order list', 'HubSpot contacts export',
        'Salesforce report export', 'Zoho CRM accounts export', '纷享销客 customer export', '有赞 customer export', '微店 customer export',
        'WooCommerce customers export',
      ].sort(),
    );
  });

  for (const truth of truths.filter((t) => Object.keys(t.customers).length > 0)) {
    describe(truth.source, () => {
      it('finds every customer exactly once, with the orders and spend of the model', async () => {
        const result = await score(truth);
        const seen = new Map<string, number>();
        for (const r of result.rows) if (r.id !== null && !(truth.errorRows ?? []).includes(r.row)) seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
        const expected = Object.keys(truth.customers);
        expect([...seen.keys()].sort()).toEqual([...expected].sort());
        for (const [id, count] of seen) expect(count, `customer ${id}`).toBe(1);
        for (const r of result.rows) {
          if (r.id === null || (truth.errorRows ?? []).includes(r.row)) continue;
          const want = truth.customers[r.id]!;
          if (want.scored) {
            expect(r.result.error, `customer ${r.id}`).toBeNull();
            expect(r.result.orders, `orders of ${r.id}`).toBe(want.orders);
            expect(r.result.totalSpend, `spend of ${r.id}`).toBeCloseTo(want.totalSpend, 2);
            expect(r.result.tier).not.toBeNull();
          } else if (truth.kind === 'orders') {
            // Only cancellations, returns or left-out orders: said so, not a prospect.
            expect(r.result.error, `customer ${r.id}`).toMatch(/not scored: only .*not a prospect/);
            expect(r.result.lifecycle).toBeNull();
          } else {
            expect(r.result.error, `customer ${r.id}`).toBeNull();
            expect(r.result.lifecycle).toBe('prospect');
          }
        }
      });

      it('reports exactly the rows that cannot be read, and nothing else as an error', async () => {
        const result = await score(truth);
        const errors = result.rows.filter((r) => r.result.error !== null && !/not scored: only/.test(r.result.error)).map((r) => r.row);
        expect(errors).toEqual(truth.errorRows ?? []);
      });

      if (truth.leftOut !== undefined && Object.keys(truth.leftOut).length > 0) {
        it('says how many orders were left out, and why', async () => {
          const result = await score(truth);
          const n = Object.values(truth.leftOut!).reduce((a, b) => a + b, 0);
          const note = result.warnings.find((w) => w.includes('left out as not purchases'));
          expect(note).toContain(`${n} order${n === 1 ? '' : 's'} left out as not purchases`);
          for (const [reason, count] of Object.entries(truth.leftOut!)) expect(note).toContain(`${count} ${reason}`);
        });
      }

      if (truth.skippedRows !== undefined) {
        it('skips the report header and footer lines without calling them rows with errors', async () => {
          const result = await score(truth);
          expect(result.rows.filter((r) => r.result.error !== null)).toEqual([]);
          expect(result.warnings.some((w) => /report's footer/.test(w) && w.includes('Grand Totals'))).toBe(true);
        });
      }
    });
  }

  it("refuses Shopify's customer export in one sentence naming the orders export", async () => {
    const file = await readTable(join(DIR, 'shopify-customers.csv'));
    expect(() => scoreTable(file.cells, { kind: 'customers' }, { asOf: '2026-11-01' })).toThrow(TableError);
    expect(() => scoreTable(file.cells, { kind: 'customers' }, { asOf: '2026-11-01' })).toThrow(/no purchase dates.*Export the orders instead/);
  });

  it('takes the order number, not Shopify\'s Id column, and the email as the customer', async () => {
    const result = await score(truths.find((t) => t.file === 'shopify-orders.csv')!);
    expect(result.headers[result.mapping.customerId!]).toBe('Email');
    expect(result.headers[(result.mapping as Record<string, number>).orderId!]).toBe('Name');
    expect(result.warnings).toContain('Read as a Shopify orders export');
  });

  it('reads an online-retail export as quantity × unit price, one order per invoice', async () => {
    const result = await score(truths.find((t) => t.file === 'online-retail.csv')!);
    expect(result.warnings).toContain('Order amounts are quantity × unit price (columns "Quantity" and "UnitPrice"), summed per order');
    expect(result.warnings.some((w) => /with a negative amount \(cancellations, returns\) netted/.test(w))).toBe(true);
  });

  it('marks a failed customer read as looking like orders only when it does', async () => {
    for (const truth of truths) {
      const file = await readTable(join(DIR, truth.file));
      let looksLikeOrders: boolean | null = null;
      try {
        scoreTable(file.cells, { kind: 'customers' }, { asOf: truth.asOf });
      } catch (error) {
        if (!(error instanceof TableError)) throw error;
        looksLikeOrders = error.looksLikeOrders;
      }
      // Order exports fail as customer tables and say they look like orders; customer exports either read or do not.
      expect(looksLikeOrders, truth.file).toBe(truth.kind === 'orders' ? true : truth.file === 'shopify-customers.csv' ? false : null);
    }
  });
});

describe('order tables in plain words', () => {
  const asOf = '2026-11-01';
  it('refuses a customer list with totals but no purchase date in one sentence saying to export orders', () => {
    expect(() => scoreTable([['Customer ID', 'Name', 'Total Orders', 'Total Spent'], ['a', 'Ana', '3', '120']], {}, { asOf })).toThrow(
      'this customer list has totals but no purchase date, so recency cannot be scored. Export the orders instead (one row per order, with its date and amount) and score that as an order table; or add a last purchase date column',
    );
  });

  it('reads a bare "Id" next to an email as the order, not the customer', () => {
    const score = scoreTable(
      [['Id', 'Email', 'Created at', 'Total'], ['5501', 'ana@example.com', '2026-01-02', '10'], ['5502', 'ana@example.com', '2026-02-02', '5'], ['5503', 'ben@example.com', '2026-02-03', '7']],
      { kind: 'orders' },
      { asOf },
    );
    expect(score.rows.map((r) => [r.id, r.result.orders])).toEqual([['ana@example.com', 2], ['ben@example.com', 1]]);
    expect(score.warnings).toContain('Column "Email" is read as the customer: a bare "Id" in an order export is the order\'s id');
    // A mapping in the config still wins.
    const mapped = scoreTable([['Id', 'Email', 'Created at', 'Total'], ['c1', 'ana@example.com', '2026-01-02', '10']], { kind: 'orders', columns: { customerId: 'Id' } }, { asOf });
    expect(mapped.rows.map((r) => r.id)).toEqual(['c1']);
  });

  it('reads a "Price" column without a quantity as the order amount', () => {
    const score = scoreTable([['Order ID', 'Customer', 'Date', 'Price'], ['1', 'a', '2026-01-02', '10.50'], ['2', 'a', '2026-02-02', '4.50']], { kind: 'orders' }, { asOf });
    expect(score.rows.map((r) => [r.id, r.result.orders, r.result.totalSpend])).toEqual([['a', 2, 15]]);
  });

  it('uses the email where the customer id is empty or a guest 0, one customer whatever the capitals', () => {
    const score = scoreTable(
      [['Order', 'Customer ID', 'Email', 'Date', 'Total'], ['1', '0', 'Ana@Example.com', '2026-01-02', '10'], ['2', '', 'ana@example.com', '2026-02-02', '5'], ['3', '77', 'ben@example.com', '2026-02-03', '7']],
      { kind: 'orders' },
      { asOf },
    );
    expect(score.rows.map((r) => [r.id, r.result.orders, r.result.totalSpend])).toEqual([['ana@example.com', 2, 15], ['77', 1, 7]]);
  });

  it('keeps a one-cell row above a report footer as a row (here a prospect), and the footer out', () => {
    const score = scoreTable(
      [['Customer ID', 'Last Purchase', 'Orders', 'Total Spend'], ['a', '2026-10-01', '2', '50'], ['b'], [], ['Grand Totals (2 records)', '', '2', '50'], ['Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.']],
      {},
      { asOf },
    );
    expect(score.rows.map((r) => [r.row, r.id, r.result.lifecycle])).toEqual([[2, 'a', 'active'], [3, 'b', 'prospect']]);
    expect(score.warnings[0]).toMatch(/^Rows 4-6 are the report's footer, not customers, and were skipped: "Grand Totals \(2 records\)", "Copyright/);
  });
});
