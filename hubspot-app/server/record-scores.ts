// A record's result as of today, from the inputs the worker last stored for the portal (sync_records):
// the record is scored together with the portal's other records of its type, as the daily sync scores
// it (quantile RFM depends on everyone), with the portal's settings and in the reader's language. What
// the card, its task button and the workflow action show. Not-scored answers say why, in codes the UI words.
import { scoreCustomers } from '../../core/score.ts';
import type { Language } from '../../core/schema/options.ts';
import type { Result } from '../../core/schema/result.ts';
import type { CustomerInput } from '../../core/schema/customer.ts';
import { mappingFor, readRecord } from '../../adapters/hubspot/mapping.ts';
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

/**
 * Scores `record` among `inputs` (which may include an extra, freshly read copy of it). `hadRun`: a
 * sync of the portal has finished, so a record missing from its inputs was created after it.
 */
export function scoreAmong(inputs: StoredInput[], record: RecordRef, settings: PortalSettings, language: Language, asOf: string, hadRun: boolean): RecordScore {
  const own = inputs.find((i) => i.id === record.id);
  if (own === undefined) return { state: 'not-scored', why: hadRun ? 'not-read-yet' : 'no-run-yet', problems: [] };
  const mapping = mappingFor(record.object, settings.mapping[record.object]);
  const ownRead = readRecord(own.id, own.properties, mapping);
  if (ownRead.customer === null) return { state: 'not-scored', why: 'unreadable', problems: ownRead.problems };
  // Records with unreadable values are left out of the comparison, as the sync leaves them out.
  const customers: CustomerInput[] = [];
  for (const input of inputs) {
    const read = input === own ? ownRead : readRecord(input.id, input.properties, mapping);
    if (read.customer !== null) customers.push(read.customer);
  }
  const results = scoreCustomers(customers, { ...settings.scoring, asOf, language });
  const result = results.find((r) => r.id === record.id) as Result;
  return { state: 'scored', asOf, result };
}

export async function hadFinishedRun(store: Store, portalId: string): Promise<boolean> {
  return (await store.runs(portalId, 50)).some((run) => run.state === 'done');
}

/** Today in the portal's time zone: the as-of date of the daily sync. */
export function portalToday(timeZone: string, now: number): string {
  return localTime(timeZone, now).day;
}
