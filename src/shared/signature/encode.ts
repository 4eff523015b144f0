/**
 * URL encoding exactly as the COS SDKs sign (cos-js-sdk-v5 src/util.js `camSafeUrlEncode`):
 * encodeURIComponent plus ! ' ( ) * — COS signature doc 436/7778.
 */
export function camSafeUrlEncode(s: string): string {
  return encodeURIComponent(s)
    .replace(/!/g, '%21')
    .replace(/'/g, '%27')
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29')
    .replace(/\*/g, '%2A');
}

/** Bytes of a string as UTF-8. */
export function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}
