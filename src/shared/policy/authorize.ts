// The layering cos-local needs around evaluate(): who the requester is, which policies apply, and how
// they combine. Pure: the caller resolves keys, accounts, policies and ACL grants first.
// Order: session limit → explicit deny → root owner → allows. COS documents each step
// (https://www.tencentcloud.com/document/product/436/35240); the order is ours,
// docs/cos-behaviour.md "Evaluation order".
import type { ConditionContext, Policy, ResourceRef, StatementRef } from './model';
import { canonicalAction } from './action';
import { type SourcedPolicy, type StatementTrace, decide, evaluate, traceStatements } from './evaluate';
import { ANYONE, rootPrincipal, subPrincipal } from './principal';

export type Requester =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'root'; readonly uin: string }
  | { readonly kind: 'sub'; readonly rootUin: string; readonly uin: string };

export interface AuthorizeInput {
  readonly requester: Requester;
  /** Root UIN that owns the resource; for GET Service and PUT Bucket, the requester's own account. */
  readonly ownerUin: string;
  /** CAM policies attached to the sub-user and its groups (ignored for root and anonymous). */
  readonly identityPolicies?: readonly Policy[];
  readonly bucketPolicy?: Policy;
  /** The policy a temporary key was issued with. */
  readonly sessionPolicy?: Policy;
  /** Whether the bucket/object ACL grants this request (evaluated by the caller). */
  readonly aclAllows?: boolean;
  readonly action: string;
  readonly resource: ResourceRef;
  readonly context: ConditionContext;
}

export type AuthorizeDecision =
  | { readonly effect: 'allow'; readonly by: StatementRef | 'root-owner' | 'acl' }
  | { readonly effect: 'deny'; readonly by: StatementRef }
  | { readonly effect: 'implicit-deny'; readonly reason: ImplicitDenyReason };

/**
 * `session-policy`: the temporary key's policy does not cover the request; `cross-account-identity`:
 * the resource owner granted it but the sub-user's own root did not; `cross-account-resource`: the
 * reverse; `no-allow`: nothing grants it.
 */
export type ImplicitDenyReason = 'no-allow' | 'session-policy' | 'cross-account-identity' | 'cross-account-resource';

export function principalOf(r: Requester): string {
  if (r.kind === 'anonymous') return ANYONE;
  return r.kind === 'root' ? rootPrincipal(r.uin) : subPrincipal(r.rootUin, r.uin);
}

// "The root account always has the permission for the PUT Bucket Policy operation, and can call this
// operation without checking the bucket policy" (tencentcloud 436/45235): an owner can always repair
// a policy that locks it out. Every other explicit deny in the bucket policy binds the owner too.
const OWNER_EXEMPT = new Set(['cos:PutBucketPolicy']);

function firstAllow(trace: readonly StatementTrace[], source: 'identity' | 'bucket'): StatementRef | undefined {
  const d = decide(trace.filter((t) => t.source === source && t.effect === 'allow'));
  return d.effect === 'allow' ? d.by : undefined;
}

export function authorize(input: AuthorizeInput): AuthorizeDecision {
  const { requester: r } = input;
  const crossAccountSub = r.kind === 'sub' && r.rootUin !== input.ownerUin;
  const rootOwner = r.kind === 'root' && r.uin === input.ownerUin;
  const base = { principal: principalOf(r), action: input.action, resource: input.resource, context: input.context, viaAccountRoot: crossAccountSub };

  // 1. A temporary key can do at most what its policy allows (tencentcloud 436/45242, 436/14048): an
  //    intersection, so the session policy is evaluated on its own and never adds a grant.
  if (input.sessionPolicy) {
    const s = evaluate({ ...base, policies: [{ source: 'session', policy: input.sessionPolicy }] });
    if (s.effect === 'deny') return s;
    if (s.effect === 'implicit-deny') return { effect: 'implicit-deny', reason: 'session-policy' };
  }

  const identity: SourcedPolicy[] = r.kind === 'sub' ? (input.identityPolicies ?? []).map((policy) => ({ source: 'identity', policy })) : [];
  const bucket: SourcedPolicy[] = input.bucketPolicy ? [{ source: 'bucket', policy: input.bucketPolicy }] : [];
  const trace = traceStatements({ ...base, policies: [...identity, ...bucket] });

  // 2. Explicit deny wins over everything (tencentcloud 436/35240).
  const d = decide(trace);
  if (d.effect === 'deny' && !(rootOwner && OWNER_EXEMPT.has(canonicalAction(input.action)))) return d;

  // 3. The owning root account has full control (tencentcloud 436/35240, 436/12470).
  if (rootOwner) return { effect: 'allow', by: 'root-owner' };

  const identityAllow = firstAllow(trace, 'identity');
  const resourceAllow = firstAllow(trace, 'bucket') ?? (input.aclAllows ? 'acl' : undefined);

  // 4. Cross-account sub-user: its own root must authorise it (CAM policy) AND the owner must grant
  //    its account or it (bucket policy / ACL) (tencentcloud 436/32971, 436/35240).
  if (crossAccountSub) {
    if (!identityAllow) return { effect: 'implicit-deny', reason: 'cross-account-identity' };
    return resourceAllow ? { effect: 'allow', by: resourceAllow } : { effect: 'implicit-deny', reason: 'cross-account-resource' };
  }

  // 5. Same account, another root, or anonymous: allows add up (tencentcloud 436/35240; the
  //    `cos:versionid` example of 436/46206 pairs each conditional allow with a deny for this reason).
  const by = identityAllow ?? resourceAllow;
  return by ? { effect: 'allow', by } : { effect: 'implicit-deny', reason: 'no-allow' };
}
