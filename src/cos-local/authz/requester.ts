// Who asks, in the shared engine's terms (src/shared/policy/authorize.ts): the principal of the request
// becomes a Requester, the sub-user's CAM policies (accounts file, docs/cos-behaviour.md "Accounts")
// its identity policies, and a temporary key acts as its parent limited by its session policy
// (tencentcloud 436/45242; docs/cos-behaviour.md evaluation step 1). Policies that do not parse are
// replaced by a deny-all: a broken grant must never widen access, and a broken deny must never vanish.
import { parsePolicy } from '../../shared/policy/parse';
import type { Policy, PolicySource } from '../../shared/policy/model';
import type { Requester } from '../../shared/policy/authorize';
import { ANYONE, rootPrincipal, subPrincipal } from '../../shared/policy/principal';
import type { SubUser } from '../accounts';
import type { Principal } from '../principal';

export interface RequesterInfo {
  readonly requester: Requester;
  /** The root account the requester belongs to; undefined for anonymous. */
  readonly rootUin?: string;
  readonly identityPolicies: readonly Policy[];
  readonly sessionPolicy?: Policy;
  /** CAM ids that an ACL grant can name for this requester (its own id; anonymous has none). */
  readonly aclIds: readonly string[];
}

/** Everything denied, for everybody (bucket statements need a principal). */
export const DENY_ALL: Policy = {
  version: '2.0',
  statements: [{ effect: 'deny', principals: [ANYONE], actions: ['*'], resources: ['*'], conditions: [] }],
};

/** Parses a stored or configured policy; anything that does not parse denies everything. */
export function policyOrDenyAll(input: unknown, kind: PolicySource): Policy {
  const r = parsePolicy(input, { kind });
  return r.ok ? r.policy : DENY_ALL;
}

// The accounts file is read once; its sub-users' policies are parsed once per user object.
const identityCache = new WeakMap<SubUser, readonly Policy[]>();

export function identityPoliciesOf(user: SubUser): readonly Policy[] {
  let policies = identityCache.get(user);
  if (!policies) {
    policies = user.policies.map((p) => policyOrDenyAll(p, 'identity'));
    identityCache.set(user, policies);
  }
  return policies;
}

export function requesterOf(p: Principal): RequesterInfo {
  if (p.kind === 'anonymous') return { requester: { kind: 'anonymous' }, identityPolicies: [], aclIds: [] };
  const rootUin = p.account.uin;
  const user = p.kind === 'root' ? undefined : p.user;
  const sessionPolicy = p.kind === 'temporary' ? policyOrDenyAll(p.sessionPolicy, 'session') : undefined;
  const base = sessionPolicy ? { sessionPolicy } : {};
  if (!user) return { ...base, requester: { kind: 'root', uin: rootUin }, rootUin, identityPolicies: [], aclIds: [rootPrincipal(rootUin)] };
  return {
    ...base,
    requester: { kind: 'sub', rootUin, uin: user.uin },
    rootUin,
    identityPolicies: identityPoliciesOf(user),
    aclIds: [subPrincipal(rootUin, user.uin)],
  };
}
