// HubSpot's date-versioned OAuth token endpoint, posted by us: @hubspot/api-client 14 still calls the
// v1 endpoints, deprecated 2027-02-16. Spec: Auth/Oauth/Rollouts/279897/2026-03/oauth.json —
// `POST /oauth/2026-03/token`, application/x-www-form-urlencoded, every parameter in the body;
// AccessTokenResponse {access_token, refresh_token, expires_in, token_type, token_use, hub_id?, scopes?};
// `/token/introspect` answers hub_id for a token when the token response leaves it out.
import { z } from 'zod';

const TokenResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  token_type: z.string(),
  hub_id: z.number().int().positive().optional(),
  scopes: z.array(z.string()).optional(),
});

const IntrospectResponse = z.object({ active: z.boolean(), hub_id: z.number().int().positive(), scopes: z.array(z.string()) });

// RFC 6749 `error`/`error_description` plus HubSpot's legacy `status`/`message` (changelog: new OAuth v3 endpoints).
const ErrorResponse = z.object({ error: z.string().optional(), error_description: z.string().optional(), status: z.string().optional(), message: z.string().optional(), category: z.string().optional() }).catch({});

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms. */
  expiresAt: number;
  portalId: string;
  scopes: string[];
}

/** HubSpot refused the grant: `revoked` when the refresh token is dead (uninstalled or revoked). */
export class TokenError extends Error {
  override name = 'TokenError';
  readonly revoked: boolean;
  readonly status: number;
  constructor(what: string, status: number, code: string, detail: string) {
    super(`${what}: HubSpot answered ${status} ${code}${detail ? `: ${detail}` : ''}`);
    this.status = status;
    this.revoked = status === 400 && (code === 'invalid_grant' || code === 'BAD_REFRESH_TOKEN');
  }
}

export interface TokenEndpointOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export class TokenEndpoint {
  private readonly options: TokenEndpointOptions;

  constructor(options: TokenEndpointOptions) {
    this.options = options;
  }

  private async post(what: string, path: string, form: Record<string, string>): Promise<unknown> {
    const response = await (this.options.fetch ?? fetch)(`${this.options.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      json = { message: text.slice(0, 200) };
    }
    if (!response.ok) {
      const e = ErrorResponse.parse(json ?? {});
      throw new TokenError(what, response.status, e.error ?? e.status ?? e.category ?? 'error', e.error_description ?? e.message ?? '');
    }
    return json;
  }

  private async tokens(what: string, form: Record<string, string>, now: number): Promise<Tokens> {
    const t = TokenResponse.parse(await this.post(what, '/oauth/2026-03/token', { ...form, client_id: this.options.clientId, client_secret: this.options.clientSecret }));
    let portalId = t.hub_id;
    let scopes = t.scopes;
    if (portalId === undefined || scopes === undefined) {
      const info = IntrospectResponse.parse(await this.post('introspect token', '/oauth/2026-03/token/introspect', { token: t.access_token, token_type_hint: 'access_token', client_id: this.options.clientId, client_secret: this.options.clientSecret }));
      portalId = info.hub_id;
      scopes = info.scopes;
    }
    return { accessToken: t.access_token, refreshToken: t.refresh_token, expiresAt: now + t.expires_in * 1000, portalId: String(portalId), scopes };
  }

  exchangeCode(code: string, now: number): Promise<Tokens> {
    return this.tokens('exchange authorization code', { grant_type: 'authorization_code', code, redirect_uri: this.options.redirectUri }, now);
  }

  refresh(refreshToken: string, now: number): Promise<Tokens> {
    return this.tokens('refresh access token', { grant_type: 'refresh_token', refresh_token: refreshToken }, now);
  }

  /** Uninstall from our side: the refresh token stops working. */
  async revoke(refreshToken: string): Promise<void> {
    await this.post('revoke refresh token', '/oauth/2026-03/token/revoke', { token: refreshToken, token_type_hint: 'refresh_token', client_id: this.options.clientId, client_secret: this.options.clientSecret });
  }
}
