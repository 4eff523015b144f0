// COS error codes and their HTTP statuses. Doc: https://cloud.tencent.com/document/product/436/7730
// (S3-compatible codes COS uses, plus the COS-specific "no configuration" codes the SDKs special-case:
// cos-js-sdk-v5 1.10.1 src/base.js getBucketCors, getBucketTagging, … ; docs/cos-behaviour.md "Errors").

export const COS_ERROR_STATUS = {
  AccessDenied: 403,
  // S3's code for a refused CORS preflight (OPTIONS Object answers 403, 436/8288).
  AccessForbidden: 403,
  BadDigest: 400,
  BadRequest: 400,
  BucketAlreadyExists: 409,
  BucketAlreadyOwnedByYou: 409,
  BucketNotEmpty: 409,
  // PUT Bucket domain: the name is bound to a bucket already and ForcedReplacement was not sent, or
  // ForcedReplacement was sent for an unbound name — "HTTP 409 Conflict" (cos-*-sdk docs, PUT Bucket
  // domain error table). The docs name only the status; the code string is cos-local's.
  DomainConflict: 409,
  EntityTooLarge: 400,
  EntityTooSmall: 400,
  // x-cos-forbid-overwrite on an existing object of an unversioned bucket (436/7749).
  FileAlreadyExists: 409,
  InvalidTag: 400,
  InternalError: 500,
  InvalidAccessKeyId: 403,
  InvalidArgument: 400,
  InvalidBucketName: 400,
  InvalidDigest: 400,
  InvalidPart: 400,
  InvalidPolicyDocument: 400,
  InvalidPartOrder: 400,
  InvalidRange: 416,
  InvalidRequest: 400,
  InvalidURI: 400,
  KeyTooLong: 400,
  MalformedPolicy: 400,
  MalformedXML: 400,
  MetadataTooLarge: 400,
  MethodNotAllowed: 405,
  MissingContentLength: 411,
  MissingContentMD5: 400,
  NoSuchBucket: 404,
  // APPEND Object (436/7741): the object exists and was not created by APPEND Object.
  ObjectNotAppendable: 409,
  // APPEND Object (436/7741): `position` is not the appendable object's current length.
  PositionNotEqualToLength: 409,
  NoSuchBucketPolicy: 404,
  NoSuchCORSConfiguration: 404,
  // GET Bucket domain without one: the SDK suites expect a 404 (cos-nodejs-sdk-v5 test/test.js, group
  // BucketDomain; the code is ours: docs/cos-behaviour.md "Errors").
  NoSuchDomainConfiguration: 404,
  // GET Bucket encryption / lifecycle without one: special-cased by the SDKs' getBucketEncryption and
  // getBucketLifecycle, which answer an empty configuration (cos-js-sdk-v5 1.10.1 src/base.js).
  NoSuchEncryptionConfiguration: 404,
  NoSuchKey: 404,
  NoSuchLifecycleConfiguration: 404,
  // GET Bucket policy without one (cos-nodejs-sdk-v5 getBucketPolicy: "New COS" 404 code).
  NoSuchPolicy: 404,
  // Special-cased by the SDKs' getBucketReferer / getBucketWebsite (cos-js-sdk-v5 1.10.1 src/base.js); the
  // website one also answers website-host requests to a bucket without a configuration.
  NoSuchRefererConfiguration: 404,
  NoSuchTagSet: 404,
  NoSuchUpload: 404,
  NoSuchVersion: 404,
  NotImplemented: 501,
  NotModified: 304,
  PreconditionFailed: 412,
  // GET Bucket replication without one. The SDKs special-case 'ReplicationConfigurationnotFoundError'
  // (lower-case n) into an empty rule list, but cos-nodejs-sdk-v5's own suite, written against real
  // COS, expects an error after DELETE Bucket replication (test.js "deleteBucketReplication()"): real COS
  // sends another code. S3's spelling, which the SDK's check misses, fits both (docs/cos-behaviour.md
  // "Errors").
  ReplicationConfigurationNotFoundError: 404,
  RequestHeaderSectionTooLarge: 400,
  RequestTimeTooSkewed: 403,
  SignatureDoesNotMatch: 403,
  TooManyBuckets: 400,
  UserKeyMustBeSpecified: 400,
  NoSuchWebsiteConfiguration: 404,
  // PUT Bucket website larger than 64 KB or with too many routing rules (436/7730 error list).
  XMLSizeLimit: 400,
} as const;

