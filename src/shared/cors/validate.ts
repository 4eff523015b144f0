// Semantic checks of a CORS configuration beyond its XML shape (436/8279): AllowedMethod is one
// of GET, PUT, POST, DELETE, HEAD; MaxAgeSeconds is an integer; ExposeHeader names are printable
// ASCII. The last two are sent back as Access-Control-Max-Age / Access-Control-Expose-Headers on
// every matching request, so a value no HTTP header can carry would break all of them.
import type { CorsConfiguration } from '../xml/cors';

export const CORS_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'];

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const MAX_AGE = /^\d{1,10}$/;

/** undefined when valid, else why not. */
export function validateCors(config: CorsConfiguration): string | undefined {
  for (const rule of config.rules) {
    for (const m of rule.allowedMethods) {
      if (!CORS_METHODS.includes(m.toUpperCase())) return `Unsupported AllowedMethod ${m}.`;
    }
    if (rule.maxAgeSeconds !== undefined && !MAX_AGE.test(rule.maxAgeSeconds)) return 'MaxAgeSeconds must be a non-negative integer.';
    for (const h of rule.exposeHeaders) {
      if (!PRINTABLE_ASCII.test(h)) return `ExposeHeader ${JSON.stringify(h)} is not a valid header name.`;
    }
  }
  return undefined;
}

// Per-value checks, for an editor to name the problem next to the field it is in. They are stricter
// than validateCors (which judges what COS accepts): they refuse values COS stores but that can never
// match a browser's request, so nobody saves a rule that silently does nothing.

export type CorsOriginProblem = 'originSpace' | 'originStars' | 'originScheme' | 'originPath';
export type CorsHeaderProblem = 'headerName' | 'headerStars' | 'exposeWildcard';
export type CorsMaxAgeProblem = 'maxAgeInteger';

/**
 * One AllowedOrigin. COS allows one `*`, anywhere (436/8279: "通配符可出现在任何位置…但是只能有一个 *").
 * A browser's Origin is always `scheme://host[:port]` (RFC 6454), so a value other than `*` needs a
 * scheme (it may be the wildcard, `*://a.com`) and can have no path: `http://a.com/` matches nothing.
 */
export function originProblem(origin: string): CorsOriginProblem | undefined {
  if (/\s/.test(origin)) return 'originSpace';
  if ((origin.match(/\*/g) ?? []).length > 1) return 'originStars';
  if (origin === '*') return undefined;
  const m = /^[A-Za-z*][A-Za-z0-9+.*-]*:\/\/([^/]*)(.*)$/.exec(origin);
  if (!m) return 'originScheme';
  if ((m[2] ?? '') !== '') return 'originPath';
  return undefined;
}

// An HTTP field name is a token (RFC 9110 §5.1); `*` is one of its characters.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** One AllowedHeader: a header name, `*`, or a name with one `*` (`x-cos-meta-*`), compared case-insensitively (436/8279). */
export function allowedHeaderProblem(header: string): CorsHeaderProblem | undefined {
  if (!TOKEN.test(header)) return 'headerName';
  if ((header.match(/\*/g) ?? []).length > 1) return 'headerStars';
  return undefined;
}

/**
 * One ExposeHeader. COS sends the names verbatim in Access-Control-Expose-Headers, where a browser
 * reads `x-cos-meta-*` as the literal name and a lone `*` is ignored on credentialed requests (Fetch
 * standard, "CORS-protocol"): name each header.
 */
export function exposeHeaderProblem(header: string): CorsHeaderProblem | undefined {
  if (header.includes('*')) return 'exposeWildcard';
  if (!TOKEN.test(header)) return 'headerName';
  return undefined;
}

/** MaxAgeSeconds: a non-negative integer (436/8279), as validateCors requires. */
export function maxAgeProblem(maxAge: string): CorsMaxAgeProblem | undefined {
  return MAX_AGE.test(maxAge) ? undefined : 'maxAgeInteger';
}
