// Writes the benchmark inputs (deterministic): a 1,000,000-customer table and a 10,000,000-order file.
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Order } from '../core/index.ts';
import { syntheticCustomers, syntheticOrderStream } from './synthetic.ts';

export const OUT = join(import.meta.dirname, 'out');

async function writeLines(path: string, header: string, count: number, line: (i: number) => string): Promise<void> {
  const stream = createWriteStream(path);
  stream.write(header + '\n');
  let chunk = '';
  for (let i = 0; i < count; i++) {
    chunk += line(i) + '\n';
    if (chunk.length > 1 << 20) {
      if (!stream.write(chunk)) await once(stream, 'drain');
      chunk = '';
    }
  }
  stream.write(chunk);
  stream.end();
  await once(stream, 'finish');
}

export async function customersFile(count: number): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, `customers-${count}.csv`);
  if (existsSync(path)) return path;
  const customers = syntheticCustomers(count);
  await writeLines(path, 'customer_id,region,first_purchase,last_purchase,orders,total_spend,nps,satisfaction,asked_competitor', count, (i) => {
    const c = customers[i]!;
    return [c.id, c.region, c.firstPurchase, c.lastPurchase, c.orders, c.totalSpend, c.nps ?? '', c.satisfaction ?? '', c.askedAboutCompetitor ? 'yes' : 'no'].join(',');
  });
  return path;
}

export async function ordersFile(count: number): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, `orders-${count}.csv`);
  if (existsSync(path)) return path;
  // Streamed: 100M orders (issue 16's largest case) as objects would not fit in a heap.
  const orders = syntheticOrderStream(count);
  await writeLines(path, 'customer_id,date,amount', count, () => {
    const o = orders.next().value as Order;
    return `${o.customerId},${o.date},${o.amount}`;
  });
  return path;
}