export type CosErrorCode = keyof typeof COS_ERROR_STATUS;

const DEFAULT_MESSAGES: Partial<Record<CosErrorCode, string>> = {
  AccessDenied: 'Access Denied.',
  AccessForbidden: 'CORSResponse: This CORS request is not allowed.',
  BadDigest: 'The Content-MD5 you specified did not match what we received.',
  BucketAlreadyExists: 'The requested bucket name is not available.',
  BucketAlreadyOwnedByYou: 'The bucket you tried to create already exists, and you own it.',
  BucketNotEmpty: 'The bucket you tried to delete is not empty.',
  EntityTooSmall: 'Your proposed upload is smaller than the minimum allowed object size.',
  FileAlreadyExists: 'The object you tried to upload already exists and x-cos-forbid-overwrite is true.',
  InvalidPart: 'One or more of the specified parts could not be found, or its entity tag did not match.',
  InvalidPartOrder: 'The list of parts was not in ascending order.',
  NoSuchTagSet: 'There is no tag set associated with the resource.',
  NoSuchVersion: 'The specified version does not exist.',
  InternalError: 'We encountered an internal error. Please try again.',
  InvalidAccessKeyId: 'The access key Id format you provided is invalid.',
  InvalidBucketName: 'The specified bucket name is invalid.',
  InvalidDigest: 'The Content-MD5 you specified is not valid.',
  InvalidRange: 'The requested range is not satisfiable.',
  KeyTooLong: 'Your key is too long.',
  MalformedXML: 'The XML you provided was not well-formed or did not validate against our published schema.',
  MetadataTooLarge: 'Your metadata headers exceed the maximum allowed metadata size.',
  MethodNotAllowed: 'The specified method is not allowed against this resource.',
  NoSuchBucket: 'The specified bucket does not exist.',
  NoSuchCORSConfiguration: 'The CORS configuration does not exist.',
  NoSuchDomainConfiguration: 'The specified bucket does not have a domain configuration.',
  NoSuchRefererConfiguration: 'The specified bucket does not have a referer configuration.',
  NoSuchWebsiteConfiguration: 'The specified bucket does not have a website configuration.',
  NoSuchEncryptionConfiguration: 'The server side encryption configuration was not found.',
  NoSuchKey: 'The specified key does not exist.',
  NoSuchLifecycleConfiguration: 'The lifecycle configuration does not exist.',
  NoSuchPolicy: 'The specified bucket does not have a bucket policy.',
  NoSuchUpload: 'The specified multipart upload does not exist.',
  NotImplemented: 'A header or query you provided implies functionality that is not implemented.',
  PreconditionFailed: 'At least one of the preconditions you specified did not hold.',
  ReplicationConfigurationNotFoundError: 'The replication configuration was not found.',
  RequestTimeTooSkewed: 'The difference between the request time and the server\'s time is too large.',
  SignatureDoesNotMatch: 'The Signature you specified is invalid.',
};

/** A COS error: thrown by cos-local handlers, decoded from responses by clients. */
export class CosError extends Error {
  readonly code: CosErrorCode;
  readonly status: number;
  readonly resource: string | undefined;
  /** Extra response headers the error carries (e.g. `Date` for RequestTimeTooSkewed). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: CosErrorCode, options: { message?: string; resource?: string; headers?: Record<string, string> } = {}) {
    super(options.message ?? DEFAULT_MESSAGES[code] ?? code);
    this.name = 'CosError';
    this.code = code;
    this.status = COS_ERROR_STATUS[code];
    this.resource = options.resource;
    this.headers = options.headers ?? {};
  }
}

export function isCosErrorCode(code: string): code is CosErrorCode {
  return Object.hasOwn(COS_ERROR_STATUS, code);
}
