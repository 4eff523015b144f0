// (method, level, subresource) → COS operation. Operation names are the COS API names
// (https://cloud.tencent.com/document/product/436/7751); CAM action names (name/cos:…) follow
// https://cloud.tencent.com/document/product/436/31923. Operations COS has but cos-local does not
// (yet) answer NotImplemented; a method a resource does not take answers MethodNotAllowed.
import { CosError } from '../shared/errors/cos-error';
import type { Level } from './route';

export const IMPLEMENTED = [
  'GetService',
  'PutBucket', 'HeadBucket', 'GetBucket', 'DeleteBucket',
  'PutBucketCors', 'GetBucketCors', 'DeleteBucketCors',
  'PutObject', 'GetObject', 'HeadObject', 'DeleteObject', 'OptionsObject',
  'PutObjectCopy', 'DeleteMultipleObjects', 'PostObject',
  'PutBucketVersioning', 'GetBucketVersioning', 'GetBucketObjectVersions',
  'PutBucketTagging', 'GetBucketTagging', 'DeleteBucketTagging',
  'PutObjectTagging', 'GetObjectTagging', 'DeleteObjectTagging',
  'PutBucketPolicy', 'GetBucketPolicy', 'DeleteBucketPolicy',
  'PutBucketAcl', 'GetBucketAcl', 'PutObjectAcl', 'GetObjectAcl',
  'InitiateMultipartUpload', 'UploadPart', 'UploadPartCopy', 'CompleteMultipartUpload', 'ListParts', 'AbortMultipartUpload',
  'ListMultipartUploads',
] as const;

export type OpId = (typeof IMPLEMENTED)[number];

type Methods = Partial<Record<'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE', string>>;

const crud = (name: string, withDelete = true): Methods =>
  withDelete ? { PUT: `Put${name}`, GET: `Get${name}`, DELETE: `Delete${name}` } : { PUT: `Put${name}`, GET: `Get${name}` };

// Every COS operation by level and subresource ('' = none).
const TABLE: Record<Level, Record<string, Methods>> = Object.freeze({
  service: { '': { GET: 'GetService', POST: 'GetFederationToken' } },
  bucket: {
    '': { PUT: 'PutBucket', HEAD: 'HeadBucket', GET: 'GetBucket', DELETE: 'DeleteBucket', POST: 'PostObject' },
    cors: crud('BucketCors'), acl: crud('BucketAcl', false), policy: crud('BucketPolicy'),
    lifecycle: crud('BucketLifecycle'), website: crud('BucketWebsite'), referer: crud('BucketReferer', false),
    tagging: crud('BucketTagging'), versioning: crud('BucketVersioning', false), replication: crud('BucketReplication'),
    logging: crud('BucketLogging', false), inventory: { ...crud('BucketInventory'), POST: 'PostBucketInventory' },
    domain: crud('BucketDomain'), origin: crud('BucketOrigin'), accelerate: crud('BucketAccelerate', false),
    encryption: crud('BucketEncryption'), intelligenttiering: crud('BucketIntelligentTiering', false),
    'object-lock': crud('ObjectLockConfiguration', false),
    location: { GET: 'GetBucketLocation' }, uploads: { GET: 'ListMultipartUploads' },
    versions: { GET: 'GetBucketObjectVersions' }, delete: { POST: 'DeleteMultipleObjects' },
  },
  object: {
    '': { PUT: 'PutObject', GET: 'GetObject', HEAD: 'HeadObject', DELETE: 'DeleteObject' },
    acl: crud('ObjectAcl', false), tagging: crud('ObjectTagging'),
    uploads: { POST: 'InitiateMultipartUpload' },
    uploadId: { PUT: 'UploadPart', POST: 'CompleteMultipartUpload', GET: 'ListParts', DELETE: 'AbortMultipartUpload' },
    restore: { POST: 'PostObjectRestore' }, select: { POST: 'SelectObjectContent' }, append: { POST: 'AppendObject' },
    'ci-process': { GET: 'CiProcess', POST: 'CiProcess' },
  },
});

const CAM_NAMES: Partial<Record<OpId, string>> = {
  PutBucketCors: 'PutBucketCORS', GetBucketCors: 'GetBucketCORS', DeleteBucketCors: 'DeleteBucketCORS',
  // A copy is authorized as PutObject on the target (and GetObject on the source), as the SDKs'
  // STS scopes declare it (cos-nodejs-sdk-v5 putObjectCopy).
  PutObjectCopy: 'PutObject',
  // Likewise Upload Part - Copy (cos-nodejs-sdk-v5 uploadPartCopy: GetObject on the source, PutObject on the target).
  UploadPartCopy: 'PutObject',
  PutBucketAcl: 'PutBucketACL', GetBucketAcl: 'GetBucketACL', PutObjectAcl: 'PutObjectACL', GetObjectAcl: 'GetObjectACL',
};

/** The CAM action a policy names for an operation, e.g. `name/cos:PutBucketCORS`. */
export function camAction(op: OpId): string {
  return `name/cos:${CAM_NAMES[op] ?? op}`;
}

const isImplemented = (name: string): name is OpId => (IMPLEMENTED as readonly string[]).includes(name);

export interface DispatchInput {
  method: string;
  level: Level;
  subresources: readonly string[];
  /** `x-cos-copy-source` present: PUT Object becomes PUT Object - Copy. */
  copySource?: boolean;
}

export function dispatch({ method, level, subresources, copySource = false }: DispatchInput): OpId {
  if (method === 'OPTIONS') return 'OptionsObject'; // a preflight may target any resource (436/8288)
  // uploadId and partNumber travel together (UploadPart); any other pair is ambiguous.
  const subs = subresources.includes('uploadId') ? ['uploadId'] : subresources;
  if (subs.length > 1) throw new CosError('InvalidArgument', { message: `Conflicting subresources: ${subs.join(', ')}.` });
  const sub = subs[0] ?? '';
  const row = TABLE[level][sub];
  let name = row?.[method as keyof Methods];
  if (name === undefined) throw new CosError('MethodNotAllowed');
  if (copySource && name === 'PutObject') name = 'PutObjectCopy';
  if (copySource && name === 'UploadPart') name = 'UploadPartCopy';
  if (!isImplemented(name)) throw new CosError('NotImplemented', { message: `${name} is not implemented by cos-local.` });
  return name;
}
