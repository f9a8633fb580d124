// DESIGN.md "HubSpot" contract, from outside: the built `tierwise hubspot sync` with
// HUBSPOT_ACCESS_TOKEN and HUBSPOT_BASE_URL pointing the real client at the project's fake HubSpot.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeHubSpot, seedContacts } from '../hubspot/fake-hubspot.ts';
import { spawn } from 'node:child_process';
import { BIN, ROOT, tierwiseAsync } from './outsider.ts';

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
      // DESIGN's result vocabulary: the drop-downs offer exactly its values.
      const options = (name: string) => (fake.properties.contacts.get(name)?.options ?? []).map((o) => o.value).sort();
      expect(options('tierwise_tier')).toEqual(['A', 'B', 'C', 'D']);
      expect(options('tierwise_churn_level')).toEqual(['high', 'low', 'medium']);
      expect(options('tierwise_lifecycle')).toEqual(['active', 'churned', 'dormant', 'new', 'prospect']);
      expect(options('tierwise_segment')).toEqual(['About to sleep', 'At risk', 'Can\'t lose', 'Champions', 'Hibernating', 'Lost', 'Loyal', 'Need attention', 'New', 'Potential loyalist', 'Promising']);
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
      // Writes only records whose values changed: the same day again writes nothing.
      const seen = fake.requests.length;
      const again = await tierwiseAsync(['hubspot', 'sync', '--as-of', '2026-11-01', '--state', state], env);
      expect(again.status, again.stderr).toBe(0);
      expect(fake.requests.slice(seen).filter((r) => r.method === 'POST' && /batch\/update$/.test(r.path))).toEqual([]);
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

  it('writes 250 companies in batches of at most 100', async () => {
    const fake = await startFakeHubSpot();
    try {
      seedContacts(fake, 250);
      for (const [id, record] of fake.portal.contacts) fake.portal.companies.set(id, { updatedAt: record.updatedAt, properties: { name: `Company ${id}`, ...Object.fromEntries(Object.entries(record.properties).filter(([k]) => ['recent_deal_close_date', 'num_associated_deals', 'total_revenue', 'first_deal_created_date', 'notes_last_contacted', 'country', 'hubspot_owner_id'].includes(k))) } });
      fake.portal.contacts.clear();
      const state = join(mkdtempSync(join(tmpdir(), 'tierwise-contract-hs-')), 'state.sqlite');
      const ran = await tierwiseAsync(['hubspot', 'sync', '--object', 'companies', '--as-of', '2026-11-01', '--state', state], { HUBSPOT_ACCESS_TOKEN: 'test-token', HUBSPOT_BASE_URL: fake.url });
      expect(ran.status, ran.stderr).toBe(0);
      for (const name of OWNED) expect(fake.properties.companies.get(name)?.groupName, name).toBe('tierwise');
      const written = [...fake.portal.companies.values()].filter((r) => r.properties['tierwise_reasons']).length;
      expect(written).toBe(250);
      expect(fake.requests.filter((r) => r.method === 'POST' && /companies\/batch\/update$/.test(r.path) && r.status === 200)).toHaveLength(3);
    } finally {
      await fake.close();
    }
  });

  it('stops in one sentence, writing nothing, when a tierwise_ property of another type already exists', async () => {
    const fake = await startFakeHubSpot();
    try {
      seedContacts(fake, 10);
      fake.groups.contacts.add('contactinformation');
      fake.properties.contacts.set('tierwise_tier', { name: 'tierwise_tier', label: 'Tier (ours)', type: 'number', fieldType: 'number', groupName: 'contactinformation' });
      const state = join(mkdtempSync(join(tmpdir(), 'tierwise-contract-hs-')), 'state.sqlite');
      const ran = await tierwiseAsync(['hubspot', 'sync', '--as-of', '2026-11-01', '--state', state], { HUBSPOT_ACCESS_TOKEN: 'test-token', HUBSPOT_BASE_URL: fake.url });
      expect(ran.status).not.toBe(0);
      expect(ran.stderr.trim().split('\n')).toHaveLength(1);
      expect(ran.stderr).toContain('tierwise_tier');
      expect(fake.requests.filter((r) => r.method === 'POST' && /batch\/update$/.test(r.path))).toEqual([]);
      expect(fake.properties.contacts.get('tierwise_tier')?.type).toBe('number');
    } finally {
      await fake.close();
    }
  });

  it('honours 429 answers: the run retries and still writes every record once', async () => {
    const fake = await startFakeHubSpot();
    try {
      seedContacts(fake, 30);
      fake.wire.push({ kind: 'rateLimit', times: 1, when: (r) => r.method === 'POST' && /batch\/update$/.test(r.path) });
      const state = join(mkdtempSync(join(tmpdir(), 'tierwise-contract-hs-')), 'state.sqlite');
      const ran = await tierwiseAsync(['hubspot', 'sync', '--as-of', '2026-11-01', '--state', state], { HUBSPOT_ACCESS_TOKEN: 'test-token', HUBSPOT_BASE_URL: fake.url });
      expect(ran.status, ran.stderr).toBe(0);
      const updates = fake.requests.filter((r) => r.method === 'POST' && /batch\/update$/.test(r.path));
      expect(updates.map((r) => r.status)).toEqual([429, 200]);
      for (const record of fake.portal.contacts.values()) expect(record.properties['tierwise_reasons']).toBeTruthy();
    } finally {
      await fake.close();
    }
  });

  it('resumes after kill -9 in the middle of its writes and ends with every contact written', async () => {
    const fake = await startFakeHubSpot();
    try {
      seedContacts(fake, 250);
      const state = join(mkdtempSync(join(tmpdir(), 'tierwise-contract-hs-')), 'state.sqlite');
      const env = { ...process.env, HUBSPOT_ACCESS_TOKEN: 'test-token', HUBSPOT_BASE_URL: fake.url };
      const child = spawn(process.execPath, [BIN, 'hubspot', 'sync', '--as-of', '2026-11-01', '--state', state], { cwd: ROOT, env, stdio: 'ignore' });
      const killed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
      let updates = 0;
      // Killed as its second batch of writes arrives (the first is answered and written).
      fake.onRequest = (request) => { if (request.method === 'POST' && /batch\/update$/.test(request.path) && ++updates === 2) child.kill('SIGKILL'); };
      expect(await killed).toBe('SIGKILL');
      fake.onRequest = null;
      const writtenBefore = [...fake.portal.contacts.values()].filter((r) => r.properties['tierwise_reasons']).length;
      expect(writtenBefore).toBeLessThan(250);
      const again = await tierwiseAsync(['hubspot', 'sync', '--as-of', '2026-11-01', '--state', state], { HUBSPOT_ACCESS_TOKEN: 'test-token', HUBSPOT_BASE_URL: fake.url });
      expect(again.status, again.stderr).toBe(0);
      expect([...fake.portal.contacts.values()].filter((r) => !r.properties['tierwise_reasons'])).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});

