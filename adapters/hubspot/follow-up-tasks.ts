// A follow-up task within 24 hours (the retention playbook) when a record newly enters high churn
// risk, associated with the record (task→contact 204, task→company 192, SDK AssociationTypes), once
// per episode of high risk. Episodes end before values are written; tasks are created for the
// records at high risk without an open episode among those given (the run's changes, or every record
// after a run that stopped before its tasks), so a stopped run leaves its tasks to the next one.
import { z } from 'zod';
import { addDays } from '../../core/dates.ts';
import { paths, type ObjectType } from './api.ts';
import { DailyLimitError, HubSpotError, type Transport } from './transport.ts';
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

/** After writing: a task for each given record at high risk with no open episode. */
export async function followUpTasks(target: TaskTarget, records: Scored[]): Promise<number> {
  const { transport, store, version, object, report } = target;
  let created = 0;
  const associationTypeId = object === 'contacts' ? 204 : 192;
  for (const c of records) {
    if (!isHigh(c.values)) continue;
    if ((await store.openEpisode(object, c.id)) !== null) continue;
    const due = `${c.result.followUpBy ?? addDays(target.asOf, 1)}T09:00:00Z`;
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
      await store.startEpisode(object, c.id, target.asOf);
      created++;
    } catch (error) {
      // HubSpot refused this one task (e.g. an owner it does not know): reported, the others go on.
      // The daily limit and the token's rights concern every task: those stop the run.
      if (!(error instanceof HubSpotError) || error instanceof DailyLimitError || error.status === 401 || error.status === 403) throw error;
      report.failed.push({ id: c.id, reason: `follow-up task not created: ${error.message}` });
    }
  }
  return created;
}
