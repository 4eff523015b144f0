// Stateless temporary keys: everything needed to accept a temporary key travels in its security
// token, so keys survive a restart of cos-local and need no database.
//   Token        = base64url(deflateRaw(JSON claims)) + '.' + base64url(HMAC-SHA256(macKey, first part))
//   macKey       = HMAC-SHA256(parent SecretKey, 'cos-local sts token v1')
//   TmpSecretKey = base64url(HMAC-SHA256(parent SecretKey, 'cos-local sts tmp-secret-key v1\n' + TmpSecretId))
// The claims name the parent key (a root account's or a sub-user's permanent SecretId), the
// TmpSecretId, the expiry and the session policy as requested. The token is signed, not encrypted:
// like any bearer credential it must be kept secret, but it cannot be forged or altered without the
// parent's SecretKey. Removing the parent key from the accounts file revokes its temporary keys.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

export interface TokenClaims {
  v: 1;
  /** The permanent SecretId the key was issued from. */
  parentSecretId: string;
  tmpSecretId: string;
  /** Expiry, epoch seconds. */
  exp: number;
  /** The session policy JSON text, as requested. */
  policy: string;
}

/** A token is at most this long, and its claims inflate to at most this many bytes. */
export const MAX_TOKEN_LENGTH = 64 * 1024;
const MAX_CLAIMS_BYTES = 256 * 1024;

const macKey = (parentSecretKey: string): Buffer => createHmac('sha256', parentSecretKey).update('cos-local sts token v1').digest();

function mac(parentSecretKey: string, payload: string): Buffer {
  return createHmac('sha256', macKey(parentSecretKey)).update(payload).digest();
}

/** The TmpSecretKey of a TmpSecretId: re-derived on every request from the parent's SecretKey. */
export function deriveTmpSecretKey(parentSecretKey: string, tmpSecretId: string): string {
  return createHmac('sha256', parentSecretKey).update(`cos-local sts tmp-secret-key v1\n${tmpSecretId}`).digest('base64url');
}

export function issueToken(claims: TokenClaims, parentSecretKey: string): string {
  const payload = deflateRawSync(Buffer.from(JSON.stringify(claims))).toString('base64url');
  return `${payload}.${mac(parentSecretKey, payload).toString('base64url')}`;
}

const B64URL = /^[A-Za-z0-9_-]+$/;

function isClaims(v: unknown): v is TokenClaims {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return c['v'] === 1 && typeof c['parentSecretId'] === 'string' && typeof c['tmpSecretId'] === 'string'
    && typeof c['exp'] === 'number' && Number.isFinite(c['exp']) && typeof c['policy'] === 'string';
}

/** The claims a token carries, NOT yet verified (undefined when it is not a token at all). */
export function readToken(token: string): TokenClaims | undefined {
  if (token.length > MAX_TOKEN_LENGTH) return undefined;
  const [payload, sig, extra] = token.split('.');
  if (payload === undefined || sig === undefined || extra !== undefined || !B64URL.test(payload) || !B64URL.test(sig)) return undefined;
  try {
    const json: unknown = JSON.parse(inflateRawSync(Buffer.from(payload, 'base64url'), { maxOutputLength: MAX_CLAIMS_BYTES }).toString('utf8'));
    return isClaims(json) ? json : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the token was issued from the key whose SecretKey is given (and is unaltered). */
export function verifyToken(token: string, parentSecretKey: string): boolean {
  const [payload = '', sig = ''] = token.split('.');
  // Compared as text: base64url has several spellings of the same bytes, a token has one.
  const expected = Buffer.from(mac(parentSecretKey, payload).toString('base64url'));
  const actual = Buffer.from(sig);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
