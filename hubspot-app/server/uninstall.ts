// Uninstall or disconnect: ask HubSpot to uninstall the app from the portal (DELETE
// /appinstalls/2026-03/external-install, spec CRM/App Uninstalls 2026-03) and revoke the refresh token,
// then delete every row we hold for the portal. HubSpot failing to answer does not keep the data: it
// is logged, and the deletion goes ahead.
import type { Clock } from '../../adapters/hubspot/token-bucket.ts';
import type { PortalTokens } from './oauth/portal-tokens.ts';
import type { TokenEndpoint } from './oauth/token-endpoint.ts';
import type { Store } from './store/store.ts';
import type { TokenCipher } from './token-cipher.ts';

export function uninstaller(deps: { store: Store; tokens: PortalTokens; endpoint: TokenEndpoint; cipher: TokenCipher; hubspotBaseUrl: string; clock: Clock; log: (level: 'info' | 'warn', message: string, fields: Record<string, unknown>) => void }) {
  return async (portalId: string, why: string): Promise<void> => {
    const portal = await deps.store.portal(portalId);
    if (portal !== null && portal.status === 'active') {
      try {
        const token = await deps.tokens.accessToken(portalId);
        const answer = await fetch(`${deps.hubspotBaseUrl}/appinstalls/2026-03/external-install`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(15_000) });
        if (!answer.ok && answer.status !== 404) deps.log('warn', 'HubSpot did not confirm the uninstall', { portalId, status: answer.status });
        await deps.endpoint.revoke(deps.cipher.decrypt(portal.refreshToken, portalId));
      } catch (error) {
        deps.log('warn', 'could not tell HubSpot about the uninstall; deleting our data anyway', { portalId, error: error instanceof Error ? error.message : String(error) });
      }
    }
    await deps.store.deletePortal(portalId);
    deps.log('info', 'portal removed: tokens and data deleted', { portalId, why });
  };
}
