// Multipart upload: Initiate (436/7746), Upload Part (436/7750), Complete (436/7742), Abort
// (436/7740). Upload Part - Copy is in multipart-copy.ts, the listings in multipart-list.ts.
// Complete checks the parts list (ascending: InvalidPartOrder; consecutive, present, same ETag:
// InvalidPart; all but the last ≥ 1 MB: EntityTooSmall), then streams the parts' blobs into one
// object through writeObject (ETag `"<md5 of the part MD5s>-<n>"`) in one commit with the upload's
// removal. x-cos-forbid-overwrite sent at Initiate (kept with the upload) or at Complete is checked
// at both.
import { createHash } from 'node:crypto';
import { CosError } from '../../shared/errors/cos-error';
import { buildCompleteResultXml, buildInitiateResultXml, parseCompleteXml, type CompletePart } from '../../shared/xml/multipart';
import { expectedMd5, readSmallBody } from '../body';
import type { OpContext, OpHandler } from '../context';
import type { CompleteUploadResult, PartRecord, UploadRecord } from '../store/types';
import { versioningMode } from '../versioning';
import { dropGarbage, forbidsOverwrite, refuseOverwrite, writeObject, type Commit, type ObjectFields } from '../write-object';
import { bucketOf } from './common';
import { camId, findUpload, MAX_PART_SIZE, MIN_PART_SIZE, newUploadId, partNumberOf, storePart } from './multipart-common';
import { checkKey, fieldsFromHeaders } from './object';

/** Kept among the upload's headers so that Complete honours it; never stored on the object. */
const FORBID_OVERWRITE = 'x-cos-forbid-overwrite';
/** 10000 parts of indented XML stay well below this. */
const MAX_COMPLETE_BODY = 4 * 1024 * 1024;

export const initiateMultipartUpload: OpHandler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const key = ctx.route.key;
  checkKey(key);
  const fields = fieldsFromHeaders(ctx, key);
  const headers = { ...fields.headers };
  if (forbidsOverwrite(ctx)) {
    refuseOverwrite(ctx, key, versioningMode(ctx.store.meta, bucket.name));
    headers[FORBID_OVERWRITE] = 'true';
  }
  const now = ctx.clock.now();
  const upload: UploadRecord = {
    uploadId: newUploadId(now), bucket: bucket.name, key, initiated: now, storageClass: fields.storageClass, headers, meta: fields.meta,
    initiator: camId(ctx.principal),
    ...(fields.acl === undefined ? {} : { acl: fields.acl }),
    ...(fields.tagging === undefined ? {} : { tagging: fields.tagging }),
  };
  if (!ctx.store.meta.createUpload(upload)) throw new CosError('NoSuchBucket');
  return { xml: buildInitiateResultXml({ bucket: bucket.name, key, uploadId: upload.uploadId }) };
};

export const uploadPart: OpHandler = async (ctx) => {
  const partNumber = partNumberOf(ctx);
  const upload = findUpload(ctx);
  const length = ctx.req.headers['content-length'];
  if (length !== undefined && Number(length) > MAX_PART_SIZE) throw new CosError('EntityTooLarge', { message: `A part is at most ${MAX_PART_SIZE} bytes.` });
  const { part, crc64 } = await storePart(ctx, upload, partNumber, ctx.req, expectedMd5(ctx.req));
  return { headers: { ETag: part.etag, 'x-cos-hash-crc64ecma': crc64 } };
};

const bareEtag = (etag: string): string => etag.trim().replace(/^"(.*)"$/, '$1').toLowerCase();

