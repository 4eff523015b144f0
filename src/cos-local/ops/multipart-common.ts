// Shared by the multipart operations (Initiate 436/7746, Upload Part 436/7750, Upload Part - Copy
// 436/8287, Complete 436/7742, List Parts 436/7747, Abort 436/7740): upload lookup, part numbers,
// who initiated and owns an upload, and storing a part's bytes (ETag = quoted MD5, the SDKs' resume
// check compares it with the MD5 of their local slice: cos-js-sdk-v5 1.10.1 src/advance.js getUploadIdAndPartList).
import { createHash, randomBytes } from 'node:crypto';
import { CosError } from '../../shared/errors/cos-error';
import { Crc64 } from '../../shared/crc64/crc64';
import type { Owner } from '../../shared/xml/service';
import { checkMd5 } from '../body';
import type { OpContext } from '../context';
import { ownerId, type Principal } from '../principal';
import type { PartRecord, UploadRecord } from '../store/types';
import { dropGarbage } from '../write-object';
import { bucketOf, param, wholeSeconds } from './common';

export const MAX_PART_NUMBER = 10000;
/** A part is at most 5 GB (436/7750). */
export const MAX_PART_SIZE = 5 * 1024 ** 3;
/** Every part but the last is at least 1 MB (436/7750, 436/7742 EntityTooSmall). */
export const MIN_PART_SIZE = 1024 ** 2;

/** `<seconds><64 hex>`, like COS's `1585130821cbb7…6361`: sorts by initiation time, never repeats. */
export function newUploadId(nowMs: number): string {
  return `${Math.floor(nowMs / 1000)}${randomBytes(32).toString('hex')}`;
}

/** CAM id of the requester: `qcs::cam::uin/<root uin>:uin/<uin>`. */
export function camId(p: Principal): string {
  if (p.kind === 'anonymous') return 'qcs::cam::anyone:anyone';
  const uin = p.kind !== 'root' && p.user ? p.user.uin : p.account.uin;
  return `qcs::cam::uin/${p.account.uin}:uin/${uin}`;
}

/** ID and DisplayName (the last UIN) of a CAM id. */
export function party(id: string): Owner {
  const m = /uin\/(\d+)$/.exec(id);
  return { id, displayName: m?.[1] ?? id };
}

/** The bucket owner's CAM id (the account of the bucket's APPID). */
export function bucketOwner(ctx: OpContext): Owner {
  const bucket = bucketOf(ctx);
  const account = ctx.accounts.accountOf(bucket.appId);
  return account ? party(ownerId(account)) : { id: bucket.appId, displayName: bucket.appId };
}

/** The upload `?uploadId=` names, if it is one of this bucket and key; NoSuchUpload otherwise. */
export function findUpload(ctx: OpContext): UploadRecord {
  const id = param(ctx, 'uploadId') ?? '';
  const upload = id === '' ? undefined : ctx.store.meta.getUpload(id);
  if (!upload || upload.bucket !== bucketOf(ctx).name || upload.key !== ctx.route.key) throw new CosError('NoSuchUpload');
  return upload;
}

/** `?partNumber=`: an integer 1..10000 (InvalidArgument otherwise). */
export function partNumberOf(ctx: OpContext): number {
  const v = param(ctx, 'partNumber') ?? '';
  const n = /^\d{1,5}$/.test(v) ? Number(v) : 0;
  if (n < 1 || n > MAX_PART_NUMBER) throw new CosError('InvalidArgument', { message: `partNumber must be an integer between 1 and ${MAX_PART_NUMBER}.` });
  return n;
}

async function* measured(source: AsyncIterable<Uint8Array>, md5: ReturnType<typeof createHash>, crc: Crc64): AsyncIterable<Uint8Array> {
  let size = 0;
  for await (const chunk of source) {
    size += chunk.length;
    if (size > MAX_PART_SIZE) throw new CosError('EntityTooLarge', { message: `A part is at most ${MAX_PART_SIZE} bytes.` });
    md5.update(chunk);
    crc.update(chunk);
    yield chunk;
  }
}

/**
 * Stores a part's bytes and its row (replacing a part of the same number); the replaced blob is
 * removed after the commit. NoSuchUpload when the upload was aborted or completed meanwhile.
 */
export async function storePart(
  ctx: OpContext, upload: UploadRecord, partNumber: number, source: AsyncIterable<Uint8Array>, expectedMd5?: Buffer,
): Promise<{ part: PartRecord; crc64: string }> {
  const md5 = createHash('md5');
  const crc = new Crc64();
  const blob = await ctx.store.blobs.write(measured(source, md5, crc));
  const part: PartRecord = {
    uploadId: upload.uploadId, partNumber, size: blob.size, etag: '', lastModified: wholeSeconds(ctx.clock.now()), blobId: blob.id,
  };
  let garbage: string[];
  try {
    const digest = md5.digest();
    checkMd5(expectedMd5, digest);
    part.etag = `"${digest.toString('hex')}"`;
    const put = ctx.store.meta.putPart(part);
    if (!put.ok) throw new CosError('NoSuchUpload');
    garbage = put.garbage;
  } catch (e) {
    await ctx.store.blobs.remove(blob.id);
    throw e;
  }
  await dropGarbage(ctx, garbage);
  return { part, crc64: crc.toDecimal() };
}
