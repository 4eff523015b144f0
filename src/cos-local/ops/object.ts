// PUT Object (436/7749), GET Object (436/7753), HEAD Object (436/7745), DELETE Object (436/7743).
import { createHash, type Hash } from 'node:crypto';
import { CosError } from '../../shared/errors/cos-error';
import { checkObjectKey } from '../../shared/cos/object-key';
import { Crc64 } from '../../shared/crc64/crc64';
import { checkMd5, expectedMd5 } from '../body';
import { evaluateConditions } from '../conditions';
import type { OpContext, OpHandler, OpResult } from '../context';
import { applyOverrides, objectResponseHeaders, refuseUnsupported, storageClass, storedHeaders, userMetadata } from '../object-headers';
import { parseRange } from '../range';
import type { ObjectRecord } from '../store/types';
import { bucketOf, refuseVersionId, wholeSeconds } from './common';

/** A simple upload is at most 5 GB (436/7749). */
export const MAX_PUT_SIZE = 5 * 1024 ** 3;

async function* hashing(source: AsyncIterable<Buffer>, md5: Hash, crc: Crc64): AsyncIterable<Buffer> {
  for await (const chunk of source) {
    md5.update(chunk);
    crc.update(chunk);
    yield chunk;
  }
}

export const putObject: OpHandler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const key = ctx.route.key;
  const keyCheck = checkObjectKey(key);
  if (!keyCheck.ok) throw new CosError(keyCheck.code, { message: keyCheck.reason });
  const h = ctx.req.headers;
  refuseUnsupported(h);
  const length = h['content-length'];
  if (length !== undefined && Number(length) > MAX_PUT_SIZE) throw new CosError('EntityTooLarge');
  const expected = expectedMd5(ctx.req);
  const record: Omit<ObjectRecord, 'size' | 'etag' | 'crc64' | 'blobId' | 'lastModified'> = {
    bucket: bucket.name, key, storageClass: storageClass(h), headers: storedHeaders(h), meta: userMetadata(h),
  };

  const md5 = createHash('md5');
  const crc = new Crc64();
  const blob = await ctx.store.blobs.write(hashing(ctx.req, md5, crc));
  const digest = md5.digest();
  const etag = `"${digest.toString('hex')}"`;
  let result;
  try {
    checkMd5(expected, digest);
    result = ctx.store.meta.putObject({
      ...record, size: blob.size, etag, crc64: crc.toDecimal(), blobId: blob.id, lastModified: wholeSeconds(ctx.clock.now()),
    });
  } catch (e) {
    await ctx.store.blobs.remove(blob.id);
    throw e;
  }
  if (!result.ok) {
    await ctx.store.blobs.remove(blob.id);
    throw new CosError('NoSuchBucket'); // deleted while the body was uploading
  }
  // Only now, with the new row committed, is the replaced blob garbage. Failing to remove it leaves
  // an unreferenced file, not a failed upload.
  if (result.replaced) await ctx.store.blobs.remove(result.replaced.blobId).catch(() => undefined);
  return { headers: { ETag: etag, 'x-cos-hash-crc64ecma': crc.toDecimal() } };
};

function findObject(ctx: OpContext): ObjectRecord {
  refuseVersionId(ctx);
  const o = ctx.store.meta.getObject(bucketOf(ctx).name, ctx.route.key);
  if (!o) throw new CosError('NoSuchKey');
  return o;
}

/** Shared by GET and HEAD: conditions, range and headers; `open` reads the bytes (GET only). */
async function readObject(ctx: OpContext, open: boolean): Promise<OpResult> {
  const o = findObject(ctx);
  const headers = applyOverrides(objectResponseHeaders(o), ctx.route.query);
  const condition = evaluateConditions(ctx.req.headers, o.etag, o.lastModified);
  if (condition === 'precondition-failed') throw new CosError('PreconditionFailed');
  if (condition === 'not-modified') {
    return { status: 304, headers: { ETag: o.etag, 'Last-Modified': headers['Last-Modified'] ?? '', 'Content-Length': '0' } };
  }
  const range = parseRange(ctx.req.headers.range, o.size);
  if (range.kind === 'unsatisfiable') throw new CosError('InvalidRange', { headers: { 'Content-Range': `bytes */${o.size}` } });
  const status = range.kind === 'range' ? 206 : 200;
  if (range.kind === 'range') headers['Content-Range'] = `bytes ${range.range.start}-${range.range.end}/${o.size}`;
  const length = range.kind === 'range' ? range.range.end - range.range.start + 1 : o.size;
  if (!open) return { status, headers: { ...headers, 'Content-Length': String(length) } };
  const body = await ctx.store.blobs.open(o.blobId, range.kind === 'range' ? range.range : undefined);
  if (!body) throw new CosError('NoSuchKey'); // deleted between the lookup and the open
  return { status, headers, stream: { body, length } };
}

export const getObject: OpHandler = (ctx) => readObject(ctx, true);

export const headObject: OpHandler = (ctx) => readObject(ctx, false);

/** 204 whether or not the key existed (436/7743). */
export const deleteObject: OpHandler = async (ctx) => {
  refuseVersionId(ctx);
  const old = ctx.store.meta.deleteObject(bucketOf(ctx).name, ctx.route.key);
  if (old) await ctx.store.blobs.remove(old.blobId).catch(() => undefined); // the row is gone: the object is deleted
  return { status: 204 };
};
