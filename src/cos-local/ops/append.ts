// APPEND Object (436/7741): `POST /<key>?append&position=<n>` adds the body at the end of an
// appendable object — created by the first append, at position 0, with that request's headers
// (Content-Type, Cache-Control, x-cos-meta-*, ACL, tags) — and answers the next position in
// `x-cos-next-append-position`. A position other than the current length is
// PositionNotEqualToLength (409, with the right position in that header); an object written any
// other way is ObjectNotAppendable (409). HEAD/GET report `x-cos-object-type: appendable`.
// cos-local rewrites the whole object (old bytes, then the new ones) through writeObject, so the
// ETag and CRC64 are those of the whole content.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { CosError } from '../../shared/errors/cos-error';
import { checkMd5, expectedMd5 } from '../body';
import type { OpHandler } from '../context';
import { versioningMode } from '../versioning';
import { writeObject, type ObjectFields } from '../write-object';
import { bucketOf } from './common';
import { checkKey, fieldsFromHeaders, MAX_PUT_SIZE } from './object';

export const OBJECT_TYPE = 'x-cos-object-type';
const NEXT_POSITION = 'x-cos-next-append-position';

/** The old bytes, then the request's, checking Content-MD5 against the appended part only. */
async function* appended(old: Readable | undefined, body: AsyncIterable<Uint8Array>, md5: Buffer | undefined): AsyncIterable<Uint8Array> {
  if (old) for await (const chunk of old as AsyncIterable<Uint8Array>) yield chunk;
  const hash = createHash('md5');
  for await (const chunk of body) {
    hash.update(chunk);
    yield chunk;
  }
  // Thrown before the blob is complete: nothing is committed.
  checkMd5(md5, hash.digest());
}

export const appendObject: OpHandler = async (ctx) => {
  const key = ctx.route.key;
  checkKey(key);
  const bucket = bucketOf(ctx);
  // Unversioned and suspended buckets both keep one `null` version the append rewrites (the SDK's
  // suite appends on a bucket it left suspended); with versioning enabled every append would be a
  // new version, which COS does not document.
  if (versioningMode(ctx.store.meta, bucket.name) === 'enabled') {
    throw new CosError('NotImplemented', { message: 'APPEND Object on a bucket with versioning enabled is not implemented by cos-local.' });
  }
  const raw = ctx.route.query.get('position');
  if (raw === undefined || !/^\d+$/.test(raw)) throw new CosError('InvalidArgument', { message: 'position must be a non-negative integer.' });
  const existing = ctx.store.meta.getObject(bucket.name, key);
  if (existing && existing.headers[OBJECT_TYPE] !== 'appendable') throw new CosError('ObjectNotAppendable', { message: 'The object is not appendable.' });
  const length = existing?.size ?? 0;
  if (Number(raw) !== length) {
    throw new CosError('PositionNotEqualToLength', { message: 'The position is not equal to the object\'s length.', headers: { [NEXT_POSITION]: String(length) } });
  }
  const added = Number(ctx.req.headers['content-length'] ?? 0);
  if (length + added > MAX_PUT_SIZE) throw new CosError('EntityTooLarge');
  const md5 = expectedMd5(ctx.req);
  let fields: ObjectFields;
  if (existing) {
    const { key: _k, storageClass, headers, meta, acl, tagging } = existing;
    fields = { key, storageClass, headers, meta, ...(acl === undefined ? {} : { acl }), ...(tagging === undefined ? {} : { tagging }) };
  } else {
    const fresh = fieldsFromHeaders(ctx, key);
    fields = { ...fresh, headers: { ...fresh.headers, [OBJECT_TYPE]: 'appendable' } };
  }
  const old = existing ? await ctx.store.blobs.open(existing.blobId) : undefined;
  if (existing && !old) throw new CosError('InternalError');
  const written = await writeObject(ctx, appended(old, ctx.req, md5), fields);
  return { headers: { ...written.headers, [NEXT_POSITION]: String(written.record.size) } };
};
