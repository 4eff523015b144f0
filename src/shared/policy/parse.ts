// parsePolicy: JSON text or value → the normalised model plus lints, for cos-local (bucket and CAM
// policies), the console's editor (lint) and the console server (session policies).
import type { Lint, Policy, PolicySource, Statement } from './model';
import { parseStatement, parsePrincipal } from './parse-statement';
import { Diagnostics, field, isObject, ptr, unknownKeys } from './parse-util';

export type ParseResult =
  | { readonly ok: true; readonly policy: Policy; readonly warnings: readonly Lint[] }
  | { readonly ok: false; readonly errors: readonly Lint[]; readonly warnings: readonly Lint[] };

export interface ParseOptions {
  /** What the policy is for; decides size limits and whether `principal` is required or ignored. Default `bucket`. */
  readonly kind?: PolicySource;
}

// Bucket policy: 20 KB (tencentcloud 436/45235, "バケットポリシーのサイズ制限は20KB"). CAM policy:
// 4096 characters (tencentcloud 436/12469, "Policy limits"). No documented limit for STS session
// policies: warn past 4096.
const BUCKET_MAX_BYTES = 20 * 1024;
const CAM_MAX_CHARS = 4096;

function checkSize(text: string, kind: PolicySource, d: Diagnostics): void {
  if (kind === 'bucket' && new TextEncoder().encode(text).length > BUCKET_MAX_BYTES) {
    d.error('', 'too-large', 'a bucket policy is at most 20 KB (COS doc 436/45235)');
  } else if (kind === 'identity' && text.length > CAM_MAX_CHARS) {
    d.error('', 'too-large', `a CAM policy is at most ${CAM_MAX_CHARS} characters`);
  } else if (kind === 'session' && text.length > CAM_MAX_CHARS) {
    d.warn('', 'size-unverified', `longer than the ${CAM_MAX_CHARS}-character CAM limit; STS may reject it`);
  }
}

function toValue(input: unknown, d: Diagnostics): { value: unknown; text: string } | undefined {
  if (typeof input !== 'string') return { value: input, text: JSON.stringify(input) ?? '' };
  try {
    return { value: JSON.parse(input) as unknown, text: input };
  } catch (e) {
    d.error('', 'invalid-json', `not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

function statementsOf(raw: unknown, path: string, d: Diagnostics): { value: unknown; path: string }[] | undefined {
  if (Array.isArray(raw)) {
    if (raw.length === 0) d.warn(path, 'empty-statement', 'the policy has no statements and grants nothing');
    return raw.map((value, i) => ({ value, path: ptr(path, i) }));
  }
  if (isObject(raw)) {
    // The syntax pages say a policy has one statement (tencentcloud 436/12469, 436/18023), every
    // example has an array (docs/cos-behaviour.md "Traps in the policy documentation" 4).
    d.warn(path, 'single-statement-object', 'statement should be an array; a single object was accepted');
    return [{ value: raw, path }];
  }
  d.error(path, 'bad-statement', 'statement must be an array of statements');
  return undefined;
}

/** Parses and lints a policy. A string is parsed as JSON; anything else is taken as the parsed value. */
export function parsePolicy(input: unknown, options: ParseOptions = {}): ParseResult {
  const kind = options.kind ?? 'bucket';
  const d = new Diagnostics();
  const parsed = toValue(input, d);
  if (!parsed) return { ok: false, errors: d.errors, warnings: d.warnings };
  checkSize(parsed.text, kind, d);
  const doc = parsed.value;
  if (!isObject(doc)) {
    d.error('', 'not-an-object', 'a policy is a JSON object');
    return { ok: false, errors: d.errors, warnings: d.warnings };
  }
  for (const k of unknownKeys(doc, ['version', 'statement', 'principal'])) {
    d.warn(ptr('', k), 'unknown-top-level-element', `"${k}" is not a policy element and is ignored`);
  }
  const version = field(doc, 'version', '', d);
  if (version?.value !== '2.0') d.error(version?.path ?? '/version', 'bad-version', 'version must be the string "2.0"');
  const topPrincipalF = field(doc, 'principal', '', d);
  const topPrincipal = topPrincipalF ? parsePrincipal(topPrincipalF, d) : undefined;
  if (topPrincipalF && kind !== 'bucket') d.warn(topPrincipalF.path, 'principal-ignored', 'principal is ignored outside bucket policies');
  const stmtF = field(doc, 'statement', '', d);
  const raws = stmtF ? statementsOf(stmtF.value, stmtF.path, d) : (d.error('/statement', 'bad-statement', 'statement is required'), undefined);
  const statements: Statement[] = [];
  for (const r of raws ?? []) {
    const s = parseStatement(r.value, r.path, topPrincipal, d);
    if (s) statements.push(s);
    lintPrincipal(s, r.path, kind, topPrincipalF !== undefined, d);
  }
  if (kind === 'identity' && d.pascal) {
    d.warn('', 'pascal-case-keys', 'the CAM console requires lowercase element names');
  }
  if (d.errors.length > 0) return { ok: false, errors: d.errors, warnings: d.warnings };
  return { ok: true, policy: { version: '2.0', statements }, warnings: d.warnings };
}

function lintPrincipal(s: Statement | undefined, path: string, kind: PolicySource, topLevel: boolean, d: Diagnostics): void {
  if (!s) return;
  if (kind === 'bucket' && !s.principals) {
    d.error(ptr(path, 'principal'), 'missing-principal', 'a bucket policy statement must name a principal (COS doc 436/45236)');
  } else if (kind !== 'bucket' && s.principals && !topLevel) {
    const why = kind === 'session' ? 'STS session policies may not contain one (598/35838)' : 'CAM user policies have none (436/45236)';
    d.warn(ptr(path, 'principal'), 'principal-ignored', `principal is ignored here: ${why}`);
  }
}
