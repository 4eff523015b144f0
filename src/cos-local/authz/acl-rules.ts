// Which ACL permission an operation needs and which ACL decides it (the permission table of "ACL
// Practices", https://www.tencentcloud.com/document/product/436/12470; S3's ACL-to-operation mapping
// where COS says nothing more precise):
// - bucket READ lists and reads: GET Bucket, HEAD Bucket, List Multipart Uploads, GET Bucket object
//   versions, and GET/HEAD Object of objects that have no ACL of their own;
// - bucket WRITE creates, overwrites and deletes objects (PUT/POST/Append/Copy, multipart, DELETE);
//   an object ACL cannot grant writes (the table has no WRITE for objects);
// - READ_ACP / WRITE_ACP read and change the ACL of their level;
// - FULL_CONTROL is all four. COS's table lets it do anything to the bucket and its objects; we read
//   that as the four ACL permission groups (ACLs know only five groups of actions, the page says),
//   not bucket configuration (policy, CORS, DELETE Bucket), and fail closed.
// An object without an ACL of its own ("default", inherited: tencentcloud 436/12470) follows the bucket
// ACL; an object ACL replaces the bucket's for that object (a private object in a public-read bucket).
import { ALL_USERS_URI, ANYONE_ID, type AclGrantee, type AclPermission } from '../../shared/xml/acl';
import type { StoredAcl } from '../acl';

type Rule = { readonly permission: AclPermission; readonly level: 'bucket' | 'object' };

const RULES: Readonly<Record<string, Rule>> = {
  GetBucket: { permission: 'READ', level: 'bucket' },
  HeadBucket: { permission: 'READ', level: 'bucket' },
  ListMultipartUploads: { permission: 'READ', level: 'bucket' },
  GetBucketObjectVersions: { permission: 'READ', level: 'bucket' },
  GetObject: { permission: 'READ', level: 'object' },
  HeadObject: { permission: 'READ', level: 'object' },
  ...Object.fromEntries(
    ['PutObject', 'PostObject', 'AppendObject', 'PutObjectCopy', 'DeleteObject', 'DeleteMultipleObjects', 'InitiateMultipartUpload',
      'UploadPart', 'UploadPartCopy', 'CompleteMultipartUpload', 'AbortMultipartUpload', 'ListParts']
      .map((op) => [op, { permission: 'WRITE', level: 'bucket' } as const]),
  ),
  GetBucketAcl: { permission: 'READ_ACP', level: 'bucket' },
  PutBucketAcl: { permission: 'WRITE_ACP', level: 'bucket' },
  GetObjectAcl: { permission: 'READ_ACP', level: 'object' },
  PutObjectAcl: { permission: 'WRITE_ACP', level: 'object' },
};

/** The ACL rule of an operation, undefined when no ACL can grant it. */
export function aclRuleOf(op: string): Rule | undefined {
  return RULES[op];
}

/** The anonymous group matches everybody, signed or not. */
function granteeMatches(g: AclGrantee, ids: readonly string[]): boolean {
  if (g.type === 'uri') return g.uri === ALL_USERS_URI;
  return g.id === ANYONE_ID || ids.includes(g.id);
}

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
  const rule = aclRuleOf(q.op);
  if (!rule) return false;
  const acl = rule.level === 'object' && q.objectAcl ? q.objectAcl : q.bucketAcl;
  return (acl?.grants ?? []).some((g) => (g.permission === rule.permission || g.permission === 'FULL_CONTROL') && granteeMatches(g.grantee, q.ids));
}
