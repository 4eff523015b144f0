// Small helpers shared by the operation modules.
import { CosError } from '../../shared/errors/cos-error';
import type { OpContext } from '../context';
import type { BucketRecord } from '../store/types';

/** The addressed bucket; the pipeline has already answered NoSuchBucket when it is missing. */
export function bucketOf(ctx: OpContext): BucketRecord {
  if (!ctx.bucket) throw new CosError('NoSuchBucket');
  return ctx.bucket;
}

/** A query parameter of the request, read as every other reader reads it (query.ts). */
export function param(ctx: OpContext, name: string): string | undefined {
  return ctx.route.query.get(name);
}

/**
 * The `versionId` a GET/HEAD/ACL/tagging request names, or undefined for the latest version. An empty
 * `?versionId=` is the latest version, as a request without it: the `cos:versionid` condition key treats
 * "" as absent (tencentcloud 436/46206's "latest version only" policy allows `GET /o?versionId=`).
 */
export function versionIdParam(ctx: OpContext): string | undefined {
  const v = param(ctx, 'versionId');
  return v === '' ? undefined : v;
}

/** Epoch ms truncated to whole seconds: COS times have no sub-second part (`…:00.000Z`). */
export function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
