// PUT Object - Copy (436/10881): the source named by `x-cos-copy-source` (any bucket the caller may
// read, any region), `x-cos-metadata-directive` Copy (default: the source's headers, metadata and
// tags) or Replaced (this request's), `x-cos-copy-source-If-*` preconditions (a failure is 412).
import type { IncomingHttpHeaders } from 'node:http';
import { CosError } from '../../shared/errors/cos-error';
import { buildCopyResultXml } from '../../shared/xml/copy';
import { lastModifiedIso } from '../../shared/xml/list-bucket';
import { enforceOn } from '../authorize';
import { evaluateConditions } from '../conditions';
import type { OpContext, OpHandler } from '../context';
import { parseCopySource, type CopySource } from '../copy-source';
import { storageClass } from '../object-headers';
import type { ObjectRecord } from '../store/types';
import { forbidsOverwrite, writeObject, type ObjectFields } from '../write-object';
import { bucketOf } from './common';
import { checkKey, fieldsFromHeaders } from './object';

/** The source object, or the COS error a copy answers when it is missing. */
export function findCopySource(ctx: OpContext, source: CopySource): ObjectRecord {
  const bucket = ctx.store.meta.getBucket(source.bucket);
  if (!bucket || (source.region !== undefined && bucket.region !== source.region)) throw new CosError('NoSuchBucket');
  if (source.versionId !== undefined) {
    const v = ctx.store.meta.getVersion(bucket.name, source.key, source.versionId);
    if (!v) throw new CosError('NoSuchVersion');
    if (v.deleteMarker) throw new CosError('InvalidArgument', { message: 'The source version is a delete marker.' });
    return v;
  }
  const o = ctx.store.meta.getObject(bucket.name, source.key);
  if (!o) throw new CosError('NoSuchKey');
  return o;
}

/** `x-cos-copy-source-If-*` against the source; for a copy every failed condition is a 412. */
export function checkCopyConditions(h: IncomingHttpHeaders, source: ObjectRecord): void {
  const mapped: IncomingHttpHeaders = {};
  for (const name of ['if-match', 'if-none-match', 'if-modified-since', 'if-unmodified-since']) {
    const v = h[`x-cos-copy-source-${name}`];
    if (typeof v === 'string') mapped[name] = v;
  }
  if (evaluateConditions(mapped, source.etag, source.lastModified) !== 'proceed') throw new CosError('PreconditionFailed');
}

function directive(h: IncomingHttpHeaders): 'Copy' | 'Replaced' {
  const v = h['x-cos-metadata-directive'];
  const value = Array.isArray(v) ? v[0] : v;
  if (value === undefined || value.toLowerCase() === 'copy') return 'Copy';
  if (value.toLowerCase() === 'replaced') return 'Replaced';
  throw new CosError('InvalidArgument', { message: 'x-cos-metadata-directive must be Copy or Replaced.' });
}

export const putObjectCopy: OpHandler = async (ctx) => {
  const key = ctx.route.key;
  checkKey(key);
  const h = ctx.req.headers;
  const source = parseCopySource(h['x-cos-copy-source']);
  const sourceBucket = ctx.store.meta.getBucket(source.bucket);
  // Reading the source needs GetObject on it (tencentcloud 436/30580).
  if (sourceBucket) enforceOn(ctx, 'GetObject', { bucket: sourceBucket, key: source.key, ...(source.versionId === undefined ? {} : { versionId: source.versionId }) });
  const src = findCopySource(ctx, source);
  checkCopyConditions(h, src);
  const mode = directive(h);
  const same = src.bucket === bucketOf(ctx).name && src.key === key;
  if (same && mode === 'Copy' && h['x-cos-storage-class'] === undefined) {
    throw new CosError('InvalidRequest', {
      message: 'This copy request is illegal because it is trying to copy an object to itself without changing the object\'s metadata or storage class.',
    });
  }
  const requested = fieldsFromHeaders(ctx, key);
  const fields: ObjectFields = mode === 'Replaced'
    ? requested
    : { key, storageClass: storageClass(h), headers: src.headers, meta: src.meta, ...(src.tagging === undefined ? {} : { tagging: src.tagging }) };
  if (requested.acl !== undefined) fields.acl = requested.acl;
  const body = await ctx.store.blobs.open(src.blobId);
  if (!body) throw new CosError('NoSuchKey'); // deleted meanwhile
  const written = await writeObject(ctx, body, fields, { forbidOverwrite: forbidsOverwrite(ctx) });
  const headers: Record<string, string> = { ...written.headers };
  delete headers['ETag']; // the ETag travels in the body (CopyObjectResult)
  if (src.versionId !== 'null' || source.versionId !== undefined) headers['x-cos-copy-source-version-id'] = src.versionId;
  const xml = buildCopyResultXml('CopyObjectResult', {
    etag: written.record.etag, lastModified: lastModifiedIso(written.record.lastModified), crc64: written.record.crc64,
    ...(written.mode === 'unversioned' ? {} : { versionId: written.record.versionId }),
  });
  return { headers, xml };
};
