// PUT/GET/DELETE Bucket website (436/30617, 436/30616, 436/30629). The configuration is stored as its
// parsed model, so GET returns exactly what was put; a new PUT replaces the old configuration
// (436/31930). GET without one: NoSuchWebsiteConfiguration, which the SDKs' getBucketWebsite turns
// into an empty WebsiteConfiguration (cos-js-sdk-v5 1.10.1 src/base.js). Serving is in ../website/serve.ts.
import { CosError } from '../../shared/errors/cos-error';
import { buildWebsiteXml, parseWebsiteXml, type WebsiteConfiguration } from '../../shared/xml/website';
import { readSmallBody } from '../body';
import type { OpHandler } from '../context';
import type { MetaStore } from '../store/types';
import { MAX_WEBSITE_XML, validateWebsite } from '../website/validate';
import { bucketOf } from './common';

export const WEBSITE_CONFIG = 'website';

export const putBucketWebsite: OpHandler = async (ctx) => {
  const bucket = bucketOf(ctx);
  // Read a little past the limit so an oversized document is XMLSizeLimit, not a generic error.
  const body = await readSmallBody(ctx.req, MAX_WEBSITE_XML + 1024);
  if (body.length > MAX_WEBSITE_XML) throw new CosError('XMLSizeLimit', { message: 'The website configuration is larger than 64 KB.' });
  const text = body.toString('utf8');
  if (text.trim() === '') throw new CosError('InvalidArgument', { message: 'The website configuration is empty.' });
  const parsed = parseWebsiteXml(text);
  if (!parsed.ok) throw new CosError('MalformedXML', { message: `The XML you provided was not well-formed or did not validate: ${parsed.reason}.` });
  const problem = validateWebsite(parsed.value);
  if (problem) throw new CosError(problem.code, { message: problem.message });
  ctx.store.meta.putConfig(bucket.name, WEBSITE_CONFIG, JSON.stringify(parsed.value));
  return {};
};

export const getBucketWebsite: OpHandler = (ctx) => {
  const config = loadWebsite(ctx.store.meta, bucketOf(ctx).name);
  if (!config) return Promise.reject(new CosError('NoSuchWebsiteConfiguration'));
  return Promise.resolve({ xml: buildWebsiteXml(config) });
};

/** 204 whether or not there was one (436/30629). */
export const deleteBucketWebsite: OpHandler = (ctx) => {
  ctx.store.meta.deleteConfig(bucketOf(ctx).name, WEBSITE_CONFIG);
  return Promise.resolve({ status: 204 });
};

export function loadWebsite(meta: MetaStore, bucket: string): WebsiteConfiguration | undefined {
  const json = meta.getConfig(bucket, WEBSITE_CONFIG);
  return json === undefined ? undefined : (JSON.parse(json) as WebsiteConfiguration);
}
