// The settings page through createRenderer('settings'): loading and error, the account's properties
// to map, the core's rules as messages next to the field, saving, a refusal from the backend, and
// "score now" with progress and the report. The data hook is replaced by a fake client.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createElement } from 'react';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { Alert, Button, ErrorState, List, LoadingSpinner, NumberInput, ProgressBar, Select, Text, Toggle } from '@hubspot/ui-extensions';
import { LABELS } from '../../core/labels.ts';
import { PortalSettingsSchema, type SettingsAnswer } from '../../hubspot-app/ui/api-schema.ts';
import { TierwiseError } from '../../hubspot-app/ui/tierwise-client.ts';
import { WORDS } from '../../hubspot-app/ui/words/index.ts';
import { fakeClient, run, type FakeClient } from './fake-client.ts';

let client: FakeClient;
vi.mock('../../hubspot-app/ui/useTierwise.ts', () => ({ useTierwise: () => client }));
const { TierwiseSettings } = await import('../../hubspot-app/project/src/app/settings/TierwiseSettings.tsx');

const answer: SettingsAnswer = {
  settings: PortalSettingsSchema.parse({ timeZone: 'Europe/Berlin' }),
  timeZone: 'Europe/Berlin',
  properties: {
    contacts: [
      { name: 'total_revenue', label: 'Total revenue', type: 'number' },
      { name: 'ltv_eur', label: 'Lifetime spend (EUR)', type: 'number' },
      { name: 'nps_score', label: 'NPS score', type: 'number' },
    ],
    companies: [{ name: 'total_revenue', label: 'Total revenue', type: 'number' }],
  },
  lastRun: null,
};

function render(language = 'en') {
  const renderer = createRenderer('settings');
  const context = { ...renderer.mocks.context, user: { ...renderer.mocks.context.user, language } };
  renderer.render(createElement(TierwiseSettings, { context }));
  return renderer;
}

async function loaded(language = 'en') {
  const r = render(language);
  await r.waitFor(() => expect(r.findByTestId(Button, 'save')).toBeTruthy());
  return r;
}

