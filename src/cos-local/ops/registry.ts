// Operation id → handler, and what the pipeline must establish about the bucket first:
// 'existing' answers NoSuchBucket when it is missing, 'create' validates the new name.
import type { OpHandler } from '../context';
import type { OpId } from '../dispatch';
import { deleteBucket, headBucket, putBucket } from './bucket';
import { deleteBucketCors, getBucketCors, putBucketCors } from './cors';
import { getBucket } from './list';
import { deleteObject, getObject, headObject, putObject } from './object';
import { getService } from './service';

export interface OpSpec {
  handle: OpHandler;
  bucket: 'none' | 'create' | 'existing';
}

const unreachable: OpHandler = () => Promise.reject(new Error('OptionsObject is answered before dispatch'));

export const OPS: Readonly<Record<OpId, OpSpec>> = Object.freeze({
  GetService: { handle: getService, bucket: 'none' },
  PutBucket: { handle: putBucket, bucket: 'create' },
  HeadBucket: { handle: headBucket, bucket: 'existing' },
  GetBucket: { handle: getBucket, bucket: 'existing' },
  DeleteBucket: { handle: deleteBucket, bucket: 'existing' },
  PutBucketCors: { handle: putBucketCors, bucket: 'existing' },
  GetBucketCors: { handle: getBucketCors, bucket: 'existing' },
  DeleteBucketCors: { handle: deleteBucketCors, bucket: 'existing' },
  PutObject: { handle: putObject, bucket: 'existing' },
  GetObject: { handle: getObject, bucket: 'existing' },
  HeadObject: { handle: headObject, bucket: 'existing' },
  DeleteObject: { handle: deleteObject, bucket: 'existing' },
  OptionsObject: { handle: unreachable, bucket: 'none' },
});
