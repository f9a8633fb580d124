// The sync as a caller other than the CLI uses it (the marketplace app's worker): plain options parsed
// with zod, the portal's token provider, state store, clock and limiter passed in, and a report
// returned whatever happens. What stops a run (daily limit, a disconnected portal, a property clash,
// HubSpot unreachable…) comes back as `report.stopped` in one sentence with a code to act on; only a
// bug throws. The state's progress is kept, so the next call resumes.
import { z } from 'zod';
import { IsoDateSchema } from '../../core/schema/iso-date.ts';
import { OptionsSchema } from '../../core/schema/options.ts';
import { HUBSPOT_FIELDS } from './mapping.ts';
import { PropertyClashError } from './properties.ts';
import { emptyReport, sync, type SyncReport } from './sync.ts';
import type { SyncState } from './state-store.ts';
import { realClock, type Clock, type RateLimiter } from './token-bucket.ts';
import { PortalDisconnectedError, type TokenProvider } from './token-provider.ts';
import { DailyLimitError, HubSpotError, Transport, UnexpectedAnswerError, UnreachableError } from './transport.ts';

export const SyncPortalOptionsSchema = z.object({
  object: z.enum(['contacts', 'companies']).default('contacts'),
  /** HubSpot's date-versioned API release (March and September). */
  version: z.string().regex(/^\d{4}-\d{2}$/, 'an API version like 2026-09').default('2026-09'),
  /** The day scores are "as of" (the portal's today). */
  asOf: IsoDateSchema,
  language: z.enum(['en', 'zh-CN']).default('en'),
  dryRun: z.boolean().default(false),
  createTasks: z.boolean().default(false),
  /** A full read even when the state has a previous run (e.g. after changing the mapping). */
  full: z.boolean().default(false),
  mapping: z.partialRecord(z.enum(HUBSPOT_FIELDS), z.string().min(1)).default({}),
  /** The portal's scoring rules, validated by the core's own schemas. */
  scoring: OptionsSchema.pick({ rfm: true, segmentTiers: true, churn: true }).optional(),
});
export type SyncPortalOptions = z.input<typeof SyncPortalOptionsSchema>;

export interface Portal {
  tokens: TokenProvider;
  /** This portal's state, held by this sync alone (openStateStore locks an SQLite one). */
  store: SyncState;
  /** HubSpot's API root; tests point it at a fake. */
  basePath?: string;
  clock?: Clock;
  /** Share one per portal across its syncs (contacts and companies): HubSpot counts per account. */
  limiter?: RateLimiter;
  timeoutMs?: number;
  maxAttempts?: number;
  random?: () => number;
  onProgress?: (phase: 'read' | 'write', done: number, total: number | null) => void;
}

export type StopCode = 'daily-limit' | 'disconnected' | 'unauthorized' | 'missing-scopes' | 'property-clash' | 'unreachable' | 'unexpected-answer' | 'hubspot-error';

/** Why a run stopped, as a code for the app and a sentence for a person; null for anything that is a bug. */
export function stopOf(error: unknown): { code: StopCode; message: string } | null {
  if (error instanceof DailyLimitError) return { code: 'daily-limit', message: error.message };
  if (error instanceof PortalDisconnectedError) return { code: 'disconnected', message: error.message };
  if (error instanceof PropertyClashError) return { code: 'property-clash', message: error.message };
  if (error instanceof UnreachableError) return { code: 'unreachable', message: error.message };
  if (error instanceof UnexpectedAnswerError) return { code: 'unexpected-answer', message: error.message };
  if (error instanceof HubSpotError) {
    if (error.status === 401) return { code: 'unauthorized', message: error.message };
    if (error.status === 403 && error.body.category === 'MISSING_SCOPES') return { code: 'missing-scopes', message: error.message };
    return { code: 'hubspot-error', message: error.message };
  }
  return null;
}

/** Syncs one object type of one portal and reports; see the file comment. */
export async function syncPortal(portal: Portal, input: SyncPortalOptions): Promise<SyncReport> {
  const options = SyncPortalOptionsSchema.parse(input);
  const clock = portal.clock ?? realClock;
  const transport = new Transport({
    tokens: portal.tokens,
    clock,
    ...(portal.basePath !== undefined ? { basePath: portal.basePath } : {}),
    ...(portal.limiter !== undefined ? { limiter: portal.limiter } : {}),
    ...(portal.timeoutMs !== undefined ? { timeoutMs: portal.timeoutMs } : {}),
    ...(portal.maxAttempts !== undefined ? { maxAttempts: portal.maxAttempts } : {}),
    ...(portal.random !== undefined ? { random: portal.random } : {}),
  });
  const report = emptyReport(options.object, options.dryRun);
  try {
    return await sync(transport, portal.store, { ...options, clock, ...(portal.onProgress ? { onProgress: portal.onProgress } : {}) }, report);
  } catch (error) {
    const stopped = stopOf(error);
    if (stopped === null) throw error;
    report.stopped = stopped;
    return report;
  }
}
