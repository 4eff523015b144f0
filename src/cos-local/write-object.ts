// Storing an object's bytes and committing its row, for every write: PUT Object (436/7749), POST
// Object (436/14690), PUT Object - Copy (436/10881) and Complete Multipart Upload (436/7742).
// Order of events (the crash-safety rule): bytes to a temp file → fsync → rename → commit the row
// → remove the blobs the commit made garbage. A failure before the commit removes the new blob.
import { createHash, type Hash } from 'node:crypto';
import { CosError } from '../shared/errors/cos-error';
import { Crc64 } from '../shared/crc64/crc64';
import { checkMd5 } from './body';
import type { OpContext } from './context';
import { bucketOf, wholeSeconds } from './ops/common';
import { withDefaultEncryption } from './ops/encryption';
import { commitWithReplication, markPending, replicationTasks } from './replication/hooks';
import type { ObjectRecord, VersioningMode } from './store/types';
import { versionHeader, versioningMode, writeVersionId } from './versioning';

export type ObjectFields = Pick<ObjectRecord, 'key' | 'storageClass' | 'headers' | 'meta' | 'acl' | 'tagging'>;

export type Commit = (record: ObjectRecord, mode: VersioningMode) => { ok: true; garbage: string[] } | { ok: false; error: CosError };

export interface WriteOptions {
  /** The Content-MD5 sent, checked against the bytes (BadDigest). */
  expectedMd5?: Buffer;
  /** Multipart objects have the ETag `"<md5 of the part md5s>-<n>"` instead of the MD5 of the bytes. */
  etag?: string;
  /** `x-cos-forbid-overwrite: true`: refuse when the key exists and versioning is not enabled. */
  forbidOverwrite?: boolean;
  /** Replaces the plain commit (Complete Multipart Upload also drops the upload in that transaction). */
  commit?: Commit;
}

export interface Written {
  record: ObjectRecord;
  mode: VersioningMode;
  /** ETag, x-cos-hash-crc64ecma and (once versioning was configured) x-cos-version-id. */
  headers: Record<string, string>;
}

async function* hashing(source: AsyncIterable<Uint8Array>, md5: Hash, crc: Crc64): AsyncIterable<Uint8Array> {
  for await (const chunk of source) {
    md5.update(chunk);
    crc.update(chunk);
    yield chunk;
  }
}

/** COS: x-cos-forbid-overwrite applies to buckets without versioning enabled (436/7749). */
export function refuseOverwrite(ctx: OpContext, key: string, mode: VersioningMode): void {
  if (mode !== 'enabled' && ctx.store.meta.getObject(bucketOf(ctx).name, key)) throw new CosError('FileAlreadyExists');
}

export function forbidsOverwrite(ctx: OpContext): boolean {
  const v = ctx.req.headers['x-cos-forbid-overwrite'];
  return (Array.isArray(v) ? v[0] : v)?.toLowerCase() === 'true';
}

export async function writeObject(ctx: OpContext, source: AsyncIterable<Uint8Array>, fields: ObjectFields, options: WriteOptions = {}): Promise<Written> {
  const bucket = bucketOf(ctx);
  const mode = versioningMode(ctx.store.meta, bucket.name);
  if (options.forbidOverwrite) refuseOverwrite(ctx, fields.key, mode);
  const md5 = createHash('md5');
  const crc = new Crc64();
  const blob = await ctx.store.blobs.write(hashing(source, md5, crc));
  const now = ctx.clock.now();
  const record: ObjectRecord = {
    bucket: bucket.name, ...fields, size: blob.size, crc64: crc.toDecimal(), blobId: blob.id, lastModified: wholeSeconds(now),
    etag: '', versionId: writeVersionId(mode, now),
    // The bucket's default encryption applies when the request names none (PUT Bucket encryption, 436/40136).
    headers: withDefaultEncryption(ctx.store.meta, bucket.name, fields.headers),
  };
  let garbage: string[];
  try {
    const digest = md5.digest();
    checkMd5(options.expectedMd5, digest);
    record.etag = options.etag ?? `"${digest.toString('hex')}"`;
    // The bytes may have taken long: check overwrite again just before the commit.
    if (options.forbidOverwrite) refuseOverwrite(ctx, fields.key, mode);
    // A version a replication rule covers is PENDING and queued in the commit's transaction (436/19223).
    const tasks = replicationTasks(ctx.store.meta, bucket.name, record.key, record.versionId, 'object', now);
    markPending(record, tasks);
    const committed = commitWithReplication(ctx.store.meta, tasks, () => options.commit
      ? options.commit(record, mode)
      : toCommit(ctx.store.meta.putObject(record, mode)));
    if (!committed.ok) throw committed.error;
    garbage = committed.garbage;
  } catch (e) {
    await ctx.store.blobs.remove(blob.id);
    throw e;
  }
  // Only now, with the new row committed, are replaced blobs garbage. Failing to remove one leaves
  // an unreferenced file (swept at the next start), not a failed write.
  await dropGarbage(ctx, garbage);
  const sse = record.headers['x-cos-server-side-encryption'];
  return {
    record, mode,
    headers: {
      ETag: record.etag, 'x-cos-hash-crc64ecma': record.crc64, ...versionHeader(mode, record.versionId),
      ...(sse === undefined ? {} : { 'x-cos-server-side-encryption': sse }),
    },
  };
}

function toCommit(result: ReturnType<OpContext['store']['meta']['putObject']>): ReturnType<Commit> {
  // The bucket was deleted while the body was uploading.
  return result.ok ? result : { ok: false, error: new CosError('NoSuchBucket') };
}

/** Removes blobs a committed change made garbage (best effort, see writeObject). */
export async function dropGarbage(ctx: OpContext, garbage: readonly string[]): Promise<void> {
  await Promise.all(garbage.map((id) => ctx.store.blobs.remove(id).catch(() => undefined)));
}
