// Tencent Cloud API signature v1 (the "API 2.0" HmacSHA1/HmacSHA256 form signature) that
// qcloud-cos-sts 3.1.3 uses for GetFederationToken (sdk/sts.js getSignature):
//   base64(HMAC(SecretKey, METHOD + host + path + '?' + sorted(k=v).join('&')))
// over the RAW parameter values (no URL-encoding), every parameter except Signature, keys sorted
// as JavaScript's default sort does. SignatureMethod absent means HmacSHA1.
// Doc: "签名方法 v1", repeated in every product's API docs, e.g. https://cloud.tencent.com/document/api/1007/31325.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureMethod = 'HmacSHA1' | 'HmacSHA256';

/** `POST127.0.0.1:9443/?Action=…&Nonce=…` — what is signed. */
export function stringToSignV1(method: string, host: string, path: string, params: ReadonlyMap<string, string>): string {
  const pairs = [...params.keys()].filter((k) => k !== 'Signature').sort().map((k) => `${k}=${params.get(k) ?? ''}`);
  return `${method.toUpperCase()}${host}${path}?${pairs.join('&')}`;
}

export function signV1(secretKey: string, text: string, method: SignatureMethod = 'HmacSHA1'): string {
  return createHmac(method === 'HmacSHA256' ? 'sha256' : 'sha1', secretKey).update(text, 'utf8').digest('base64');
}

/** Constant-time comparison of two base64 signatures. */
export function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
