// /api/…: what the record card and the settings page call through hubspot.fetch. Every request is
// signed by HubSpot; the portal is the signed `portalId` HubSpot appended, so one portal can only read
// or change its own schedule and runs. /api/rescore's body is the schema the card's client uses (ui/api-schema.ts).
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { fail } from '../http/errors.ts';
import { requireHubSpot } from '../http/hubspot-request.ts';
import { RescoreBodySchema } from '../../ui/api-schema.ts';

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const SettingsBody = z.strictObject({
  timeZone: z.string().refine(isTimeZone, 'timeZone must be an IANA time zone such as Europe/Berlin'),
  syncHour: z.number().int().min(0).max(23),
});


const RunParams = z.object({ runId: z.uuid() });

function body<S extends z.ZodType>(schema: S, request: FastifyRequest, reply: FastifyReply): z.output<S> | null {
  let json: unknown = {};
  try {
    json = request.rawBody === '' ? {} : JSON.parse(request.rawBody);
  } catch {
    fail(reply, 400, 'bad_request', 'The body is not JSON.');
    return null;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(reply, 400, 'bad_request', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
    return null;
  }
  return parsed.data;
}

export function apiRoutes(app: FastifyInstance, ctx: AppContext): void {
  const gate = requireHubSpot({ publicUrl: ctx.config.publicUrl, clientSecret: ctx.config.clientSecret, store: ctx.store, now: () => ctx.clock.now(), portalFromQuery: true });
  const notInstalled = (reply: FastifyReply) => fail(reply, 404, 'not_installed', 'Tierwise is not installed in this HubSpot account; install it from the App Marketplace.');

  app.get('/api/status', { preHandler: gate }, async (request, reply) => {
    const portal = await ctx.store.portal(request.portalId);
    if (portal === null) return notInstalled(reply);
    const runs = await ctx.store.runs(portal.portalId, 10);
    return { portalId: portal.portalId, status: portal.status, timeZone: portal.timeZone, syncHour: portal.syncHour, runs: runs.map(({ report: _report, ...run }) => run) };
  });

  app.put('/api/settings', { preHandler: gate }, async (request, reply) => {
    const settings = body(SettingsBody, request, reply);
    if (settings === null) return reply;
    if (!(await ctx.store.setSchedule(request.portalId, settings.timeZone, settings.syncHour))) return notInstalled(reply);
    return settings;
  });

  app.post('/api/rescore', { preHandler: gate }, async (request, reply) => {
    const what = body(RescoreBodySchema, request, reply);
    if (what === null) return reply;
    const portal = await ctx.store.portal(request.portalId);
    if (portal === null) return notInstalled(reply);
    const runId = randomUUID();
    const now = ctx.clock.now();
    if ('id' in what) {
      await ctx.store.createRun({ runId, portalId: portal.portalId, kind: 'rescore-records', queuedAt: now });
      await ctx.queue.enqueue({ runId, portalId: portal.portalId, kind: 'rescore-records', records: [{ object: what.object, id: what.id }] });
    } else {
      await ctx.store.createRun({ runId, portalId: portal.portalId, kind: 'rescore-portal', queuedAt: now });
      await ctx.queue.enqueue({ runId, portalId: portal.portalId, kind: 'rescore-portal' });
    }
    return reply.code(202).send({ runId });
  });

  app.get('/api/runs/:runId', { preHandler: gate }, async (request, reply) => {
    const params = RunParams.safeParse(request.params);
    if (!params.success) return fail(reply, 400, 'bad_request', 'runId must be the id /api/rescore answered.');
    // Keyed by the signed portal: another portal's run id reads as not found.
    const run = await ctx.store.run(request.portalId, params.data.runId);
    if (run === null) return fail(reply, 404, 'not_found', 'No such run in this HubSpot account.');
    return run;
  });

  app.post('/api/disconnect', { preHandler: gate }, async (request, reply) => {
    const portal = await ctx.store.portal(request.portalId);
    if (portal === null) return notInstalled(reply);
    await ctx.uninstall(portal.portalId, 'disconnected from the settings page');
    return { disconnected: portal.portalId };
  });
}
