// The CORS tester: what COS answers a preflight (OPTIONS Object, https://cloud.tencent.com/document/product/436/8288)
// or adds to an actual request under a bucket's CORS configuration (PUT Bucket cors, 436/8279), with
// which rule matched (the first match wins) or why each rule did not. It is computed by the very
// evaluator cos-local answers with (./match), so the prediction is what cos-local does.
import type { CorsConfiguration } from '../xml/cors';
import { actualResponseHeaders, judgeRules, parseHeaderList, preflightResponseHeaders, type CorsMismatch, type PreflightRequest } from './match';

export type CorsTestRequest =
  /** A browser preflight: Origin, Access-Control-Request-Method and -Headers (raw comma list or names). */
  | { kind: 'preflight'; origin: string; method: string; headers?: string | readonly string[] }
  /** An actual request carrying Origin (GET, PUT…): CORS only adds headers, it never refuses. */
  | { kind: 'actual'; origin: string; method: string };

export interface CorsRuleReport {
  index: number;
  id?: string;
  matched: boolean;
  /** Empty when matched; otherwise each part of the request the rule does not allow. */
  mismatches: CorsMismatch[];
}

export type CorsOutcome =
  /** A rule matched: `matchedRule` is its index. */
  | 'matched'
  /** The bucket has rules, none matched. */
  | 'no-rule-matched'
  /** The bucket has no CORS configuration. */
  | 'no-configuration'
  /** A preflight without Origin or Access-Control-Request-Method: refused before any rule is looked at. */
  | 'malformed-preflight';

export interface CorsExplanation {
  kind: 'preflight' | 'actual';
  outcome: CorsOutcome;
  /** Index of the rule COS applies (the first that matches). */
  matchedRule?: number;
  /** Every rule's judgement in order (rules after the first match are judged too, for display). */
  rules: CorsRuleReport[];
  /**
   * The preflight's HTTP status: 200, 403 (AccessForbidden) or 400 (InvalidRequest). Undefined for an
   * actual request, whose status CORS does not decide.
   */
  status?: number;
  /** COS's error code when the preflight is refused. */
  code?: 'AccessForbidden' | 'InvalidRequest';
  /** Exactly the Access-Control-* (and Vary, with ResponseVary true) headers COS sends; {} when none. */
  headers: Record<string, string>;
}

function requestOf(req: CorsTestRequest): PreflightRequest {
  if (req.kind === 'actual') return { origin: req.origin, method: req.method, headers: [] };
  const headers = typeof req.headers === 'string' ? parseHeaderList(req.headers) : parseHeaderList((req.headers ?? []).join(','));
  return { origin: req.origin, method: req.method, headers };
}

/** What COS does with `req` under `config` (undefined: the bucket has no CORS configuration). */
export function explainCors(config: CorsConfiguration | undefined, req: CorsTestRequest): CorsExplanation {
  const refused = (outcome: CorsOutcome, rules: CorsRuleReport[], status: number, code: CorsExplanation['code']): CorsExplanation =>
    req.kind === 'preflight' ? { kind: req.kind, outcome, rules, status, code, headers: {} } : { kind: req.kind, outcome, rules, headers: {} };
  if (req.kind === 'preflight' && (req.origin === '' || req.method === '')) return refused('malformed-preflight', [], 400, 'InvalidRequest');
  if (!config) return refused('no-configuration', [], 403, 'AccessForbidden');
  const request = requestOf(req);
  const judgements = judgeRules(config, request);
  const rules = judgements.map((j, index): CorsRuleReport => {
    const id = config.rules[index]?.id;
    return { index, ...(id === undefined ? {} : { id }), matched: j.matched, mismatches: j.matched ? [] : j.mismatches };
  });
  const index = judgements.findIndex((j) => j.matched);
  const judgement = judgements[index];
  const rule = config.rules[index];
  if (!judgement?.matched || !rule) return refused('no-rule-matched', rules, 403, 'AccessForbidden');
  const match = { matched: true as const, rule, allowOrigin: judgement.allowOrigin };
  return req.kind === 'preflight'
    ? { kind: req.kind, outcome: 'matched', matchedRule: index, rules, status: 200, headers: preflightResponseHeaders(config, match, request) }
    : { kind: req.kind, outcome: 'matched', matchedRule: index, rules, headers: actualResponseHeaders(config, match) };
}

/** A mismatch in words, for a tester's table. */
export function describeMismatch(m: CorsMismatch): string {
  switch (m.kind) {
    case 'origin': return `origin ${m.origin} not allowed`;
    case 'method': return `method ${m.method} not allowed`;
    case 'header': return `header ${m.header} not allowed`;
  }
}
