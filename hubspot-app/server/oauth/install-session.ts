// The install link's `state`, bound to the browser that started the install: /oauth/install sets a
// short-lived HttpOnly cookie holding a random nonce (HMAC-signed with a key derived from
// TIERWISE_ENCRYPTION_KEY, so no extra secret), and sends the same nonce as `state`. The callback
// accepts a code only from that browser, with that state, within 10 minutes (RFC 6749 §10.12: CSRF).
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export const COOKIE = 'tierwise_install';
const LIFETIME_MS = 10 * 60 * 1000;

export class InstallSessions {
  private readonly key: Buffer;
  private readonly secure: boolean;

  constructor(encryptionKey: Buffer, publicUrl: string) {
    this.key = Buffer.from(hkdfSync('sha256', encryptionKey, Buffer.alloc(0), 'tierwise install state', 32));
    this.secure = publicUrl.startsWith('https://');
  }

  private mac(nonce: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${nonce}.${expires}`).digest('base64url');
  }

  /** A new state and the Set-Cookie header value that binds it to this browser. */
  start(now: number): { state: string; setCookie: string } {
    const nonce = randomBytes(24).toString('base64url');
    const expires = now + LIFETIME_MS;
    const value = `${nonce}.${expires}.${this.mac(nonce, expires)}`;
    // SameSite=Lax: the cookie rides along on HubSpot's top-level redirect back to us, not on cross-site posts.
    return { state: nonce, setCookie: `${COOKIE}=${value}; Path=/oauth; HttpOnly; SameSite=Lax; Max-Age=${LIFETIME_MS / 1000}${this.secure ? '; Secure' : ''}` };
  }

  /** Clears the cookie once used. */
  clear(): string {
    return `${COOKIE}=; Path=/oauth; HttpOnly; SameSite=Lax; Max-Age=0${this.secure ? '; Secure' : ''}`;
  }

  /** Null when the state belongs to this browser's unexpired session, else why not (for our logs). */
  check(cookieHeader: string | undefined, state: string, now: number): string | null {
    const cookie = (cookieHeader ?? '').split(/;\s*/).find((c) => c.startsWith(`${COOKIE}=`))?.slice(COOKIE.length + 1);
    if (cookie === undefined || cookie === '') return 'no install session cookie';
    const [nonce, expires, mac] = cookie.split('.');
    if (nonce === undefined || expires === undefined || mac === undefined) return 'malformed install session cookie';
    const expected = Buffer.from(this.mac(nonce, Number(expires)));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'install session cookie not signed by us';
    if (Number(expires) < now) return 'install session expired';
    const a = Buffer.from(nonce);
    const b = Buffer.from(state);
    if (a.length !== b.length || !timingSafeEqual(a, b)) return 'state does not match this browser\'s install session';
    return null;
  }
}
