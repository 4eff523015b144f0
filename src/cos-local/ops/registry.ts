// Operation id → handler, and what the pipeline must establish about the bucket first:
// 'existing' answers NoSuchBucket when it is missing, 'create' validates the new name.
import type { OpHandler } from '../context';
import type { OpId } from '../dispatch';
import { deleteBucket, getBucketLocation, headBucket, putBucket } from './bucket';
import { deleteBucketCors, getBucketCors, putBucketCors } from './cors';
import { getBucket } from './list';
import { deleteObject, getObject, headObject, putObject } from './object';
import { appendObject } from './append';
import { getService } from './service';
import { getBucketAcl, getObjectAcl, putBucketAcl, putObjectAcl } from './acl';
import { deleteBucketPolicy, getBucketPolicy, putBucketPolicy } from './policy';
import { putObjectCopy } from './copy';
import { postObject } from './post-object';
import { deleteMultipleObjects } from './delete-objects';
import {
  deleteBucketTagging, deleteObjectTagging, getBucketTagging, getObjectTagging, putBucketTagging, putObjectTagging,
} from './tagging';
import { getBucketObjectVersions, getBucketVersioning, putBucketVersioning } from './versioning';
import { abortMultipartUpload, completeMultipartUpload, initiateMultipartUpload, uploadPart } from './multipart';
import { uploadPartCopy } from './multipart-copy';
import { listMultipartUploads, listParts } from './multipart-list';
import { getBucketReferer, putBucketReferer } from './referer';
import { deleteBucketWebsite, getBucketWebsite, putBucketWebsite } from './website';
import { deleteBucketDomain, getBucketDomain, putBucketDomain } from './domain';
import { deleteBucketLifecycle, getBucketLifecycle, putBucketLifecycle } from './lifecycle';
import { deleteBucketEncryption, getBucketEncryption, putBucketEncryption } from './encryption';
import { deleteBucketReplication, getBucketReplication, putBucketReplication } from './replication';

export interface OpSpec {
  handle: OpHandler;
  bucket: 'none' | 'create' | 'existing';
  /** POST Object authenticates from its form fields, so it authorizes itself once it has read them. */
  selfAuthorized?: true;
}

const unreachable: OpHandler = () => Promise.reject(new Error('OptionsObject is answered before dispatch'));

export const OPS: Readonly<Record<OpId, OpSpec>> = Object.freeze({
  GetService: { handle: getService, bucket: 'none' },
  PutBucket: { handle: putBucket, bucket: 'create' },
  HeadBucket: { handle: headBucket, bucket: 'existing' },
  GetBucket: { handle: getBucket, bucket: 'existing' },
  DeleteBucket: { handle: deleteBucket, bucket: 'existing' },
  GetBucketLocation: { handle: getBucketLocation, bucket: 'existing' },
  PutBucketCors: { handle: putBucketCors, bucket: 'existing' },
  GetBucketCors: { handle: getBucketCors, bucket: 'existing' },
  DeleteBucketCors: { handle: deleteBucketCors, bucket: 'existing' },
  PutObject: { handle: putObject, bucket: 'existing' },
  GetObject: { handle: getObject, bucket: 'existing' },
  HeadObject: { handle: headObject, bucket: 'existing' },
  DeleteObject: { handle: deleteObject, bucket: 'existing' },
  OptionsObject: { handle: unreachable, bucket: 'none' },
  PutObjectCopy: { handle: putObjectCopy, bucket: 'existing' },
  // Authorized key by key, as DeleteObject on each (tencentcloud 436/30580; ops/delete-objects.ts).
  DeleteMultipleObjects: { handle: deleteMultipleObjects, bucket: 'existing', selfAuthorized: true },
  PostObject: { handle: postObject, bucket: 'existing', selfAuthorized: true },
  AppendObject: { handle: appendObject, bucket: 'existing' },
  PutBucketVersioning: { handle: putBucketVersioning, bucket: 'existing' },
  GetBucketVersioning: { handle: getBucketVersioning, bucket: 'existing' },
  GetBucketObjectVersions: { handle: getBucketObjectVersions, bucket: 'existing' },
  PutBucketTagging: { handle: putBucketTagging, bucket: 'existing' },
  GetBucketTagging: { handle: getBucketTagging, bucket: 'existing' },
  DeleteBucketTagging: { handle: deleteBucketTagging, bucket: 'existing' },
  PutObjectTagging: { handle: putObjectTagging, bucket: 'existing' },
  GetObjectTagging: { handle: getObjectTagging, bucket: 'existing' },
  DeleteObjectTagging: { handle: deleteObjectTagging, bucket: 'existing' },
  PutBucketPolicy: { handle: putBucketPolicy, bucket: 'existing' },
  GetBucketPolicy: { handle: getBucketPolicy, bucket: 'existing' },
  DeleteBucketPolicy: { handle: deleteBucketPolicy, bucket: 'existing' },
  PutBucketAcl: { handle: putBucketAcl, bucket: 'existing' },
  GetBucketAcl: { handle: getBucketAcl, bucket: 'existing' },
  PutObjectAcl: { handle: putObjectAcl, bucket: 'existing' },
  GetObjectAcl: { handle: getObjectAcl, bucket: 'existing' },
  InitiateMultipartUpload: { handle: initiateMultipartUpload, bucket: 'existing' },
  UploadPart: { handle: uploadPart, bucket: 'existing' },
  UploadPartCopy: { handle: uploadPartCopy, bucket: 'existing' },
  CompleteMultipartUpload: { handle: completeMultipartUpload, bucket: 'existing' },
  ListParts: { handle: listParts, bucket: 'existing' },
  AbortMultipartUpload: { handle: abortMultipartUpload, bucket: 'existing' },
  ListMultipartUploads: { handle: listMultipartUploads, bucket: 'existing' },
  PutBucketReferer: { handle: putBucketReferer, bucket: 'existing' },
  GetBucketReferer: { handle: getBucketReferer, bucket: 'existing' },
  PutBucketWebsite: { handle: putBucketWebsite, bucket: 'existing' },
  GetBucketWebsite: { handle: getBucketWebsite, bucket: 'existing' },
  DeleteBucketWebsite: { handle: deleteBucketWebsite, bucket: 'existing' },
  PutBucketDomain: { handle: putBucketDomain, bucket: 'existing' },
  GetBucketDomain: { handle: getBucketDomain, bucket: 'existing' },
  DeleteBucketDomain: { handle: deleteBucketDomain, bucket: 'existing' },
  PutBucketLifecycle: { handle: putBucketLifecycle, bucket: 'existing' },
  GetBucketLifecycle: { handle: getBucketLifecycle, bucket: 'existing' },
  DeleteBucketLifecycle: { handle: deleteBucketLifecycle, bucket: 'existing' },
  PutBucketEncryption: { handle: putBucketEncryption, bucket: 'existing' },
  GetBucketEncryption: { handle: getBucketEncryption, bucket: 'existing' },
  DeleteBucketEncryption: { handle: deleteBucketEncryption, bucket: 'existing' },
  PutBucketReplication: { handle: putBucketReplication, bucket: 'existing' },
  GetBucketReplication: { handle: getBucketReplication, bucket: 'existing' },
  DeleteBucketReplication: { handle: deleteBucketReplication, bucket: 'existing' },
});
