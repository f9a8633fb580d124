// A record's result as of today, from the inputs the worker last stored for the portal (sync_records):
// the record is scored together with the portal's other records of its type, as the daily sync scores
// it (quantile RFM depends on everyone), with the portal's settings and in the reader's language. What
// the card, its task button and the workflow action show. Not-scored answers say why, in codes the UI words.
import { scoreCustomers } from '../../core/score.ts';
import type { Language } from '../../core/schema/options.ts';
import type { Result } from '../../core/schema/result.ts';
import type { CustomerInput } from '../../core/schema/customer.ts';
import { inPropertyTerms, mappingFor, problemsShown, readRecord } from '../../adapters/hubspot/mapping.ts';
import type { CardAnswer, PortalSettings, RecordRef } from '../ui/api-schema.ts';
import { localTime } from './scheduler.ts';
import type { Store } from './store/store.ts';
import { DbSyncState } from './sync/db-sync-state.ts';

export interface StoredInput {
  id: string;
  properties: Record<string, string | null>;
}

export type RecordScore = { state: 'scored'; asOf: string; result: Result } | Extract<CardAnswer, { state: 'not-scored' }>;

/** The inputs the worker keeps for the portal (its sync state in the app database). */
export async function storedInputs(store: Store, portalId: string, object: RecordRef['object']): Promise<StoredInput[]> {
  return (await new DbSyncState(store.db, portalId).all(object)).map((r) => ({ id: r.id, properties: r.properties }));
}

/** Every stored record of one type scored together, as the sync scores them; unreadable ones say what is wrong. */
export function scoreAll(inputs: StoredInput[], object: RecordRef['object'], settings: PortalSettings, language: Language, asOf: string): Map<string, RecordScore> {
  const mapping = mappingFor(object, settings.mapping[object]);
  const reads = inputs.map((input) => readRecord(input.id, input.properties, mapping));
  // Records with unreadable values are left out of the comparison, as the sync leaves them out.
  const customers: CustomerInput[] = [];
  for (const read of reads) if (read.customer !== null) customers.push(read.customer);
  const results = scoreCustomers(customers, { ...settings.scoring, asOf, language });
  const scores = new Map<string, RecordScore>();
  let next = 0;
  reads.forEach((read, i) => {
    const id = (inputs[i] as StoredInput).id;
    scores.set(
      id,
      read.customer === null
        ? { state: 'not-scored', why: 'unreadable', problems: problemsShown(read.problems, language) }
        : { state: 'scored', asOf, result: inPropertyTerms(results[next++] as Result, read.customer, mapping, object, asOf, language) },
    );
  });
  return scores;
}

const missing = (hadRun: boolean): RecordScore => ({ state: 'not-scored', why: hadRun ? 'not-read-yet' : 'no-run-yet', problems: [] });

/**
 * Scores `record` among `inputs` (which may include a freshly read copy of it). `hadRun`: a sync of the
 * portal has finished, so a record missing from its inputs was created after it.
 */
export function scoreAmong(inputs: StoredInput[], record: RecordRef, settings: PortalSettings, language: Language, asOf: string, hadRun: boolean): RecordScore {
  if (!inputs.some((i) => i.id === record.id)) return missing(hadRun);
  return scoreAll(inputs, record.object, settings, language, asOf).get(record.id) ?? missing(hadRun);
}

// One card view of a 100,000-contact portal scores all 100,000 (quantile RFM compares everyone):
// about 2 s here (bench/hubspot-card.ts). A user browsing records, or a workflow enrolling thousands,
// asks again and again with the same inputs, so the portal's scores are kept per process until its
// stored inputs move (row count, or the latest run changing state) or the question changes (settings,
// language, day). Bounded: a few portals' scores at a time.
const MAX_CACHED = 4;
const cache = new Map<string, { version: string; hadRun: boolean; scores: Map<string, RecordScore> }>();

async function inputsVersion(store: Store, portalId: string, object: string): Promise<{ version: string; hadRun: boolean }> {
  const [count] = await store.db.all<{ n: number }>('SELECT COUNT(*) AS n FROM sync_records WHERE portal_id = ? AND object = ?', [portalId, object]);
  const runs = await store.runs(portalId, 50);
  const latest = runs[0];
  return { version: `${Number(count?.n ?? 0)}|${latest?.runId ?? ''}:${latest?.state ?? ''}:${latest?.finishedAt ?? ''}`, hadRun: runs.some((run) => run.state === 'done') };
}

export interface ScoreQuestion {
  portalId: string;
  record: RecordRef;
  settings: PortalSettings;
  language: Language;
  asOf: string;
}

/** The record's score among the portal's stored inputs, computed once per version of them (see above). */
export async function storedScore(store: Store, q: ScoreQuestion): Promise<RecordScore> {
  const key = JSON.stringify([q.portalId, q.record.object, q.language, q.asOf, q.settings]);
  const { version, hadRun } = await inputsVersion(store, q.portalId, q.record.object);
  let entry = cache.get(key);
  if (entry === undefined || entry.version !== version) {
    const inputs = await storedInputs(store, q.portalId, q.record.object);
    entry = { version, hadRun, scores: scoreAll(inputs, q.record.object, q.settings, q.language, q.asOf) };
  }
  // Most recently used last; the oldest goes first.
  cache.delete(key);
  cache.set(key, entry);
  for (const oldest of cache.keys()) {
    if (cache.size <= MAX_CACHED) break;
    cache.delete(oldest);
  }
  return entry.scores.get(q.record.id) ?? missing(entry.hadRun);
}

export async function hadFinishedRun(store: Store, portalId: string): Promise<boolean> {
  return (await store.runs(portalId, 50)).some((run) => run.state === 'done');
}

/** Today in the portal's time zone: the as-of date of the daily sync. */
export function portalToday(timeZone: string, now: number): string {
  return localTime(timeZone, now).day;
}
