// The record card through HubSpot's own test renderer (createRenderer, @hubspot/ui-extensions/testing):
// every state, both languages, each button's call. The data hook is replaced by a fake client.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createElement } from 'react';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { Alert, Button, Checkbox, DescriptionList, DescriptionListItem, EmptyState, ErrorState, Link, List, LoadingSpinner, ProgressBar, Tag, Text } from '@hubspot/ui-extensions';
import { LABELS } from '../../core/labels.ts';
import { PLAYBOOKS } from '../../core/playbooks/index.ts';
import type { CardAnswer } from '../../hubspot-app/ui/api-schema.ts';
import { TierwiseError } from '../../hubspot-app/ui/tierwise-client.ts';
import { WORDS } from '../../hubspot-app/ui/words/index.ts';
import { fakeClient, run, type FakeClient } from './fake-client.ts';

let client: FakeClient;
vi.mock('../../hubspot-app/ui/useTierwise.ts', () => ({ useTierwise: () => client }));
const { RecordCard } = await import('../../hubspot-app/project/src/app/cards/RecordCard.tsx');

const scoredProperties = {
  tierwise_tier: 'D',
  tierwise_segment: 'At risk',
  tierwise_churn_risk: '64',
  tierwise_churn_level: 'high',
  tierwise_lifecycle: 'dormant',
  tierwise_next_action: PLAYBOOKS.en.retention.nextAction,
  tierwise_reasons: 'no order for 200 days; usually orders every 30 (+40)',
  tierwise_scored_at: '2026-11-28T03:00:05.000Z',
};

const scored: CardAnswer = {
  state: 'scored',
  asOf: '2026-11-29',
  horizons: { expectedPurchasesDays: 90, clvMonths: 12 },
  result: {
    tier: 'D', segment: 'At risk', r: 1, f: 4, m: 4, valueBand: 'high', churnRisk: 66, churnLevel: 'high', lifecycle: 'dormant',
    nextAction: PLAYBOOKS.en.retention.nextAction, followUpBy: '2026-11-30', reasons: 'x',
    drivers: [
      { factor: 'recency', points: 40, text: 'no order for 201 days; usually orders every 30' },
      { factor: 'orderTrend', points: 15, text: '0 orders in the last 90 days, down from 3 in the 90 before' },
    ],
    pAlive: 0.2345, expectedPurchases: 0.42, clv: 1234.5, owner: '101',
  },
};

function render(options: { language?: string; properties?: Record<string, string | null>; crmLoading?: boolean; objectTypeId?: string } = {}) {
  const renderer = createRenderer('crm.record.sidebar');
  const { mocks } = renderer;
  mocks.useCrmProperties.willCall(() => ({ properties: options.properties ?? {}, error: null, isLoading: options.crmLoading ?? false, isRefetching: false, refetch: async () => {} }));
  const context = { ...mocks.context, user: { ...mocks.context.user, language: options.language ?? 'en' }, crm: { objectId: 551, objectTypeId: options.objectTypeId ?? '0-1' } };
  renderer.render(createElement(RecordCard, { context, actions: mocks.actions }));
  return renderer;
}

const never = () => new Promise<never>(() => {});
// A node's text and its descendants' (createRenderer's `.text` holds only a node's own text children).
type Node = { nodeType: string; text?: string | null; childNodes?: Node[] };
const textOf = (node: unknown): string => {
  const n = node as Node;
  return n.nodeType === 'text' ? (n.text ?? '') : (n.childNodes ?? []).map(textOf).join(' ');
};

