// PUT Bucket (436/7738), HEAD Bucket (436/7735), DELETE Bucket (436/7732), GET Bucket location.
import { CosError } from '../../shared/errors/cos-error';
import { parseBucketName } from '../../shared/cos/bucket-name';
import { parseXml } from '../../shared/xml/codec';
import { buildLocationXml } from '../../shared/xml/location';
import { aclFromRequestHeaders } from '../acl';
import { ACL_CONFIG, TAGGING_CONFIG } from '../authz/bucket-state';
import { readSmallBody } from '../body';
import type { OpHandler } from '../context';
import { MAX_BUCKET_TAGS, tagsFromHeader, tagsToJson } from '../tags';
import { bucketOf, wholeSeconds } from './common';

export const putBucket: OpHandler = async (ctx) => {
  const name = ctx.route.bucket ?? '';
  const parsed = parseBucketName(name);
  if (!parsed.ok) throw new CosError('InvalidBucketName', { message: `The specified bucket name is invalid: ${parsed.reason}.` });
  // x-cos-tagging tags the new bucket (436/7738).
  const tags = tagsFromHeader(ctx.req.headers, MAX_BUCKET_TAGS);
  // x-cos-acl / x-cos-grant-* set the new bucket's ACL (436/7738); bad values fail before creating.
  const acl = aclFromRequestHeaders(ctx.req.headers, 'bucket');
  // An optional <CreateBucketConfiguration> (multi-AZ); it must be well-formed, its content has no
  // local meaning.
  const body = await readSmallBody(ctx.req);
  if (body.length > 0) {
    const xml = parseXml(body.toString('utf8'));
    if (!xml.ok || !Object.hasOwn(xml.value, 'CreateBucketConfiguration')) throw new CosError('MalformedXML');
  }
  const existing = ctx.store.meta.getBucket(name);
  if (existing) throw new CosError(existing.appId === parsed.appId ? 'BucketAlreadyOwnedByYou' : 'BucketAlreadyExists');
  const created = ctx.store.meta.createBucket({
    name, region: ctx.route.region ?? ctx.defaultRegion, appId: parsed.appId, createdAt: wholeSeconds(ctx.clock.now()),
  });
  if (!created) throw new CosError('BucketAlreadyOwnedByYou');
  if (acl !== undefined) ctx.store.meta.putConfig(name, ACL_CONFIG, acl);
  if (tags !== undefined && tags.length > 0) ctx.store.meta.putConfig(name, TAGGING_CONFIG, tagsToJson(tags));
  return {};
};

export const headBucket: OpHandler = async (ctx) => ({ headers: { 'x-cos-bucket-region': bucketOf(ctx).region } });

/** The region the bucket was created in (a bucket is bound to its region: docs/cos-behaviour.md "Buckets"). */
export const getBucketLocation: OpHandler = async (ctx) => ({ xml: buildLocationXml(bucketOf(ctx).region) });

export const deleteBucket: OpHandler = async (ctx) => {
  const result = ctx.store.meta.deleteBucket(bucketOf(ctx).name);
  if (result === 'not-empty') throw new CosError('BucketNotEmpty');
  if (result === 'missing') throw new CosError('NoSuchBucket');
  return { status: 204 };
};
