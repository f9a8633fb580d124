// One run for one portal on the sync engine (adapters/hubspot syncPortal): contacts then companies,
// incremental as the engine does (a full read the first time), sharing one rate limiter for the
// portal (HubSpot counts per account), with the portal's OAuth tokens. A re-score of chosen records
// reads them by id first (a webhook arrives before HubSpot's search index has the change), then runs
// the same sync, which re-scores from the stored inputs and writes only what changed.
import { z } from 'zod';
import { syncPortal } from '../../../adapters/hubspot/sync-portal.ts';
import { emptyReport, type SyncReport } from '../../../adapters/hubspot/sync.ts';
import { stopOf } from '../../../adapters/hubspot/sync-portal.ts';
import { Transport } from '../../../adapters/hubspot/transport.ts';
import { CrmObjectSchema, type ObjectType } from '../../../adapters/hubspot/api.ts';
import { mappingFor, propertiesToRead } from '../../../adapters/hubspot/mapping.ts';
import { heldValues, VALUE_KEYS } from '../../../adapters/hubspot/write-values.ts';
import type { SyncState } from '../../../adapters/hubspot/state-store.ts';
import type { Clock, RateLimiter } from '../../../adapters/hubspot/token-bucket.ts';
import type { TokenProvider } from '../../../adapters/hubspot/token-provider.ts';
import type { RunJob } from '../queue/queue.ts';
import type { PortalSettings } from '../../ui/api-schema.ts';
import { localTime } from '../scheduler.ts';

export const API_VERSION = '2026-09';
const OBJECTS: readonly ObjectType[] = ['contacts', 'companies'];

export interface PortalSyncOptions {
  hubspotBaseUrl: string;
  tokens: TokenProvider;
  clock: Clock;
  /** The portal's limiter, kept across its runs in this process (HubSpot's window does not restart with a run). */
  limiter: RateLimiter;
  timeZone: string;
  /** What the admin set on the settings page: mapping, scoring rules, language, follow-up tasks. */
  settings: PortalSettings;
  onProgress: (done: number, total: number | null) => void;
}

export interface PortalRunReport {
  objects: SyncReport[];
  reread: number;
  /** The first object's stop, if any (the run stops there). */
  stopped: SyncReport['stopped'];
}

const BatchReadSchema = z.object({ results: z.array(CrmObjectSchema) });
const OWN = new Set<string>(VALUE_KEYS);

/** Reads the chosen records by id (POST /crm/objects/{version}/{object}/batch/read, 100 a request) into the state. */
async function reread(state: SyncState, transport: Transport, records: { object: ObjectType; id: string }[], settings: PortalSettings): Promise<number> {
  let read = 0;
  for (const object of OBJECTS) {
    const ids = [...new Set(records.filter((r) => r.object === object).map((r) => r.id))];
    const properties = [...new Set([...propertiesToRead(mappingFor(object, settings.mapping[object])), ...VALUE_KEYS])];
    for (let start = 0; start < ids.length; start += 100) {
      const inputs = ids.slice(start, start + 100).map((id) => ({ id }));
      const answer = await transport.request(`read ${object} by id`, { method: 'POST', path: `/crm/objects/${API_VERSION}/${object}/batch/read`, body: { inputs, properties } }, BatchReadSchema);
      const found = answer.body?.results ?? [];
      await state.upsert(object, found.map((r) => ({ id: r.id, properties: Object.fromEntries(Object.entries(r.properties).filter(([k]) => !OWN.has(k))), held: heldValues(r.properties) })));
      read += found.length;
    }
  }
  return read;
}

export async function runPortalSync(state: SyncState, job: RunJob, options: PortalSyncOptions): Promise<PortalRunReport> {
  const asOf = localTime(options.timeZone, options.clock.now()).day;
  const { limiter } = options;
  const objects: SyncReport[] = [];
  let reread_ = 0;
  if (job.kind === 'rescore-records') {
    try {
      reread_ = await reread(state, new Transport({ tokens: options.tokens, basePath: options.hubspotBaseUrl, clock: options.clock, limiter }), job.records ?? [], options.settings);
    } catch (error) {
      const stopped = stopOf(error);
      if (stopped === null) throw error;
      return { objects: [{ ...emptyReport('contacts', false), stopped }], reread: 0, stopped };
    }
  }
  let finished = 0;
  const { settings } = options;
  for (const object of OBJECTS) {
    // A changed mapping makes the stored inputs stale for every record: read them all again once.
    const mapping = JSON.stringify(mappingFor(object, settings.mapping[object]));
    const mappingBefore = await state.get(`${object}:mapping`);
    const report = await syncPortal(
      { tokens: options.tokens, store: state, basePath: options.hubspotBaseUrl, clock: options.clock, limiter, onProgress: (phase, done, total) => options.onProgress(finished + (phase === 'write' ? done : 0), total === null ? null : finished + total) },
      { object, version: API_VERSION, asOf, language: settings.language, createTasks: settings.followUpTasks, mapping: settings.mapping[object], scoring: settings.scoring, full: mappingBefore !== null && mappingBefore !== mapping },
    );
    objects.push(report);
    if (report.stopped !== null) return { objects, reread: reread_, stopped: report.stopped };
    await state.set(`${object}:mapping`, mapping);
    finished += report.changed;
  }
  return { objects, reread: reread_, stopped: null };
}
