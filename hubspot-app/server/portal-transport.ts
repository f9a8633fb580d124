// A Transport (the sync engine's HubSpot client: limiter, retries, zod-parsed answers) for one portal,
// with the portal's OAuth token: what the card's task button and the workflow action call HubSpot with.
import { Transport } from '../../adapters/hubspot/transport.ts';
import type { AppContext } from './context.ts';

/** `background`: nobody waits on it (a workflow callback), so HubSpot's 429s and 5xx get the engine's usual six attempts. */
export function portalTransport(ctx: AppContext, portalId: string, background = false): Transport {
  return new Transport({
    tokens: ctx.tokens.provider(portalId),
    basePath: ctx.config.hubspotBaseUrl,
    clock: ctx.clock,
    // A request made while a user waits fails in seconds, not after six jittered attempts.
    ...(background ? {} : { maxAttempts: 2, timeoutMs: 10_000 }),
  });
}
