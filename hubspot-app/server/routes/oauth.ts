// Install: GET /oauth/install sends the admin to HubSpot's authorize page with our scopes and a state
// bound to their browser; GET /oauth/callback checks that state, exchanges the code on the
// date-versioned token endpoint, stores the sealed tokens for the portal HubSpot names in its token
// answer (hub_id), and queues the first sync.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { OPTIONAL_SCOPES, REQUIRED_SCOPES } from '../../project-schema.ts';
import type { AppContext } from '../context.ts';
import { fail } from '../http/errors.ts';
import { InstallSessions } from '../oauth/install-session.ts';
import { TokenError } from '../oauth/token-endpoint.ts';
import { localTime } from '../scheduler.ts';

/** A new portal syncs daily at 03:00 in UTC until its admin sets the hour and time zone (settings page). */
export const DEFAULT_SCHEDULE = { timeZone: 'UTC', syncHour: 3 };

const CallbackQuery = z.union([
  z.object({ code: z.string().min(1).max(512), state: z.string().min(1).max(128) }),
  z.object({ error: z.string().max(200), error_description: z.string().max(500).optional(), state: z.string().max(128).optional() }),
]);

export function redirectUri(publicUrl: string): string {
  return `${publicUrl}/oauth/callback`;
}

export function oauthRoutes(app: FastifyInstance, ctx: AppContext): void {
  const sessions = new InstallSessions(ctx.config.encryptionKeys.current, ctx.config.publicUrl);

  app.get('/oauth/install', async (_request, reply) => {
    const { state, setCookie } = sessions.start(ctx.clock.now());
    const url = new URL(ctx.config.authorizeUrl);
    url.searchParams.set('client_id', ctx.config.clientId);
    url.searchParams.set('redirect_uri', redirectUri(ctx.config.publicUrl));
    url.searchParams.set('scope', REQUIRED_SCOPES.join(' '));
    url.searchParams.set('optional_scope', OPTIONAL_SCOPES.join(' '));
    url.searchParams.set('state', state);
    return reply.header('set-cookie', setCookie).header('cache-control', 'no-store').redirect(url.toString(), 302);
  });

  app.get('/oauth/callback', async (request, reply) => {
    const query = CallbackQuery.safeParse(request.query);
    if (!query.success) return fail(reply, 400, 'bad_request', 'The install callback needs a code and a state from HubSpot; start again from the install link.');
    reply.header('set-cookie', sessions.clear()).header('cache-control', 'no-store');
    if ('error' in query.data) return fail(reply, 400, 'install_declined', `HubSpot did not grant access (${query.data.error}); nothing was installed.`);
    const refused = sessions.check(request.headers.cookie, query.data.state, ctx.clock.now());
    if (refused !== null) {
      request.log.warn({ reason: refused }, 'install callback refused');
      return fail(reply, 400, 'state_mismatch', 'This install link was started in another browser or has expired; start again from the install link.');
    }
    let tokens;
    try {
      tokens = await ctx.endpoint.exchangeCode(query.data.code, ctx.clock.now());
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      request.log.warn({ status: error.status }, 'code exchange refused');
      return fail(reply, 400, 'code_refused', 'HubSpot refused the install code (used or expired); start again from the install link.');
    }
    const missing = REQUIRED_SCOPES.filter((s) => !tokens.scopes.includes(s));
    if (missing.length > 0) return fail(reply, 400, 'scopes_missing', `The install did not grant ${missing.join(', ')}; Tierwise needs them to read and write tiers.`);
    const portalId = tokens.portalId;
    const now = ctx.clock.now();
    await ctx.store.saveInstall({
      portalId,
      accessToken: ctx.cipher.encrypt(tokens.accessToken, portalId),
      refreshToken: ctx.cipher.encrypt(tokens.refreshToken, portalId),
      accessExpiresAt: tokens.expiresAt,
      scopes: tokens.scopes,
      installedAt: now,
      ...DEFAULT_SCHEDULE,
    });
    // The first sync is today's: the scheduler starts tomorrow.
    const portal = await ctx.store.portal(portalId);
    await ctx.store.claimScheduledDay(portalId, localTime(portal?.timeZone ?? DEFAULT_SCHEDULE.timeZone, now).day);
    const runId = randomUUID();
    await ctx.store.createRun({ runId, portalId, kind: 'install', queuedAt: now });
    await ctx.queue.enqueue({ runId, portalId, kind: 'install' });
    request.log.info({ portalId, runId }, 'portal installed');
    return reply.type('text/plain; charset=utf-8').send(`Tierwise is installed in HubSpot account ${portalId}. The first scoring run has started; tiers appear on contacts and companies when it finishes.`);
  });
}
