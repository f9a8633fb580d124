// DESIGN.md "HubSpot" contract, from outside: the built `tierwise hubspot sync` with
// HUBSPOT_ACCESS_TOKEN and HUBSPOT_BASE_URL pointing the real client at the project's fake HubSpot.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeHubSpot, seedContacts } from '../hubspot/fake-hubspot.ts';
import { tierwiseAsync } from './outsider.ts';

const OWNED = ['tierwise_tier', 'tierwise_segment', 'tierwise_churn_risk', 'tierwise_churn_level', 'tierwise_lifecycle', 'tierwise_next_action', 'tierwise_reasons', 'tierwise_scored_at'];

describe('tierwise hubspot sync', () => {
  it('creates the tierwise group and properties, writes them on every contact, and nothing else', async () => {
    const fake = await startFakeHubSpot({ token: 'contract-token' });
    try {
      seedContacts(fake, 25);
      const before = new Map([...fake.portal.contacts].map(([id, r]) => [id, { ...r.properties }]));
      const state = join(mkdtempSync(join(tmpdir(), 'tierwise-contract-hs-')), 'state.sqlite');
      const env = { HUBSPOT_ACCESS_TOKEN: 'contract-token', HUBSPOT_BASE_URL: fake.url };
      const dry = await tierwiseAsync(['hubspot', 'sync', '--dry-run', '--as-of', '2026-11-01', '--state', state], env);
      expect(dry.status, dry.stderr).toBe(0);
      expect(fake.properties.contacts.size).toBe(0);
      expect(fake.requests.filter((r) => r.method !== 'GET' && !/\/search$/.test(r.path))).toEqual([]);
      const ran = await tierwiseAsync(['hubspot', 'sync', '--as-of', '2026-11-01', '--state', state], env);
      expect(ran.status, ran.stderr).toBe(0);
      expect([...fake.groups.contacts]).toContain('tierwise');
      for (const name of OWNED) expect(fake.properties.contacts.get(name)?.groupName, name).toBe('tierwise');
      expect([...fake.properties.contacts.keys()].filter((n) => n.startsWith('tierwise')).sort()).toEqual([...OWNED].sort());
      for (const [id, record] of fake.portal.contacts) {
        expect(record.properties['tierwise_reasons'], `contact ${id}`).toBeTruthy();
        if (Number(before.get(id)?.['num_associated_deals']) > 0) {
          expect(['A', 'B', 'C', 'D'], `contact ${id}`).toContain(record.properties['tierwise_tier']);
          expect(['low', 'medium', 'high'], `contact ${id}`).toContain(record.properties['tierwise_churn_level']);
          const risk = Number(record.properties['tierwise_churn_risk']);
          expect(risk >= 0 && risk <= 100, `contact ${id} risk ${String(risk)}`).toBe(true);
        } else expect(record.properties['tierwise_lifecycle'], `contact ${id} has no deal`).toBe('prospect');
        // Never writes properties it does not own.
        for (const [name, value] of Object.entries(before.get(id) ?? {})) if (!name.startsWith('tierwise_')) expect(record.properties[name], `${id}.${name}`).toBe(value);
      }
      // Writes in batches of up to 100: 25 contacts need one batch update.
      expect(fake.requests.filter((r) => r.method === 'POST' && /\/batch\/update$/.test(r.path)).length).toBe(1);
      expect(ran.stdout + ran.stderr).not.toContain('contract-token');
    } finally {
      await fake.close();
    }
  });

  it('stops with one line and writes nothing when the token is refused', async () => {
    const fake = await startFakeHubSpot();
    try {
      seedContacts(fake, 5);
      const state = join(mkdtempSync(join(tmpdir(), 'tierwise-contract-hs-')), 'state.sqlite');
      const ran = await tierwiseAsync(['hubspot', 'sync', '--as-of', '2026-11-01', '--state', state], { HUBSPOT_ACCESS_TOKEN: 'wrong-token', HUBSPOT_BASE_URL: fake.url });
      expect(ran.status).not.toBe(0);
      expect(ran.stderr.trim().split('\n')).toHaveLength(1);
      expect(fake.properties.contacts.size).toBe(0);
      for (const record of fake.portal.contacts.values()) expect(record.properties['tierwise_tier'] ?? null).toBeNull();
    } finally {
      await fake.close();
    }
  });
});
