// Bucket CORS rule matching, for OPTIONS preflights and for the headers added to actual requests.
// Docs: https://cloud.tencent.com/document/product/436/8288 (OPTIONS Object),
// https://cloud.tencent.com/document/product/436/8279 (PUT Bucket cors), and the COS console's CORS
// guide: rules are tried in order and the first match wins; an origin may hold a `*` wildcard
// (`http://*.example.com`); allowed headers are case-insensitive and may be `*`.
import type { CorsConfiguration, CorsRule } from '../xml/cors';

export interface PreflightRequest {
  origin: string;
  /** Access-Control-Request-Method */
  method: string;
  /** Access-Control-Request-Headers, split (see `parseHeaderList`). */
  headers: readonly string[];
}

export type CorsMatch = { matched: true; rule: CorsRule; allowOrigin: string } | { matched: false };

/** `*` matches any run of characters (also none); everything else is literal. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  const parts = p.split('*');
  if (parts.length === 1) return p === v;
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (v.length < first.length + last.length || !v.startsWith(first) || !v.endsWith(last)) return false;
  let at = first.length;
  const end = v.length - last.length;
  for (const middle of parts.slice(1, -1)) {
    const found = v.indexOf(middle, at);
    if (found < 0 || found + middle.length > end) return false;
    at = found + middle.length;
  }
  return true;
}

/** Splits a comma-separated header-name list, trimmed and lower-cased, empties dropped. */
export function parseHeaderList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value.split(',').map((h) => h.trim().toLowerCase()).filter((h) => h !== '');
}

function originMatch(rule: CorsRule, origin: string): string | undefined {
  for (const allowed of rule.allowedOrigins) {
    if (wildcardMatch(allowed, origin)) return allowed === '*' ? '*' : origin;
  }
  return undefined;
}

function methodMatch(rule: CorsRule, method: string): boolean {
  const m = method.toUpperCase();
  return rule.allowedMethods.some((allowed) => allowed.toUpperCase() === m);
}

function headerMatch(rule: CorsRule, header: string): boolean {
  return rule.allowedHeaders.some((allowed) => wildcardMatch(allowed, header, true));
}

/** Why one rule does not match a request: each part of the request it does not allow. */
export type CorsMismatch =
  | { kind: 'origin'; origin: string }
  | { kind: 'method'; method: string }
  | { kind: 'header'; header: string };

export type CorsRuleJudgement = { matched: true; allowOrigin: string } | { matched: false; mismatches: CorsMismatch[] };

/** One rule against a request: the Access-Control-Allow-Origin it would answer, or every mismatch. */
export function judgeRule(rule: CorsRule, req: PreflightRequest): CorsRuleJudgement {
  const mismatches: CorsMismatch[] = [];
  const allowOrigin = originMatch(rule, req.origin);
  if (allowOrigin === undefined) mismatches.push({ kind: 'origin', origin: req.origin });
  if (!methodMatch(rule, req.method)) mismatches.push({ kind: 'method', method: req.method });
  for (const header of req.headers) {
    if (!headerMatch(rule, header)) mismatches.push({ kind: 'header', header });
  }
  return allowOrigin !== undefined && mismatches.length === 0 ? { matched: true, allowOrigin } : { matched: false, mismatches };
}

/** Every rule's judgement, in order; the first matched one is the rule COS applies. */
export function judgeRules(config: CorsConfiguration | undefined, req: PreflightRequest): CorsRuleJudgement[] {
  return (config?.rules ?? []).map((rule) => judgeRule(rule, req));
}

/** The first rule allowing the origin, the method and every requested header. */
export function matchPreflight(config: CorsConfiguration | undefined, req: PreflightRequest): CorsMatch {
  for (const rule of config?.rules ?? []) {
    const judgement = judgeRule(rule, req);
    if (judgement.matched) return { matched: true, rule, allowOrigin: judgement.allowOrigin };
  }
  return { matched: false };
}

/** The first rule allowing an actual request's origin and method (headers are not checked). */
export function matchActual(config: CorsConfiguration | undefined, origin: string, method: string): CorsMatch {
  return matchPreflight(config, { origin, method, headers: [] });
}

function varyHeader(config: CorsConfiguration): Record<string, string> {
  // ResponseVary=true asks COS to send `Vary: Origin` (436/8279); it is off unless set.
  return config.responseVary?.toLowerCase() === 'true' ? { Vary: 'Origin' } : {};
}

/** Response headers of a successful preflight. */
export function preflightResponseHeaders(config: CorsConfiguration, match: CorsMatch & { matched: true }, req: PreflightRequest): Record<string, string> {
  const h: Record<string, string> = {
    'Access-Control-Allow-Origin': match.allowOrigin,
    'Access-Control-Allow-Methods': match.rule.allowedMethods.join(','),
  };
  if (req.headers.length > 0) h['Access-Control-Allow-Headers'] = req.headers.join(',');
  if (match.rule.exposeHeaders.length > 0) h['Access-Control-Expose-Headers'] = match.rule.exposeHeaders.join(',');
  if (match.rule.maxAgeSeconds !== undefined) h['Access-Control-Max-Age'] = match.rule.maxAgeSeconds;
  return { ...h, ...varyHeader(config) };
}

/** Headers added to an actual (non-preflight) response whose Origin matched a rule. */
export function actualResponseHeaders(config: CorsConfiguration, match: CorsMatch & { matched: true }): Record<string, string> {
  const h: Record<string, string> = { 'Access-Control-Allow-Origin': match.allowOrigin };
  if (match.rule.exposeHeaders.length > 0) h['Access-Control-Expose-Headers'] = match.rule.exposeHeaders.join(',');
  return { ...h, ...varyHeader(config) };
}
