// POST /hubspot/actions/score: the "Score with Tierwise" workflow action (workflow-actions/
// score-hsmeta.json). HubSpot signs it (v2 per the custom-action guide; v3 accepted when present) and
// the portal is the one in the signed body's `origin`. The record is scored from the portal's stored
// inputs (read from HubSpot by id if the daily sync has not seen it yet) with the portal's settings,
// and the action answers its output fields with hs_execution_state SUCCESS; a record Tierwise cannot
// score answers FAIL_CONTINUE (the workflow goes on, the branch sees no tier). When scoring takes
// longer than `budgetMs`, it answers BLOCK and completes through the callback endpoint when done.
// Request and answer: /docs/api-reference/automation-actions-v4-v4/custom-action-reference.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import { CrmObjectSchema } from '../../../adapters/hubspot/api.ts';
import { mappingFor, propertiesToRead } from '../../../adapters/hubspot/mapping.ts';
import type { AppContext } from '../context.ts';
import { fail } from '../http/errors.ts';
import { requireHubSpot } from '../http/hubspot-request.ts';
import { portalSettings } from '../portal-settings.ts';
import { portalTransport } from '../portal-transport.ts';
import { hadFinishedRun, portalToday, scoreAmong, storedInputs, storedScore, type RecordScore } from '../record-scores.ts';
import { completeCallback, rememberCallback, type OutputFields } from '../workflow-callbacks.ts';

export const ActionRequestSchema = z.object({
  callbackId: z.string().min(1),
  origin: z.object({ portalId: z.union([z.number().int().positive(), z.string().regex(/^\d{1,12}$/)]).transform(String) }),
  object: z.object({ objectId: z.union([z.number().int().positive(), z.string().regex(/^\d{1,20}$/)]).transform(String), objectType: z.enum(['CONTACT', 'COMPANY']) }),
  inputFields: z.record(z.string(), z.unknown()).optional(),
});

const OBJECT = { CONTACT: 'contacts', COMPANY: 'companies' } as const;

/** HubSpot waits a few seconds at most for an action; past this we answer BLOCK and call back. */
export const ACTION_BUDGET_MS = 4_000;

/** The output fields of the action definition for a score; nulls (a prospect has no tier) are left out. */
export function outputFieldsOf(score: RecordScore): OutputFields {
  if (score.state !== 'scored') return { hs_execution_state: 'FAIL_CONTINUE' };
  const r = score.result;
  const fields: OutputFields = { hs_execution_state: 'SUCCESS' };
  if (r.tier !== null) fields['tierwise_tier'] = r.tier;
  if (r.segment !== null) fields['tierwise_segment'] = r.segment;
  if (r.churnRisk !== null) fields['tierwise_churn_risk'] = r.churnRisk;
  if (r.churnLevel !== null) fields['tierwise_churn_level'] = r.churnLevel;
  if (r.nextAction !== null) fields['tierwise_next_action'] = r.nextAction;
  return fields;
}

async function scoreForAction(ctx: AppContext, portalId: string, timeZone: string, record: { object: 'contacts' | 'companies'; id: string }): Promise<RecordScore> {
  const settings = await portalSettings(ctx.store, portalId);
  const asOf = portalToday(timeZone, ctx.clock.now());
  const stored = await storedScore(ctx.store, { portalId, record, settings, language: settings.language, asOf });
  if (stored.state === 'scored' || stored.why === 'unreadable') return stored;
  // Enrolled before the daily sync saw it (e.g. created a minute ago): read it by id, score it among the rest.
  const mapping = mappingFor(record.object, settings.mapping[record.object]);
  const answer = await portalTransport(ctx, portalId).request(
    `read ${record.object} ${record.id}`,
    { method: 'POST', path: `/crm/objects/2026-09/${record.object}/batch/read`, body: { inputs: [{ id: record.id }], properties: propertiesToRead(mapping) } },
    z.object({ results: z.array(CrmObjectSchema) }),
  );
  const inputs = await storedInputs(ctx.store, portalId, record.object);
  for (const found of answer.body?.results ?? []) inputs.push({ id: found.id, properties: found.properties });
  return scoreAmong(inputs, record, settings, settings.language, asOf, await hadFinishedRun(ctx.store, portalId));
}

