// One run for one portal on the sync engine of adapters/hubspot: contacts then companies, incremental
// as the engine does (a full read the first time), inside the portal's rate limit (the engine's
// Transport: 110 per 10 s, search 5 per second, per portal). A re-score of chosen records reads them
// by id first (webhooks arrive before HubSpot's search index has the change), then runs the same sync.
import { z } from 'zod';
import { sync, type SyncReport } from '../../../adapters/hubspot/sync.ts';
import { Transport } from '../../../adapters/hubspot/transport.ts';
import { CrmObjectSchema, type ObjectType } from '../../../adapters/hubspot/api.ts';
import { mappingFor, propertiesToRead } from '../../../adapters/hubspot/mapping.ts';
import type { StateStore } from '../../../adapters/hubspot/state-store.ts';
import type { Clock } from '../../../adapters/hubspot/token-bucket.ts';
import type { RunJob } from '../queue/queue.ts';
import { localTime } from '../scheduler.ts';

export const API_VERSION = '2026-09';
const OBJECTS: readonly ObjectType[] = ['contacts', 'companies'];

export interface PortalSyncOptions {
  hubspotBaseUrl: string;
  accessToken: () => Promise<string>;
  clock: Clock;
  timeZone: string;
  onProgress: (done: number, total: number | null) => void;
}

export interface PortalRunReport {
  objects: SyncReport[];
  reread: number;
}

const BatchReadSchema = z.object({ results: z.array(CrmObjectSchema) });

async function transport(options: PortalSyncOptions): Promise<Transport> {
  return new Transport({ accessToken: await options.accessToken(), basePath: options.hubspotBaseUrl, clock: options.clock, burstPer10s: 110, searchPerSecond: 5 });
}

/** Reads the chosen records by id (POST /crm/objects/{version}/{object}/batch/read, 100 a request) into the state. */
async function reread(state: StateStore, options: PortalSyncOptions, records: { object: ObjectType; id: string }[]): Promise<number> {
  let read = 0;
  for (const object of OBJECTS) {
    const ids = [...new Set(records.filter((r) => r.object === object).map((r) => r.id))];
    if (ids.length === 0) continue;
    const t = await transport(options);
    const properties = propertiesToRead(mappingFor(object));
    for (let start = 0; start < ids.length; start += 100) {
      const inputs = ids.slice(start, start + 100).map((id) => ({ id }));
      const answer = await t.request(`read ${object} by id`, { method: 'POST', path: `/crm/objects/${API_VERSION}/${object}/batch/read`, body: { inputs, properties } }, BatchReadSchema);
      const found = answer.body?.results ?? [];
      state.upsert(object, found.map((r) => ({ id: r.id, properties: r.properties })));
      read += found.length;
    }
  }
  return read;
}

export async function runPortalSync(state: StateStore, job: RunJob, options: PortalSyncOptions): Promise<PortalRunReport> {
  const asOf = localTime(options.timeZone, options.clock.now()).day;
  const reread_ = job.kind === 'rescore-records' ? await reread(state, options, job.records ?? []) : 0;
  const objects: SyncReport[] = [];
  let finished = 0;
  for (const object of OBJECTS) {
    const report = await sync(await transport(options), state, {
      object,
      version: API_VERSION,
      asOf,
      language: 'en',
      dryRun: false,
      createTasks: false,
      clock: options.clock,
      onProgress: (phase, done, total) => options.onProgress(finished + (phase === 'write' ? done : 0), total === null ? null : finished + total),
    });
    finished += report.changed;
    objects.push(report);
  }
  return { objects, reread: reread_ };
}
