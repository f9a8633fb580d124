// Faults on the wire and in the portal, each on its own, against 2,000 contacts: the run under the
// fault, then a run without it, and the portal must end exactly as after one uninterrupted run. A
// record counts as written only when HubSpot's answer lists it; a run that cannot go on stops with
// one sentence and loses nothing.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { harness, tierwiseValues, type FakeHubSpot } from './harness.ts';
import type { WireFault } from './fake-hubspot.ts';
import type { SyncReport } from '../../adapters/hubspot/sync.ts';

const CONTACTS = 2_000;
const { setup, closeAll } = harness();
afterEach(closeAll);

let uninterrupted: Map<string, Record<string, string | null>>;
beforeAll(async () => {
  const once = harness();
  const s = await once.setup(CONTACTS);
  const report = await s.run();
  expect(report).toMatchObject({ stopped: null, written: CONTACTS - report.unreadable.length, failed: [] });
  uninterrupted = tierwiseValues(s.fake);
  await once.closeAll();
});

const writes = (r: { path: string }) => r.path.endsWith('/batch/update');
const oneLine = (report: SyncReport) => {
  expect(report.stopped?.message).toBeTruthy();
  expect(report.stopped?.message).not.toMatch(/\n|<\w|ZodError|\bat \w+ \(/);
};

/** Runs under `fault`, checks that run, lifts the fault, runs again, and compares with the uninterrupted portal. */
async function underFault(arrange: (fake: FakeHubSpot) => void, check: (first: SyncReport, fake: FakeHubSpot) => void, lift: (fake: FakeHubSpot) => void = () => undefined, timeoutMs?: number) {
  const s = await setup(CONTACTS, undefined, timeoutMs);
  arrange(s.fake);
  const first = await s.run();
  check(first, s.fake);
  s.fake.wire.length = 0;
  s.fake.faults = {};
  lift(s.fake);
  await s.reopen();
  const again = await s.run();
  expect(again.stopped).toBeNull();
  expect(again.failed).toEqual([]);
  expect(tierwiseValues(s.fake)).toEqual(uninterrupted);
  return { first, again };
}

const wire = (fake: FakeHubSpot, fault: WireFault) => fake.wire.push(fault);

describe('answers that are not HubSpot’s', () => {
  it('a proxy’s HTML login page with a 200, three times: retried, every record written once confirmed', async () => {
    await underFault(
      (fake) => wire(fake, { kind: 'html200', times: 3, when: writes }),
      (first) => expect(first).toMatchObject({ stopped: null, written: CONTACTS - first.unreadable.length, failed: [] }),
    );
  });

  it('a proxy’s HTML login page to every write: the run stops in one line, counting nothing written', async () => {
    await underFault(
      (fake) => wire(fake, { kind: 'html200', times: Infinity, when: writes }),
      (first, fake) => {
        expect(first).toMatchObject({ written: 0, stopped: { code: 'unexpected-answer', message: expect.stringContaining('an HTML page ("Sign in to continue - Example Corp web gateway")') } });
        oneLine(first);
        expect([...fake.portal.contacts.values()].every((r) => r.properties['tierwise_tier'] === undefined)).toBe(true);
      },
    );
  });

  it('`{}` with a 200 to every write: not a batch result, so nothing counts as written', async () => {
    await underFault(
      (fake) => wire(fake, { kind: 'empty200', times: Infinity, when: writes }),
      (first) => {
        expect(first).toMatchObject({ written: 0, stopped: { code: 'unexpected-answer' } });
        oneLine(first);
      },
    );
  });

  it('`{}` to a read: retried; persistent, one line and no ZodError', async () => {
    await underFault(
      (fake) => wire(fake, { kind: 'empty200', times: 2, when: (r) => r.method === 'GET' && r.path === '/crm/objects/2026-09/contacts' }),
      (first) => expect(first.stopped).toBeNull(),
    );
    await underFault(
      (fake) => wire(fake, { kind: 'empty200', times: Infinity, when: (r) => r.method === 'GET' && r.path === '/crm/objects/2026-09/contacts' }),
      (first) => {
        expect(first.stopped).toMatchObject({ code: 'unexpected-answer', message: expect.stringMatching(/^list contacts: HubSpot answered 200 with "\{\}", not the documented answer/) });
        oneLine(first);
      },
    );
  });

  it('a write HubSpot applied whose answer was lost to a proxy page: written again, the same values', async () => {
    await underFault(
      (fake) => wire(fake, { kind: 'writeThenHtml200', times: 2, when: writes }),
      (first) => expect(first).toMatchObject({ stopped: null, failed: [] }),
    );
  });
});

describe('the network', () => {
  it('connection resets: retried like a 5xx', async () => {
    await underFault(
      (fake) => {
        wire(fake, { kind: 'reset', times: 2, when: writes });
        wire(fake, { kind: 'reset', times: 2, when: (r) => r.method === 'GET' });
        wire(fake, { kind: 'reset', times: 1 });
      },
      (first) => expect(first).toMatchObject({ stopped: null, failed: [] }),
    );
  });

  it('a connection reset on every attempt: stops in one line saying HubSpot could not be reached', async () => {
    await underFault(
      (fake) => wire(fake, { kind: 'reset', times: Infinity, when: writes }),
      (first) => {
        expect(first).toMatchObject({ written: 0, stopped: { code: 'unreachable', message: expect.stringMatching(/^update contacts: HubSpot could not be reached \(.+\), 6 times;/) } });
        oneLine(first);
      },
    );
  });

  it('hung connections: aborted after the timeout and retried', async () => {
    await underFault(
      (fake) => wire(fake, { kind: 'hang', times: 2 }),
      (first) => expect(first).toMatchObject({ stopped: null, failed: [] }),
      undefined,
      1_000,
    );
  });

  it('a gateway’s HTML 502, three times: retried; on every attempt, one line quoting its title', async () => {
    await underFault(
      (fake) => wire(fake, { kind: 'html502', times: 3 }),
      (first) => expect(first.stopped).toBeNull(),
    );
    await underFault(
      (fake) => wire(fake, { kind: 'html502', times: Infinity, when: writes }),
      (first) => {
        expect(first.stopped).toEqual({ code: 'hubspot-error', message: expect.stringMatching(/^update contacts: HubSpot answered 502: an HTML page \("502 Bad Gateway"\), every attempt; try again later \(the sync resumes\)$/) });
        oneLine(first);
      },
    );
  });

  it('bursts of 429 TEN_SECONDLY_ROLLING: waited out, nothing fails', async () => {
    await underFault(
      (fake) => {
        wire(fake, { kind: 'rateLimit', times: 5, when: writes });
        wire(fake, { kind: 'rateLimit', times: 5 });
        fake.faults.rateLimitShare = 0.2;
      },
      (first) => expect(first).toMatchObject({ stopped: null, failed: [] }),
    );
  });
});

describe('the portal', () => {
  it('a record a validation rule rejects: reported, the others written; written once the rule is lifted', async () => {
    await underFault(
      (fake) => (fake.faults.validate = (id) => (id === '1234' ? 'Contacts need a phone number (portal validation rule)' : null)),
      (first) => expect(first).toMatchObject({ stopped: null, failed: [{ id: '1234', reason: 'VALIDATION_ERROR: Contacts need a phone number (portal validation rule)' }] }),
    );
  });

  it('tierwise_tier already in the tierwise group with other options: ours are added, every record written', async () => {
    await underFault(
      (fake) => {
        fake.groups.contacts.add('tierwise');
        fake.properties.contacts.set('tierwise_tier', { name: 'tierwise_tier', label: 'Tier', type: 'enumeration', fieldType: 'select', groupName: 'tierwise', options: [{ label: 'Platinum', value: 'platinum', hidden: false, displayOrder: 0 }] });
      },
      (first, fake) => {
        expect(first).toMatchObject({ stopped: null, failed: [] });
        expect(fake.requests.filter(writes).length).toBe(Math.ceil(first.changed / 100));
      },
    );
  });

  it('tierwise_tier as another type in another group: refused in one line, nothing written; synced once it is gone', async () => {
    await underFault(
      (fake) => fake.properties.contacts.set('tierwise_tier', { name: 'tierwise_tier', label: 'Our tier', type: 'string', fieldType: 'text', groupName: 'contactinformation' }),
      (first, fake) => {
        expect(first.stopped?.code).toBe('property-clash');
        oneLine(first);
        expect(fake.requests.filter((r) => r.method !== 'GET')).toEqual([]);
      },
      (fake) => fake.properties.contacts.delete('tierwise_tier'),
    );
  });
});
