// Which ACL permission an operation needs and which ACL decides it (the permission table of "ACL
// Practices", https://www.tencentcloud.com/document/product/436/12470; S3's ACL-to-operation mapping
// where COS says nothing more precise). Shared by cos-local's authorization and the console's policy
// simulator, so both read the same grants the same way:
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
import { ALL_USERS_URI, ANYONE_ID, type AclGrant, type AclGrantee, type AclPermission } from '../xml/acl';
import { shortCosAction } from './action';

export interface AclRule {
  readonly permission: AclPermission;
  readonly level: 'bucket' | 'object';
}

/** The grants of a bucket or object ACL (cos-local's stored form and the console's parsed XML both fit). */
export interface GrantList {
  readonly grants: readonly AclGrant[];
}

const WRITE_OPS = [
  'PutObject', 'PostObject', 'AppendObject', 'PutObjectCopy', 'DeleteObject', 'DeleteMultipleObjects', 'InitiateMultipartUpload',
  'UploadPart', 'UploadPartCopy', 'CompleteMultipartUpload', 'AbortMultipartUpload', 'ListParts',
];

/** Keyed by COS operation name (src/shared/cos/operations.ts). */
const RULES: Readonly<Record<string, AclRule>> = {
  GetBucket: { permission: 'READ', level: 'bucket' },
  HeadBucket: { permission: 'READ', level: 'bucket' },
  ListMultipartUploads: { permission: 'READ', level: 'bucket' },
  GetBucketObjectVersions: { permission: 'READ', level: 'bucket' },
  GetObject: { permission: 'READ', level: 'object' },
  HeadObject: { permission: 'READ', level: 'object' },
  ...Object.fromEntries(WRITE_OPS.map((op) => [op, { permission: 'WRITE', level: 'bucket' } as const])),
  GetBucketAcl: { permission: 'READ_ACP', level: 'bucket' },
  PutBucketAcl: { permission: 'WRITE_ACP', level: 'bucket' },
  GetObjectAcl: { permission: 'READ_ACP', level: 'object' },
  PutObjectAcl: { permission: 'WRITE_ACP', level: 'object' },
};

/** The ACL rule of an operation, undefined when no ACL can grant it. */
export function aclRuleOf(op: string): AclRule | undefined {
  return RULES[op];
}

/**
 * The ACL rule of a CAM action (`name/cos:PutObjectACL`): the operations spell the ACL APIs `Acl`,
 * the CAM actions `ACL` (src/shared/cos/operations.ts camActionOf).
 */
export function aclRuleOfAction(action: string): AclRule | undefined {
  const short = shortCosAction(action);
  return short === undefined ? undefined : RULES[short.replace(/ACL$/, 'Acl')];
}

/** The anonymous group matches everybody, signed or not. */
function granteeMatches(g: AclGrantee, ids: readonly string[]): boolean {
  if (g.type === 'uri') return g.uri === ALL_USERS_URI;
  return g.id === ANYONE_ID || ids.includes(g.id);
}

export interface AclQuestion {
  /** The operation's rule (aclRuleOf / aclRuleOfAction); undefined = no ACL can grant it. */
  readonly rule: AclRule | undefined;
  /** The requester's CAM ids (its own principal; a sub-user of another account adds its root); empty for anonymous. */
  readonly ids: readonly string[];
  readonly bucketAcl: GrantList | undefined;
  /** The object's own ACL; undefined when it follows the bucket (or for bucket operations). */
  readonly objectAcl: GrantList | undefined;
}

export interface AclAnswer {
  /** Which ACL was read: the object's own, or the bucket's; undefined when no ACL can grant the operation. */
  readonly source?: 'bucket' | 'object';
  /** The grants that allow the request (empty: the ACL does not grant it). */
  readonly grants: readonly AclGrant[];
}

/** The grants that allow the request, and which ACL they come from. */
export function aclGrantsFor(q: AclQuestion): AclAnswer {
  const { rule } = q;
  if (!rule) return { grants: [] };
  const source = rule.level === 'object' && q.objectAcl ? 'object' : 'bucket';
  const acl = source === 'object' ? q.objectAcl : q.bucketAcl;
  const grants = (acl?.grants ?? []).filter((g) => (g.permission === rule.permission || g.permission === 'FULL_CONTROL') && granteeMatches(g.grantee, q.ids));
  return { source, grants };
}

/** Whether the ACLs grant the operation to the requester. */
export function aclAllows(q: AclQuestion): boolean {
  return aclGrantsFor(q).grants.length > 0;
}
