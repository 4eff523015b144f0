// PUT/GET/DELETE Bucket policy (436/8282, 436/8276, 436/8285). The document is JSON, checked with the
// shared policy parser (bucket kind: principals required, 20 KB at most, 436/45235) and stored as the
// text that was sent; GET returns that text (with the top-level key spelled `Statement`, see
// shared/policy/bucket-policy-doc.ts). Principals that are not in the accounts file are kept as given.
//
// Codes: an invalid document is 400 InvalidArgument — COS's error-code spec lists InvalidDigest and
// InvalidArgument for Put Policy and no policy-specific code (tencentyun/qcloud-documents
// product/存储与CDN/_Drafts/V1.1.0/错误码梳理/acl&policy.md); S3's MalformedPolicy is not a COS code.
// No policy is 404 NoSuchPolicy: the code cos-nodejs-sdk-v5 getBucketPolicy special-cases as the one
// "New COS" answers (sdk/base.js, "兼容 New COS 404 错误"); its suite only needs the 404.
// PUT answers 204 as the 436/8282 example; DELETE answers 204 (436/8285).
import { CosError } from '../../shared/errors/cos-error';
import { policyGetForm, resourcesOutsideBucket } from '../../shared/policy/bucket-policy-doc';
import { parsePolicy } from '../../shared/policy/parse';
import { POLICY_CONFIG } from '../authz/bucket-state';
import { readSmallBody } from '../body';
import type { OpHandler } from '../context';
import { bucketOf } from './common';

export const putBucketPolicy: OpHandler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const text = (await readSmallBody(ctx.req)).toString('utf8');
  if (text.trim() === '') throw new CosError('InvalidArgument', { message: 'The policy document is empty.' });
  const parsed = parsePolicy(text, { kind: 'bucket' });
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw new CosError('InvalidArgument', { message: `The policy is invalid${first ? `: ${first.message}${first.path ? ` (at ${first.path})` : ''}` : ''}.` });
  }
  const outside = resourcesOutsideBucket(parsed.policy, bucket);
  if (outside.length > 0) {
    throw new CosError('InvalidArgument', { message: `The policy's resources must be in bucket ${bucket.name} (${bucket.region}): ${outside.join(', ')}.` });
  }
  ctx.store.meta.putConfig(bucket.name, POLICY_CONFIG, text);
  return { status: 204 };
};

export const getBucketPolicy: OpHandler = async (ctx) => {
  const text = ctx.store.meta.getConfig(bucketOf(ctx).name, POLICY_CONFIG);
  if (text === undefined) throw new CosError('NoSuchPolicy');
  return { xml: policyGetForm(text), headers: { 'Content-Type': 'application/json' } };
};

export const deleteBucketPolicy: OpHandler = async (ctx) => {
  ctx.store.meta.deleteConfig(bucketOf(ctx).name, POLICY_CONFIG);
  return { status: 204 };
};
