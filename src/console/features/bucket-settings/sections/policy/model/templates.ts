// The policy templates of the COS console's "Add policy" dialog (bucket policy console guide,
// https://cloud.tencent.com/document/product/436/45235 and https://cloud.tencent.com/document/product/436/30927):
// who × scope → the templates offered, and template → the statements added. The console does not publish
// the action list behind each template, so ours are written down, with our reasons, in
// docs/policy-templates.md; the generator shows the list before a template is added.
import type { JsonObject } from './policy-doc';

export type Who =
  | { readonly kind: 'anyone' }
  /** This account's root (the bucket owner's UIN). */
  | { readonly kind: 'root'; readonly rootUin: string }
  /** A sub-account of this account. */
  | { readonly kind: 'sub'; readonly rootUin: string; readonly uin: string }
  /** Another account's root (cross-account grant, https://cloud.tencent.com/document/product/436/32971). */
  | { readonly kind: 'other-root'; readonly uin: string };

export type Scope =
  | { readonly kind: 'bucket' }
  /** `prefix` ends in `/` (added when missing). */
  | { readonly kind: 'folder'; readonly prefix: string }
  | { readonly kind: 'object'; readonly key: string };

export type TemplateId =
  | 'read' | 'read-list' | 'read-write' | 'read-write-list' | 'acl' | 'bucket-general' | 'bucket-sensitive' | 'custom';

export interface BucketRef {
  readonly region: string;
  readonly appId: string;
  readonly bucket: string;
}

const cos = (api: string): string => `name/cos:${api}`;

/** Reading objects: download, metadata, CORS preflight (https://cloud.tencent.com/document/product/436/30580). */
export const READ_ACTIONS = ['GetObject', 'HeadObject', 'OptionsObject'].map(cos);
/** Writing objects: every upload path, multipart included, and deletion. */
export const WRITE_ACTIONS = [
  'PutObject', 'PostObject', 'AppendObject', 'InitiateMultipartUpload', 'UploadPart', 'UploadPartCopy',
  'CompleteMultipartUpload', 'AbortMultipartUpload', 'ListParts', 'DeleteObject',
].map(cos);
/** Listing: objects (GET Bucket), versions, ongoing multipart uploads, and HEAD Bucket. */
export const LIST_ACTIONS = ['GetBucket', 'GetBucketObjectVersions', 'ListMultipartUploads', 'HeadBucket'].map(cos);
/** Listing inside a folder: GET Bucket, the one listing request with a `cos:prefix` (condition-keys.ts). */
export const FOLDER_LIST_ACTIONS = [cos('GetBucket')];
/** ACLs of the bucket and its objects, as the console guide names them. */
export const ACL_ACTIONS = ['GetObjectACL', 'PutObjectACL', 'GetBucketACL', 'PutBucketACL'].map(cos);
export const OBJECT_ACL_ACTIONS = ['GetObjectACL', 'PutObjectACL'].map(cos);
/** Bucket settings that do not hand out access: CORS, tags, lifecycle, referer, static website. */
export const BUCKET_GENERAL_ACTIONS = [
  'HeadBucket', 'GetBucketCORS', 'PutBucketCORS', 'DeleteBucketCORS', 'GetBucketTagging', 'PutBucketTagging',
  'DeleteBucketTagging', 'GetBucketLifecycle', 'PutBucketLifecycle', 'DeleteBucketLifecycle', 'GetBucketReferer',
  'PutBucketReferer', 'GetBucketWebsite', 'PutBucketWebsite', 'DeleteBucketWebsite', 'GetBucketVersioning',
].map(cos);
/** Settings that decide who gets in or whether data survives: policy, ACL, versioning, replication, deletion. */
export const BUCKET_SENSITIVE_ACTIONS = [
  'GetBucketPolicy', 'PutBucketPolicy', 'DeleteBucketPolicy', 'GetBucketACL', 'PutBucketACL', 'PutBucketVersioning',
  'GetBucketReplication', 'PutBucketReplication', 'DeleteBucketReplication', 'DeleteBucket',
].map(cos);

/**
 * The templates offered for a who × scope: anonymous users never get listing or configuration
 * templates (the guide: opening GET Bucket or bucket configuration to everyone is too risky); a
 * specified user on the whole bucket gets all of them; on a folder, reading and writing (listing
 * limited to the folder by `cos:prefix`); on one object, reading, writing and its ACL.
 */
export function templatesFor(who: Who['kind'], scope: Scope['kind']): readonly TemplateId[] {
  if (who === 'anyone') return ['read', 'read-write', 'custom'];
  if (scope === 'bucket') return ['read', 'read-list', 'read-write', 'read-write-list', 'acl', 'bucket-general', 'bucket-sensitive', 'custom'];
  if (scope === 'folder') return ['read', 'read-list', 'read-write', 'read-write-list', 'custom'];
  return ['read', 'read-write', 'acl', 'custom'];
}