/**
 * Completes callbacks still pending after `olderThanMs` (the process that answered BLOCK died, or
 * HubSpot kept refusing the completion): each is claimed first by moving its time (so two backends
 * ticking at once complete it once), scored again, and completed. Called by the scheduler's tick.
 */
export async function completeStaleCallbacks(ctx: AppContext, olderThanMs = 120_000): Promise<number> {
  const now = ctx.clock.now();
  const stale = await ctx.store.db.all<{ portal_id: string; callback_id: string; object: string; id: string; created_at: number }>('SELECT portal_id, callback_id, object, id, created_at FROM workflow_callbacks WHERE created_at < ? ORDER BY created_at LIMIT 100', [now - olderThanMs]);
  let completed = 0;
  for (const row of stale) {
    const claimed = await ctx.store.db.run('UPDATE workflow_callbacks SET created_at = ? WHERE portal_id = ? AND callback_id = ? AND created_at = ?', [now, row.portal_id, row.callback_id, row.created_at]);
    if (claimed !== 1) continue;
    const portal = await ctx.store.portal(row.portal_id);
    const object = row.object === 'companies' ? 'companies' : 'contacts';
    const outputs = portal === null || portal.status !== 'active' ? { hs_execution_state: 'FAIL_CONTINUE' } : outputFieldsOf(await scoreForAction(ctx, portal.portalId, portal.timeZone, { object, id: row.id }));
    await completeCallback(ctx, row.portal_id, row.callback_id, outputs);
    completed++;
  }
  return completed;
}

export function workflowActionRoutes(app: FastifyInstance, ctx: AppContext, budgetMs = ACTION_BUDGET_MS): void {
  const gate = requireHubSpot({ publicUrl: ctx.config.publicUrl, clientSecret: ctx.config.clientSecret, store: ctx.store, now: () => ctx.clock.now(), allowV2: true });

  app.post('/hubspot/actions/score', { preHandler: gate }, async (request, reply) => {
    let json: unknown;
    try {
      json = JSON.parse(request.rawBody);
    } catch {
      return fail(reply, 400, 'bad_request', 'The body is not JSON: expected a workflow action execution request.');
    }
    const parsed = ActionRequestSchema.safeParse(json);
    if (!parsed.success) return fail(reply, 400, 'bad_request', `Not a workflow action execution request: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
    const { callbackId, origin, object } = parsed.data;
    const portal = await ctx.store.portal(origin.portalId);
    if (portal === null || portal.status !== 'active') {
      request.log.warn({ portalId: origin.portalId }, 'workflow action for a portal without Tierwise');
      return { outputFields: { hs_execution_state: 'FAIL_CONTINUE' } };
    }
    const record = { object: OBJECT[object.objectType], id: object.objectId };
    const work = scoreForAction(ctx, portal.portalId, portal.timeZone, record);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), budgetMs);
    });
    const first = await Promise.race([work, late]).finally(() => clearTimeout(timer));
    if (first !== 'late') return { outputFields: outputFieldsOf(first) };

    await rememberCallback(ctx, portal.portalId, callbackId, record);
    work
      .then(
        (score) => outputFieldsOf(score),
        (error: unknown) => {
          request.log.error({ portalId: portal.portalId, error: error instanceof Error ? error.message : String(error) }, 'workflow action could not score; completing it as failed');
          return { hs_execution_state: 'FAIL_CONTINUE' } as OutputFields;
        },
      )
      .then((outputFields) => completeCallback(ctx, portal.portalId, callbackId, outputFields))
      .catch((error: unknown) => request.log.error({ portalId: portal.portalId, callbackId, error: error instanceof Error ? error.message : String(error) }, 'HubSpot did not take the workflow action completion; the callback stays pending'));
    // BLOCK: HubSpot waits for the callback (custom-action reference), at most this long.
    return { outputFields: { hs_execution_state: 'BLOCK', hs_expiration_duration: 'PT1H' } };
  });
}
