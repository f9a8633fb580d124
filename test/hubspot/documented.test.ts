// The sync against HubSpot's documented behaviour, per object type, as the fake enforces it.
import { afterEach, describe, expect, it } from 'vitest';
import { harness, tierwiseValues, AS_OF, START } from './harness.ts';
import { syncPortal } from '../../adapters/hubspot/sync-portal.ts';
import { fixedToken } from '../../adapters/hubspot/token-provider.ts';
import { PropertyClashError } from '../../adapters/hubspot/properties.ts';
import { simulatedClock } from '../../adapters/hubspot/token-bucket.ts';

const { setup, closeAll, sync } = harness();
afterEach(closeAll);

const DAY = 86_400_000;
const seedCompanies = (fake: Awaited<ReturnType<typeof setup>>['fake'], n: number) => {
  for (let i = 1; i <= n; i++) fake.portal.companies.set(String(i), { updatedAt: START - DAY, properties: { name: `Co ${i}`, num_associated_deals: String(1 + (i % 5)), recent_deal_close_date: `2026-0${1 + (i % 9)}-15`, total_revenue: String(i * 1000) } });
};

describe('daily reads', () => {
  it('searches contacts on lastmodifieddate and companies on hs_lastmodifieddate, which the fake alone accepts per object', async () => {
    const s = await setup(0);
    const search = (object: string, propertyName: string) =>
      fetch(`${s.fake.url}/crm/objects/2026-09/${object}/search`, { method: 'POST', headers: { authorization: 'Bearer test-token', 'content-type': 'application/json' }, body: JSON.stringify({ filterGroups: [{ filters: [{ propertyName, operator: 'GTE', value: '0' }] }], limit: 10 }) }).then((r) => r.status);
    expect(await search('contacts', 'hs_lastmodifieddate')).toBe(400);
    expect(await search('contacts', 'lastmodifieddate')).toBe(200);
    expect(await search('companies', 'lastmodifieddate')).toBe(400);
    expect(await search('companies', 'hs_lastmodifieddate')).toBe(200);

    seedCompanies(s.fake, 40);
    for (let i = 1; i <= 40; i++) s.fake.portal.contacts.set(String(i), { updatedAt: START - DAY, properties: { firstname: `C${i}`, num_associated_deals: '2', recent_deal_close_date: '2026-05-01', total_revenue: '500' } });
    for (const object of ['contacts', 'companies'] as const) {
      expect(await s.run({ object })).toMatchObject({ stopped: null, mode: 'full', written: 40 });
      // The next run reads again what this one wrote (modified after its read began) and writes nothing.
      await s.clock.sleep(60_000);
      expect(await s.run({ object })).toMatchObject({ stopped: null, mode: 'incremental', read: 40, written: 0 });
      await s.clock.sleep(DAY);
      s.fake.edit(object, '3', { num_associated_deals: '30', recent_deal_close_date: '2026-10-30', total_revenue: '90000' });
      const daily = await s.run({ object, asOf: '2026-11-02' });
      expect(daily).toMatchObject({ stopped: null, mode: 'incremental', read: 1 });
      expect(s.fake.portal[object].get('3')?.properties['tierwise_tier']).toBe('A');
    }
  });

  it('writes nothing on a run right after a run, and the next day re-tiers exactly the contacts modified since', async () => {
    const s = await setup(400);
    await s.run();
    const updates = () => s.fake.requests.filter((r) => r.path.endsWith('/batch/update')).length;
    const before = updates();
    expect(await s.run()).toMatchObject({ stopped: null, mode: 'incremental', written: 0, failed: [] });
    expect(updates()).toBe(before);

    await s.clock.sleep(DAY);
    const edited = ['7', '77', '177', '277', '377'];
    for (const id of edited) s.fake.edit('contacts', id, { num_associated_deals: '40', recent_deal_close_date: '2026-11-01T10:00:00Z', total_revenue: '90000' });
    const daily = await s.run({ asOf: '2026-11-02' });
    expect(daily).toMatchObject({ stopped: null, mode: 'incremental', failed: [] });
    for (const id of edited) expect(s.fake.portal.contacts.get(id)?.properties['tierwise_tier']).toBe('A');
    // The same tiers as a first sync of the edited portal on that day.
    const twin = await setup(400, simulatedClock(START + DAY));
    for (const id of edited) twin.fake.edit('contacts', id, { num_associated_deals: '40', recent_deal_close_date: '2026-11-01T10:00:00Z', total_revenue: '90000' });
    await twin.run({ asOf: '2026-11-02' });
    const tiers = (values: Map<string, Record<string, string | null>>) => [...values].map(([id, v]) => [id, v['tierwise_tier'], v['tierwise_segment'], v['tierwise_lifecycle'], v['tierwise_churn_level']]);
    expect(tiers(tierwiseValues(s.fake))).toEqual(tiers(tierwiseValues(twin.fake)));
  });

  it('takes the start point when the read begins: a contact edited while the run writes is read by the next run', async () => {
    const s = await setup(300);
    s.fake.onRequest = ({ path }) => {
      if (path.endsWith('/batch/update') && s.fake.onRequest !== null) {
        s.fake.onRequest = null;
        s.fake.edit('contacts', '250', { num_associated_deals: '50', recent_deal_close_date: '2026-10-31T12:00:00Z', total_revenue: '120000' });
      }
    };
    await s.run();
    await s.clock.sleep(DAY);
    const next = await s.run({ asOf: '2026-11-02' });
    expect(next.stopped).toBeNull();
    expect(s.fake.portal.contacts.get('250')?.properties['tierwise_tier']).toBe('A');
  });

  it('takes the start point on HubSpot’s clock: a machine whose clock runs two minutes ahead still reads an edit made while it wrote', async () => {
    const s = await setup(300);
    const ahead = { now: () => s.clock.now() + 120_000, sleep: (ms: number) => s.clock.sleep(ms) };
    const run = (asOf: string) => syncPortal({ tokens: fixedToken('test-token'), store: s.store, basePath: s.fake.url, clock: ahead, random: () => 0.5 }, { asOf });
    s.fake.onRequest = ({ path }) => {
      if (path.endsWith('/batch/update') && s.fake.onRequest !== null) {
        s.fake.onRequest = null;
        s.fake.edit('contacts', '250', { num_associated_deals: '50', recent_deal_close_date: '2026-10-31T12:00:00Z', total_revenue: '120000' });
      }
    };
    expect((await run(AS_OF)).stopped).toBeNull();
    await s.clock.sleep(DAY);
    expect(await run('2026-11-02')).toMatchObject({ stopped: null, mode: 'incremental' });
    expect(s.fake.portal.contacts.get('250')?.properties['tierwise_tier']).toBe('A');
  });

  it('keeps its own start point when the answers are dated later than HubSpot’s records (a proxy dating them by its own clock)', async () => {
    const s = await setup(300);
    s.fake.dateSkewMs = 120_000;
    const run = (asOf: string) => s.run({ asOf });
    s.fake.onRequest = ({ path }) => {
      if (path.endsWith('/batch/update') && s.fake.onRequest !== null) {
        s.fake.onRequest = null;
        s.fake.edit('contacts', '250', { num_associated_deals: '50', recent_deal_close_date: '2026-10-31T12:00:00Z', total_revenue: '120000' });
      }
    };
    expect((await run(AS_OF)).stopped).toBeNull();
    await s.clock.sleep(DAY);
    expect(await run('2026-11-02')).toMatchObject({ stopped: null, mode: 'incremental' });
    expect(s.fake.portal.contacts.get('250')?.properties['tierwise_tier']).toBe('A');
  });

  it('records that the read finished: a run stopped while writing resumes at writing, without reading again', async () => {
    const s = await setup(600);
    const twin = await setup(600);
    await twin.run();
    let updates = 0;
    s.fake.onRequest = ({ path }) => {
      if (path.endsWith('/batch/update') && ++updates === 3) s.fake.faults.dailyExhausted = true;
    };
    const stopped = await s.run();
    expect(stopped.stopped?.code).toBe('daily-limit');
    s.fake.faults.dailyExhausted = false;
    s.fake.onRequest = null;
    await s.reopen();
    expect(await s.run({ dryRun: true })).toMatchObject({ stopped: null, dryRun: true, written: 0 });
    const reads = s.fake.requests.length;
    const resumed = await s.run();
    expect(resumed).toMatchObject({ stopped: null, resumed: true, mode: 'full', read: 0 });
    expect(s.fake.requests.slice(reads).filter((r) => r.method === 'GET' && r.path === '/crm/objects/2026-09/contacts').length).toBe(0);
    expect(s.fake.requests.slice(reads).filter((r) => r.path.endsWith('/search')).length).toBe(0);
    expect(tierwiseValues(s.fake)).toEqual(tierwiseValues(twin.fake));
  });

  it('with --full, compares with what HubSpot holds and rewrites values it lost', async () => {
    const s = await setup(200);
    await s.run();
    // Values gone from HubSpot without a modification date moving (a lost write, an import gone wrong).
    const lost = [...s.fake.portal.contacts].filter(([, r]) => r.properties['tierwise_tier']).map(([id]) => id).slice(0, 3);
    for (const id of lost) {
      const record = s.fake.portal.contacts.get(id);
      if (record) for (const key of Object.keys(record.properties)) if (key.startsWith('tierwise_')) record.properties[key] = null;
    }
    const full = await s.run({ full: true });
    expect(full).toMatchObject({ stopped: null, mode: 'full', read: 200, written: lost.length });
    for (const id of lost) expect(s.fake.portal.contacts.get(id)?.properties['tierwise_tier']).toBeTruthy();
  });
});

