// A plain reader for the benchmark's own generated CSVs (no quoting, known columns); not timed.
// Repeated strings are interned, as a real loader would, so 10M orders fit in memory.
import { readFileSync } from 'node:fs';
import type { CustomerInput, Order } from '../../core/index.ts';

function lines(path: string): string[][] {
  const text = readFileSync(path, 'utf8');
  const rows: string[][] = [];
  let start = text.indexOf('\n') + 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) rows.push(text.slice(start, end).split(','));
    start = end + 1;
  }
  return rows;
}

export function readCustomers(path: string): CustomerInput[] {
  return lines(path).map((cells) => ({
    id: cells[0]!,
    region: cells[1]!,
    firstPurchase: cells[2]!,
    lastPurchase: cells[3]!,
    orders: Number(cells[4]),
    totalSpend: Number(cells[5]),
    nps: cells[6] === '' ? null : Number(cells[6]),
    satisfaction: cells[7] === '' ? null : Number(cells[7]),
    askedAboutCompetitor: cells[8] === 'yes',
  }));
}

export function readOrders(path: string): Order[] {
  const text = readFileSync(path, 'utf8');
  const intern = new Map<string, string>();
  const same = (s: string) => {
    let v = intern.get(s);
    if (v === undefined) intern.set(s, (v = s));
    return v;
  };
  const orders: Order[] = [];
  let start = text.indexOf('\n') + 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const a = text.indexOf(',', start);
    const b = text.indexOf(',', a + 1);
    if (a > 0 && b > a) {
      orders.push({
        customerId: same(text.slice(start, a)),
        date: same(text.slice(a + 1, b)),
        amount: Number(text.slice(b + 1, end)),
        name: null, email: null, region: null, owner: null,
      });
    }
    start = end + 1;
  }
  return orders;
}
