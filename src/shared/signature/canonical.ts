import { camSafeUrlEncode } from './encode';

/** A map of names to values as signed: header or query parameter names, case as given. */
export type SignedPairs = Readonly<Record<string, string>>;

/**
 * `HttpParameters`/`HttpHeaders` of the COS signature (436/7778): each name lower-cased after
 * encoding, each value encoded, sorted by name, joined with `&`. Returns the list too
 * (`q-url-param-list` / `q-header-list`: the sorted names joined with `;`).
 */
export function canonicalPairs(pairs: SignedPairs): { text: string; list: string } {
  const entries = Object.keys(pairs)
    .map((name) => [camSafeUrlEncode(name).toLowerCase(), camSafeUrlEncode(pairs[name] ?? '')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    text: entries.map(([k, v]) => `${k}=${v}`).join('&'),
    list: entries.map(([k]) => k).join(';'),
  };
}

/**
 * `HttpString = method\npathname\nparams\nheaders\n`. The pathname is the raw, decoded key with a
 * leading slash (not URL-encoded), e.g. `/dir/中文 a+b(1).txt`.
 */
export function httpString(method: string, pathname: string, params: SignedPairs, headers: SignedPairs): string {
  return `${method.toLowerCase()}\n${pathname}\n${canonicalPairs(params).text}\n${canonicalPairs(headers).text}\n`;
}
