// What one request asks for, in the terms of a console account's grants (docs/security.md): from the
// options cos-js-sdk-v5 passes to getAuthorization (Method, Pathname, Query, Headers, Bucket, Region:
// cos-js-sdk-v5 1.10.1 src/base.js getAuthorizationAsync) derive the COS operation (the table shared
// with cos-local), its CAM action, the resource (object key, or the `prefix` of a listing) and the
// permission(s) a grant must give.
//
// Only what the signature covers is trusted: the method, the pathname, every query parameter and the
// signed headers. The SDK's `Scope` (its own declaration of the action and key) is not signed and so
// plays no part in the decision; neither does a request body (DELETE Multiple Objects' keys, a POST
// Object form's key), which is why those two need a grant on the whole bucket.
import { camActionOf, operationOf, SUBRESOURCE_NAMES, type CosOperation, type Level } from '../cos/operations';
import { safeDecode } from '../signature/parse';
import type { Grant, Permission, Scope } from './grants';

/** One entry of the SDK's `Scope` option (cos-js-sdk-v5 1.10.1 src/base.js); informational only, see above. */
export interface SdkScopeEntry {
  readonly action: string;
  readonly bucket: string;
  readonly region: string;
  readonly prefix: string;
}

/** What getAuthorization receives (values already strings). */
export interface SignInput {
  readonly Method: string;
  readonly Pathname: string;
  readonly Query?: Readonly<Record<string, string>>;
  readonly Headers?: Readonly<Record<string, string>>;
  readonly Bucket?: string;
  readonly Region?: string;
  readonly Scope?: readonly SdkScopeEntry[];
}

/** A grant must cover this: one of `permissions` in `bucket`, with a prefix that `path` starts with. */
export interface Requirement {
  /** Any one of them suffices. */
  readonly permissions: readonly Permission[];
  readonly bucket: string;
  /** The key or listing prefix the grant's prefix must lead; '' = the whole bucket; undefined = any grant in the bucket. */
  readonly path?: string;
  /** Why the requirement is what it is, for the refusal message. */
  readonly why?: string;
}

export type ScopedResource =
  | { readonly kind: 'service' }
  | { readonly kind: 'bucket' }
  | { readonly kind: 'object'; readonly key: string }
  | { readonly kind: 'listing'; readonly prefix: string };

export interface CopySourceRef {
  readonly bucket: string;
  readonly region?: string;
  readonly key: string;
}

export interface RequestScope {
  readonly operation: CosOperation;
  /** `name/cos:…` */
  readonly action: string;
  /** '' for service-level requests. */
  readonly bucket: string;
  readonly region?: string;
  readonly resource: ScopedResource;
  /** For messages and the audit log: `bucket/key`, `bucket/prefix`, `bucket/`, or `*` (service). */
  readonly resourceName: string;
  readonly copySource?: CopySourceRef;
  /** A share-link request (see deriveRequestScope). */
  readonly share: boolean;
  /** What a console account's grants must cover; `{ admin }` when no grant can (the reason). */
  readonly requirements: readonly Requirement[] | { readonly admin: string };
}

export type DeriveResult = { ok: true; scope: RequestScope } | { ok: false; reason: string };

export type CheckResult = { allowed: true } | { allowed: false; missing: string };

// ---------------------------------------------------------------------------------------------
// The permission each operation needs. Keyed by every CosOperation, so a new operation in the shared
// table does not compile until someone decides what it needs.

type Rule =
  /** Not covered by any grant (bucket lifecycle, the service, features the console does not use). */
  | { readonly kind: 'admin'; readonly why: string }
  /** On the object key of the path. */
  | { readonly kind: 'key'; readonly permissions: readonly Permission[] }
  /** On the `prefix` query parameter of a listing ('' when absent = the whole bucket). */
  | { readonly kind: 'listing'; readonly permissions: readonly Permission[] }
  /** Any grant in the bucket: the answer says nothing about keys (HEAD Bucket, GET Bucket location). */
  | { readonly kind: 'in-bucket'; readonly permissions: readonly Permission[] }
  /** A grant on the whole bucket. */
  | { readonly kind: 'whole-bucket'; readonly permissions: readonly Permission[]; readonly why: string };

