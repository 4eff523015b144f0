// PUT/GET/DELETE Bucket lifecycle (436/8280, 436/8278, 436/8284). The configuration is checked
// (src/shared/lifecycle/validate.ts) and stored as its parsed model, so GET returns what was put; the
// rules act when the lifecycle runner runs (src/cos-local/lifecycle/run.ts).
import { CosError } from '../../shared/errors/cos-error';
import { validateLifecycle } from '../../shared/lifecycle/validate';
import { buildLifecycleXml, parseLifecycleXml, type LifecycleConfiguration } from '../../shared/xml/lifecycle';
import { readSmallBody } from '../body';
import type { OpHandler } from '../context';
import { bucketOf } from './common';

export const LIFECYCLE_CONFIG = 'lifecycle';

/** 1000 rules with long prefixes and tags take more than the 64 KB of other configurations. */
const MAX_LIFECYCLE_BODY = 2 * 1024 * 1024;

export const putBucketLifecycle: OpHandler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const parsed = parseLifecycleXml((await readSmallBody(ctx.req, MAX_LIFECYCLE_BODY)).toString('utf8'));
  if (!parsed.ok) throw new CosError(parsed.unsupported ? 'NotImplemented' : 'MalformedXML', { message: parsed.reason });
  const problem = validateLifecycle(parsed.value);
  if (problem) throw new CosError(problem.code, { message: problem.message });
  ctx.store.meta.putConfig(bucket.name, LIFECYCLE_CONFIG, JSON.stringify(parsed.value));
  return {};
};

export function loadLifecycle(json: string | undefined): LifecycleConfiguration | undefined {
  return json === undefined ? undefined : (JSON.parse(json) as LifecycleConfiguration);
}

export const getBucketLifecycle: OpHandler = async (ctx) => {
  const config = loadLifecycle(ctx.store.meta.getConfig(bucketOf(ctx).name, LIFECYCLE_CONFIG));
  // The SDKs turn this 404 into an empty rule list (cos-js-sdk-v5 1.10.1 src/base.js getBucketLifecycle).
  if (!config) throw new CosError('NoSuchLifecycleConfiguration');
  return { xml: buildLifecycleXml(config) };
};

export const deleteBucketLifecycle: OpHandler = async (ctx) => {
  ctx.store.meta.deleteConfig(bucketOf(ctx).name, LIFECYCLE_CONFIG);
  return { status: 204 };
};
