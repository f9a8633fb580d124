// The bundled CDNOW sample (test/fixtures/cdnow/CDNOW_sample.txt: id, id, yyyymmdd, quantity, dollars
// per line, whitespace-separated) as orders, for the model suites.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Order } from '../../core/index.ts';

export function cdnowSample(): Order[] {
  return readFileSync(join(import.meta.dirname, '..', 'fixtures', 'cdnow', 'CDNOW_sample.txt'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [id, , d, , dollars] = line.trim().split(/\s+/) as [string, string, string, string, string];
      return { customerId: id, date: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`, amount: Number(dollars), name: null, email: null, region: null, owner: null };
    });
}
