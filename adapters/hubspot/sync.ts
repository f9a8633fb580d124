// The sync: read → map → score (core) → diff → write only what changed, in batches of 100.
// Resumable: a read checkpoints its cursor and, once finished, says so (a resumed run goes straight
// to writing); each batch HubSpot confirms is recorded as written before the next is sent. So a run
// after a crash picks up where the last stopped and ends in the same state as an uninterrupted run.
import { scoreCustomers, unscoredResult } from '../../core/score.ts';
import { summarize } from '../../core/summarize.ts';
import type { Result } from '../../core/schema/result.ts';
import type { Language, OptionsInput } from '../../core/schema/options.ts';
import { BATCH_LIMIT, type ObjectType } from './api.ts';
import type { Transport } from './transport.ts';
import { ensureProperties } from './properties.ts';
import { inPropertyTerms, mappingFor, problemsShown, problemText, propertiesToRead, readRecord, type HubSpotField } from './mapping.ts';
import { readAll, readModifiedSince, type ReadTarget } from './read-records.ts';
import { changed, valuesOf, type Values } from './write-values.ts';
import { writeBatch, type Change } from './write-batch.ts';
import { endEpisodes, followUpTasks } from './follow-up-tasks.ts';
import type { StoredRecord, SyncState } from './state-store.ts';
import type { Clock } from './token-bucket.ts';

export interface SyncOptions {
  object: ObjectType;
  version: string;
  asOf: string;
  language: Language;
  dryRun: boolean;
  createTasks: boolean;
  mapping?: Partial<Record<HubSpotField, string>>;
  /** The portal's scoring rules (tier per segment, thresholds, churn weights and levels); the core's defaults otherwise. */
  scoring?: Pick<OptionsInput, 'rfm' | 'segmentTiers' | 'churn'>;
  /** A full read even when the store has a previous run (e.g. after changing the mapping). */
  full?: boolean;
  clock: Clock;
  onProgress?: (phase: 'read' | 'write', done: number, total: number | null) => void;
}

export interface SyncReport {
  object: ObjectType;
  mode: 'full' | 'incremental';
  /** The read had finished before an interruption: this run went straight to writing. */
  resumed: boolean;
  read: number;
  scored: number;
  changed: number;
  /** Records HubSpot's answers listed as written: nothing else counts. */
  written: number;
  /** Records not written, and why (HubSpot's words). */
  failed: { id: string; reason: string }[];
  /** Values of a record that are not in HubSpot's documented format, reported like a bad row: the record is scored without them. */
  unreadable: { id: string; property: string; value: string; expected: string }[];
  tasksCreated: number;
  /** "A → D": how many records move between tiers (dry runs show what would move). */
  tierMoves: Record<string, number>;
  sample: { id: string; before: string; after: string; reasons: string }[];
  requests: number;
  dryRun: boolean;
  /** About the state itself (e.g. it was empty and the run started afresh). */
  notices: string[];
  /** Null when the sync ran to the end; else why it stopped, in one sentence (syncPortal only). */
  stopped: { code: string; message: string } | null;
}

/**
 * How far before a read's start the next daily read begins: HubSpot's search index lags "a few
 * moments" behind a write (search guide). The start is on HubSpot's clock when its answers carry a
 * Date header (they do), else on ours.
 */
export const READ_OVERLAP_MS = 30_000;

export function emptyReport(object: ObjectType, dryRun: boolean): SyncReport {
  return { object, mode: 'full', resumed: false, read: 0, scored: 0, changed: 0, written: 0, failed: [], unreadable: [], tasksCreated: 0, tierMoves: {}, sample: [], requests: 0, dryRun, notices: [], stopped: null };
}