/** The stored parts a Complete request names, in its order, after the checks of 436/7742. */
function chooseParts(requested: readonly CompletePart[], stored: readonly PartRecord[]): PartRecord[] {
  const byNumber = new Map(stored.map((p) => [p.partNumber, p]));
  const chosen: PartRecord[] = [];
  let previous: number | undefined;
  for (const r of requested) {
    if (previous !== undefined && r.partNumber <= previous) throw new CosError('InvalidPartOrder');
    if (previous !== undefined && r.partNumber !== previous + 1) {
      throw new CosError('InvalidPart', { message: `Part numbers must be consecutive: ${r.partNumber} follows ${previous}.` });
    }
    const part = byNumber.get(r.partNumber);
    if (!part || bareEtag(part.etag) !== bareEtag(r.etag)) {
      throw new CosError('InvalidPart', { message: `Part ${r.partNumber} was not uploaded or its ETag does not match.` });
    }
    chosen.push(part);
    previous = r.partNumber;
  }
  const small = chosen.slice(0, -1).find((p) => p.size < MIN_PART_SIZE);
  if (small) throw new CosError('EntityTooSmall', { message: `Part ${small.partNumber} is ${small.size} bytes; all parts but the last must be at least ${MIN_PART_SIZE}.` });
  return chosen;
}

/** `"<md5 of the concatenated binary part MD5s>-<number of parts>"`. */
function multipartEtag(parts: readonly PartRecord[]): string {
  const md5 = createHash('md5');
  for (const p of parts) md5.update(Buffer.from(bareEtag(p.etag), 'hex'));
  return `"${md5.digest('hex')}-${parts.length}"`;
}

/** The parts' bytes one after another, one blob open at a time. */
async function* concatenated(ctx: OpContext, parts: readonly PartRecord[]): AsyncIterable<Uint8Array> {
  for (const p of parts) {
    const stream = await ctx.store.blobs.open(p.blobId);
    if (!stream) throw new CosError('NoSuchUpload'); // aborted while completing
    for await (const chunk of stream as AsyncIterable<Uint8Array>) yield chunk;
  }
}

function completeCommit(ctx: OpContext, uploadId: string): Commit {
  return (record, mode) => {
    const r: CompleteUploadResult = ctx.store.meta.completeUpload(uploadId, record, mode);
    if (r.ok) return r;
    return { ok: false, error: new CosError(r.reason === 'no-bucket' ? 'NoSuchBucket' : 'NoSuchUpload') };
  };
}

/** `http://<bucket>.cos.<region>.myqcloud.com/<key>` (436/7742). */
function location(bucket: string, region: string, key: string): string {
  return `http://${bucket}.cos.${region}.myqcloud.com/${key.split('/').map(encodeURIComponent).join('/')}`;
}

export const completeMultipartUpload: OpHandler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const upload = findUpload(ctx);
  const body = await readSmallBody(ctx.req, MAX_COMPLETE_BODY);
  const parsed = parseCompleteXml(body.toString('utf8'));
  if (!parsed.ok) throw new CosError('MalformedXML', { message: `The XML you provided was not well-formed: ${parsed.reason}.` });
  const parts = chooseParts(parsed.value, ctx.store.meta.allParts(upload.uploadId));
  const { [FORBID_OVERWRITE]: forbid, ...headers } = upload.headers;
  const fields: ObjectFields = {
    key: upload.key, storageClass: upload.storageClass, headers, meta: upload.meta,
    ...(upload.acl === undefined ? {} : { acl: upload.acl }),
    ...(upload.tagging === undefined ? {} : { tagging: upload.tagging }),
  };
  const written = await writeObject(ctx, concatenated(ctx, parts), fields, {
    etag: multipartEtag(parts), forbidOverwrite: forbid === 'true' || forbidsOverwrite(ctx), commit: completeCommit(ctx, upload.uploadId),
  });
  const xml = buildCompleteResultXml({ location: location(bucket.name, bucket.region, upload.key), bucket: bucket.name, key: upload.key, etag: written.record.etag });
  return { headers: written.headers, xml };
};

/** 204; the parts' blobs go after the commit. */
export const abortMultipartUpload: OpHandler = async (ctx) => {
  const upload = findUpload(ctx);
  const aborted = ctx.store.meta.abortUpload(upload.uploadId);
  if (!aborted) throw new CosError('NoSuchUpload');
  await dropGarbage(ctx, aborted.garbage);
  return { status: 204 };
};
