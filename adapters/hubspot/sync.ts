// The sync: read → map → score (core) → diff → write only what changed, in batches of 100.
// Resumable: reads checkpoint their cursor, and each accepted batch is recorded as written before the
// next is sent, so a run after a crash picks up where the last stopped and ends in the same state.
import { z } from 'zod';
import { scoreCustomers } from '../../core/score.ts';
import { summarize } from '../../core/summarize-results.ts';
import type { Result } from '../../core/schema/result.ts';
import type { Language } from '../../core/schema/options.ts';
import { addDays } from '../../core/dates.ts';
import { BATCH_LIMIT, BatchResponseSchema, paths, type ObjectType } from './api.ts';
import { HubSpotError, type Transport } from './transport.ts';
import { ensureProperties } from './properties.ts';
import { customerOf, mappingFor, propertiesToRead, type HubSpotField } from './mapping.ts';
import { readAll, readModifiedSince } from './read-records.ts';
import { changed, valuesOf, type Values } from './write-values.ts';
import type { StateStore } from './state-store.ts';
import type { Clock } from './token-bucket.ts';

export interface SyncOptions {
  object: ObjectType;
  version: string;
  asOf: string;
  language: Language;
  dryRun: boolean;
  createTasks: boolean;
  mapping?: Partial<Record<HubSpotField, string>>;
  /** A full read even when the store has a previous run (e.g. after changing the mapping). */
  full?: boolean;
  clock: Clock;
  onProgress?: (phase: 'read' | 'write', done: number, total: number | null) => void;
}

export interface SyncReport {
  object: ObjectType;
  mode: 'full' | 'incremental';
  read: number;
  scored: number;
  changed: number;
  written: number;
  failed: { id: string; reason: string }[];
  tasksCreated: number;
  /** "A → D": how many records move between tiers (dry runs show what would move). */
  tierMoves: Record<string, number>;
  sample: { id: string; before: string; after: string; reasons: string }[];
  requests: number;
  dryRun: boolean;
}

function failureReasons(errors: z.infer<typeof BatchResponseSchema>['errors'], ids: string[]): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const e of errors ?? []) {
    const failedIds = e.context?.['ids'] ?? e.context?.['id'] ?? [];
    for (const id of failedIds) reasons.set(id, `${e.category ?? 'ERROR'}: ${e.message ?? 'rejected'}`);
    if (failedIds.length === 0 && ids.length === 1 && ids[0] !== undefined) reasons.set(ids[0], `${e.category ?? 'ERROR'}: ${e.message ?? 'rejected'}`);
  }
  return reasons;
}

export async function sync(transport: Transport, store: StateStore, options: SyncOptions): Promise<SyncReport> {
  const { object, version } = options;
  const progress = options.onProgress ?? (() => undefined);
  if (!options.dryRun) await ensureProperties(transport, version, object, options.language);
  const mapping = mappingFor(object, options.mapping);
  const properties = propertiesToRead(mapping);

  // 1. Read: everything the first time (or when asked), else what changed since the last run.
  const readSince = store.get(`${object}:readSince`);
  const mode = readSince === null || options.full || store.get(`${object}:fullReadCursor`) !== null ? 'full' : 'incremental';
  const readStarted = options.clock.now();
  const read =
    mode === 'full'
      ? await readAll(transport, store, version, object, properties, (n) => progress('read', n, null))
      : await readModifiedSince(transport, store, version, object, properties, Number(readSince), (n) => progress('read', n, null));

  // 2. Score everyone from the local store: tiers move with time even when HubSpot does not.
  const records = store.all(object);
  const results = scoreCustomers(records.map((r) => customerOf(r.id, r.properties, mapping)), { asOf: options.asOf, language: options.language });

  // 3. Diff against what was last written.
  const changes: { id: string; values: Values; previous: Values | null; result: Result }[] = [];
  records.forEach((r, i) => {
    const result = results[i] as Result;
    const values = valuesOf(result);
    if (changed(r.written, values)) changes.push({ id: r.id, values, previous: r.written, result });
  });
  const tierMoves: Record<string, number> = {};
  for (const c of changes) {
    const key = `${c.previous?.['tierwise_tier'] || '∅'} → ${c.values['tierwise_tier'] || '∅'}`;
    tierMoves[key] = (tierMoves[key] ?? 0) + 1;
  }
  const report: SyncReport = {
    object,
    mode,
    read,
    scored: results.filter((r) => r.error === null).length,
    changed: changes.length,
    written: 0,
    failed: [],
    tasksCreated: 0,
    tierMoves,
    sample: changes.slice(0, 10).map((c) => ({ id: c.id, before: c.previous?.['tierwise_tier'] ?? '', after: c.values['tierwise_tier'] ?? '', reasons: c.values['tierwise_reasons'] ?? '' })),
    requests: 0,
    dryRun: options.dryRun,
  };
  if (options.dryRun) {
    report.requests = transport.counters.requests;
    return report;
  }

  // 4. Write the changes in batches of 100; a rejected record is reported and the rest carry on.
  const scoredAt = new Date(options.clock.now()).toISOString();
  for (let start = 0; start < changes.length; start += BATCH_LIMIT) {
    const batch = changes.slice(start, start + BATCH_LIMIT);
    await writeBatch(transport, store, version, object, batch, scoredAt, report);
    progress('write', Math.min(start + BATCH_LIMIT, changes.length), changes.length);
  }
  if (options.createTasks) report.tasksCreated = await followUpTasks(transport, store, version, object, changes, options, report);
  // The next daily read starts after our own last write (our writes bump lastmodifieddate too, and
  // re-reading them would cost a full sync); without writes, a few seconds before this read began,
  // for HubSpot's search index lag. An edit made by someone else while we were writing waits for
  // its record's next change or a --full run.
  const lastWrite = store.get(`${object}:lastWriteAt`);
  store.set(`${object}:readSince`, String(lastWrite !== null && Number(lastWrite) >= readStarted ? Number(lastWrite) + 1 : readStarted - 5_000));
  store.set(`${object}:fullReadCursor`, null);
  report.requests = transport.counters.requests;
  return report;
}

