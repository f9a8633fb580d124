// POST /hubspot/webhooks: signed batches of events, acknowledged fast (the re-score is queued), each
// event once (HubSpot delivers at least once: deduplicated by portal and eventId). A deletion or
// privacy deletion removes what we store about the record before we answer.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { fail } from '../http/errors.ts';
import { requireHubSpot } from '../http/hubspot-request.ts';
import { actionFor, WebhookBatchSchema } from '../webhook-events.ts';

export function webhookRoutes(app: FastifyInstance, ctx: AppContext): void {
  const gate = requireHubSpot({ publicUrl: ctx.config.publicUrl, clientSecret: ctx.config.clientSecret, store: ctx.store, now: () => ctx.clock.now() });

  app.post('/hubspot/webhooks', { preHandler: gate }, async (request, reply) => {
    let json: unknown;
    try {
      json = JSON.parse(request.rawBody);
    } catch {
      return fail(reply, 400, 'bad_request', 'The body is not JSON: expected an array of webhook events.');
    }
    const batch = WebhookBatchSchema.safeParse(json);
    // 400 is not retried by HubSpot (webhooks doc): right for a batch that will never parse.
    if (!batch.success) return fail(reply, 400, 'bad_request', `Expected an array of 1 to 100 webhook events: ${batch.error.issues[0]?.message ?? 'invalid'}.`);
    const now = ctx.clock.now();
    const rescore = new Map<string, { object: 'contacts' | 'companies'; id: string }[]>();
    let duplicates = 0;
    let ignored = 0;
    let forgotten = 0;
    for (const event of batch.data) {
      const portal = await ctx.store.portal(event.portalId);
      if (portal === null) {
        ignored++;
        continue;
      }
      if (!(await ctx.store.claimEvent(event.portalId, event.eventId, now))) {
        duplicates++;
        continue;
      }
      const action = actionFor(event);
      if (action.kind === 'ignore') ignored++;
      else if (action.kind === 'forget') {
        await ctx.store.deleteRecord(event.portalId, action.object, action.id);
        forgotten++;
      } else {
        const list = rescore.get(event.portalId) ?? [];
        if (!list.some((r) => r.object === action.object && r.id === action.id)) list.push({ object: action.object, id: action.id });
        rescore.set(event.portalId, list);
      }
    }
    for (const [portalId, records] of rescore) {
      const runId = randomUUID();
      await ctx.store.createRun({ runId, portalId, kind: 'rescore-records', queuedAt: now });
      await ctx.queue.enqueue({ runId, portalId, kind: 'rescore-records', records });
    }
    request.log.info({ events: batch.data.length, duplicates, ignored, forgotten, rescoring: [...rescore.values()].reduce((n, l) => n + l.length, 0) }, 'webhook batch');
    return { received: batch.data.length, duplicates };
  });
}
