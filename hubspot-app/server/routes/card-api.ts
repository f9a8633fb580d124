// /api/card and /api/card/task: what the record card calls through hubspot.fetch. Signed by HubSpot;
// the portal is the signed `portalId` (requireHubSpot), never a parameter of ours, so a card can only
// read and act on records of its own portal. Shapes: ui/api-schema.ts, shared with the card's client.
import { z } from 'zod';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { paths } from '../../../adapters/hubspot/api.ts';
import { HubSpotError } from '../../../adapters/hubspot/transport.ts';
import { CardQuerySchema, DEFAULT_HORIZONS, TaskBodySchema, type CardAnswer, type CardQuery, type TaskAnswer } from '../../ui/api-schema.ts';
import type { AppContext } from '../context.ts';
import { fail } from '../http/errors.ts';
import { requireHubSpot } from '../http/hubspot-request.ts';
import { PortalDisconnectedError } from '../../../adapters/hubspot/token-provider.ts';
import { portalSettings } from '../portal-settings.ts';
import { portalTransport } from '../portal-transport.ts';
import { portalToday, storedScore, type RecordScore } from '../record-scores.ts';
import { bodyOf, queryOf } from './request-input.ts';

// Task→contact 204, task→company 192 (HubSpot-defined association types, as adapters/hubspot/follow-up-tasks.ts).
const TASK_ASSOCIATION = { contacts: 204, companies: 192 } as const;

/** The portal, or the reply that says it is not there (404 not_installed) or disconnected (409). */
export async function activePortal(ctx: AppContext, portalId: string, reply: FastifyReply) {
  const portal = await ctx.store.portal(portalId);
  if (portal === null) {
    fail(reply, 404, 'not_installed', 'Tierwise is not installed in this HubSpot account; an admin can install it from the App Marketplace.');
    return null;
  }
  if (portal.status !== 'active') {
    fail(reply, 409, 'disconnected', 'Tierwise lost its access to this HubSpot account (uninstalled or revoked); an admin must reconnect it.');
    return null;
  }
  return portal;
}

export async function recordScore(ctx: AppContext, portalId: string, timeZone: string, query: CardQuery): Promise<{ score: RecordScore; horizons: { expectedPurchasesDays: number; clvMonths: number } }> {
  const settings = await portalSettings(ctx.store, portalId);
  const record = { object: query.object, id: query.id };
  const score = await storedScore(ctx.store, { portalId, record, settings, language: query.language, asOf: portalToday(timeZone, ctx.clock.now()) });
  return { score, horizons: DEFAULT_HORIZONS };
}

export function cardRoutes(app: FastifyInstance, ctx: AppContext): void {
  const gate = requireHubSpot({ publicUrl: ctx.config.publicUrl, clientSecret: ctx.config.clientSecret, store: ctx.store, now: () => ctx.clock.now(), portalFromQuery: true });

  app.get('/api/card', { preHandler: gate }, async (request, reply) => {
    const query = queryOf(CardQuerySchema, request, reply);
    if (query === null) return reply;
    const portal = await activePortal(ctx, request.portalId, reply);
    if (portal === null) return reply;
    const { score, horizons } = await recordScore(ctx, portal.portalId, portal.timeZone, query);
    const answer: CardAnswer = score.state === 'scored' ? { state: 'scored', asOf: score.asOf, horizons, result: score.result } : score;
    return answer;
  });

  app.post('/api/card/task', { preHandler: gate }, async (request, reply) => {
    const query = bodyOf(TaskBodySchema, request, reply);
    if (query === null) return reply;
    const portal = await activePortal(ctx, request.portalId, reply);
    if (portal === null) return reply;
    const { score } = await recordScore(ctx, portal.portalId, portal.timeZone, query);
    if (score.state !== 'scored' || score.result.followUpBy === null) return fail(reply, 409, 'not_scored', 'This record has no score yet, so there is no follow-up to plan; re-score it first.');
    const { result } = score;
    const due = result.followUpBy as string;
    try {
      const created = await portalTransport(ctx, portal.portalId).request(
        'create follow-up task',
        {
          method: 'POST',
          path: paths('2026-09').tasks(),
          body: {
            properties: {
              hs_timestamp: `${due}T09:00:00Z`,
              hs_task_subject: `Tierwise: ${result.nextAction ?? ''}`.slice(0, 250),
              hs_task_body: `${result.nextAction ?? ''}\n\n${result.reasons}`,
              hs_task_status: 'NOT_STARTED',
              hs_task_priority: result.churnLevel === 'high' ? 'HIGH' : 'MEDIUM',
              ...(result.owner ? { hubspot_owner_id: result.owner } : {}),
            },
            associations: [{ to: { id: query.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TASK_ASSOCIATION[query.object] }] }],
          },
        },
        z.object({ id: z.string() }),
      );
      const answer: TaskAnswer = { taskId: created.body?.id ?? '', due, ownerId: result.owner };
      return answer;
    } catch (error) {
      if (error instanceof PortalDisconnectedError) return fail(reply, 409, 'disconnected', 'Tierwise lost its access to this HubSpot account; an admin must reconnect it.');
      if (error instanceof HubSpotError) return fail(reply, 502, 'hubspot_refused', `HubSpot refused the task: ${error.message}`);
      throw error;
    }
  });
}