describe('follow-up tasks', () => {
  it('creates on the next run the tasks a run stopped before creating, once each', async () => {
    const s = await setup(300);
    const twin = await setup(300);
    await twin.run({ createTasks: true });
    expect(twin.fake.tasks.length).toBeGreaterThan(5);
    let tasks = 0;
    s.fake.onRequest = ({ path }) => {
      if (path === '/crm/objects/2026-09/tasks' && ++tasks === 4) s.fake.faults.dailyExhausted = true;
    };
    expect((await s.run({ createTasks: true })).stopped?.code).toBe('daily-limit');
    s.fake.faults.dailyExhausted = false;
    s.fake.onRequest = null;
    expect(await s.run({ createTasks: true })).toMatchObject({ stopped: null, changed: 0 });
    const associated = (fake: typeof s.fake) => fake.tasks.map((t) => JSON.stringify(t.associations)).sort();
    expect(associated(s.fake)).toEqual(associated(twin.fake));
    expect(await s.run({ createTasks: true })).toMatchObject({ stopped: null, tasksCreated: 0 });
  });
});

describe('follow-up tasks whose answer was lost', () => {
  const associated = (fake: Awaited<ReturnType<typeof setup>>['fake']) => fake.tasks.map((t) => JSON.stringify(t.associations)).sort();
  const isTask = (r: { method: string; path: string }) => r.method === 'POST' && r.path === '/crm/objects/2026-09/tasks';

  it('are not sent twice when HubSpot had created them: the next run finds them on the record', async () => {
    const s = await setup(300);
    const twin = await setup(300);
    await twin.run({ createTasks: true });
    s.fake.wire.push({ kind: 'writeThenHtml200', times: 1, when: isTask });
    const first = await s.run({ createTasks: true });
    expect(first.stopped).toBeNull();
    expect(first.failed).toEqual([{ id: expect.any(String), reason: expect.stringMatching(/^follow-up task: create follow-up task: HubSpot answered 200 with an HTML page .*; the next run checks whether HubSpot created it before sending it again$/) }]);
    expect(s.fake.tasks.length).toBe(twin.fake.tasks.length);
    const again = await s.run({ createTasks: true });
    expect(again).toMatchObject({ stopped: null, failed: [], tasksCreated: 0 });
    expect(associated(s.fake)).toEqual(associated(twin.fake));
  });

  it('are sent again when HubSpot had not seen them (connection reset)', async () => {
    const s = await setup(300);
    const twin = await setup(300);
    await twin.run({ createTasks: true });
    s.fake.wire.push({ kind: 'reset', times: 1, when: isTask });
    const first = await s.run({ createTasks: true });
    expect(first.failed).toHaveLength(1);
    expect(s.fake.tasks.length).toBe(twin.fake.tasks.length - 1);
    expect(await s.run({ createTasks: true })).toMatchObject({ stopped: null, failed: [], tasksCreated: 1 });
    expect(associated(s.fake)).toEqual(associated(twin.fake));
  });
});

