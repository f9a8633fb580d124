// `tierwise hubspot sync` as an admin runs it: the built command, HUBSPOT_ACCESS_TOKEN, and
// HUBSPOT_BASE_URL pointing the real client at the fake portal.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeHubSpot, seedContacts } from './fake-hubspot.ts';
import { ROOT } from '../cli/run-cli.ts';

function run(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'tierwise.js'), ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('tierwise hubspot sync', () => {
  it('dry-runs, then syncs, then finds nothing to change', async () => {
    const fake = await startFakeHubSpot();
    try {
      seedContacts(fake, 80);
      const state = join(mkdtempSync(join(tmpdir(), 'tierwise-hs-cli-')), 'state.sqlite');
      const env = { HUBSPOT_ACCESS_TOKEN: 'test-token', HUBSPOT_BASE_URL: fake.url };
      const dry = await run(['hubspot', 'sync', '--dry-run', '--as-of', '2026-11-01', '--state', state], env);
      expect(dry.status).toBe(0);
      expect(dry.stdout).toContain('Dry run (nothing written): contacts, full read');
      expect(fake.properties.contacts.size).toBe(0);
      const real = await run(['hubspot', 'sync', '--as-of', '2026-11-01', '--state', state], env);
      expect(real.status).toBe(0);
      expect(real.stdout).toMatch(/read 80, scored \d+, changed 80, written 80, failed 0/);
      const again = await run(['hubspot', 'sync', '--as-of', '2026-11-01', '--state', state], env);
      // It re-reads what the run before wrote (modified after that read began), and writes nothing.
      expect(again.stdout).toMatch(/incremental read\n {2}read 80, scored \d+, changed 0, written 0/);
      // The token is never written down: not in any output, not in the state.
      for (const text of [dry.stdout, dry.stderr, real.stdout, real.stderr, again.stdout, again.stderr, readFileSync(state, 'latin1')]) expect(text).not.toContain('test-token');
    } finally {
      await fake.close();
    }
  });

  it('lists each record whose values HubSpot would not send, and scores the rest', async () => {
    const fake = await startFakeHubSpot();
    try {
      seedContacts(fake, 40);
      fake.edit('contacts', '3', { num_associated_deals: '2', recent_deal_close_date: '2026-09-01T00:00:00Z', total_revenue: '1,234.50' });
      fake.edit('contacts', '4', { num_associated_deals: '2', recent_deal_close_date: '1788220800', total_revenue: '300' });
      const state = join(mkdtempSync(join(tmpdir(), 'tierwise-hs-cli-')), 'state.sqlite');
      const result = await run(['hubspot', 'sync', '--as-of', '2026-11-01', '--state', state], { HUBSPOT_ACCESS_TOKEN: 'test-token', HUBSPOT_BASE_URL: fake.url });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('  not scored, values HubSpot would not send (Tierwise reasons on each record say which): 2\n');
      expect(result.stdout).toContain('  #3: property "total_revenue" is "1,234.50", not a number as HubSpot sends it (expected e.g. 1234.50, no thousands separators)\n');
      expect(result.stdout).toContain('  #4: property "recent_deal_close_date" is "1788220800", not a date; this looks like seconds since 1970');
      expect(fake.portal.contacts.get('3')?.properties['tierwise_reasons']).toBe('Contact 3: property "total_revenue" is "1,234.50", not a number as HubSpot sends it (expected e.g. 1234.50, no thousands separators)');
    } finally {
      await fake.close();
    }
  });

  it('says what to set when the token is missing, and what HubSpot said when it refuses', async () => {
    const missing = await run(['hubspot', 'sync'], { HUBSPOT_ACCESS_TOKEN: '' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('set HUBSPOT_ACCESS_TOKEN');
    const fake = await startFakeHubSpot();
    try {
      const state = join(mkdtempSync(join(tmpdir(), 'tierwise-hs-cli-')), 'state.sqlite');
      const refused = await run(['hubspot', 'sync', '--state', state], { HUBSPOT_ACCESS_TOKEN: 'wrong', HUBSPOT_BASE_URL: fake.url });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/HubSpot answered 401 INVALID_AUTHENTICATION: Authentication credentials not found\. \(correlationId [0-9a-f-]+\)/);
    } finally {
      await fake.close();
    }
  });
});
