// The legacy COS V4 signature (the JSON API's), which the XML API still takes in a `sign` query
// parameter: cos-nodejs-sdk-v5 builds it with `getV4Auth` (sdk/util.js getV4Auth) and its suite,
// written against real COS, fetches `…/1.txt?sign=<V4 signature>` from the XML endpoint.
// Format: base64(HMAC-SHA1(SecretKey, plain) ‖ plain), with
// plain = `a=<APPID>&b=<bucket without APPID>&k=<SecretId>&t=<signed at>&e=<expires>&r=<random>&f=<file id>`
// and the file id `/<APPID>/<bucket>/<URL-encoded key>` (empty: any object of the bucket).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { CosError } from '../shared/errors/cos-error';
import { safeDecode } from '../shared/signature/parse';
import type { KeyEntry, Principal } from './principal';

const HMAC_BYTES = 20;

export interface V4Input {
  /** The `sign` query parameter, decoded once (base64). */
  sign: string;
  /** The addressed bucket (`<name>-<appid>`) and key ('' below object level). */
  bucket: string | undefined;
  key: string;
  nowMs: number;
  /** How far in the future a signature may start, in seconds. */
  maxSkewSeconds: number;
}

function fieldsOf(plain: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const part of plain.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return fields;
}

/** True when `sign` is not a V5 Authorization (those carry `q-sign-algorithm=`). */
export function isV4Sign(sign: string): boolean {
  return !sign.includes('q-sign-algorithm=');
}

/** Who signed, or a 403 CosError. `findKey` resolves the SecretId (`k`). */
export function verifyV4(input: V4Input, findKey: (secretId: string) => KeyEntry): Principal {
  const bytes = Buffer.from(input.sign, 'base64');
  const malformed = new CosError('AccessDenied', { message: 'The sign parameter is malformed.' });
  if (bytes.length <= HMAC_BYTES) throw malformed;
  const mac = bytes.subarray(0, HMAC_BYTES);
  const plain = bytes.subarray(HMAC_BYTES).toString('utf8');
  const f = fieldsOf(plain);
  const [appId, bucket, secretId, t, e] = ['a', 'b', 'k', 't', 'e'].map((n) => f.get(n) ?? '');
  if (!appId || !bucket || !secretId || !/^\d+$/.test(t ?? '') || !/^\d+$/.test(e ?? '')) throw malformed;
  const entry = findKey(secretId ?? '');
  const expected = createHmac('sha1', entry.secretKey).update(plain, 'utf8').digest();
  if (!timingSafeEqual(expected, mac)) throw new CosError('SignatureDoesNotMatch');
  const now = Math.floor(input.nowMs / 1000);
  if (Number(e) <= now) throw new CosError('AccessDenied', { message: 'Request has expired' });
  if (Number(t) > now + input.maxSkewSeconds) throw new CosError('RequestTimeTooSkewed');
  // The signature names its bucket, and (when it names one) its object.
  if (input.bucket !== `${bucket}-${appId}`) throw new CosError('AccessDenied', { message: 'The signature is for another bucket.' });
  const fileId = f.get('f') ?? '';
  if (fileId !== '' && safeDecode(fileId) !== `/${appId}/${bucket}/${input.key}`) {
    throw new CosError('AccessDenied', { message: 'The signature is for another object.' });
  }
  return entry.principal;
}
