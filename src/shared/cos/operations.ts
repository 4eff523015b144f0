// (method, level, subresource) → COS operation, and the CAM action a policy names for it. Shared by
// cos-local's dispatch (which operation a request is) and the console server's signing scope (which
// permission a request needs), so the two can never disagree about what a request does.
// Operation names are the COS API names (https://cloud.tencent.com/document/product/436/7751); CAM
// action names (name/cos:…) follow https://cloud.tencent.com/document/product/436/31923 and
// https://www.tencentcloud.com/document/product/436/30580.

export type Level = 'service' | 'bucket' | 'object';
export type OperationMethod = 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';

type Methods = Readonly<Partial<Record<OperationMethod, string>>>;

// Every COS operation by level and subresource ('' = none). Written out (no name-building helper) so
// that CosOperation below is the exact union of names and tables keyed by it are checked for
// exhaustiveness by the compiler.
const TABLE = {
  service: { '': { GET: 'GetService', POST: 'GetFederationToken' } },
  bucket: {
    '': { PUT: 'PutBucket', HEAD: 'HeadBucket', GET: 'GetBucket', DELETE: 'DeleteBucket', POST: 'PostObject' },
    cors: { PUT: 'PutBucketCors', GET: 'GetBucketCors', DELETE: 'DeleteBucketCors' },
    acl: { PUT: 'PutBucketAcl', GET: 'GetBucketAcl' },
    policy: { PUT: 'PutBucketPolicy', GET: 'GetBucketPolicy', DELETE: 'DeleteBucketPolicy' },
    lifecycle: { PUT: 'PutBucketLifecycle', GET: 'GetBucketLifecycle', DELETE: 'DeleteBucketLifecycle' },
    website: { PUT: 'PutBucketWebsite', GET: 'GetBucketWebsite', DELETE: 'DeleteBucketWebsite' },
    referer: { PUT: 'PutBucketReferer', GET: 'GetBucketReferer' },
    tagging: { PUT: 'PutBucketTagging', GET: 'GetBucketTagging', DELETE: 'DeleteBucketTagging' },
    versioning: { PUT: 'PutBucketVersioning', GET: 'GetBucketVersioning' },
    replication: { PUT: 'PutBucketReplication', GET: 'GetBucketReplication', DELETE: 'DeleteBucketReplication' },
    logging: { PUT: 'PutBucketLogging', GET: 'GetBucketLogging' },
    inventory: { PUT: 'PutBucketInventory', GET: 'GetBucketInventory', DELETE: 'DeleteBucketInventory', POST: 'PostBucketInventory' },
    domain: { PUT: 'PutBucketDomain', GET: 'GetBucketDomain', DELETE: 'DeleteBucketDomain' },
    origin: { PUT: 'PutBucketOrigin', GET: 'GetBucketOrigin', DELETE: 'DeleteBucketOrigin' },
    accelerate: { PUT: 'PutBucketAccelerate', GET: 'GetBucketAccelerate' },
    encryption: { PUT: 'PutBucketEncryption', GET: 'GetBucketEncryption', DELETE: 'DeleteBucketEncryption' },
    intelligenttiering: { PUT: 'PutBucketIntelligentTiering', GET: 'GetBucketIntelligentTiering' },
    'object-lock': { PUT: 'PutObjectLockConfiguration', GET: 'GetObjectLockConfiguration' },
    location: { GET: 'GetBucketLocation' },
    uploads: { GET: 'ListMultipartUploads' },
    versions: { GET: 'GetBucketObjectVersions' },
    delete: { POST: 'DeleteMultipleObjects' },
  },
  object: {
    '': { PUT: 'PutObject', GET: 'GetObject', HEAD: 'HeadObject', DELETE: 'DeleteObject' },
    acl: { PUT: 'PutObjectAcl', GET: 'GetObjectAcl' },
    tagging: { PUT: 'PutObjectTagging', GET: 'GetObjectTagging', DELETE: 'DeleteObjectTagging' },
    uploads: { POST: 'InitiateMultipartUpload' },
    uploadId: { PUT: 'UploadPart', POST: 'CompleteMultipartUpload', GET: 'ListParts', DELETE: 'AbortMultipartUpload' },
    restore: { POST: 'PostObjectRestore' },
    select: { POST: 'SelectObjectContent' },
    append: { POST: 'AppendObject' },
    'ci-process': { GET: 'CiProcess', POST: 'CiProcess' },
  },
} as const satisfies Record<Level, Record<string, Methods>>;