const admin = (why: string): Rule => ({ kind: 'admin', why });
const key = (...permissions: Permission[]): Rule => ({ kind: 'key', permissions });
const listing = (...permissions: Permission[]): Rule => ({ kind: 'listing', permissions });
const SETTING: Rule = { kind: 'whole-bucket', permissions: ['settings'], why: 'a bucket setting applies to the whole bucket' };
/**
 * Reading a setting that discloses no grantee (CORS, hotlink, website, domains, versioning, replication,
 * lifecycle, tags, encryption): `settings`, or `list` on the whole bucket, so an account that may
 * browse the whole bucket sees its settings read-only. Policy and ACL reads name who may do what, and
 * stay `settings`.
 */
const SETTING_READ: Rule = { kind: 'whole-bucket', permissions: ['settings', 'list'], why: 'a bucket setting applies to the whole bucket' };

export const BATCH_DELETE_NOTE =
  'the keys of a batch delete are in the request body, which a signature does not cover; '
  + 'the console deletes in batches with temporary keys from /api/sts, where COS checks each key';

/**
 * The rule of every COS operation. Sources: the actions and resources of https://www.tencentcloud.com/document/product/436/30580;
 * the permission names of src/shared/access/grants.ts. Reads of the policy and ACL are `settings` too:
 * they disclose who may do what; other settings may be read with `list` on the whole bucket (SETTING_READ).
 */
export const SIGN_RULES: Readonly<Record<CosOperation, Rule>> = {
  GetService: admin('the console lists buckets server-side (GET /api/buckets)'),
  GetFederationToken: admin('temporary keys come from /api/sts'),
  PutBucket: admin('only administrators create buckets'),
  DeleteBucket: admin('only administrators delete buckets'),
  HeadBucket: { kind: 'in-bucket', permissions: ['list'] },
  GetBucketLocation: { kind: 'in-bucket', permissions: ['list'] },
  GetBucket: listing('list'),
  GetBucketObjectVersions: listing('list'),
  // cos-js-sdk-v5 sliceUploadFile lists the uploads of the key it is about to upload (Prefix = Key,
  // src/advance.js wholeMultipartList), so an upload-only account needs it too.
  ListMultipartUploads: listing('list', 'write'),
  PostObject: { kind: 'whole-bucket', permissions: ['write'], why: 'the key of a form upload is in the form body, which a signature does not cover' },
  DeleteMultipleObjects: { kind: 'whole-bucket', permissions: ['delete'], why: BATCH_DELETE_NOTE },
  PutBucketCors: SETTING, GetBucketCors: SETTING_READ, DeleteBucketCors: SETTING,
  PutBucketAcl: SETTING, GetBucketAcl: SETTING,
  PutBucketPolicy: SETTING, GetBucketPolicy: SETTING, DeleteBucketPolicy: SETTING,
  PutBucketLifecycle: SETTING, GetBucketLifecycle: SETTING_READ, DeleteBucketLifecycle: SETTING,
  PutBucketWebsite: SETTING, GetBucketWebsite: SETTING_READ, DeleteBucketWebsite: SETTING,
  PutBucketReferer: SETTING, GetBucketReferer: SETTING_READ,
  PutBucketTagging: SETTING, GetBucketTagging: SETTING_READ, DeleteBucketTagging: SETTING,
  PutBucketVersioning: SETTING, GetBucketVersioning: SETTING_READ,
  PutBucketReplication: SETTING, GetBucketReplication: SETTING_READ, DeleteBucketReplication: SETTING,
  PutBucketLogging: SETTING, GetBucketLogging: SETTING,
  PutBucketInventory: SETTING, GetBucketInventory: SETTING, DeleteBucketInventory: SETTING, PostBucketInventory: SETTING,
  PutBucketDomain: SETTING, GetBucketDomain: SETTING_READ, DeleteBucketDomain: SETTING,
  PutBucketOrigin: SETTING, GetBucketOrigin: SETTING, DeleteBucketOrigin: SETTING,
  PutBucketAccelerate: SETTING, GetBucketAccelerate: SETTING,
  PutBucketEncryption: SETTING, GetBucketEncryption: SETTING_READ, DeleteBucketEncryption: SETTING,
  PutBucketIntelligentTiering: SETTING, GetBucketIntelligentTiering: SETTING,
  PutObjectLockConfiguration: SETTING, GetObjectLockConfiguration: SETTING,
  GetObject: key('read'),
  HeadObject: key('read'),
  OptionsObject: key('read'),
  GetObjectAcl: key('read'),
  GetObjectTagging: key('read'),
  SelectObjectContent: key('read'),
  PutObject: key('write'),
  // Plus read on the source (x-cos-copy-source; tencentcloud 436/30580).
  PutObjectCopy: key('write'),
  UploadPartCopy: key('write'),
  AppendObject: key('write'),
  PostObjectRestore: key('write'),
  InitiateMultipartUpload: key('write'),
  UploadPart: key('write'),
  CompleteMultipartUpload: key('write'),
  ListParts: key('write'),
  AbortMultipartUpload: key('write'),
  DeleteObject: key('delete'),
  PutObjectAcl: key('settings'),
  PutObjectTagging: key('settings'),
  DeleteObjectTagging: key('settings'),
  CiProcess: admin('data processing is not part of the console'),
};