describe('batch writes (2026-09: 200 or one error for the batch)', () => {
  it('bisects a batch refused for one record: a few requests, not one per record', async () => {
    const s = await setup(100);
    s.fake.faults.validate = (id) => (id === '61' ? 'Contacts in Germany need a consent date (portal validation rule)' : null);
    const report = await s.run();
    expect(report).toMatchObject({ stopped: null, written: 99, failed: [{ id: '61', reason: 'VALIDATION_ERROR: Contacts in Germany need a consent date (portal validation rule)' }] });
    expect(s.fake.requests.filter((r) => r.path.endsWith('/batch/update')).length).toBeLessThanOrEqual(15);
  });

  it('splits a batch refused with 404 for a record deleted meanwhile, and writes the rest', async () => {
    const s = await setup(150);
    s.fake.faults.missing = new Set(['120']);
    const report = await s.run();
    expect(report).toMatchObject({ stopped: null, written: 149, failed: [{ id: '120', reason: 'OBJECT_NOT_FOUND: Object not found: 120' }] });
  });
});

describe('properties', () => {
  it('creates enumeration options with hidden false and a displayOrder, as the 2026-09 option schema requires', async () => {
    const s = await setup(10);
    expect(await s.run()).toMatchObject({ stopped: null, written: 10 });
    const tier = s.fake.properties.contacts.get('tierwise_tier');
    expect(tier?.options?.map((o) => [o.value, o.hidden, o.displayOrder])).toEqual([['A', false, 0], ['B', false, 1], ['C', false, 2], ['D', false, 3]]);
  });

  it('adds the options an existing tierwise_tier of its group lacks, keeping the portal’s own', async () => {
    const s = await setup(300);
    s.fake.groups.contacts.add('tierwise');
    s.fake.properties.contacts.set('tierwise_tier', { name: 'tierwise_tier', label: 'Tier', type: 'enumeration', fieldType: 'select', groupName: 'tierwise', options: [{ label: 'Gold', value: 'gold', hidden: false, displayOrder: 0 }, { label: 'A', value: 'A', hidden: true, displayOrder: 1 }] });
    const report = await s.run();
    expect(report).toMatchObject({ stopped: null, written: 300, failed: [] });
    expect(s.fake.properties.contacts.get('tierwise_tier')?.options?.map((o) => `${o.value}${o.hidden ? ' (hidden)' : ''}`)).toEqual(['gold', 'A', 'B', 'C', 'D']);
    expect(s.fake.requests.filter((r) => r.path.endsWith('/batch/update')).length).toBe(3);
  });

  it('refuses, in one sentence, a same-named property in another group, and writes nothing', async () => {
    const s = await setup(20);
    s.fake.properties.contacts.set('tierwise_churn_level', { name: 'tierwise_churn_level', label: 'Churn', type: 'enumeration', fieldType: 'select', groupName: 'contactinformation', options: [{ label: 'low', value: 'low', hidden: false, displayOrder: 0 }] });
    await expect(sync(s.transport(), s.store, s.options())).rejects.toThrow(PropertyClashError);
    const report = await s.run();
    expect(report.stopped).toEqual({ code: 'property-clash', message: expect.stringMatching(/^contacts already have a property "tierwise_churn_level" in group "contactinformation", not Tierwise's group "tierwise".*nothing was written$/) });
    expect(report.stopped?.message).not.toContain('\n');
    expect(s.fake.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});

describe('rate limits', () => {
  it('sends at most 100 requests in any 10 seconds by default, so a strict 110 never answers 429', async () => {
    const s = await setup(6_000);
    expect(await s.run()).toMatchObject({ stopped: null, written: 6_000 });
    const times = s.fake.requests.filter((r) => !r.path.endsWith('/search')).map((r) => r.at);
    expect(times.length).toBeGreaterThan(110);
    let most = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while ((times[i] as number) - (times[j] as number) >= 10_000) j++;
      most = Math.max(most, i - j + 1);
    }
    // Arrival times follow the simulated clock exactly unless a request times out (real time) and is
    // retried after a simulated backoff: the harness's timeout is generous so a loaded host does not.
    expect(s.fake.requests.length).toBe(s.fake.requests.filter((r) => r.status !== 0).length);
    expect(most).toBeLessThanOrEqual(100);
    expect(s.fake.requests.filter((r) => r.status === 429)).toEqual([]);
  });
});

describe('values', () => {
  it('reads HubSpot’s documented formats, and reports any other value per record instead of scoring it', async () => {
    const s = await setup(120);
    const odd: Record<string, Record<string, string>> = {
      '11': { total_revenue: '1,234.50' },
      '12': { total_revenue: 'Infinity' },
      '13': { total_revenue: ' ' },
      '14': { total_revenue: '-50' },
      '15': { recent_deal_close_date: '1793491200' },
    };
    for (const [id, props] of Object.entries(odd)) s.fake.edit('contacts', id, { num_associated_deals: '3', recent_deal_close_date: '2026-09-01T10:00:00.000Z', total_revenue: '300', ...props });
    s.fake.edit('contacts', '16', { num_associated_deals: '3', recent_deal_close_date: '1788220800000', first_deal_created_date: '2025-01-01', total_revenue: '300.5' });
    const report = await s.run();
    expect(report.stopped).toBeNull();
    expect(report.unreadable.map((u) => [u.id, u.property, u.value])).toEqual([
      ['11', 'total_revenue', '1,234.50'],
      ['12', 'total_revenue', 'Infinity'],
      ['13', 'total_revenue', ' '],
      ['14', 'total_revenue', '-50'],
      ['15', 'recent_deal_close_date', '1793491200'],
    ]);
    for (const id of Object.keys(odd)) {
      const held = s.fake.portal.contacts.get(id)?.properties;
      expect(held?.['tierwise_tier']).toBeNull();
      expect(held?.['tierwise_reasons']).toMatch(new RegExp(`^Contact ${id}: property "(total_revenue|recent_deal_close_date)" is `));
    }
    expect(s.fake.portal.contacts.get('16')?.properties['tierwise_tier']).toMatch(/^[ABCD]$/);
    expect(report.scored).toBe(120 - 5);
  });

  it('says what is wrong with a record by its property, in the portal’s language (en and zh-CN)', async () => {
    const s = await setup(3);
    s.fake.edit('contacts', '2', { num_associated_deals: '3', recent_deal_close_date: '2026-09-01T10:00:00.000Z', total_revenue: '1,234.50' });
    const english = await s.run({ dryRun: true });
    expect(english.unreadable).toEqual([{ id: '2', property: 'total_revenue', value: '1,234.50', expected: 'a number as HubSpot sends it (expected e.g. 1234.50, no thousands separators)' }]);
    const chinese = await s.run({ language: 'zh-CN' });
    expect(chinese.unreadable).toEqual([{ id: '2', property: 'total_revenue', value: '1,234.50', expected: 'HubSpot 格式的数字（例如 1234.50，不带千位分隔符）' }]);
    const held = s.fake.portal.contacts.get('2')?.properties;
    expect(held?.['tierwise_tier']).toBeNull();
    expect(held?.['tierwise_reasons']).toBe('联系人 2：属性“total_revenue”为 "1,234.50"，不是HubSpot 格式的数字（例如 1234.50，不带千位分隔符）');
    expect(chinese.scored).toBe(2);
    // The properties it created are labelled in the portal's language too (core/i18n, section hubspot).
    const created = s.fake.properties.contacts;
    expect([created.get('tierwise_tier')?.label, created.get('tierwise_reasons')?.label]).toEqual(['Tierwise 客户分层', 'Tierwise 原因']);
    expect(created.get('tierwise_tier')?.options?.map((o) => o.label)).toEqual(['A 核心', 'B 潜力', 'C 普通', 'D 沉睡']);
  });

  it('says why a readable record cannot be scored by the properties the user mapped, not by field labels (en and zh-CN)', async () => {
    const mapping = { lastPurchase: 'last_order_date' };
    const portal = async (language: 'en' | 'zh-CN') => {
      const s = await setup(4);
      // A custom date property, as a portal defines it (HubSpot answers only properties it has).
      s.fake.properties.contacts.set('last_order_date', { name: 'last_order_date', label: 'Last order', type: 'date', fieldType: 'date', groupName: 'contactinformation' } as never);
      s.fake.edit('contacts', '1', { num_associated_deals: '2', total_revenue: '100', last_order_date: '2026-08-01' });
      s.fake.edit('contacts', '2', { num_associated_deals: '3', total_revenue: '300', last_order_date: '2026-12-01' });
      s.fake.edit('contacts', '3', { num_associated_deals: '3', total_revenue: '300', last_order_date: '2026-09-01', first_deal_created_date: '2026-10-01T00:00:00Z' });
      s.fake.edit('contacts', '4', { num_associated_deals: '3', total_revenue: null, last_order_date: '2026-09-01' });
      const report = await s.run({ mapping, language });
      return { report, reasons: (id: string) => s.fake.portal.contacts.get(id)?.properties['tierwise_reasons'], tier: (id: string) => s.fake.portal.contacts.get(id)?.properties['tierwise_tier'] };
    };
    const en = await portal('en');
    expect([en.reasons('2'), en.reasons('3')]).toEqual([
      'Contact 2: property "last_order_date": 2026-12-01 is after the as-of date 2026-11-01',
      'Contact 3: property "first_deal_created_date": 2026-10-01 is after the last purchase 2026-09-01 (property "last_order_date")',
    ]);
    expect([en.tier('2'), en.tier('3')]).toEqual([null, null]);
    // An empty revenue rollup on a record with deals is a revenue of 0 (mapping.ts), so contact 4 is scored.
    expect(en.tier('4')).toMatch(/^[ABCD]$/);
    expect(en.report.scored).toBe(2);
    const zh = await portal('zh-CN');
    expect(zh.reasons('2')).toMatch(/^联系人 2：属性“last_order_date”/);
    expect(zh.reasons('3')).toMatch(/^联系人 3：属性“first_deal_created_date”.*属性“last_order_date”/);
    // The core's own wording names the field ("最近购买日期 2026-12-01 晚于…"), not the property.
    expect(zh.reasons('2')).not.toMatch(/购买日期/);
  });
});

describe('rate-limit headers', () => {
  it('waits when HubSpot says the portal has no requests left, so another client’s burst costs no 429', async () => {
    const s = await setup(3_000);
    // Another integration of the portal has just used 106 of the 110 requests of this window.
    for (let i = 0; i < 106; i++) await fetch(`${s.fake.url}/crm/properties/2026-09/contacts`, { headers: { authorization: 'Bearer test-token' } });
    const report = await s.run();
    expect(report).toMatchObject({ stopped: null, failed: [] });
    expect(s.fake.requests.filter((r) => r.status === 429)).toEqual([]);
  });
});
