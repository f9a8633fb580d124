// A follow-up task within 24 hours (the retention playbook) when a record newly enters high churn
// risk, associated with the record (task→contact 204, task→company 192, SDK AssociationTypes), once
// per episode of high risk. Episodes end before values are written; tasks are created for the
// records at high risk without an open episode among those given (the run's changes, or every record
// after a run that stopped before its tasks), so a stopped run leaves its tasks to the next one.
import { z } from 'zod';
import { addDays } from '../../core/dates.ts';
import { BATCH_LIMIT, BatchResponseSchema, paths, RecordWithTasksSchema, type ObjectType } from './api.ts';
import { DailyLimitError, HubSpotError, UncertainOutcomeError, type Transport } from './transport.ts';
import type { SyncState } from './state-store.ts';
import type { SyncReport } from './sync.ts';
import type { Change } from './write-batch.ts';
import type { Result } from '../../core/schema/result.ts';
import type { Values } from './write-values.ts';

export interface TaskTarget {
  transport: Transport;
  store: SyncState;
  version: string;
  object: ObjectType;
  asOf: string;
  report: SyncReport;
}

export interface Scored {
  id: string;
  values: Values;
  result: Result;
}

const isHigh = (values: Values) => values['tierwise_churn_level'] === 'high';

/** Before writing: the records leaving high risk end their episode (a later return opens a new one). */
export async function endEpisodes(store: SyncState, object: ObjectType, changes: Change[]): Promise<void> {
  for (const c of changes) if (!isHigh(c.values)) await store.endEpisode(object, c.id);
}

const SUBJECT = 'Tierwise: high churn risk';

/**
 * Whether HubSpot holds the task a run sent for this record but never heard back about: one of the
 * record's tasks (read with `associations=tasks`, from the database, not the lagging search index)
 * with our subject and due date.
 */
async function alreadyCreated(target: TaskTarget, id: string, due: string): Promise<boolean> {
  const p = paths(target.version);
  const record = await target.transport.request(`read ${target.object} ${id} with its tasks`, { method: 'GET', path: p.record(target.object, id), qs: { associations: 'tasks', properties: 'hs_object_id' } }, RecordWithTasksSchema, [404]);
  const ids = (record.body?.associations?.tasks?.results ?? []).map((t) => ({ id: t.id })).slice(-BATCH_LIMIT);
  if (ids.length === 0) return false;
  const tasks = await target.transport.request('read tasks', { method: 'POST', path: p.tasksBatchRead(), body: { inputs: ids, properties: ['hs_task_subject', 'hs_timestamp'] } }, BatchResponseSchema);
  return (tasks.body?.results ?? []).some((t) => (t.properties['hs_task_subject'] ?? '').startsWith(SUBJECT) && Date.parse(t.properties['hs_timestamp'] ?? '') === Date.parse(due));
}

/**
 * After writing: a task for each given record at high risk with no open episode. A task whose answer
 * was lost is looked for on the next run before it is sent again, so it is neither lost nor doubled.
 */
export async function followUpTasks(target: TaskTarget, records: Scored[]): Promise<{ created: number; uncertain: number }> {
  const { transport, store, version, object, report } = target;
  let created = 0;
  let uncertain = 0;
  const associationTypeId = object === 'contacts' ? 204 : 192;
  const sentKey = (id: string) => `${object}:taskSent:${id}`;
  for (const c of records) {
    if (!isHigh(c.values)) continue;
    if ((await store.openEpisode(object, c.id)) !== null) continue;
    const due = `${c.result.followUpBy ?? addDays(target.asOf, 1)}T09:00:00Z`;
    const sent = await store.get(sentKey(c.id));
    if (sent !== null && (await alreadyCreated(target, c.id, sent))) {
      await store.startEpisode(object, c.id, target.asOf);
      await store.set(sentKey(c.id), null);
      continue;
    }
    // Written before sending: a crash or a lost answer leaves the mark the next run looks for.
    await store.set(sentKey(c.id), due);
    try {
      await transport.request(
        'create follow-up task',
        {
          method: 'POST',
          path: paths(version).tasks(),
          createsSomething: true,
          body: {
            properties: {
              hs_timestamp: due,
              hs_task_subject: `${SUBJECT} (${c.result.churnRisk}/100)`,
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
      await store.startEpisode(object, c.id, target.asOf);
      await store.set(sentKey(c.id), null);
      created++;
    } catch (error) {
      if (error instanceof UncertainOutcomeError) {
        uncertain++;
        report.failed.push({ id: c.id, reason: `follow-up task: ${error.message}; the next run checks whether HubSpot created it before sending it again` });
        continue;
      }
      // HubSpot refused this one task (e.g. an owner it does not know): reported, the others go on.
      // The daily limit and the token's rights concern every task: those stop the run.
      if (!(error instanceof HubSpotError) || error instanceof DailyLimitError || error.status === 401 || error.status === 403) throw error;
      await store.set(sentKey(c.id), null);
      report.failed.push({ id: c.id, reason: `follow-up task not created: ${error.message}` });
    }
  }
  return { created, uncertain };
}
