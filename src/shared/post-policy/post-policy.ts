// The policy document of a POST Object form upload (436/14690) and its q-signature, as COS checks
// them and as the official browser recipe builds them (github.com/tencentyun/cos-js-sdk-v5
// demo/common/cos-auth.js CosAuthPolicy; docs/cos-behaviour.md "POST Object"):
//   policy      = {"expiration": ISO-8601, "conditions": [...]}, sent base64-encoded
//   q-signature = hex(HMAC-SHA1(hex(HMAC-SHA1(SecretKey, q-key-time)), hex(SHA1(policy))))
// Conditions: `{"field": "value"}` (exact), `["eq", "$field", "value"]`, `["starts-with", "$field",
// "prefix"]` and `["content-length-range", min, max]`. Field names compare case-insensitively;
// `q-sign-time` names the form's q-key-time, and `bucket` the addressed bucket.
import { hmacSha1Hex, sha1Hex } from '../signature/sign';

export type PostCondition =
  | { kind: 'eq'; field: string; value: string }
  | { kind: 'starts-with'; field: string; value: string }
  | { kind: 'content-length-range'; min: number; max: number };

export interface PostPolicy {
  /** Epoch ms. */
  expiration: number;
  conditions: PostCondition[];
}

export type PolicyResult<T> = { ok: true; value: T } | { ok: false; reason: string };

function condition(c: unknown): PostCondition | string {
  if (Array.isArray(c)) {
    const [op, a, b] = c as unknown[];
    if (typeof op !== 'string') return 'a condition array must start with its operator';
    const name = op.toLowerCase();
    if (name === 'content-length-range') {
      const min = Number(a);
      const max = Number(b);
      if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < min) return 'content-length-range needs 0 <= min <= max';
      return { kind: 'content-length-range', min, max };
    }
    if (name !== 'eq' && name !== 'starts-with') return `unknown condition operator ${op}`;
    if (typeof a !== 'string' || !a.startsWith('$') || typeof b !== 'string') return `${op} needs "$field" and a string value`;
    return { kind: name, field: a.slice(1).toLowerCase(), value: b };
  }
  if (typeof c === 'object' && c !== null) {
    const entries = Object.entries(c);
    const [entry] = entries;
    if (entries.length !== 1 || !entry || typeof entry[1] !== 'string') return 'an object condition holds exactly one string field';
    return { kind: 'eq', field: entry[0].replace(/^\$/, '').toLowerCase(), value: entry[1] };
  }
  return 'a condition must be an object or an array';
}

/** Parses the decoded (JSON) policy document. */
export function parsePostPolicy(json: string): PolicyResult<PostPolicy> {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'the policy is not JSON' };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { ok: false, reason: 'the policy must be a JSON object' };
  const { expiration, conditions } = doc as Record<string, unknown>;
  const ms = typeof expiration === 'string' ? Date.parse(expiration) : NaN;
  if (Number.isNaN(ms)) return { ok: false, reason: 'the policy needs an ISO 8601 expiration' };
  if (!Array.isArray(conditions)) return { ok: false, reason: 'the policy needs a conditions list' };
  const out: PostCondition[] = [];
  for (const c of conditions) {
    const parsed = condition(c);
    if (typeof parsed === 'string') return { ok: false, reason: parsed };
    out.push(parsed);
  }
  return { ok: true, value: { expiration: ms, conditions: out } };
}

/** The q-signature of a policy document (its JSON text, before base64). */
export function postPolicySignature(secretKey: string, keyTime: string, policyJson: string): string {
  return hmacSha1Hex(hmacSha1Hex(secretKey, keyTime), sha1Hex(policyJson));
}

/**
 * Checks every condition against the form fields (lower-case names; include `bucket`) and, when
 * known, the file size. Returns the first failing condition.
 */
export function checkPostConditions(policy: PostPolicy, fields: ReadonlyMap<string, string>, size?: number): PolicyResult<true> {
  for (const c of policy.conditions) {
    if (c.kind === 'content-length-range') {
      if (size !== undefined && (size < c.min || size > c.max)) {
        return { ok: false, reason: `the file is ${size} bytes, outside content-length-range ${c.min}..${c.max}` };
      }
      continue;
    }
    const name = c.field === 'q-sign-time' ? 'q-key-time' : c.field;
    const actual = fields.get(name) ?? '';
    const ok = c.kind === 'eq' ? actual === c.value : actual.startsWith(c.value);
    if (!ok) return { ok: false, reason: `condition failed: ["${c.kind}", "$${c.field}", "${c.value}"]` };
  }
  return { ok: true, value: true };
}
