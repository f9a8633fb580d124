// The portal's scores are computed once per version of its stored inputs: asked again with the same
// inputs and question, the backend answers from what it kept; a finished run, another record count,
// other settings or another language make it score again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { configFromEnv } from '../../hubspot-app/server/config.ts';
import { openStore } from '../../hubspot-app/server/store/open.ts';
import type { Store } from '../../hubspot-app/server/store/store.ts';
import { PortalSettingsSchema } from '../../hubspot-app/ui/api-schema.ts';
import { scoreAll, storedScore } from '../../hubspot-app/server/record-scores.ts';

let store: Store;
let dir: string;
const settings = PortalSettingsSchema.parse({});
const record = { object: 'contacts' as const, id: '2' };
const ask = (over: Partial<Parameters<typeof storedScore>[1]> = {}) => storedScore(store, { portalId: '101', record, settings, language: 'en', asOf: '2026-11-01', ...over });
const put = (id: string, revenue: string) => store.db.run('INSERT INTO sync_records (portal_id, object, id, properties, written) VALUES (?, ?, ?, ?, NULL) ON CONFLICT (portal_id, object, id) DO UPDATE SET properties = excluded.properties', ['101', 'contacts', id, JSON.stringify({ num_associated_deals: '3', total_revenue: revenue, recent_deal_close_date: '2026-09-01T00:00:00Z' })]);
async function runFinished() {
  const runId = randomUUID();
  await store.createRun({ runId, portalId: '101', kind: 'rescore-records', queuedAt: Date.now() });
  await store.startRun(runId, Date.now());
  await store.finishRun(runId, Date.now(), { report: {} });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-scores-'));
  store = await openStore(configFromEnv({ HUBSPOT_CLIENT_ID: 'x', HUBSPOT_CLIENT_SECRET: 'test-secret-123', TIERWISE_PUBLIC_URL: 'https://x.example', TIERWISE_ENCRYPTION_KEY: randomBytes(32).toString('base64'), TIERWISE_DATA_DIR: dir }));
  for (let i = 1; i <= 5; i++) await put(String(i), String(i * 100));
  await runFinished();
});
afterAll(async () => {
  await store.db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the kept scores of a portal', () => {
  it('answers the same question from what it kept', async () => {
    const first = await ask();
    expect(first.state).toBe('scored');
    expect(await ask()).toBe(first);
  });

  it('scores again after a run changed the stored inputs', async () => {
    const before = await ask();
    await put('2', '900000');
    await runFinished();
    const after = await ask();
    expect(after).not.toBe(before);
    if (after.state !== 'scored' || before.state !== 'scored') throw new Error('contact 2 should be scored');
    expect(after.result.m).toBeGreaterThan(before.result.m ?? 0);
  });

  it('scores again when a record is added or removed, and for other settings or another language', async () => {
    const kept = await ask();
    await put('6', '50');
    const added = await ask();
    expect(added).not.toBe(kept);
    expect(await ask({ language: 'zh-CN' })).not.toBe(added);
    const allD = PortalSettingsSchema.parse({ scoring: { segmentTiers: Object.fromEntries(['Champions', 'Loyal', 'Potential loyalist', 'New', 'Promising', 'Need attention', 'About to sleep', 'At risk', "Can't lose", 'Hibernating', 'Lost'].map((s) => [s, 'D'])) } });
    const other = await ask({ settings: allD });
    expect(other.state === 'scored' && other.result.tier).toBe('D');
  });
});

describe('a record the core cannot score', () => {
  it('says why on the card by the property the portal mapped, in the reader’s language', () => {
    const inputs = [
      { id: '1', properties: { num_associated_deals: '2', total_revenue: '100', last_order_date: '2026-08-01' } },
      { id: '2', properties: { num_associated_deals: '3', total_revenue: '300', last_order_date: '2026-12-01' } },
    ];
    const mapped = PortalSettingsSchema.parse({ mapping: { contacts: { lastPurchase: 'last_order_date' } } });
    const en = scoreAll(inputs, 'contacts', mapped, 'en', '2026-11-01');
    const one = en.get('1');
    expect(one?.state === 'scored' && one.result.error).toBeNull();
    const two = en.get('2');
    if (two?.state !== 'scored') throw new Error('contact 2 is read, then the core finds it unscorable');
    expect([two.result.error, two.result.reasons, two.result.tier]).toEqual(['Contact 2: property "last_order_date": 2026-12-01 is after the as-of date 2026-11-01', 'Contact 2: property "last_order_date": 2026-12-01 is after the as-of date 2026-11-01', null]);
    const zh = scoreAll(inputs, 'contacts', mapped, 'zh-CN', '2026-11-01').get('2');
    expect(zh?.state === 'scored' && zh.result.error).toBe('联系人 2：属性“last_order_date”：2026-12-01 晚于截至日期 2026-11-01');
  });
});
