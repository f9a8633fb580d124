// Is this request from HubSpot? (/docs/apps/developer-platform/build-apps/authentication/request-validation)
// v3: X-HubSpot-Signature-v3 = base64(HMAC-SHA256(clientSecret, method + uri + rawBody + timestamp)),
// X-HubSpot-Request-Timestamp in ms, refused when older than 5 minutes. v2 (documented fallback, and what
// workflow-action requests carry): X-HubSpot-Signature = hex(SHA-256(clientSecret + method + uri + body)).
// `uri` is the full public URL HubSpot called (behind a proxy, our TIERWISE_PUBLIC_URL, never the Host
// header), with the characters HubSpot's reference lists URL-decoded. Compared in constant time.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const MAX_AGE_MS = 5 * 60 * 1000;

// "Decode any URL-encoded characters listed in the following table" (request-validation doc, v3 section).
const DECODED: Record<string, string> = { '%3A': ':', '%2F': '/', '%3F': '?', '%40': '@', '%21': '!', '%24': '$', '%27': "'", '%28': '(', '%29': ')', '%2A': '*', '%2C': ',', '%3B': ';' };

export function signedUri(publicUrl: string, pathAndQuery: string): string {
  return (publicUrl + pathAndQuery).replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (m) => DECODED[m.toUpperCase()] ?? m);
}

export interface SignedRequest {
  method: string;
  /** The full public URL, as signedUri builds it. */
  uri: string;
  rawBody: string;
  headers: Record<string, string | string[] | undefined>;
}

export type Verdict = { ok: true; version: 'v3' | 'v2'; signature: string; timestamp: number | null } | { ok: false; reason: string };

const header = (headers: SignedRequest['headers'], name: string): string | undefined => {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  // timingSafeEqual needs equal lengths; comparing the expected value with itself keeps the time flat.
  return left.length === right.length ? timingSafeEqual(left, right) : (timingSafeEqual(right, right), false);
}

export function v3Signature(secret: string, method: string, uri: string, rawBody: string, timestamp: string): string {
  return createHmac('sha256', secret).update(method + uri + rawBody + timestamp, 'utf8').digest('base64');
}

export function v2Signature(secret: string, method: string, uri: string, rawBody: string): string {
  return createHash('sha256').update(secret + method + uri + rawBody, 'utf8').digest('hex');
}

/** Checks the v3 signature, or the v2 one when a request carries no v3. The reason is for our logs only. */
export function verify(request: SignedRequest, secret: string, now: number, options: { allowV2: boolean }): Verdict {
  const v3 = header(request.headers, 'x-hubspot-signature-v3');
  if (v3 !== undefined) {
    const timestamp = header(request.headers, 'x-hubspot-request-timestamp') ?? '';
    if (!/^\d{10,16}$/.test(timestamp)) return { ok: false, reason: 'v3 without a valid timestamp' };
    const age = now - Number(timestamp);
    if (age > MAX_AGE_MS) return { ok: false, reason: `timestamp ${Math.round(age / 1000)} s old` };
    if (age < -MAX_AGE_MS) return { ok: false, reason: 'timestamp in the future' };
    const expected = v3Signature(secret, request.method, request.uri, request.rawBody, timestamp);
    return sameText(v3, expected) ? { ok: true, version: 'v3', signature: v3, timestamp: Number(timestamp) } : { ok: false, reason: 'v3 signature mismatch' };
  }
  const v2 = header(request.headers, 'x-hubspot-signature');
  const version = header(request.headers, 'x-hubspot-signature-version');
  if (v2 !== undefined && options.allowV2 && (version === undefined || version === 'v2')) {
    const expected = v2Signature(secret, request.method, request.uri, request.rawBody);
    return sameText(v2.toLowerCase(), expected) ? { ok: true, version: 'v2', signature: v2, timestamp: null } : { ok: false, reason: 'v2 signature mismatch' };
  }
  return { ok: false, reason: 'no HubSpot signature' };
}
