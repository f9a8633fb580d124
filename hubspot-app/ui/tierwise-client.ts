// The card's and settings page's only way to the backend: typed calls over hubspot.fetch (or any
// function of its shape: tests pass a fetch that signs like HubSpot's proxy). Every answer is parsed
// with the route's schema (api-schema.ts); every failure becomes a TierwiseError carrying our one
// error shape. hubspot.fetch hands a backend error status to the extension wrapped (status 200,
// category BAD_GATEWAY, the backend's body in `message`: ui-extensions-dev-server 2.1.2
// AppProxyService, "mirroring what the backend is doing"), so the body decides, never the status alone.
import { z } from 'zod';
import {
  CardAnswerSchema,
  ErrorBodySchema,
  RescoreAnswerSchema,
  RunAnswerSchema,
  SettingsAnswerSchema,
  PortalSettingsSchema,
  TaskAnswerSchema,
  type CardAnswer,
  type CardQuery,
  type PortalSettings,
  type PortalSettingsInput,
  type RecordRef,
  type RunAnswer,
  type SettingsAnswer,
  type TaskAnswer,
} from './api-schema.ts';

/** hubspot.fetch's shape (http-requests.synced.d.ts): JSON body as an object, at most an Authorization header. */
export type HubSpotFetch = (url: string, init?: { method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'; body?: { [key: string]: unknown }; timeout?: number }) => Promise<Response>;

export class TierwiseError extends Error {
  override name = 'TierwiseError';
  readonly code: string;
  readonly fields: { path: string; message: string }[];
  constructor(code: string, message: string, fields: { path: string; message: string }[] = []) {
    super(message);
    this.code = code;
    this.fields = fields;
  }
  /** The app is not (or no longer) installed in this account: the card shows how to reconnect. */
  get disconnected(): boolean {
    return this.code === 'not_installed' || this.code === 'disconnected';
  }
}

/** Any failure as our error: what the components show. */
export function asTierwiseError(error: unknown): TierwiseError {
  return error instanceof TierwiseError ? error : new TierwiseError('internal', error instanceof Error ? error.message : String(error));
}

const WrappedSchema = z.object({ category: z.string(), message: z.string().optional(), appServerStatusCode: z.number().optional() });

function ourError(json: unknown): TierwiseError | null {
  const parsed = ErrorBodySchema.safeParse(json);
  return parsed.success ? new TierwiseError(parsed.data.error.code, parsed.data.error.message, parsed.data.error.fields) : null;
}

export async function readAnswer<S extends z.ZodType>(response: Response, schema: S, what: string): Promise<z.output<S>> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TierwiseError('bad_answer', `The Tierwise backend answered ${what} with ${response.status} and no JSON.`);
  }
  const direct = ourError(json);
  if (direct !== null) throw direct;
  const wrapped = WrappedSchema.safeParse(json);
  if (wrapped.success && wrapped.data.category === 'BAD_GATEWAY') {
    let inner: unknown = null;
    try {
      inner = JSON.parse(wrapped.data.message ?? '');
    } catch {
      // not our body: HubSpot could not reach the backend at all
    }
    throw ourError(inner) ?? new TierwiseError('unreachable', `HubSpot could not reach the Tierwise backend (${wrapped.data.appServerStatusCode ?? 'no answer'}); try again in a minute.`);
  }
  if (!response.ok) throw new TierwiseError('unreachable', `The Tierwise backend answered ${what} with ${response.status}.`);
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new TierwiseError('bad_answer', `The Tierwise backend's answer to ${what} is not what this card expects (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? ''}).`);
  return parsed.data;
}

export interface TierwiseClient {
  /** Where an admin reconnects (the backend's install link). */
  installUrl: string;
  card(query: CardQuery): Promise<CardAnswer>;
  createTask(query: CardQuery): Promise<TaskAnswer>;
  rescore(what: RecordRef | Record<string, never>): Promise<{ runId: string }>;
  run(runId: string): Promise<RunAnswer>;
  settings(): Promise<SettingsAnswer>;
  saveSettings(settings: PortalSettingsInput): Promise<PortalSettings>;
}

export function tierwiseClient(backend: string, fetch: HubSpotFetch): TierwiseClient {
  const base = backend.replace(/\/+$/, '');
  const call = async <S extends z.ZodType>(what: string, path: string, schema: S, init: Parameters<HubSpotFetch>[1] = {}) => {
    // The profile (src/hsprofile.<env>.json) names the backend; without it there is nowhere to send anything.
    if (base === '') throw new TierwiseError('not_configured', 'This HubSpot project has no BACKEND variable in its profile; upload it with --profile dev or prod.');
    let response: Response;
    try {
      // 30 s instead of hubspot.fetch's 15 s default (it allows up to 120 s): a large portal's first card view scores everyone.
      response = await fetch(`${base}${path}`, { timeout: 30_000, ...init });
    } catch (error) {
      throw new TierwiseError('unreachable', `HubSpot could not reach the Tierwise backend: ${error instanceof Error ? error.message : String(error)}`);
    }
    return readAnswer(response, schema, what);
  };
  return {
    installUrl: `${base}/oauth/install`,
    card: (q) => call('the card request', `/api/card?${new URLSearchParams({ object: q.object, id: q.id, language: q.language })}`, CardAnswerSchema),
    createTask: (q) => call('the task request', '/api/card/task', TaskAnswerSchema, { method: 'POST', body: { ...q } }),
    rescore: (what) => call('the re-score request', '/api/rescore', RescoreAnswerSchema, { method: 'POST', body: { ...what } }),
    run: (runId) => call('the progress request', `/api/runs/${encodeURIComponent(runId)}`, RunAnswerSchema),
    settings: () => call('the settings request', '/api/portal-settings', SettingsAnswerSchema),
    saveSettings: (settings) => call('saving the settings', '/api/portal-settings', PortalSettingsSchema, { method: 'PUT', body: { ...settings } }),
  };
}

/** Polls a run until it is finished; `onProgress` sees every state read. */
export async function waitForRun(client: TierwiseClient, runId: string, onProgress: (run: RunAnswer) => void, pauseMs = 1500, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))): Promise<RunAnswer> {
  for (;;) {
    const run = await client.run(runId);
    onProgress(run);
    if (run.state === 'done' || run.state === 'failed') return run;
    await sleep(pauseMs);
  }
}
