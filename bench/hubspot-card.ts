// What one card view costs the backend for a portal of N contacts: GET /api/card scores the record among
// the portal's stored inputs (quantile RFM compares everyone), so its time grows with the portal.
// Measures storedInputs (read from SQLite) + scoreAmong, median of 5 views, for 10,000 and 100,000
// contacts, and a view once the portal's scores are kept (storedScore). Run: npx node bench/hubspot-card.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { configFromEnv } from '../hubspot-app/server/config.ts';
import { openStore } from '../hubspot-app/server/store/open.ts';
import { PortalSettingsSchema } from '../hubspot-app/ui/api-schema.ts';
import { scoreAmong, storedInputs, storedScore } from '../hubspot-app/server/record-scores.ts';

const DAY = 86_400_000;
for (const n of [10_000, 100_000]) {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-card-bench-'));
  const store = await openStore(configFromEnv({ HUBSPOT_CLIENT_ID: 'x', HUBSPOT_CLIENT_SECRET: 'bench-secret-123', TIERWISE_PUBLIC_URL: 'https://x.example', TIERWISE_ENCRYPTION_KEY: randomBytes(32).toString('base64'), TIERWISE_DATA_DIR: dir }));
  await store.db.transaction(async (tx) => {
    for (let i = 1; i <= n; i++) {
      const deals = 1 + (i % 12);
      const last = Date.UTC(2026, 10, 1) - ((i * 7919) % 600) * DAY;
      const properties = { num_associated_deals: String(deals), recent_deal_close_date: new Date(last).toISOString(), first_deal_created_date: new Date(last - ((i * 104729) % 700) * DAY).toISOString(), total_revenue: String(deals * (200 + (i % 2000))), notes_last_contacted: new Date(last + 3 * DAY).toISOString(), hubspot_owner_id: String(100 + (i % 4)) };
      await tx.run('INSERT INTO sync_records (portal_id, object, id, properties, written) VALUES (?, ?, ?, ?, NULL)', ['101', 'contacts', String(i), JSON.stringify(properties)]);
    }
  });
  const settings = PortalSettingsSchema.parse({});
  const times: number[] = [];
  for (let view = 0; view < 5; view++) {
    const started = performance.now();
    const inputs = await storedInputs(store, '101', 'contacts');
    const score = scoreAmong(inputs, { object: 'contacts', id: String(1 + view * 997) }, settings, 'en', '2026-11-01', true);
    times.push(performance.now() - started);
    if (score.state !== 'scored') throw new Error(`record not scored: ${JSON.stringify(score)}`);
  }
  times.sort((a, b) => a - b);
  const record = { object: 'contacts' as const, id: '7' };
  await storedScore(store, { portalId: '101', record, settings, language: 'en', asOf: '2026-11-01' });
  const kept: number[] = [];
  for (let view = 0; view < 5; view++) {
    const started = performance.now();
    await storedScore(store, { portalId: '101', record: { object: 'contacts', id: String(2 + view) }, settings, language: 'en', asOf: '2026-11-01' });
    kept.push(performance.now() - started);
  }
  kept.sort((a, b) => a - b);
  console.log(`${n.toLocaleString('en')} contacts: one card view ${Math.round(times[2] ?? 0)} ms (median of 5; min ${Math.round(times[0] ?? 0)}, max ${Math.round(times[4] ?? 0)}); with the portal's scores kept ${(kept[2] ?? 0).toFixed(1)} ms`);
  await store.db.close();
  rmSync(dir, { recursive: true, force: true });
}
