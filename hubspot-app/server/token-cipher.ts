// OAuth tokens at rest: AES-256-GCM with a random 96-bit IV per value and the portal id as associated
// data (a token copied to another portal's row does not decrypt). Stored as
// "v1.<key id>.<iv>.<tag>.<ciphertext>" (base64url), the key id being the first 8 hex digits of the
// key's SHA-256. Rotation: set the new key as TIERWISE_ENCRYPTION_KEY and the old one as
// TIERWISE_ENCRYPTION_KEY_PREVIOUS; old values still decrypt and are re-encrypted with the new key on
// the next token refresh (every portal refreshes at least daily, at its sync); then drop the old key.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

export class TokenCipher {
  private readonly keys: Map<string, Buffer>;
  private readonly currentId: string;

  constructor(current: Buffer, previous: Buffer | null = null) {
    if (current.length !== 32 || (previous !== null && previous.length !== 32)) throw new Error('encryption keys must be 32 bytes');
    this.currentId = keyId(current);
    this.keys = new Map([[this.currentId, current]]);
    if (previous !== null) this.keys.set(keyId(previous), previous);
  }

  encrypt(plain: string, portalId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentId) as Buffer, iv);
    cipher.setAAD(Buffer.from(`portal:${portalId}`));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', this.currentId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  decrypt(sealed: string, portalId: string): string {
    const [version, id, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || id === undefined || iv === undefined || tag === undefined || body === undefined) throw new Error(`portal ${portalId}: stored token is not in the v1 format`);
    const key = this.keys.get(id);
    if (key === undefined) throw new Error(`portal ${portalId}: stored token was encrypted with key ${id}, which is neither TIERWISE_ENCRYPTION_KEY nor TIERWISE_ENCRYPTION_KEY_PREVIOUS`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(`portal:${portalId}`));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** True when the value was sealed with an older key and should be re-encrypted. */
  isStale(sealed: string): boolean {
    return sealed.split('.')[1] !== this.currentId;
  }
}
