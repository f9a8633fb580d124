// Request signatures, tokens at rest and the install state, each against what an attacker would try.
import { describe, expect, it } from 'vitest';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { signedUri, verify, MAX_AGE_MS } from '../../hubspot-app/server/signature.ts';
import { TokenCipher } from '../../hubspot-app/server/token-cipher.ts';
import { InstallSessions } from '../../hubspot-app/server/oauth/install-session.ts';

const secret = 'client-secret-1234';
const now = Date.UTC(2026, 10, 29, 12);
const uri = 'https://app.tierwise.example/hubspot/webhooks';
const body = '[{"eventId":1,"portalId":101}]';
// HubSpot's documented v3 recipe, written out here rather than imported, so the test is independent of the code.
const v3 = (m: string, u: string, b: string, ts: number, s = secret) => createHmac('sha256', s).update(`${m}${u}${b}${ts}`).digest('base64');
const headers = (sig: string, ts: number) => ({ 'x-hubspot-signature-v3': sig, 'x-hubspot-request-timestamp': String(ts) });

describe('HubSpot request signatures', () => {
  it('accepts a valid v3 signature and says which', () => {
    expect(verify({ method: 'POST', uri, rawBody: body, headers: headers(v3('POST', uri, body, now), now) }, secret, now, { allowV2: false })).toMatchObject({ ok: true, version: 'v3' });
  });

  it.each([
    ['a tampered body', { rawBody: body.replace('101', '202') }],
    ['a tampered URL', { uri: `${uri}?portalId=202` }],
    ['another method', { method: 'PUT' }],
  ])('refuses %s', (_label, change) => {
    const request = { method: 'POST', uri, rawBody: body, headers: headers(v3('POST', uri, body, now), now), ...change };
    expect(verify(request, secret, now, { allowV2: false }).ok).toBe(false);
  });

  it('refuses a signature made with another secret', () => {
    expect(verify({ method: 'POST', uri, rawBody: body, headers: headers(v3('POST', uri, body, now, 'wrong-secret-999'), now) }, secret, now, { allowV2: false }).ok).toBe(false);
  });

  it('refuses a timestamp older than 5 minutes, even with a valid signature', () => {
    const old = now - MAX_AGE_MS - 1;
    expect(verify({ method: 'POST', uri, rawBody: body, headers: headers(v3('POST', uri, body, old), old) }, secret, now, { allowV2: false })).toMatchObject({ ok: false, reason: expect.stringMatching(/old/) });
    const edge = now - MAX_AGE_MS;
    expect(verify({ method: 'POST', uri, rawBody: body, headers: headers(v3('POST', uri, body, edge), edge) }, secret, now, { allowV2: false }).ok).toBe(true);
  });

  it('refuses a signature that was moved to another timestamp', () => {
    expect(verify({ method: 'POST', uri, rawBody: body, headers: headers(v3('POST', uri, body, now - 1000), now) }, secret, now, { allowV2: false }).ok).toBe(false);
  });

  it('signs over the URL with the characters HubSpot decodes, decoded', () => {
    const encoded = '/api/status?portalId=101&userEmail=a%40b.example&x=%3A%2F';
    const decoded = 'https://app.tierwise.example/api/status?portalId=101&userEmail=a@b.example&x=:/';
    expect(signedUri('https://app.tierwise.example', encoded)).toBe(decoded);
    expect(verify({ method: 'GET', uri: signedUri('https://app.tierwise.example', encoded), rawBody: '', headers: headers(v3('GET', decoded, '', now), now) }, secret, now, { allowV2: false }).ok).toBe(true);
  });

  it('accepts v2 only where allowed, and only when no v3 is present', () => {
    const v2 = createHash('sha256').update(`${secret}POST${uri}${body}`).digest('hex');
    const request = { method: 'POST', uri, rawBody: body, headers: { 'x-hubspot-signature': v2, 'x-hubspot-signature-version': 'v2' } };
    expect(verify(request, secret, now, { allowV2: true })).toMatchObject({ ok: true, version: 'v2' });
    expect(verify(request, secret, now, { allowV2: false }).ok).toBe(false);
    expect(verify({ ...request, rawBody: '[]' }, secret, now, { allowV2: true }).ok).toBe(false);
  });

  it('refuses a request with no signature at all', () => {
    expect(verify({ method: 'POST', uri, rawBody: body, headers: {} }, secret, now, { allowV2: true }).ok).toBe(false);
  });
});

describe('tokens at rest', () => {
  const key = randomBytes(32);
  it('round-trips a token, and the sealed text contains no part of it', () => {
    const cipher = new TokenCipher(key);
    const token = 'CJ7x-access-token-abcdef0123456789';
    const sealed = cipher.encrypt(token, '101');
    expect(sealed).not.toContain('abcdef');
    expect(cipher.decrypt(sealed, '101')).toBe(token);
    expect(cipher.encrypt(token, '101')).not.toBe(sealed); // fresh IV each time
  });

  it('does not decrypt a token moved to another portal, nor a tampered one', () => {
    const cipher = new TokenCipher(key);
    const sealed = cipher.encrypt('secret-token', '101');
    expect(() => cipher.decrypt(sealed, '202')).toThrow();
    const parts = sealed.split('.');
    parts[4] = Buffer.from('another-token').toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), '101')).toThrow();
  });

  it('rotates keys: the old key still decrypts as PREVIOUS and is reported stale; an unknown key is named', () => {
    const old = new TokenCipher(key);
    const sealed = old.encrypt('secret-token', '101');
    const next = randomBytes(32);
    const rotated = new TokenCipher(next, key);
    expect(rotated.decrypt(sealed, '101')).toBe('secret-token');
    expect(rotated.isStale(sealed)).toBe(true);
    expect(rotated.isStale(rotated.encrypt('secret-token', '101'))).toBe(false);
    expect(() => new TokenCipher(next).decrypt(sealed, '101')).toThrow(/neither TIERWISE_ENCRYPTION_KEY nor TIERWISE_ENCRYPTION_KEY_PREVIOUS/);
  });
});

describe('the install state', () => {
  const sessions = new InstallSessions(randomBytes(32), 'https://app.tierwise.example');
  const cookieOf = (setCookie: string) => setCookie.split(';')[0] as string;

  it('is accepted from the browser that started the install, within 10 minutes', () => {
    const { state, setCookie } = sessions.start(now);
    expect(setCookie).toMatch(/HttpOnly; SameSite=Lax; Max-Age=600; Secure$/);
    expect(sessions.check(cookieOf(setCookie), state, now + 60_000)).toBeNull();
  });

  it('is refused from another browser, with another state, late, or with a forged cookie', () => {
    const mine = sessions.start(now);
    const theirs = sessions.start(now);
    expect(sessions.check(undefined, mine.state, now)).toMatch(/no install session/);
    expect(sessions.check(cookieOf(theirs.setCookie), mine.state, now)).toMatch(/does not match/);
    expect(sessions.check(cookieOf(mine.setCookie), mine.state, now + 11 * 60_000)).toMatch(/expired/);
    const [name, value] = cookieOf(mine.setCookie).split('=') as [string, string];
    const [nonce, , mac] = value.split('.');
    expect(sessions.check(`${name}=${nonce}.${now + 10 ** 9}.${mac}`, mine.state, now)).toMatch(/not signed by us/);
  });
});
