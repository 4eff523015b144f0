// May this caller call GetFederationToken? A root account may; a CAM sub-user only when one of its
// identity policies allows `name/sts:GetFederationToken` (CAM authorizes every Tencent Cloud API call
// of a sub-account, STS included — the reason the STS guide tells sub-accounts to be granted it,
// e.g. the preset policy QcloudSTSFullAccess) and none denies it. A refusal is the common error
// `AuthFailure.UnauthorizedOperation` (Tencent Cloud API common error codes), which the console
// server reads as "this key cannot get temporary keys: sign per request" (src/server/sts/types.ts).
//
// Resources: CAM names STS resources `qcs::sts:…`; a statement covers the call when one of its
// resources is `*` or such a name. Conditions on STS statements are not evaluated (no COS request
// context exists for them): a conditional allow does not count, a conditional deny does.
import { actionMatches } from '../../shared/policy/action';
import type { Policy, Statement } from '../../shared/policy/model';
import type { KeyEntry } from '../principal';
import { identityPoliciesOf } from '../authz/requester';
import { StsError } from './errors';

export const FEDERATION_ACTION = 'name/sts:GetFederationToken';

const coversSts = (resource: string): boolean => resource === '*' || resource.startsWith('qcs::sts:');

function applies(s: Statement): boolean {
  const action = s.notActions ? !s.notActions.some((p) => actionMatches(p, FEDERATION_ACTION)) : s.actions.some((p) => actionMatches(p, FEDERATION_ACTION));
  return action && s.resources.some(coversSts);
}

/** The decision over a sub-user's identity policies. */
export function mayGetFederationToken(policies: readonly Policy[]): boolean {
  const statements = policies.flatMap((p) => p.statements).filter(applies);
  if (statements.some((s) => s.effect === 'deny')) return false;
  return statements.some((s) => s.effect === 'allow' && s.conditions.length === 0);
}

export function checkFederationPermission(caller: KeyEntry): void {
  const p = caller.principal;
  if (p.kind !== 'sub') return;
  if (!mayGetFederationToken(identityPoliciesOf(p.user))) {
    throw new StsError('AuthFailure.UnauthorizedOperation',
      `CAM sub-user ${p.user.name} (uin ${p.user.uin}) is not authorized to call ${FEDERATION_ACTION}; grant it in one of the user's policies.`);
  }
}
