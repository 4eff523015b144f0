// ACL grants in authorization: the rules are shared with the console's policy simulator
// (src/shared/policy/acl-grants.ts, after tencentcloud 436/12470); this adapter keeps cos-local's
// question keyed by operation.
import { aclAllows as allows, aclRuleOf } from '../../shared/policy/acl-grants';
import type { StoredAcl } from '../acl';

export { aclRuleOf };

export interface AclQuestion {
  readonly op: string;
  /** The requester's CAM ids (see requester.ts); empty for anonymous. */
  readonly ids: readonly string[];
  readonly bucketAcl: StoredAcl | undefined;
  /** The object's own ACL; undefined when it follows the bucket (or for bucket operations). */
  readonly objectAcl: StoredAcl | undefined;
}

/** Whether the ACLs grant the operation to the requester. */
export function aclAllows(q: AclQuestion): boolean {
  return allows({ rule: aclRuleOf(q.op), ids: q.ids, bucketAcl: q.bucketAcl, objectAcl: q.objectAcl });
}
