// The COS request signature (q-sign-algorithm=sha1), as the SDKs compute it and COS verifies it.
// Doc: https://cloud.tencent.com/document/product/436/7778 ; SDK: cos-js-sdk-v5 src/util.js getAuth.
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { canonicalPairs, httpString, type SignedPairs } from './canonical';
import { utf8 } from './encode';

export function hmacSha1Hex(key: string, message: string): string {
  return bytesToHex(hmac(sha1, utf8(key), utf8(message)));
}

export function sha1Hex(message: string): string {
  return bytesToHex(sha1(utf8(message)));
}

export interface SignInput {
  secretId: string;
  secretKey: string;
  method: string;
  /** Decoded pathname with a leading slash: `/` for service and bucket operations, `/<key>` for objects. */
  pathname: string;
  /** Query parameters to sign (all of them, subresources with an empty value). */
  query?: SignedPairs;
  /** Headers to sign; `host` must be the Host the request will carry (with its port). */
  headers?: SignedPairs;
  /** `<start>;<end>` in Unix seconds. */
  keyTime: string;
}

/** `StringToSign = "sha1\n" + q-sign-time + "\n" + hex(SHA1(HttpString)) + "\n"`. */
export function stringToSign(signTime: string, http: string): string {
  return `sha1\n${signTime}\n${sha1Hex(http)}\n`;
}

/** q-signature: HMAC-SHA1 keyed with the hex text of SignKey = HMAC-SHA1(SecretKey, KeyTime). */
export function computeSignature(secretKey: string, keyTime: string, signTime: string, http: string): string {
  return hmacSha1Hex(hmacSha1Hex(secretKey, keyTime), stringToSign(signTime, http));
}

/** The whole `Authorization` value (q-sign-time = q-key-time, as the SDKs always send). */
export function signRequest(input: SignInput): string {
  const query = input.query ?? {};
  const headers = input.headers ?? {};
  const http = httpString(input.method, input.pathname, query, headers);
  const signature = computeSignature(input.secretKey, input.keyTime, input.keyTime, http);
  return [
    'q-sign-algorithm=sha1',
    `q-ak=${input.secretId}`,
    `q-sign-time=${input.keyTime}`,
    `q-key-time=${input.keyTime}`,
    `q-header-list=${canonicalPairs(headers).list}`,
    `q-url-param-list=${canonicalPairs(query).list}`,
    `q-signature=${signature}`,
  ].join('&');
}

/** `<now>;<now+seconds>` — the SDK starts one second early to absorb clock drift. */
export function keyTimeFrom(nowMs: number, seconds: number): string {
  const start = Math.round(nowMs / 1000) - 1;
  return `${start};${start + seconds}`;
}
