// (method, level, subresource) → COS operation, by the table shared with the console server
// (src/shared/cos/operations.ts: operation names, CAM action names). Operations COS has but cos-local
// does not (yet) answer NotImplemented; a method a resource does not take answers MethodNotAllowed.
import { CosError } from '../shared/errors/cos-error';
import { camActionOf, operationOf } from '../shared/cos/operations';
import type { Level } from './route';

export const IMPLEMENTED = [
  'GetService',
  'PutBucket', 'HeadBucket', 'GetBucket', 'DeleteBucket', 'GetBucketLocation',
  'PutBucketCors', 'GetBucketCors', 'DeleteBucketCors',
  'PutObject', 'GetObject', 'HeadObject', 'DeleteObject', 'OptionsObject',
  'PutObjectCopy', 'DeleteMultipleObjects', 'PostObject', 'AppendObject',
  'PutBucketVersioning', 'GetBucketVersioning', 'GetBucketObjectVersions',
  'PutBucketTagging', 'GetBucketTagging', 'DeleteBucketTagging',
  'PutObjectTagging', 'GetObjectTagging', 'DeleteObjectTagging',
  'PutBucketPolicy', 'GetBucketPolicy', 'DeleteBucketPolicy',
  'PutBucketAcl', 'GetBucketAcl', 'PutObjectAcl', 'GetObjectAcl',
  'InitiateMultipartUpload', 'UploadPart', 'UploadPartCopy', 'CompleteMultipartUpload', 'ListParts', 'AbortMultipartUpload',
  'ListMultipartUploads',
  'PutBucketLifecycle', 'GetBucketLifecycle', 'DeleteBucketLifecycle',
  'PutBucketEncryption', 'GetBucketEncryption', 'DeleteBucketEncryption',
  'PutBucketReplication', 'GetBucketReplication', 'DeleteBucketReplication',
  'PutBucketReferer', 'GetBucketReferer',
  'PutBucketWebsite', 'GetBucketWebsite', 'DeleteBucketWebsite',
  'PutBucketDomain', 'GetBucketDomain', 'DeleteBucketDomain',
] as const;

export type OpId = (typeof IMPLEMENTED)[number];

/** The CAM action a policy names for an operation, e.g. `name/cos:PutBucketCORS` (src/shared/cos/operations.ts). */
export function camAction(op: OpId): string {
  return camActionOf(op);
}

const isImplemented = (name: string): name is OpId => (IMPLEMENTED as readonly string[]).includes(name);

export interface DispatchInput {
  method: string;
  level: Level;
  subresources: readonly string[];
  /** `x-cos-copy-source` present: PUT Object becomes PUT Object - Copy. */
  copySource?: boolean;
}

export function dispatch(input: DispatchInput): OpId {
  const found = operationOf(input);
  if (!found.ok) throw new CosError(found.code, found.message === undefined ? {} : { message: found.message });
  const name = found.operation;
  if (!isImplemented(name)) throw new CosError('NotImplemented', { message: `${name} is not implemented by cos-local.` });
  return name;
}
