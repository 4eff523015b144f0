// GET Bucket (List Objects). Doc: https://cloud.tencent.com/document/product/436/7734
// max-keys defaults to 1000 and is capped at 1000; it counts Contents and CommonPrefixes together.
import { CosError } from '../../shared/errors/cos-error';
import { buildListBucketXml, lastModifiedIso } from '../../shared/xml/list-bucket';
import type { OpHandler } from '../context';
import { bucketOf } from './common';

export const MAX_KEYS = 1000;

export function maxKeys(v: string | undefined): number {
  if (v === undefined || v === '') return MAX_KEYS;
  if (!/^\d+$/.test(v)) throw new CosError('InvalidArgument', { message: 'max-keys must be an integer between 0 and 1000.' });
  return Math.min(Number(v), MAX_KEYS);
}

export const getBucket: OpHandler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const q = ctx.route.query;
  const encodingType = q.get('encoding-type');
  if (encodingType !== undefined && encodingType !== 'url') throw new CosError('InvalidArgument', { message: 'Invalid encoding-type; only url is supported.' });
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const marker = q.get('marker') ?? '';
  const limit = maxKeys(q.get('max-keys'));
  const page = ctx.store.meta.listObjects(bucket.name, { prefix, delimiter, marker, maxKeys: limit });
  // Contents' Owner is the bucket owner's APPID in the doc sample.
  const owner = { id: bucket.appId, displayName: bucket.appId };
  const xml = buildListBucketXml({
    name: bucket.name,
    ...(encodingType === undefined ? {} : { encodingType }),
    prefix,
    marker,
    maxKeys: limit,
    ...(delimiter === '' ? {} : { delimiter }),
    isTruncated: page.isTruncated,
    ...(page.nextMarker === undefined ? {} : { nextMarker: page.nextMarker }),
    commonPrefixes: page.commonPrefixes,
    contents: page.contents.map((o) => ({
      key: o.key, lastModified: lastModifiedIso(o.lastModified), etag: o.etag, size: o.size, owner, storageClass: o.storageClass,
    })),
  });
  return { headers: { 'x-cos-bucket-region': bucket.region }, xml };
};