async function writeBatch(
  transport: Transport,
  store: StateStore,
  version: string,
  object: ObjectType,
  batch: { id: string; values: Values }[],
  scoredAt: string,
  report: SyncReport,
): Promise<void> {
  const inputs = batch.map((c) => ({ id: c.id, properties: { ...c.values, tierwise_scored_at: scoredAt } }));
  const answer = await transport.request(`update ${object}`, { method: 'POST', path: paths(version).batchUpdate(object), body: { inputs } }, BatchResponseSchema, [400]);
  if (answer.status === 400) {
    // A portal's write validation rule rejected the batch: write one by one to find who and why.
    if (batch.length === 1) {
      report.failed.push({ id: batch[0]?.id ?? '', reason: `${answer.error?.category ?? 'VALIDATION_ERROR'}: ${answer.error?.message ?? 'rejected'}` });
      return;
    }
    for (const single of batch) await writeBatch(transport, store, version, object, [single], scoredAt, report);
    return;
  }
  // 200 or 207: the records in `results` were written; `errors` says which were not and why.
  const reasons = failureReasons(answer.body?.errors, batch.map((c) => c.id));
  const written = new Set((answer.body?.results ?? []).map((r) => r.id));
  const accepted = batch.filter((c) => written.has(c.id) || (!reasons.has(c.id) && answer.status === 200));
  store.markWritten(object, accepted);
  store.set(`${object}:lastWriteAt`, String(transport.now()));
  report.written += accepted.length;
  for (const c of batch) if (!accepted.includes(c)) report.failed.push({ id: c.id, reason: reasons.get(c.id) ?? 'not confirmed by HubSpot' });
}

/** A task within 24 hours (the retention playbook) when a record newly enters high churn risk; once per episode. */
async function followUpTasks(
  transport: Transport,
  store: StateStore,
  version: string,
  object: ObjectType,
  changes: { id: string; values: Values; previous: Values | null; result: Result }[],
  options: SyncOptions,
  report: SyncReport,
): Promise<number> {
  let created = 0;
  const associationTypeId = object === 'contacts' ? 204 : 192;
  for (const c of changes) {
    const high = c.values['tierwise_churn_level'] === 'high';
    if (!high) {
      store.endEpisode(object, c.id);
      continue;
    }
    if (store.openEpisode(object, c.id) !== null) continue;
    const due = `${c.result.followUpBy ?? addDays(options.asOf, 1)}T09:00:00Z`;
    try {
      await transport.request(
        'create follow-up task',
        {
          method: 'POST',
          path: paths(version).tasks(),
          body: {
            properties: {
              hs_timestamp: due,
              hs_task_subject: `Tierwise: high churn risk (${c.result.churnRisk}/100)`,
              hs_task_body: `${c.result.nextAction ?? ''}\n\nWhy: ${c.result.reasons}`,
              hs_task_status: 'NOT_STARTED',
              hs_task_priority: 'HIGH',
              ...(c.result.owner ? { hubspot_owner_id: c.result.owner } : {}),
            },
            associations: [{ to: { id: c.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId }] }],
          },
        },
        z.object({ id: z.string() }),
      );
      store.startEpisode(object, c.id, options.asOf);
      created++;
    } catch (error) {
      if (!(error instanceof HubSpotError)) throw error;
      report.failed.push({ id: c.id, reason: `follow-up task not created: ${error.message}` });
    }
  }
  return created;
}

export { summarize };
