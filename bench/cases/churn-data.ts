// Order files of the churn bench cases: whitespace text, `id date(YYYYMMDD) … amount` per line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Order } from '../../core/schema/order.ts';

/** Reads bench/data/<file>; the amount is the last column, the date the first YYYYMMDD one. */
export function benchOrders(file: string): Order[] {
  const lines = readFileSync(join(import.meta.dirname, '..', 'data', file), 'utf8').trim().split('\n').slice(1);
  return lines.map((line, i) => {
    const parts = line.trim().split(/\s+/);
    const d = parts.find((p, k) => k > 0 && /^\d{8}$/.test(p));
    if (d === undefined || parts[0] === undefined) throw new Error(`${file} line ${i + 2}: expected "id YYYYMMDD … amount", got "${line}"`);
    return { customerId: parts[0], date: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`, amount: Number(parts[parts.length - 1]), name: null, email: null, region: null, owner: null };
  });
}
