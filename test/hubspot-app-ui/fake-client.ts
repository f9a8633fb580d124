// A TierwiseClient for component tests: each call answers what the test set, and every call is kept.
import type { CardAnswer, CardQuery, PortalSettings, PortalSettingsInput, RecordRef, RunAnswer, SettingsAnswer, TaskAnswer } from '../../hubspot-app/ui/api-schema.ts';
import { PortalSettingsSchema } from '../../hubspot-app/ui/api-schema.ts';
import { TierwiseError, type TierwiseClient } from '../../hubspot-app/ui/tierwise-client.ts';

type Reply<T> = T | TierwiseError | (() => Promise<T>);

export interface FakeClient extends TierwiseClient {
  calls: { method: string; args: unknown[] }[];
  replies: {
    card: Reply<CardAnswer>;
    createTask: Reply<TaskAnswer>;
    rescore: Reply<{ runId: string }>;
    runs: RunAnswer[];
    settings: Reply<SettingsAnswer>;
    saveSettings: Reply<PortalSettings> | null;
  };
}

const answer = async <T>(reply: Reply<T>): Promise<T> => {
  if (reply instanceof TierwiseError) throw reply;
  if (typeof reply === 'function') return (reply as () => Promise<T>)();
  return reply;
};

export function fakeClient(replies: Partial<FakeClient['replies']> = {}): FakeClient {
  const unset = new TierwiseError('internal', 'the test did not set this answer');
  const client: FakeClient = {
    calls: [],
    replies: { card: unset, createTask: unset, rescore: unset, runs: [], settings: unset, saveSettings: null, ...replies },
    installUrl: 'https://api.tierwise.example/oauth/install',
    card(q: CardQuery) {
      client.calls.push({ method: 'card', args: [q] });
      return answer(client.replies.card);
    },
    createTask(q: CardQuery) {
      client.calls.push({ method: 'createTask', args: [q] });
      return answer(client.replies.createTask);
    },
    rescore(what: RecordRef | Record<string, never>) {
      client.calls.push({ method: 'rescore', args: [what] });
      return answer(client.replies.rescore);
    },
    async run(runId: string) {
      client.calls.push({ method: 'run', args: [runId] });
      const next = client.replies.runs.length > 1 ? client.replies.runs.shift() : client.replies.runs[0];
      if (next === undefined) throw new TierwiseError('not_found', 'No such run in this HubSpot account.');
      return next;
    },
    settings() {
      client.calls.push({ method: 'settings', args: [] });
      return answer(client.replies.settings);
    },
    saveSettings(settings: PortalSettingsInput) {
      client.calls.push({ method: 'saveSettings', args: [settings] });
      // Like the backend: what was stored, parsed by the shared schema.
      return client.replies.saveSettings === null ? Promise.resolve(PortalSettingsSchema.parse(settings)) : answer(client.replies.saveSettings);
    },
  };
  return client;
}

export function run(fields: Partial<RunAnswer>): RunAnswer {
  return { runId: '00000000-0000-4000-8000-000000000001', kind: 'rescore-records', state: 'done', done: 1, total: 1, queuedAt: 0, finishedAt: 1, report: null, error: null, ...fields };
}