type Values<T> = T[keyof T];
type TableOperation = Values<{ [L in Level]: Values<{ [S in keyof (typeof TABLE)[L]]: Values<(typeof TABLE)[L][S]> }> }>;

/**
 * Every COS operation: the table's, plus those a header or the method decides — PUT Object - Copy and
 * Upload Part - Copy (`x-cos-copy-source`), and the CORS preflight OPTIONS Object.
 */
export type CosOperation = TableOperation | 'PutObjectCopy' | 'UploadPartCopy' | 'OptionsObject';

export const OPERATION_TABLE: Readonly<Record<Level, Readonly<Record<string, Methods>>>> = TABLE;

/**
 * Query parameters that select a subresource: the table's keys plus `partNumber`, which travels with
 * `uploadId` (Upload Part). Sources: the SDKs' API maps (cos-js-sdk-v5 1.10.1 src/base.js, src/advance.js)
 * and the COS API index.
 */
export const SUBRESOURCE_NAMES: ReadonlySet<string> = new Set([
  ...Object.values(OPERATION_TABLE).flatMap((subs) => Object.keys(subs).filter((s) => s !== '')),
  'partNumber',
]);

const CAM_NAMES: Readonly<Partial<Record<CosOperation, string>>> = {
  PutBucketCors: 'PutBucketCORS', GetBucketCors: 'GetBucketCORS', DeleteBucketCors: 'DeleteBucketCORS',
  // A copy is authorized as PutObject on the target (and GetObject on the source), as the SDKs'
  // STS scopes declare it (cos-nodejs-sdk-v5 putObjectCopy; tencentcloud 436/30580).
  PutObjectCopy: 'PutObject',
  // Likewise Upload Part - Copy (cos-nodejs-sdk-v5 uploadPartCopy: GetObject on the source, PutObject
  // on the target; tencentcloud 436/30580).
  UploadPartCopy: 'PutObject',
  PutBucketAcl: 'PutBucketACL', GetBucketAcl: 'GetBucketACL', PutObjectAcl: 'PutObjectACL', GetObjectAcl: 'GetObjectACL',
};

/** The CAM action a policy names for an operation, e.g. `name/cos:PutBucketCORS`. */
export function camActionOf(op: CosOperation): string {
  return `name/cos:${CAM_NAMES[op] ?? op}`;
}

export interface OperationInput {
  method: string;
  level: Level;
  /** Subresource names present in the query (see SUBRESOURCE_NAMES). */
  subresources: readonly string[];
  /** `x-cos-copy-source` present: PUT Object becomes PUT Object - Copy, Upload Part becomes Upload Part - Copy. */
  copySource?: boolean;
}

export type OperationResult =
  | { ok: true; operation: CosOperation }
  /** The COS error code such a request gets (436/7730). */
  | { ok: false; code: 'MethodNotAllowed' | 'InvalidArgument'; message?: string };

/** Which COS operation a request is. */
export function operationOf({ method, level, subresources, copySource = false }: OperationInput): OperationResult {
  if (method === 'OPTIONS') return { ok: true, operation: 'OptionsObject' }; // a preflight may target any resource (436/8288)
  // uploadId and partNumber travel together (UploadPart); any other pair is ambiguous.
  const subs = subresources.includes('uploadId') ? ['uploadId'] : subresources;
  if (subs.length > 1) return { ok: false, code: 'InvalidArgument', message: `Conflicting subresources: ${subs.join(', ')}.` };
  const row: Methods | undefined = OPERATION_TABLE[level][subs[0] ?? ''];
  const name = row?.[method as OperationMethod] as TableOperation | undefined;
  if (name === undefined) return { ok: false, code: 'MethodNotAllowed' };
  if (copySource && name === 'PutObject') return { ok: true, operation: 'PutObjectCopy' };
  if (copySource && name === 'UploadPart') return { ok: true, operation: 'UploadPartCopy' };
  return { ok: true, operation: name };
}
