// A portal's access token, fresh: HubSpot's access tokens last 30 minutes and "a 401 is not a valid
// indicator" to refresh (usage guidelines), so we refresh by the stored expiry, ahead of it, one
// refresh per portal at a time in this process. Whatever refresh token a refresh returns is stored
// (HubSpot does not document rotation; this handles both). Across processes the store keeps the first
// writer's pair and the loser re-reads it. A dead refresh token marks the portal disconnected.
import type { Clock } from '../../../adapters/hubspot/token-bucket.ts';
import { PortalDisconnectedError, type TokenProvider } from '../../../adapters/hubspot/token-provider.ts';
import type { Store } from '../store/store.ts';
import type { TokenCipher } from '../token-cipher.ts';
import { TokenError, type TokenEndpoint } from './token-endpoint.ts';

/** Refresh this long before expiry, so a request never leaves with a token about to die. */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** The engine's error (a run reports it as stopped: disconnected), worded for this portal. */
const disconnected = (portalId: string, why: string) => new PortalDisconnectedError(`portal ${portalId} is disconnected (${why}); an admin must reinstall Tierwise from the HubSpot Marketplace`);

export class PortalTokens {
  private readonly inflight = new Map<string, Promise<string>>();
  private readonly distrusted = new Set<string>();
  private readonly store: Store;
  private readonly cipher: TokenCipher;
  private readonly endpoint: TokenEndpoint;
  private readonly clock: Clock;

  constructor(store: Store, cipher: TokenCipher, endpoint: TokenEndpoint, clock: Clock) {
    this.store = store;
    this.cipher = cipher;
    this.endpoint = endpoint;
    this.clock = clock;
  }

  /**
   * HubSpot answered 401 with a token we thought valid (revoked, or the app uninstalled in HubSpot):
   * one refresh, not a loop. Resolves to a new token, or throws PortalDisconnectedError.
   */
  async afterUnauthorized(portalId: string): Promise<string> {
    this.distrusted.add(portalId);
    try {
      return await this.accessToken(portalId);
    } finally {
      this.distrusted.delete(portalId);
    }
  }

  /** The engine's TokenProvider for one portal: a 401 gets one refresh and one retry, never a loop. */
  provider(portalId: string): TokenProvider {
    return {
      accessToken: () => this.accessToken(portalId),
      onUnauthorized: async () => {
        await this.afterUnauthorized(portalId);
        return 'retry';
      },
    };
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
    if (portal === null) throw disconnected(portalId, 'not installed');
    if (portal.status !== 'active') throw disconnected(portalId, 'its refresh token was refused');
    const now = this.clock.now();
    if (portal.accessExpiresAt - now > REFRESH_MARGIN_MS && !this.cipher.isStale(portal.accessToken) && !this.distrusted.has(portalId)) return this.cipher.decrypt(portal.accessToken, portalId);
    let tokens;
    try {
      tokens = await this.endpoint.refresh(this.cipher.decrypt(portal.refreshToken, portalId), now);
    } catch (error) {
      if (!(error instanceof TokenError) || !error.revoked) throw error;
      // Another process may have refreshed (and rotated) first: use its pair if the store moved on.
      const latest = await this.store.portal(portalId);
      if (latest !== null && latest.refreshToken !== portal.refreshToken && attempt === 1) return this.fresh(portalId, 2);
      await this.store.setStatus(portalId, 'disconnected');
      throw disconnected(portalId, 'HubSpot refused its refresh token');
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
