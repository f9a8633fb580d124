// The gate of every route HubSpot calls: the raw body is kept for the signature, the signature is
// checked over our public URL, a signature seen before inside its 5-minute window is a replay, and the
// portal is the one HubSpot signed (the `portalId` HubSpot appends to hubspot.fetch URLs, inside the
// signed URL), never one named in the body.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_AGE_MS, signedUri, verify } from '../signature.ts';
import type { Store } from '../store/store.ts';
import { unauthorized } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody: string;
    /** Set by requireHubSpot on /api routes: the portal HubSpot signed for. */
    portalId: string;
  }
}

/** Keeps every JSON body as its exact text: signatures are over the bytes HubSpot sent. */
export function keepRawBodies(app: FastifyInstance): void {
  app.decorateRequest('rawBody', '');
  app.decorateRequest('portalId', '');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    request.rawBody = String(body);
    done(null, String(body));
  });
}

export interface GateOptions {
  publicUrl: string;
  clientSecret: string;
  store: Store;
  now: () => number;
  /** Workflow-action requests carry only the v2 signature (custom-action guide). */
  allowV2?: boolean;
  /** /api routes: the portal comes from HubSpot's signed `portalId` query parameter. */
  portalFromQuery?: boolean;
}

export function requireHubSpot(options: GateOptions) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const verdict = verify(
      { method: request.method, uri: signedUri(options.publicUrl, request.url), rawBody: request.rawBody, headers: request.headers },
      options.clientSecret,
      options.now(),
      { allowV2: options.allowV2 === true },
    );
    if (!verdict.ok) {
      request.log.warn({ reason: verdict.reason }, 'refused a request without a valid HubSpot signature');
      return unauthorized(reply);
    }
    // v2 carries no timestamp; its replay window is the same 5 minutes from first sight.
    const fresh = await options.store.claimSignature(`${verdict.version}:${verdict.signature}`, (verdict.timestamp ?? options.now()) + MAX_AGE_MS, options.now());
    if (!fresh) {
      request.log.warn('refused a replayed HubSpot request');
      return unauthorized(reply);
    }
    if (options.portalFromQuery) {
      const portalId = new URL(request.url, 'http://x').searchParams.get('portalId') ?? '';
      if (!/^\d{1,12}$/.test(portalId)) {
        request.log.warn('signed request without a portalId');
        return unauthorized(reply);
      }
      request.portalId = portalId;
    }
    return undefined;
  };
}
