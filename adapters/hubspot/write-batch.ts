// Writing one batch of changed records. A record counts as written only when HubSpot's answer lists
// it: a 200 whose body is not a batch result (a proxy's page, `{}`) counts for nothing (the transport
// retries it, then stops the run). A batch HubSpot refuses with a 4xx is split in halves until the
// records it refuses are found: 2026-09 batch endpoints answer 200 or one error for the whole batch
// (no 207, spec `CRM/Contacts/Rollouts/424/2026-09/contacts.json`), and a portal's write validation
// rules (changelog 2026-08-11) or a record deleted meanwhile (404) reject a batch for one record.
import type { Result } from '../../core/schema/result.ts';
import { BatchResponseSchema, paths, type ObjectType } from './api.ts';
import type { Transport } from './transport.ts';
import type { SyncState } from './state-store.ts';
import type { SyncReport } from './sync.ts';
import type { Values } from './write-values.ts';

export interface Change {
  id: string;
  values: Values;
  previous: Values | null;
  result: Result;
}

export interface WriteTarget {
  transport: Transport;
  store: SyncState;
  version: string;
  object: ObjectType;
  scoredAt: string;
  report: SyncReport;
}

/**
 * 4xx answers that are about the records sent, so splitting finds who: all but 429 (rate limit,
 * retried by the transport), 401 and 403 (about the token or its scopes, the same for every record).
 */
const SPLITTABLE = Array.from({ length: 100 }, (_, i) => 400 + i).filter((s) => s !== 429 && s !== 401 && s !== 403);

export async function writeBatch(target: WriteTarget, batch: Change[]): Promise<void> {
  const { transport, store, version, object, scoredAt, report } = target;
  if (batch.length === 0) return;
  const inputs = batch.map((c) => ({ id: c.id, properties: { ...c.values, tierwise_scored_at: scoredAt } }));
  const answer = await transport.request(`update ${object}`, { method: 'POST', path: paths(version).batchUpdate(object), body: { inputs } }, BatchResponseSchema, SPLITTABLE);
  if (answer.body === null) {
    const only = batch[0] as Change;
    if (batch.length === 1) {
      report.failed.push({ id: only.id, reason: `${answer.error?.category ?? `HubSpot answered ${answer.status}`}: ${answer.error?.message ?? 'rejected'}` });
      return;
    }
    // Bisect: a single bad record costs about 2·log2(100) requests, not 100.
    const half = Math.ceil(batch.length / 2);
    await writeBatch(target, batch.slice(0, half));
    await writeBatch(target, batch.slice(half));
    return;
  }
  // Only the records the answer lists were written; v3's 207 `errors` say why others were not.
  const listed = new Set(answer.body.results.map((r) => r.id));
  const reasons = new Map<string, string>();
  for (const e of answer.body.errors ?? []) for (const id of e.context?.['ids'] ?? e.context?.['id'] ?? []) reasons.set(id, `${e.category ?? 'ERROR'}: ${e.message ?? 'rejected'}`);
  const accepted = batch.filter((c) => listed.has(c.id));
  await store.markWritten(object, accepted);
  report.written += accepted.length;
  for (const c of batch) if (!listed.has(c.id)) report.failed.push({ id: c.id, reason: reasons.get(c.id) ?? `HubSpot answered ${answer.status} without listing this record as written` });
}
