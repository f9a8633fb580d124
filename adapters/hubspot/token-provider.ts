// Where the transport gets a portal's access token. The CLI has one fixed private-app token; the
// marketplace app has OAuth tokens that live 30 minutes and must be refreshed from their stored TTL
// ("401 is not a valid indicator that a new access token must be retrieved", HubSpot usage
// guidelines), one refresh at a time per portal. The app supplies the OAuth call; this file owns
// the timing, the single flight and the "disconnected" state.
import type { Clock } from './token-bucket.ts';

export interface TokenProvider {
  /** A token valid for the next request. Throws PortalDisconnectedError when there is none to be had. */
  accessToken(): Promise<string>;
  /**
   * HubSpot answered 401 to a request sent with `rejected`. Answer 'retry' when a new token may help
   * (the transport retries that request once), 'give-up' otherwise (the 401 reaches the caller).
   */
  onUnauthorized?(rejected: string): Promise<'retry' | 'give-up'>;
}

/** The portal's tokens cannot be refreshed (app uninstalled, refresh token revoked): nothing to retry. */
export class PortalDisconnectedError extends Error {
  override name = 'PortalDisconnectedError';
}

/** A private app's token (the CLI's HUBSPOT_ACCESS_TOKEN): it does not expire, so a 401 is final. */
export function fixedToken(token: string): TokenProvider {
  return { accessToken: async () => token };
}

export interface FreshToken {
  accessToken: string;
  /** HubSpot's `expires_in` (1800 for OAuth access tokens). */
  expiresInSeconds: number;
}

export interface RefreshingTokenOptions {
  /** Exchanges the portal's refresh token for a new access token (the app's OAuth call); throws when HubSpot refuses. */
  refresh: () => Promise<FreshToken>;
  /** The token the app already holds, if any, and when it expires (epoch ms on `clock`). */
  current?: { accessToken: string; expiresAt: number };
  clock: Clock;
  /** Refresh this long before expiry, so no request leaves with a token about to die. Default 5 minutes. */
  refreshAheadMs?: number;
  /** Called once, when a refresh fails: the app marks the portal disconnected and stops scheduling it. */
  onDisconnected?: (reason: string) => void | Promise<void>;
}

/**
 * An OAuth token provider for one portal: refreshes ahead of expiry, never twice at once (concurrent
 * callers share one refresh), and once a refresh fails every call throws PortalDisconnectedError.
 */
export function refreshingToken(options: RefreshingTokenOptions): TokenProvider {
  const ahead = options.refreshAheadMs ?? 5 * 60_000;
  let current = options.current ?? null;
  let inFlight: Promise<string> | null = null;
  let disconnected: string | null = null;

  const refresh = (): Promise<string> => {
    inFlight ??= (async () => {
      try {
        const fresh = await options.refresh();
        current = { accessToken: fresh.accessToken, expiresAt: options.clock.now() + fresh.expiresInSeconds * 1000 };
        return fresh.accessToken;
      } catch (error) {
        disconnected = `the access token could not be refreshed (${error instanceof Error ? error.message : String(error)}); reconnect the app to this portal`;
        await options.onDisconnected?.(disconnected);
        throw new PortalDisconnectedError(disconnected);
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  };

  return {
    async accessToken() {
      if (disconnected !== null) throw new PortalDisconnectedError(disconnected);
      if (current !== null && current.expiresAt - ahead > options.clock.now()) return current.accessToken;
      return refresh();
    },
    async onUnauthorized(rejected) {
      if (disconnected !== null) return 'give-up';
      // Another request may have refreshed already; only the holder of the current token asks again.
      if (current !== null && current.accessToken !== rejected) return 'retry';
      await refresh();
      return 'retry';
    },
  };
}