describe('the settings page', () => {
  beforeEach(() => {
    client = fakeClient({ settings: answer });
  });

  it('shows a spinner, then the form', async () => {
    client.replies.settings = () => new Promise(() => {});
    expect(render().find(LoadingSpinner).props.label).toBe(WORDS.en.settings.loading);
  });

  it('explains why it could not load', async () => {
    client.replies.settings = new TierwiseError('disconnected', 'Tierwise lost its access to this HubSpot account; an admin must reconnect it.');
    const r = render();
    await r.waitFor(() => expect(r.find(ErrorState).find(Text).text).toMatch(/lost its access/));
  });

  it('offers the account\'s own properties for each input, showing the current mapping', async () => {
    const r = await loaded();
    const spend = r.findByTestId(Select, 'mapping.contacts.totalSpend');
    expect(spend.props.label).toBe('Total spend');
    expect(spend.props.value).toBe('total_revenue');
    expect(spend.props.options.map((o) => o.value)).toEqual(['', 'total_revenue', 'ltv_eur', 'nps_score']);
    expect(spend.props.options[2]?.label).toBe('Lifetime spend (EUR) (ltv_eur)');
    // A default whose property the account lacks stays listed, with why beside it before anyone saves.
    const lastPurchase = r.findByTestId(Select, 'mapping.contacts.lastPurchase');
    expect(lastPurchase.props.options.map((o) => o.value)).toContain('recent_deal_close_date');
    expect(lastPurchase.props).toMatchObject({ error: true, validationMessage: WORDS.en.settings.missingProperty('recent_deal_close_date') });
    expect(spend.props.error).toBeUndefined();
    expect(r.findByTestId(Select, 'mapping.contacts.nps').props.value).toBe('');
    // The stored zone was Europe/Berlin; HubSpot's account is in America/New_York (the mock portal): the page follows HubSpot.
    expect(r.findByTestId(Select, 'sync-hour').props.label).toBe('Hour of the daily run (America/New_York)');
  });

  it('shows the core\'s tier per segment with the tier names from core/', async () => {
    const r = await loaded('zh-CN');
    const champions = r.findByTestId(Select, 'tier-Champions');
    expect(champions.props.value).toBe('A');
    expect(champions.props.label).toBe(`“${LABELS['zh-CN'].segment.Champions}”的分层`);
    expect(champions.props.options.map((o) => o.label)).toEqual(Object.values(LABELS['zh-CN'].tier));
    expect(r.findByTestId(Button, 'save').text).toBe('保存设置');
  });

  it('says next to the weights that they must add up to 100, and does not save', async () => {
    const r = await loaded();
    r.findByTestId(NumberInput, 'weight-recency').trigger('onChange', 50 as never);
    await r.waitFor(() => expect(r.findByTestId(Alert, 'weights-error').props.title).toBe('churn factor weights must add up to 100'));
    expect(r.findByTestId(Text, 'weight-total').text).toBe('Total: 110 of 100');
    r.findByTestId(Button, 'save').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'notice').props.title).toBe(WORDS.en.settings.fixErrors));
    expect(client.calls.map((c) => c.method)).toEqual(['settings']);
  });

  it('puts the core\'s level rule on the high-risk field', async () => {
    const r = await loaded();
    r.findByTestId(NumberInput, 'high-at').trigger('onChange', 10 as never);
    await r.waitFor(() => expect(r.findByTestId(NumberInput, 'high-at').props).toMatchObject({ error: true, validationMessage: 'churn.highAt must be above churn.mediumAt' }));
  });

  it('shows fixed thresholds only when chosen, and refuses cut points out of order next to them', async () => {
    const r = await loaded();
    expect(r.maybeFindByTestId(NumberInput, 'cut-recencyDays-0')).toBeNull();
    r.findByTestId(Select, 'rfm-method').trigger('onChange', 'fixed' as never);
    await r.waitFor(() => expect(r.findByTestId(NumberInput, 'cut-recencyDays-1').props.value).toBe(90));
    r.findByTestId(NumberInput, 'cut-recencyDays-1').trigger('onChange', 10 as never);
    await r.waitFor(() => expect(r.findByTestId(NumberInput, 'cut-recencyDays-0').props.validationMessage).toBe('recencyDays cut points must be strictly ascending'));
  });

  it('saves what the admin chose and says when it applies', async () => {
    const r = await loaded();
    r.findByTestId(Select, 'mapping.contacts.totalSpend').trigger('onChange', 'ltv_eur' as never);
    await r.waitFor(() => expect(r.findByTestId(Select, 'mapping.contacts.totalSpend').props.value).toBe('ltv_eur'));
    r.findByTestId(Select, 'tier-Champions').trigger('onChange', 'B' as never);
    r.findByTestId(Select, 'language').trigger('onChange', 'zh-CN' as never);
    r.findByTestId(Select, 'sync-hour').trigger('onChange', 5 as never);
    expect(r.findByTestId(Toggle, 'follow-up-tasks').props.checked).toBe(false);
    r.findByTestId(Toggle, 'follow-up-tasks').trigger('onChange', true as never);
    await r.waitFor(() => expect(r.findByTestId(Toggle, 'follow-up-tasks').props.checked).toBe(true));
    r.findByTestId(Button, 'save').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'notice').props.title).toBe(WORDS.en.settings.saved));
    const saved = PortalSettingsSchema.parse(client.calls.find((c) => c.method === 'saveSettings')?.args[0]);
    expect(saved.mapping.contacts).toEqual({ totalSpend: 'ltv_eur' });
    expect(saved.scoring.segmentTiers.Champions).toBe('B');
    expect(saved).toMatchObject({ language: 'zh-CN', syncHour: 5, followUpTasks: true, timeZone: 'America/New_York' });
  });

  it('shows the backend\'s refusal next to the field it names', async () => {
    client.replies.saveSettings = new TierwiseError('bad_request', 'mapping.contacts.totalSpend: "ltv_eur" is not a property of contacts in this HubSpot account', [{ path: 'mapping.contacts.totalSpend', message: '"ltv_eur" is not a property of contacts in this HubSpot account' }]);
    const r = await loaded();
    r.findByTestId(Button, 'save').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Select, 'mapping.contacts.totalSpend').props.validationMessage).toBe('"ltv_eur" is not a property of contacts in this HubSpot account'));
    expect(r.findByTestId(Alert, 'notice').props.variant).toBe('danger');
  });

  it('scores now, shows the progress, then the report with the records that failed and why', async () => {
    client.replies.rescore = { runId: '00000000-0000-4000-8000-000000000002' };
    const report = {
      objects: [
        { object: 'contacts' as const, read: 10, scored: 9, written: 8, failed: [{ id: '12', reason: 'HubSpot answered 400: Property values were not valid' }], unreadable: [{ id: '7', property: 'total_revenue', value: '1,234.50', expected: 'a number' }], tasksCreated: 1 },
        { object: 'companies' as const, read: 2, scored: 2, written: 2, failed: [], unreadable: [], tasksCreated: 0 },
      ],
    };
    client.replies.runs = [run({ kind: 'rescore-portal', state: 'running', done: 5, total: 10, finishedAt: null }), run({ kind: 'rescore-portal', state: 'done', done: 10, total: 10, report })];
    const r = await loaded();
    expect(r.findByTestId(Text, 'last-run').text).toBe(WORDS.en.settings.noRunYet);
    r.findByTestId(Button, 'score-now').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(ProgressBar, 'progress').props).toMatchObject({ value: 50, title: 'Scoring… 5 of 10 records' }));
    await r.waitFor(() => expect(r.findByTestId(Text, 'last-run').text).toBe('finished: 12 read, 10 written, 1 failed'), { timeoutInMs: 4000 });
    expect(r.findByTestId(List, 'run-problems').findAll(Text).map((t) => t.text)).toEqual(['Record 12: HubSpot answered 400: Property values were not valid', 'Record 7: "total_revenue" = "1,234.50", expected a number']);
    expect(client.calls.find((c) => c.method === 'rescore')?.args[0]).toEqual({});
    expect(r.maybeFindByTestId(ProgressBar, 'progress')).toBeNull();
  });

  it('shows a failed run\'s reason', async () => {
    client.replies.settings = { ...answer, lastRun: run({ kind: 'scheduled', state: 'failed', error: 'HubSpot\'s daily request limit for this account is used up; the next run is tomorrow.' }) };
    const r = await loaded('zh-CN');
    expect(r.findByTestId(Text, 'last-run').text).toBe('失败');
    expect(r.findByTestId(Text, 'run-error').text).toMatch(/daily request limit/);
  });
});