/** One sync of one object type; throws on what stops it (see syncPortal for the report-only form). */
export async function sync(transport: Transport, store: SyncState, options: SyncOptions, report: SyncReport = emptyReport(options.object, options.dryRun)): Promise<SyncReport> {
  const { object, version, clock } = options;
  const progress = options.onProgress ?? (() => undefined);
  const key = (name: string) => `${object}:${name}`;
  report.notices.push(...store.notices);
  try {
    if (!options.dryRun) await ensureProperties(transport, version, object, options.language);
    const mapping = mappingFor(object, options.mapping);
    // 1. Read: everything the first time (or when asked), else what changed since the last run's read
    //    began. A read that finished before an interruption is not done again.
    const readStartedAt = await readPhase(transport, store, options, propertiesToRead(mapping), report);

    // 2. Score everyone from the local store: tiers move with time even when HubSpot does not.
    const records = await store.all(object);
    const read = records.map((r) => readRecord(r.id, r.properties, mapping));
    const scored = scoreCustomers(
      read.flatMap((r) => (r.customer === null ? [] : [r.customer])),
      { ...options.scoring, asOf: options.asOf, language: options.language },
    );
    // A record with a value HubSpot would never send is reported like a bad row: not scored, and
    // its Tierwise reasons say what is wrong.
    let next = 0;
    const results = read.map((r, i): Result => {
      if (r.customer !== null) return inPropertyTerms(scored[next++] as Result, r.customer, mapping, object, options.asOf, options.language);
      const id = (records[i] as StoredRecord).id;
      for (const p of problemsShown(r.problems, options.language)) report.unreadable.push({ id, ...p });
      return unscoredResult(id, problemText(object, id, r.problems, options.language));
    });

    // 3. Diff against what HubSpot holds (read back, or confirmed written).
    const changes: Change[] = [];
    const scoredRecords = records.map((r, i) => ({ id: r.id, values: valuesOf(results[i] as Result), result: results[i] as Result }));
    records.forEach((r, i) => {
      const { values, result } = scoredRecords[i] as (typeof scoredRecords)[number];
      if (changed(r.written, values)) changes.push({ id: r.id, values, previous: r.written, result });
    });
    report.scored = results.filter((r) => r.error === null).length;
    report.changed = changes.length;
    for (const c of changes) {
      const move = `${c.previous?.['tierwise_tier'] || '∅'} → ${c.values['tierwise_tier'] || '∅'}`;
      report.tierMoves[move] = (report.tierMoves[move] ?? 0) + 1;
    }
    report.sample = changes.slice(0, 10).map((c) => ({ id: c.id, before: c.previous?.['tierwise_tier'] ?? '', after: c.values['tierwise_tier'] ?? '', reasons: c.values['tierwise_reasons'] ?? '' }));
    if (options.dryRun) return report;

    // 4. Write the changes in batches of 100; a rejected record is reported and the rest carry on.
    // Episodes are kept only while tasks are made (one store call per changed record). A run that
    // stopped before finishing its tasks left `tasksDue`: this one then looks at every record at high
    // risk, not only at its changes, so those tasks are not lost.
    const tasksLeftOver = (await store.get(key('tasksDue'))) !== null;
    if (options.createTasks) {
      await store.set(key('tasksDue'), '1');
      await endEpisodes(store, object, changes);
    }
    const scoredAt = new Date(clock.now()).toISOString();
    for (let start = 0; start < changes.length; start += BATCH_LIMIT) {
      await writeBatch({ transport, store, version, object, scoredAt, report }, changes.slice(start, start + BATCH_LIMIT));
      progress('write', Math.min(start + BATCH_LIMIT, changes.length), changes.length);
    }
    if (options.createTasks) {
      const tasks = await followUpTasks({ transport, store, version, object, asOf: options.asOf, report }, tasksLeftOver ? scoredRecords : changes);
      report.tasksCreated = tasks.created;
      if (tasks.uncertain === 0) await store.set(key('tasksDue'), null);
    }
    await store.set(key('readSince'), String(readStartedAt - READ_OVERLAP_MS));
    await store.set(key('fullReadCursor'), null);
    await store.set(key('readDone'), null);
    await store.set(key('readStartedAt'), null);
    return report;
  } finally {
    report.requests = transport.counters.requests;
  }
}

/** The read, resumed or not; returns the run's start point (the next daily read starts before it). */
async function readPhase(transport: Transport, store: SyncState, options: SyncOptions, inputs: string[], report: SyncReport): Promise<number> {
  const { object, version, clock } = options;
  const key = (name: string) => `${object}:${name}`;
  const finishedRead = await store.get(key('readDone'));
  let readStartedAt = Number(await store.get(key('readStartedAt')));
  if (finishedRead !== null && !options.full && !options.dryRun && Number.isFinite(readStartedAt)) {
    report.mode = finishedRead === 'incremental' ? 'incremental' : 'full';
    report.resumed = true;
    return readStartedAt;
  }
  const readSince = await store.get(key('readSince'));
  const cursor = await store.get(key('fullReadCursor'));
  report.mode = readSince === null || options.full || cursor !== null ? 'full' : 'incremental';
  // The start point is taken when the read begins (kept when a full read resumes from its cursor,
  // and by a dry run while an interrupted run's writes are pending): a record edited while we read
  // or write is then read again by the next run.
  const pending = Number.isFinite(readStartedAt) && ((report.mode === 'full' && cursor !== null) || (options.dryRun && finishedRead !== null));
  let startFromHubSpot = !pending;
  if (!pending) {
    readStartedAt = clock.now();
    await store.set(key('readStartedAt'), String(readStartedAt));
  }
  const target: ReadTarget = {
    transport,
    store,
    version,
    object,
    inputs,
    onPage: async (n) => {
      options.onProgress?.('read', n, null);
      if (!startFromHubSpot) return;
      startFromHubSpot = false;
      // Once the first page is in, the start point is HubSpot's time of that answer, less the Date
      // header's second, when that is earlier than ours: of two clocks that disagree (ours ahead, or a
      // proxy dating answers by its own), the earlier start re-reads a little more and skips nothing.
      const answeredAt = transport.hubSpotTimeOfLastAnswer();
      if (answeredAt === null || answeredAt - 1_000 >= readStartedAt) return;
      readStartedAt = answeredAt - 1_000;
      await store.set(key('readStartedAt'), String(readStartedAt));
    },
  };
  if (options.full) await store.set(key('fullReadCursor'), null);
  report.read = report.mode === 'full' ? await readAll(target) : await readModifiedSince(target, Number(readSince));
  if (!options.dryRun) await store.set(key('readDone'), report.mode);
  await store.set(key('fullReadCursor'), null);
  return readStartedAt;
}

export type { Values, Change };
export { summarize };
