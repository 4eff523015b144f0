// Bucket tagging (PUT 436/34838, GET 436/34837, DELETE 436/34836) and object tagging (PUT 436/42997,
// GET 436/42998, DELETE 436/42999). Bucket tags live in the bucket config 'tagging' (also read by
// GET Service's tag filter and the `qcs:resource_tag` condition); object tags on the version row.
import { CosError } from '../../shared/errors/cos-error';
import { buildTaggingXml, parseTaggingXml } from '../../shared/xml/tagging';
import { TAGGING_CONFIG, bucketTags } from '../authz/bucket-state';
import { readSmallBody } from '../body';
import type { OpContext, OpHandler } from '../context';
import { MAX_BUCKET_TAGS, MAX_OBJECT_TAGS, tagsFromJson, tagsToJson, validateTags, type Tag } from '../tags';
import { bucketOf, versionIdParam } from './common';
import { findObject } from './object';

async function readTags(ctx: OpContext, max: number): Promise<Tag[]> {
  const parsed = parseTaggingXml((await readSmallBody(ctx.req)).toString('utf8'));
  if (!parsed.ok) throw new CosError('MalformedXML', { message: parsed.reason });
  validateTags(parsed.value, max);
  return parsed.value;
}

export const putBucketTagging: OpHandler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const tags = await readTags(ctx, MAX_BUCKET_TAGS);
  ctx.store.meta.putConfig(bucket.name, TAGGING_CONFIG, tagsToJson(tags));
  return { status: 204 };
};

export const getBucketTagging: OpHandler = async (ctx) => {
  const name = bucketOf(ctx).name;
  // The SDKs turn this 404 into an empty tag set (cos-js-sdk-v5 1.10.1 src/base.js getBucketTagging).
  if (ctx.store.meta.getConfig(name, TAGGING_CONFIG) === undefined) throw new CosError('NoSuchTagSet');
  return { xml: buildTaggingXml(bucketTags(ctx.store.meta, name)) };
};

export const deleteBucketTagging: OpHandler = async (ctx) => {
  ctx.store.meta.deleteConfig(bucketOf(ctx).name, TAGGING_CONFIG);
  return { status: 204 };
};

function versionHeaders(ctx: OpContext): Record<string, string> {
  const versionId = versionIdParam(ctx);
  return versionId === undefined ? {} : { 'x-cos-version-id': versionId };
}

function setObjectTags(ctx: OpContext, tagging: string | null): void {
  const o = findObject(ctx); // NoSuchKey / NoSuchVersion / delete marker answers
  if (!ctx.store.meta.updateObject(o.bucket, o.key, o.versionId, { tagging })) throw new CosError('NoSuchKey');
}

export const putObjectTagging: OpHandler = async (ctx) => {
  const tags = await readTags(ctx, MAX_OBJECT_TAGS);
  setObjectTags(ctx, tags.length === 0 ? null : tagsToJson(tags));
  return { headers: versionHeaders(ctx) };
};

/** An object without tags answers an empty TagSet. */
export const getObjectTagging: OpHandler = async (ctx) => {
  const o = findObject(ctx);
  return { headers: versionHeaders(ctx), xml: buildTaggingXml(tagsFromJson(o.tagging)) };
};

export const deleteObjectTagging: OpHandler = async (ctx) => {
  setObjectTags(ctx, null);
  return { status: 204, headers: versionHeaders(ctx) };
};
