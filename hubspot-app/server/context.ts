// What the routes and the worker share: settings, storage, queue, token machinery and a clock.
import type { Clock } from '../../adapters/hubspot/token-bucket.ts';
import type { AppConfig } from './config.ts';
import type { PortalTokens } from './oauth/portal-tokens.ts';
import type { TokenEndpoint } from './oauth/token-endpoint.ts';
import type { JobQueue } from './queue/queue.ts';
import type { Store } from './store/store.ts';
import type { TokenCipher } from './token-cipher.ts';

export interface AppContext {
  config: AppConfig;
  store: Store;
  queue: JobQueue;
  cipher: TokenCipher;
  endpoint: TokenEndpoint;
  tokens: PortalTokens;
  clock: Clock;
  /** Removes the portal: the app uninstalled at HubSpot, tokens revoked, every stored row deleted. */
  uninstall(portalId: string, why: string): Promise<void>;
}
