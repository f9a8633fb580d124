// hubspot.fetch as a card of one portal sees it, over h13's fake marketplace (portalId, userId, userEmail
// and appId appended, v3 and v2 signatures). A backend status of 300-599 reaches the extension wrapped:
// status 200, category BAD_GATEWAY, the backend's status as appServerStatusCode (ui-extensions-dev-server
// 2.1.2 AppProxyService, "mirroring what the backend is doing"); the backend's body in `message` is our
// reading of it, so the client is also tested against an unwrapped body.
import type { HubSpotFetch } from '../../hubspot-app/ui/tierwise-client.ts';
import type { FakeMarketplace } from '../hubspot-app/fake-hubspot-oauth.ts';

export function hubspotFetch(fake: FakeMarketplace, portalId: string, options: { wrapErrors?: boolean; calls?: string[] } = {}): HubSpotFetch {
  return async (url, init = {}) => {
    options.calls?.push(`${init.method ?? 'GET'} ${url}`);
    const answer = await fake.cardFetch(url, portalId, { ...(init.method ? { method: init.method } : {}), ...(init.body ? { body: init.body } : {}) });
    if (options.wrapErrors === false || answer.status < 300) return answer;
    const body = { status: 'error', category: 'BAD_GATEWAY', message: await answer.text(), appServerStatusCode: answer.status };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}
