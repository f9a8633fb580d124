// Plain order tables for the order-thread tests (cli/score/threads/order-pieces.ts): a customer id, an
// ISO date and a plain amount per row, deterministic, with what a piece must carry over to the main
// thread: customers first seen in a later piece, ids longer than the id index's slot, refunds
// (negative amounts, netted in row order), orders after the as-of date, and a head of rows that are
// read as cells (a quoted id, a bad date, a blank row) before the plain rows start.

export interface PlainOrdersTable {
  rows: number;
  crlf?: boolean;
  bom?: boolean;
  /** The last row ends without a line break. */
  noFinalBreak?: boolean;
  /** Head rows (rows 2 to 20) that the one-thread reader reads as cells: quoted, bad, blank. */
  messyHead?: boolean;
  /** Columns in another order, with a delimiter other than ','. */
  delimiter?: ',' | ';' | '\t';
}

/** Row `i` (0-based data row) of the table: deterministic, from a small linear congruential sequence. */
function dataRow(i: number): [string, string, string] {
  const x = (i * 7919 + 13) % 10007;
  // Customers come and go: some only in the first rows, some only late, a few with long ids.
  const customer = i < 50 ? `C${x % 40}` : x % 17 === 0 ? `customer-with-a-long-id-${x % 23}` : `C${(x % 300) + Math.floor(i / 400) * 50}`;
  const day = 1 + (x % 28);
  const month = 1 + ((x >> 3) % 12);
  const year = x % 41 === 0 ? 2027 : 2024 + (x % 3); // 2027: after the as-of date
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const cents = (x * 31) % 50000;
  const amount = x % 29 === 0 ? `-${Math.floor(cents / 100)}` : x % 3 === 0 ? String(Math.floor(cents / 100)) : (cents / 100).toFixed(2);
  return [customer, date, amount];
}

export function plainOrdersTable(t: PlainOrdersTable): string {
  const d = t.delimiter ?? ',';
  const lines = [['customer_id', 'order_date', 'amount'].join(d)];
  for (let i = 0; i < t.rows; i++) {
    const [customer, date, amount] = dataRow(i);
    if (t.messyHead === true && i === 3) lines.push(['"C1"', date, amount].join(d));
    else if (t.messyHead === true && i === 7) lines.push([customer, '31/31/2026', amount].join(d));
    else if (t.messyHead === true && i === 11) lines.push('');
    else lines.push([customer, date, amount].join(d));
  }
  const end = t.crlf === true ? '\r\n' : '\n';
  return (t.bom === true ? '\ufeff' : '') + lines.join(end) + (t.noFinalBreak === true ? '' : end);
}
