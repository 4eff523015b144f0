// Parsing a COS Authorization, from the header or from the query string of a pre-signed URL (436/7778).

export interface ParsedAuthorization {
  algorithm: string;
  accessKeyId: string;
  signTime: string;
  keyTime: string;
  /** Lower-cased header names, in the order given. */
  headerList: string[];
  /** Lower-cased parameter names, in the order given. */
  urlParamList: string[];
  signature: string;
}

export type ParseResult = { ok: true; value: ParsedAuthorization } | { ok: false; reason: string };

const REQUIRED = ['q-sign-algorithm', 'q-ak', 'q-sign-time', 'q-key-time', 'q-header-list', 'q-url-param-list', 'q-signature'] as const;

/** The names of the query parameters that carry a pre-signed URL's authorization. */
export const AUTH_QUERY_PARAMS: ReadonlySet<string> = new Set(REQUIRED);

function splitList(v: string): string[] {
  return v === '' ? [] : v.split(';').map((s) => s.toLowerCase());
}

/**
 * Parses `q-sign-algorithm=sha1&q-ak=…&…`. Values may be percent-encoded (pre-signed URLs carry
 * `q-url-param-list` encoded as `prefix%3bmax-keys`).
 */
export function parseAuthorization(fields: ReadonlyMap<string, string>): ParseResult {
  for (const name of REQUIRED) {
    if (!fields.has(name)) return { ok: false, reason: `missing ${name}` };
  }
  const get = (k: (typeof REQUIRED)[number]): string => fields.get(k) ?? '';
  return {
    ok: true,
    value: {
      algorithm: get('q-sign-algorithm'),
      accessKeyId: get('q-ak'),
      signTime: get('q-sign-time'),
      keyTime: get('q-key-time'),
      headerList: splitList(get('q-header-list')),
      urlParamList: splitList(get('q-url-param-list')),
      signature: get('q-signature'),
    },
  };
}

/**
 * Fields of an Authorization header value (`a=b&c=d`), decoded. Values are taken as sent, spaces
 * included: COS refuses a `q-ak` with a stray space as an unknown key (cos-nodejs-sdk-v5's suite,
 * "SecretId格式错误"), so it must not be trimmed into a valid one.
 */
export function authorizationFields(header: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const part of header.split('&')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    fields.set(part.slice(0, eq).trim().toLowerCase(), safeDecode(part.slice(eq + 1)));
  }
  return fields;
}

export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Parses `<start>;<end>` (Unix seconds). */
export function parseTimeRange(v: string): { start: number; end: number } | undefined {
  const m = /^(\d+);(\d+)$/.exec(v);
  if (!m) return undefined;
  return { start: Number(m[1]), end: Number(m[2]) };
}
