// Builders shared by the policy tests (not imported by the engine).
import type { ConditionContext, Policy, PolicySource, ResourceRef } from './model';
import { buildContext, type RequestFacts } from './context';
import { parsePolicy } from './parse';

export const APPID = '1250000000';
export const BUCKET = 'examplebucket-1250000000';
export const ROOT_A = 'qcs::cam::uin/100000000001:uin/100000000001';
export const SUB_A = 'qcs::cam::uin/100000000001:uin/100000000002';
export const ALL_OBJECTS = `qcs::cos:ap-guangzhou:uid/${APPID}:${BUCKET}/*`;

/** Parses or throws with the lints, so a broken fixture fails loudly. */
export function must(input: unknown, kind: PolicySource = 'bucket'): Policy {
  const r = parsePolicy(input, { kind });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.policy;
}

export interface StatementSpec {
  readonly effect: 'allow' | 'deny';
  readonly action: string | readonly string[];
  readonly resource?: string | readonly string[];
  readonly condition?: Record<string, Record<string, unknown>>;
  readonly principal?: string;
}

/** A bucket policy (principal = sub-user 100000000002 of the COS examples unless given) or an identity policy. */
export function policy(kind: PolicySource, ...statements: StatementSpec[]): Policy {
  return must({
    version: '2.0',
    statement: statements.map((s) => ({
      effect: s.effect,
      action: s.action,
      resource: s.resource ?? ALL_OBJECTS,
      ...(s.condition ? { condition: s.condition } : {}),
      ...(kind === 'bucket' ? { principal: { qcs: [s.principal ?? SUB_A] } } : {}),
    })),
  }, kind);
}

export const object = (key: string, bucket = BUCKET): ResourceRef => ({ region: 'ap-guangzhou', appId: APPID, bucket, key });
export const theBucket = (bucket = BUCKET): ResourceRef => ({ region: 'ap-guangzhou', appId: APPID, bucket });

/** The context of a request, built the way cos-local builds it. */
export function ctx(action: string, facts: Partial<RequestFacts> = {}): ConditionContext {
  return buildContext({ headers: {}, query: {}, secure: false, ...facts, action });
}
