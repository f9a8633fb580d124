// npx node bench/hubspot.ts [contacts]: the sync against the fake HubSpot with 100,000 contacts; the
// fake allows 110 requests per 10 s (a marketplace app's limit) and the sync's limiter sends at most
// 100 (its default margin). The token bucket and the fake's rate window share a simulated
// clock, so the "wall time" reported is what the rate limit would make it in real life; the real
// time this script takes is printed too.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeHubSpot, seedContacts } from '../test/hubspot/fake-hubspot.ts';
import { Transport } from '../adapters/hubspot/transport.ts';
import { openStateStore } from '../adapters/hubspot/state-store.ts';
import { sync } from '../adapters/hubspot/sync.ts';
import { DEFAULT_BURST_PER_10S, DEFAULT_SEARCH_PER_SECOND, simulatedClock } from '../adapters/hubspot/token-bucket.ts';

const contacts = Number(process.argv[2] ?? 100_000);
const clock = simulatedClock(Date.UTC(2026, 10, 1));
const fake = await startFakeHubSpot({ clock, burstPer10s: 110 });
seedContacts(fake, contacts);
const store = await openStateStore(join(mkdtempSync(join(tmpdir(), 'tierwise-bench-hs-')), 'state.sqlite'));
const options = { object: 'contacts' as const, version: '2026-09', asOf: '2026-11-01', language: 'en' as const, dryRun: false, createTasks: false, clock };
const transport = () => Transport.withToken('test-token', { basePath: fake.url, clock });

async function measure(label: string, asOf: string) {
  const t = transport();
  const simulatedStart = clock.now();
  const realStart = performance.now();
  const report = await sync(t, store, { ...options, asOf });
  const simulated = (clock.now() - simulatedStart) / 1000;
  const minimumRequests = Math.ceil(report.read / (report.mode === 'full' ? 100 : 200)) + Math.ceil(report.changed / 100);
  // Search has its own limit (and is exempt from the ten-secondly one): the two add up when sequential.
  const rateLimitSeconds = ((t.counters.requests - t.counters.searches) / DEFAULT_BURST_PER_10S) * 10 + t.counters.searches / DEFAULT_SEARCH_PER_SECOND;
  console.log(
    `| ${label} | ${report.read.toLocaleString('en-US')} | ${report.written.toLocaleString('en-US')} | ${report.failed.length} | ${t.counters.requests.toLocaleString('en-US')} (minimum ${minimumRequests.toLocaleString('en-US')} + setup) | ${t.counters.rateLimited} | ${simulated.toFixed(0)} s (rate limit allows ${rateLimitSeconds.toFixed(0)} s) | ${((performance.now() - realStart) / 1000).toFixed(1)} s |`,
  );
  return { report, requests: t.counters.requests };
}

console.log(`${contacts.toLocaleString('en-US')} contacts; the fake allows 110 requests per 10 s, the limiter sends ${DEFAULT_BURST_PER_10S}`);
console.log('| run | read | written | failed | requests | 429s | time under the rate limit (simulated) | real time of this script |');
console.log('|---|---|---|---|---|---|---|---|');
const full = await measure('first sync (full read)', '2026-11-01');
await measure('re-sync, nothing changed', '2026-11-01');
function modifyOnePercent(day: string) {
  const ids = [...fake.portal.contacts.keys()];
  for (let i = 0; i < ids.length; i += 100) {
    const record = fake.portal.contacts.get(ids[i] as string);
    if (record === undefined) continue;
    fake.edit('contacts', ids[i] as string, { num_associated_deals: String(Number(record.properties['num_associated_deals'] ?? 0) + 1), recent_deal_close_date: `${day}T12:00:00Z` });
  }
}
// The re-sync began within 30 s (the read overlap) of the first sync's last writes: the next day
// reads those again. The day after shows a daily run in steady state.
await clock.sleep(86_400_000);
modifyOnePercent('2026-11-01');
const daily = await measure('next day, 1% modified', '2026-11-02');
await clock.sleep(86_400_000);
modifyOnePercent('2026-11-02');
const steady = await measure('the day after, 1% modified', '2026-11-03');
console.log(`\nDaily runs used ${((daily.requests / full.requests) * 100).toFixed(1)}% and ${((steady.requests / full.requests) * 100).toFixed(1)}% of the first sync's requests.`);
await store.close();
await fake.close();
