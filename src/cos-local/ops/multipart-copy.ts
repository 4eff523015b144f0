// Upload Part - Copy (436/8287): a part's bytes come from an existing object, whole or
// `x-cos-copy-source-range: bytes=first-last` (zero-based, inclusive). The source header is parsed
// and looked up as for PUT Object - Copy (copy-source.ts, ops/copy.ts); its bucket may be in another
// region. Reading it needs GetObject on the source (enforceOn), `x-cos-copy-source-If-*` are
// evaluated on it (412). Answers CopyPartResult{ETag, LastModified}.
import { CosError } from '../../shared/errors/cos-error';
import { lastModifiedIso } from '../../shared/xml/list-bucket';
import { buildCopyPartResultXml } from '../../shared/xml/multipart';
import { enforceOn } from '../authorize';
import type { OpHandler } from '../context';
import { parseCopySource } from '../copy-source';
import type { ByteRange } from '../store/types';
import { versioningMode } from '../versioning';
import { checkCopyConditions, findCopySource } from './copy';
import { findUpload, MAX_PART_SIZE, partNumberOf, storePart } from './multipart-common';

/** `bytes=first-last` within the object; the whole object without the header. */
function copyRange(header: string | string[] | undefined, size: number): ByteRange | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return undefined;
  const m = /^bytes=(\d+)-(\d+)$/.exec(value.trim());
  if (!m) throw new CosError('InvalidArgument', { message: 'x-cos-copy-source-range must be bytes=first-last.' });
  const start = Number(m[1]);
  const end = Number(m[2]);
  if (start > end || end >= size) throw new CosError('InvalidRange', { message: `The range ${value} is outside the source object (${size} bytes).` });
  return { start, end };
}

export const uploadPartCopy: OpHandler = async (ctx) => {
  const partNumber = partNumberOf(ctx);
  const upload = findUpload(ctx);
  const src = parseCopySource(ctx.req.headers['x-cos-copy-source']);
  const bucket = ctx.store.meta.getBucket(src.bucket);
  if (!bucket || (src.region !== undefined && bucket.region !== src.region)) throw new CosError('NoSuchBucket');
  enforceOn(ctx, 'GetObject', { bucket, key: src.key, ...(src.versionId === undefined ? {} : { versionId: src.versionId }) });
  const object = findCopySource(ctx, src);
  checkCopyConditions(ctx.req.headers, object);
  const range = copyRange(ctx.req.headers['x-cos-copy-source-range'], object.size);
  const length = range ? range.end - range.start + 1 : object.size;
  if (length > MAX_PART_SIZE) throw new CosError('EntityTooLarge', { message: `A part is at most ${MAX_PART_SIZE} bytes.` });
  const body = await ctx.store.blobs.open(object.blobId, range);
  if (!body) throw new CosError('NoSuchKey'); // deleted between the lookup and the open
  const { part } = await storePart(ctx, upload, partNumber, body as AsyncIterable<Uint8Array>);
  const versioned = object.versionId !== 'null' || versioningMode(ctx.store.meta, bucket.name) !== 'unversioned';
  const headers: Record<string, string> = versioned ? { 'x-cos-copy-source-version-id': object.versionId } : {};
  return {
    headers,
    xml: buildCopyPartResultXml({ etag: part.etag, lastModified: lastModifiedIso(part.lastModified) }),
  };
};