/** The template whose statement asks for a caution before it is added. */
export const CAUTION: ReadonlySet<TemplateId> = new Set(['bucket-sensitive']);

export function principalOf(who: Who): string {
  switch (who.kind) {
    case 'anyone': return 'qcs::cam::anyone:anyone';
    case 'root': return `qcs::cam::uin/${who.rootUin}:uin/${who.rootUin}`;
    case 'sub': return `qcs::cam::uin/${who.rootUin}:uin/${who.uin}`;
    case 'other-root': return `qcs::cam::uin/${who.uin}:uin/${who.uin}`;
  }
}

export const folderPrefix = (prefix: string): string => {
  const p = prefix.trim().replace(/^\/+/, '');
  return p === '' || p.endsWith('/') ? p : `${p}/`;
};

/** `qcs::cos:<region>:uid/<appid>:<bucket>/<path>` (https://cloud.tencent.com/document/product/436/30580). */
export function resourceOf(ref: BucketRef, path: string): string {
  return `qcs::cos:${ref.region}:uid/${ref.appId}:${ref.bucket}/${path}`;
}

/** The object resource of a scope: every object, those under a folder, or one object. */
export function scopeResource(ref: BucketRef, scope: Scope): string {
  switch (scope.kind) {
    case 'bucket': return resourceOf(ref, '*');
    case 'folder': return resourceOf(ref, `${folderPrefix(scope.prefix)}*`);
    case 'object': return resourceOf(ref, scope.key.replace(/^\/+/, ''));
  }
}

/** The actions a template grants on a scope (what the generator shows before adding it). */
export function templateActions(id: TemplateId, scope: Scope['kind']): { readonly objects: readonly string[]; readonly listing: readonly string[] } {
  // On a folder only GET Bucket carries `cos:prefix`, the key the listing statement is limited by.
  const listing = id === 'read-list' || id === 'read-write-list' ? (scope === 'folder' ? FOLDER_LIST_ACTIONS : LIST_ACTIONS) : [];
  switch (id) {
    case 'read':
    case 'read-list':
      return { objects: READ_ACTIONS, listing };
    case 'read-write':
    case 'read-write-list':
      return { objects: [...READ_ACTIONS, ...WRITE_ACTIONS], listing };
    case 'acl':
      return { objects: scope === 'bucket' ? ACL_ACTIONS : OBJECT_ACL_ACTIONS, listing: [] };
    case 'bucket-general':
      return { objects: BUCKET_GENERAL_ACTIONS, listing: [] };
    case 'bucket-sensitive':
      return { objects: BUCKET_SENSITIVE_ACTIONS, listing: [] };
    case 'custom':
      return { objects: [], listing: [] };
  }
}

/** `cos:prefix` values are written URL-encoded (https://cloud.tencent.com/document/product/436/46206, `cos:prefix`). */
export const encodePrefix = (prefix: string): string => encodeURIComponent(prefix);

/**
 * The statements a template adds. On the whole bucket one statement covers everything (`<bucket>/*`
 * also matches the bucket itself, https://cloud.tencent.com/document/product/436/30580). On a folder,
 * listing is a second statement on the bucket, limited to the folder by `cos:prefix` (as the
 * sub-account example of https://cloud.tencent.com/document/product/436/46206 does). `custom` adds an
 * allow statement for the principal and scope with no action yet, to fill in the editor.
 */
export function buildTemplate(ref: BucketRef, who: Who, scope: Scope, id: TemplateId): JsonObject[] {
  const principal = { qcs: [principalOf(who)] };
  const resource = scopeResource(ref, scope);
  const { objects, listing } = templateActions(id, scope.kind);
  if (scope.kind === 'bucket' || listing.length === 0) {
    return [{ effect: 'allow', principal, action: [...objects, ...listing], resource: [resource] }];
  }
  const prefix = scope.kind === 'folder' ? folderPrefix(scope.prefix) : '';
  return [
    { effect: 'allow', principal, action: [...objects], resource: [resource] },
    {
      effect: 'allow', principal, action: [...listing], resource: [resourceOf(ref, '*')],
      condition: { string_like: { 'cos:prefix': [`${encodePrefix(prefix)}*`] } },
    },
  ];
}

/** What a template needs before it can be added: a UIN for specified users, a folder or a key. */
export function templateProblems(who: Who, scope: Scope): ('uin' | 'root-uin' | 'folder' | 'key')[] {
  const problems: ('uin' | 'root-uin' | 'folder' | 'key')[] = [];
  const uin = /^\d{5,20}$/;
  if ((who.kind === 'root' || who.kind === 'sub') && !uin.test(who.rootUin)) problems.push('root-uin');
  if ((who.kind === 'sub' || who.kind === 'other-root') && !uin.test(who.uin)) problems.push('uin');
  if (scope.kind === 'folder' && folderPrefix(scope.prefix) === '') problems.push('folder');
  if (scope.kind === 'object' && scope.key.replace(/^\/+/, '') === '') problems.push('key');
  return problems;
}
