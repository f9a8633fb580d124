// A portal's access token, fresh: HubSpot's access tokens last 30 minutes and "a 401 is not a valid
// indicator" to refresh (usage guidelines), so we refresh by the stored expiry, ahead of it, one
// refresh per portal at a time in this process. Whatever refresh token a refresh returns is stored
// (HubSpot does not document rotation; this handles both). Across processes the store keeps the first
// writer's pair and the loser re-reads it. A dead refresh token marks the portal disconnected.
import type { Clock } from '../../../adapters/hubspot/token-bucket.ts';
import type { Store } from '../store/store.ts';
import type { TokenCipher } from '../token-cipher.ts';
import { TokenError, type TokenEndpoint } from './token-endpoint.ts';

/** Refresh this long before expiry, so a request never leaves with a token about to die. */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;

export class PortalDisconnectedError extends Error {
  override name = 'PortalDisconnectedError';
  readonly portalId: string;
  constructor(portalId: string, why: string) {
    super(`portal ${portalId} is disconnected (${why}); an admin must reinstall Tierwise from the HubSpot Marketplace`);
    this.portalId = portalId;
  }
}

export class PortalTokens {
  private readonly inflight = new Map<string, Promise<string>>();
  private readonly store: Store;
  private readonly cipher: TokenCipher;
  private readonly endpoint: TokenEndpoint;
  private readonly clock: Clock;
  refreshes = 0;

  constructor(store: Store, cipher: TokenCipher, endpoint: TokenEndpoint, clock: Clock) {
    this.store = store;
    this.cipher = cipher;
    this.endpoint = endpoint;
    this.clock = clock;
  }

  /** A provider bound to one portal, for the sync engine's transport. */
  forPortal(portalId: string): () => Promise<string> {
    return () => this.accessToken(portalId);
  }

  accessToken(portalId: string): Promise<string> {
    const running = this.inflight.get(portalId);
    if (running !== undefined) return running;
    const next = this.fresh(portalId).finally(() => this.inflight.delete(portalId));
    this.inflight.set(portalId, next);
    return next;
  }

  private async fresh(portalId: string, attempt = 1): Promise<string> {
    const portal = await this.store.portal(portalId);
    if (portal === null) throw new PortalDisconnectedError(portalId, 'not installed');
    if (portal.status !== 'active') throw new PortalDisconnectedError(portalId, 'its refresh token was refused');
    const now = this.clock.now();
    if (portal.accessExpiresAt - now > REFRESH_MARGIN_MS && !this.cipher.isStale(portal.accessToken)) return this.cipher.decrypt(portal.accessToken, portalId);
    let tokens;
    try {
      this.refreshes++;
      tokens = await this.endpoint.refresh(this.cipher.decrypt(portal.refreshToken, portalId), now);
    } catch (error) {
      if (!(error instanceof TokenError) || !error.revoked) throw error;
      // Another process may have refreshed (and rotated) first: use its pair if the store moved on.
      const latest = await this.store.portal(portalId);
      if (latest !== null && latest.refreshToken !== portal.refreshToken && attempt === 1) return this.fresh(portalId, 2);
      await this.store.setStatus(portalId, 'disconnected');
      throw new PortalDisconnectedError(portalId, 'HubSpot refused its refresh token');
    }
    if (tokens.portalId !== portalId) throw new Error(`refreshing portal ${portalId} returned a token for portal ${tokens.portalId}`);
    const stored = await this.store.replaceTokens(portalId, portal.refreshToken, {
      accessToken: this.cipher.encrypt(tokens.accessToken, portalId),
      refreshToken: this.cipher.encrypt(tokens.refreshToken, portalId),
      accessExpiresAt: tokens.expiresAt,
    });
    // Lost the race to another process: its pair is in the store and just as fresh.
    if (!stored && attempt === 1) return this.fresh(portalId, 2);
    return tokens.accessToken;
  }
}