/** A rule of SIGN_RULES (sts-policy.ts derives the temporary-key actions from them). */
export type { Rule as SignRule };

// ---------------------------------------------------------------------------------------------

const BUCKET = /^[a-z0-9][a-z0-9-]*-\d+$/;
const REGION = /^[a-z0-9-]+$/;
const METHODS = new Set(['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'OPTIONS']);
/** Writes that can set an object ACL through headers (436/7749, 436/7746, 436/10881). */
const ACL_WRITES: ReadonlySet<CosOperation> = new Set(['PutObject', 'PutObjectCopy', 'InitiateMultipartUpload', 'AppendObject']);
/** ACL headers that leave the object no more visible than the bucket makes it. */
const HARMLESS_ACL = new Set(['private', 'default']);
/** Parameters whose exact spelling decides what a request does (a look-alike spelling is refused). */
const DECISIVE_PARAMS = new Set([...SUBRESOURCE_NAMES, 'prefix'].map((n) => n.toLowerCase()));

// x-cos-copy-source (436/10881, 436/8287): `<bucket-appid>.cos.<region>.myqcloud.com/<url-encoded key>`,
// `?versionId=` optional; the path-style `/<bucket-appid>/<key>` form is accepted as cos-local does.
const HOSTED_SOURCE = /^(?:https?:\/\/)?([a-z0-9-]+-\d+)\.cos[a-z0-9-]*\.([a-z0-9-]+)\.[^/]*\/(.+)$/;
const PATH_SOURCE = /^\/?([a-z0-9-]+-\d+)\/(.+)$/;

export function parseCopySource(raw: string): CopySourceRef | undefined {
  const q = raw.indexOf('?versionId=');
  const target = q < 0 ? raw : raw.slice(0, q);
  const hosted = HOSTED_SOURCE.exec(target);
  if (hosted) return { bucket: hosted[1] ?? '', region: hosted[2] ?? '', key: safeDecode(hosted[3] ?? '') };
  const path = PATH_SOURCE.exec(target);
  return path ? { bucket: path[1] ?? '', key: safeDecode(path[2] ?? '') } : undefined;
}

/** Header names lower-cased; undefined when two differ only in case (a signature would be ambiguous). */
function lowerHeaders(headers: Readonly<Record<string, string>>): Map<string, string> | undefined {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(headers)) {
    const lower = k.toLowerCase();
    if (out.has(lower)) return undefined;
    out.set(lower, v);
  }
  return out;
}

/**
 * The host must not contradict Bucket and Region: a virtual-hosted host names the bucket the request
 * really reaches (`<bucket-appid>.cos.<region>.…`, cos-js-sdk-v5 1.10.1 src/base.js getUrl), so checking grants on
 * another bucket would check the wrong thing. A path-style host (cos-local, `127.0.0.1:9000`) names no
 * bucket: the signature then binds method, path and query but not the bucket, which is why the
 * console server signs for restricted accounts with a temporary key scoped to their grants.
 */
function hostMismatch(host: string, bucket: string, region: string | undefined): string | undefined {
  const name = host.toLowerCase().replace(/:\d+$/, '');
  const labels = name.split('.');
  const first = labels[0] ?? '';
  if (labels.length < 2 || !BUCKET.test(first)) return undefined;
  if (first !== bucket) return `the Host names bucket ${first}, not ${bucket || 'none'}`;
  if (region !== undefined && /^cos/.test(labels[1] ?? '') && labels.length > 3 && labels[2] !== region) {
    return `the Host names region ${labels[2] ?? ''}, not ${region}`;
  }
  return undefined;
}

export interface DeriveOptions {
  /**
   * A share-link request: a signature with a lifetime of its own (`Expires` in /api/sign), to be put
   * in a URL for someone else. Only GET and HEAD of an object can be shared; they need `share`.
   */
  readonly share?: boolean;
}

/** The operation, resource and requirements of a request to be signed. */
export function deriveRequestScope(input: SignInput, options: DeriveOptions = {}): DeriveResult {
  const fail = (reason: string): DeriveResult => ({ ok: false, reason });
  const method = input.Method.toUpperCase();
  if (!METHODS.has(method)) return fail(`${input.Method} is not a COS method`);
  if (!input.Pathname.startsWith('/')) return fail('Pathname must start with /');
  const headers = lowerHeaders(input.Headers ?? {});
  if (!headers) return fail('two headers differ only in case');
  const host = headers.get('host');
  if (host === undefined || host === '') return fail('the Host header must be signed');
  const bucket = input.Bucket ?? '';
  const region = input.Region === undefined || input.Region === '' ? undefined : input.Region;
  if (bucket !== '' && !BUCKET.test(bucket)) return fail(`"${bucket}" is not a bucket name (name-appid)`);
  if (region !== undefined && !REGION.test(region)) return fail(`"${region}" is not a region`);
  const mismatch = hostMismatch(host, bucket, region);
  if (mismatch) return fail(mismatch);

  const query = input.Query ?? {};
  const names = Object.keys(query);
  const odd = names.find((n) => DECISIVE_PARAMS.has(n.toLowerCase()) && !SUBRESOURCE_NAMES.has(n) && n !== 'prefix');
  if (odd !== undefined) return fail(`the query parameter "${odd}" is spelled unlike any COS parameter it resembles`);
  const subresources = names.filter((n) => SUBRESOURCE_NAMES.has(n));

  let level: Level;
  if (bucket === '') {
    if (input.Pathname !== '/') return fail('a request for an object needs its Bucket');
    level = 'service';
  } else {
    level = input.Pathname === '/' ? 'bucket' : 'object';
  }
  const copyHeader = headers.get('x-cos-copy-source');
  const found = operationOf({ method, level, subresources, copySource: copyHeader !== undefined });
  if (!found.ok) return fail(`${method} ${input.Pathname}: ${found.message ?? found.code}`);
  const op = found.operation;
  const rule = SIGN_RULES[op];

  const objectKey = input.Pathname.slice(1);
  const resource: ScopedResource = level === 'service' ? { kind: 'service' }
    : rule.kind === 'listing' ? { kind: 'listing', prefix: query['prefix'] ?? '' }
      : level === 'object' ? { kind: 'object', key: objectKey } : { kind: 'bucket' };
  const resourceName = resource.kind === 'service' ? '*'
    : resource.kind === 'object' ? `${bucket}/${resource.key}`
      : resource.kind === 'listing' ? `${bucket}/${resource.prefix}` : `${bucket}/`;

  let copySource: CopySourceRef | undefined;
  if (op === 'PutObjectCopy' || op === 'UploadPartCopy') {
    copySource = parseCopySource(copyHeader ?? '');
    if (!copySource) return fail('x-cos-copy-source must look like <bucket-appid>.cos.<region>.myqcloud.com/<key>');
  }

  const base = { operation: op, action: camActionOf(op), bucket, ...(region !== undefined ? { region } : {}), resource, resourceName, ...(copySource ? { copySource } : {}) };
  if (options.share) {
    if ((op !== 'GetObject' && op !== 'HeadObject') || resource.kind !== 'object') return fail('only GET and HEAD of an object can be shared');
    return { ok: true, scope: { ...base, share: true, requirements: [{ permissions: ['share'], bucket, path: resource.key }] } };
  }
  return { ok: true, scope: { ...base, share: false, requirements: requirementsOf(rule, bucket, resource, headers, op, copySource) } };
}

function requirementsOf(
  rule: Rule, bucket: string, resource: ScopedResource, headers: ReadonlyMap<string, string>, op: CosOperation, copySource: CopySourceRef | undefined,
): readonly Requirement[] | { admin: string } {
  switch (rule.kind) {
    case 'admin':
      return { admin: rule.why };
    case 'in-bucket':
      return [{ permissions: rule.permissions, bucket }];
    case 'whole-bucket':
      return [{ permissions: rule.permissions, bucket, path: '', why: rule.why }];
    case 'listing':
      return [{ permissions: rule.permissions, bucket, path: resource.kind === 'listing' ? resource.prefix : '' }];
    case 'key': {
      const path = resource.kind === 'object' ? resource.key : '';
      const out: Requirement[] = [{ permissions: rule.permissions, bucket, path }];
      // Reading the source of a copy is a read of that object (tencentcloud 436/30580).
      if (copySource) out.push({ permissions: ['read'], bucket: copySource.bucket, path: copySource.key, why: 'the source of a copy' });
      const acl = headers.get('x-cos-acl');
      const grantsAcl = [...headers.keys()].some((h) => h.startsWith('x-cos-grant-'));
      if (ACL_WRITES.has(op) && ((acl !== undefined && !HARMLESS_ACL.has(acl.toLowerCase())) || grantsAcl)) {
        out.push({ permissions: ['settings'], bucket, path, why: 'the upload sets the object ACL' });
      }
      return out;
    }
  }
}

// ---------------------------------------------------------------------------------------------

/** Does one grant cover a requirement? */
export function grantCovers(g: Grant, r: Requirement): boolean {
  return g.bucket === r.bucket
    && r.permissions.some((p) => g.permissions.includes(p))
    && (r.path === undefined || r.path.startsWith(g.prefix));
}

/** `write on photos-1250000000/alice/x.txt`, `list on photos-1250000000/ (…)`. */
export function describeRequirement(r: Requirement): string {
  const where = r.path === undefined ? `some prefix of ${r.bucket}` : `${r.bucket}/${r.path}`;
  return `${r.permissions.join(' or ')} on ${where}${r.why ? ` (${r.why})` : ''}`;
}

/** Allowed, or the first requirement no grant covers. */
export function checkRequirements(access: Scope, requirements: readonly Requirement[] | { admin: string }): CheckResult {
  if (access.kind === 'admin') return { allowed: true };
  if ('admin' in requirements) return { allowed: false, missing: `administrator rights (${requirements.admin})` };
  for (const r of requirements) {
    if (!access.grants.some((g) => grantCovers(g, r))) return { allowed: false, missing: describeRequirement(r) };
  }
  return { allowed: true };
}

/** May a console account with this scope have the request signed? */
export function checkScope(access: Scope, request: RequestScope): CheckResult {
  return checkRequirements(access, request.requirements);
}