describe('the record card', () => {
  beforeEach(() => {
    client = fakeClient();
  });

  it('shows a spinner while neither the record nor the backend has answered', () => {
    client.replies.card = never;
    const r = render({ crmLoading: true });
    expect(r.find(LoadingSpinner).props.label).toBe(WORDS.en.card.loading);
  });

  it('paints tier, segment, risk, reasons and the playbook from the record\'s own properties before the backend answers', () => {
    client.replies.card = never;
    const r = render({ properties: scoredProperties });
    expect(r.findByTestId(Tag, 'tier').text).toBe('D dormant');
    expect(r.findByTestId(Tag, 'tier').props.variant).toBe('warning');
    expect(r.findByTestId(Tag, 'segment').text).toBe('At risk');
    const risk = r.findByTestId(ProgressBar, 'risk');
    expect(risk.props).toMatchObject({ value: 64, variant: 'danger', valueDescription: '64/100 (high)' });
    expect(textOf(r.findByTestId(List, 'drivers'))).toContain('no order for 200 days');
    expect(r.findByTestId(Text, 'lifecycle').text).toBe('dormant');
    // 03:00 UTC is the evening before in the portal's time zone (the mock portal is in America/New_York).
    expect(r.findByTestId(Text, 'last-scored').text).toBe('Nov 27, 2026, 10:00 PM');
    // The tier's playbook and, at high risk, the retention playbook, both from core/playbooks.
    expect(r.findByTestId(Checkbox, 'playbook-0').text).toBe(PLAYBOOKS.en.tiers.D.actions[0]);
    expect(r.findAll(Checkbox).map((c) => c.text)).toEqual([...PLAYBOOKS.en.tiers.D.actions, ...PLAYBOOKS.en.retention.steps]);
    expect(r.findByTestId(Text, 'next-action').text).toBe(PLAYBOOKS.en.retention.nextAction);
    expect(r.maybeFindByTestId(Text, 'follow-up-by')).toBeNull();
    expect(r.findByTestId(LoadingSpinner, 'refreshing')).toBeTruthy();
  });

  it('then shows the backend\'s drivers one by one, the follow-up date and the purchase-model figures', async () => {
    client.replies.card = scored;
    const r = render({ properties: scoredProperties });
    await r.waitFor(() => expect(r.findByTestId(Text, 'follow-up-by').text).toBe('2026-11-30'));
    expect(r.findByTestId(ProgressBar, 'risk').props.value).toBe(66);
    expect(r.findByTestId(List, 'drivers').findAll(Text).map((t) => t.text)).toEqual(scored.state === 'scored' ? scored.result.drivers.map((d) => d.text) : []);
    const purchase = textOf(r.findByTestId(DescriptionList, 'purchase'));
    expect(purchase).toBe('23% 0.4 1,234.5');
    expect(r.findByTestId(DescriptionList, 'purchase').findAll(DescriptionListItem).map((i) => i.props.label)).toEqual(['Probability still active', 'Expected purchases, next 90 days', 'Lifetime value, next 12 months']);
    expect(client.calls).toEqual([{ method: 'card', args: [{ object: 'contacts', id: '551', language: 'en' }] }]);
    expect(r.maybeFind(LoadingSpinner)).toBeNull();
  });

  it('has no retention checklist at low risk and no purchase figures without a model', async () => {
    client.replies.card = { ...scored, result: { ...(scored.state === 'scored' ? scored.result : ({} as never)), tier: 'A', segment: 'Champions', churnRisk: 5, churnLevel: 'low', pAlive: null, expectedPurchases: null, clv: null } } as CardAnswer;
    const r = render({});
    await r.waitFor(() => expect(r.findByTestId(Tag, 'tier').text).toBe('A core'));
    expect(r.findByTestId(ProgressBar, 'risk').props.variant).toBe('success');
    expect(r.findAll(Checkbox).map((c) => c.text)).toEqual(PLAYBOOKS.en.tiers.A.actions);
    expect(r.maybeFindByTestId(DescriptionList, 'purchase')).toBeNull();
  });

  it('ticks a playbook step when clicked', async () => {
    client.replies.card = scored;
    const r = render({ properties: scoredProperties });
    r.findByTestId(Checkbox, 'playbook-1').trigger('onChange', true as never) // trigger's type asks for the handler; at run time it passes this argument to it;
    await r.waitFor(() => expect(r.findByTestId(Checkbox, 'playbook-1').props.checked).toBe(true));
    expect(r.findByTestId(Checkbox, 'playbook-0').props.checked).toBe(false);
  });

  it('speaks 简体中文 to a user whose HubSpot language is Chinese, and asks the backend in it', async () => {
    client.replies.card = scored;
    const r = render({ language: 'zh-cn', properties: scoredProperties });
    expect(r.findByTestId(Tag, 'tier').text).toBe(LABELS['zh-CN'].tier.D);
    expect(r.findByTestId(Tag, 'segment').text).toBe('流失风险');
    expect(r.findByTestId(ProgressBar, 'risk').props.title).toBe('流失风险');
    expect(r.findAll(Checkbox).map((c) => c.text)).toEqual([...PLAYBOOKS['zh-CN'].tiers.D.actions, ...PLAYBOOKS['zh-CN'].retention.steps]);
    expect(r.findByTestId(Button, 'create-task').text).toBe('创建跟进任务');
    await r.waitFor(() => expect(client.calls[0]?.args[0]).toMatchObject({ language: 'zh-CN' }));
  });

  it('creates the follow-up task for the record owner and says when it is due', async () => {
    client.replies.card = scored;
    client.replies.createTask = { taskId: '9', due: '2026-11-30', ownerId: '101' };
    const r = render({ properties: scoredProperties });
    await r.waitFor(() => expect(r.findByTestId(Button, 'create-task').props.disabled).toBe(false));
    r.findByTestId(Button, 'create-task').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'notice').props.title).toBe(WORDS.en.card.taskCreated('2026-11-30')));
    expect(client.calls.at(-1)).toEqual({ method: 'createTask', args: [{ object: 'contacts', id: '551', language: 'en' }] });
  });

  it('says so when the record has no owner to give the task to, and shows a refused task\'s reason', async () => {
    client.replies.card = scored;
    client.replies.createTask = { taskId: '9', due: '2026-11-30', ownerId: null };
    const r = render({ properties: scoredProperties });
    await r.waitFor(() => expect(r.findByTestId(Button, 'create-task').props.disabled).toBe(false));
    r.findByTestId(Button, 'create-task').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'notice').props.title).toBe(WORDS.en.card.taskCreatedNoOwner('2026-11-30')));
    client.replies.createTask = new TierwiseError('hubspot_refused', 'HubSpot refused the task: owner 5 does not exist.');
    r.findByTestId(Button, 'create-task').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'notice').props).toMatchObject({ variant: 'danger', title: 'HubSpot refused the task: owner 5 does not exist.' }));
  });

  it('re-scores the record, waits for the run, refreshes HubSpot\'s properties and reloads', async () => {
    client.replies.card = scored;
    client.replies.rescore = { runId: '00000000-0000-4000-8000-000000000001' };
    client.replies.runs = [run({ state: 'done' })];
    const r = render({ properties: scoredProperties });
    await r.waitFor(() => expect(r.findByTestId(Text, 'follow-up-by')).toBeTruthy());
    r.findByTestId(Button, 'rescore').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'notice').props.title).toBe(WORDS.en.card.rescored), { timeoutInMs: 3000 });
    expect(client.calls.map((c) => c.method)).toEqual(['card', 'rescore', 'run', 'card']);
    expect(client.calls[1]?.args[0]).toEqual({ object: 'contacts', id: '551' });
    expect(r.mocks.actions.refreshObjectProperties.callCount).toBe(1);
  });

  it('tells why a re-score failed, and does not refresh', async () => {
    client.replies.card = scored;
    client.replies.rescore = { runId: '00000000-0000-4000-8000-000000000001' };
    client.replies.runs = [run({ state: 'failed', error: 'HubSpot\'s daily limit is spent.' })];
    const r = render({ properties: scoredProperties });
    await r.waitFor(() => expect(r.findByTestId(Text, 'follow-up-by')).toBeTruthy());
    r.findByTestId(Button, 'rescore').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'notice').props.title).toBe(WORDS.en.card.rescoreFailed('HubSpot\'s daily limit is spent.')));
    expect(r.mocks.actions.refreshObjectProperties.callCount).toBe(0);
  });

  it('explains a record that is not scored yet because the first run has not finished, without a re-score button', async () => {
    client.replies.card = { state: 'not-scored', why: 'no-run-yet', problems: [] };
    const r = render({});
    await r.waitFor(() => expect(textOf(r.findByTestId(EmptyState, 'not-scored'))).toContain(WORDS.en.card.notScored['no-run-yet'].why));
    expect(textOf(r.findByTestId(EmptyState, 'not-scored'))).toContain('Score now');
    expect(r.maybeFindByTestId(Button, 'rescore')).toBeNull();
  });

  it('lists the unreadable values of a record that cannot be scored, with what to do, and offers a re-score', async () => {
    client.replies.card = { state: 'not-scored', why: 'unreadable', problems: [{ property: 'total_revenue', value: '1,234.50', expected: 'a number as HubSpot sends it (e.g. 1234.5)' }] };
    const r = render({ language: 'zh-CN' });
    await r.waitFor(() => expect(textOf(r.findByTestId(List, 'problems'))).toBe('“total_revenue”为“1,234.50”,应为 a number as HubSpot sends it (e.g. 1234.5)'));
    expect(r.findByTestId(EmptyState, 'not-scored').props.title).toBe('尚未评分');
    expect(r.findByTestId(Button, 'rescore').text).toBe('重新评分此记录');
  });

  it('explains a record created after the last run, and re-scores it on request', async () => {
    client.replies.card = { state: 'not-scored', why: 'not-read-yet', problems: [] };
    client.replies.rescore = { runId: '00000000-0000-4000-8000-000000000001' };
    client.replies.runs = [run({ state: 'done' })];
    const r = render({});
    await r.waitFor(() => expect(textOf(r.findByTestId(EmptyState, 'not-scored'))).toContain(WORDS.en.card.notScored['not-read-yet'].todo));
    client.replies.card = scored;
    r.findByTestId(Button, 'rescore').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Tag, 'tier').text).toBe('D dormant'), { timeoutInMs: 3000 });
  });

  it('shows a disconnected portal with the reconnect link, in both languages', async () => {
    for (const language of ['en', 'zh-CN'] as const) {
      client = fakeClient({ card: new TierwiseError('not_installed', 'Tierwise is not installed in this HubSpot account.') });
      const r = render({ language, properties: scoredProperties });
      await r.waitFor(() => expect(r.findByTestId(ErrorState, 'disconnected').props.title).toBe(WORDS[language].card.disconnectedTitle));
      expect(r.find(Link).props.href).toBe('https://api.tierwise.example/oauth/install');
      expect(r.find(Link).text).toBe(WORDS[language].card.reinstall);
    }
  });

  it('shows the backend\'s error message and loads again on retry', async () => {
    client.replies.card = new TierwiseError('unreachable', 'HubSpot could not reach the Tierwise backend (502); try again in a minute.');
    const r = render({});
    await r.waitFor(() => expect(textOf(r.findByTestId(ErrorState, 'error'))).toContain('try again in a minute'));
    client.replies.card = scored;
    r.findByTestId(Button, 'retry').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Tag, 'tier').text).toBe('D dormant'));
  });

  it('refuses an object it was not built for', () => {
    const r = render({ objectTypeId: '0-3' });
    expect(r.find(ErrorState).props.title).toBe(WORDS.en.card.errorTitle);
    expect(client.calls).toEqual([]);
  });
});
