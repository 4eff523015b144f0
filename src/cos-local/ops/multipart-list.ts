// List Parts (436/7747) and List Multipart Uploads (436/7736). max-parts / max-uploads default to
// 1000 and are capped at 1000; `encoding-type=url` percent-encodes key-like values as GET Bucket
// does. Initiator = whoever initiated the upload, Owner = the bucket owner (CAM ids).
import { CosError } from '../../shared/errors/cos-error';
import { lastModifiedIso } from '../../shared/xml/list-bucket';
import { buildListPartsXml, buildListUploadsXml } from '../../shared/xml/multipart-list';
import type { OpContext, OpHandler } from '../context';
import { bucketOf, param, wholeSeconds } from './common';
import { bucketOwner, findUpload, party } from './multipart-common';

export const MAX_LIST = 1000;

function count(ctx: OpContext, name: string): number {
  const v = param(ctx, name);
  if (v === undefined || v === '') return MAX_LIST;
  if (!/^\d+$/.test(v)) throw new CosError('InvalidArgument', { message: `${name} must be an integer between 0 and ${MAX_LIST}.` });
  return Math.min(Number(v), MAX_LIST);
}

function encodingType(ctx: OpContext): { encodingType?: string } {
  const v = param(ctx, 'encoding-type');
  if (v === undefined) return {};
  if (v !== 'url') throw new CosError('InvalidArgument', { message: 'Invalid encoding-type; only url is supported.' });
  return { encodingType: v };
}

export const listParts: OpHandler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const upload = findUpload(ctx);
  const enc = encodingType(ctx);
  const maxParts = count(ctx, 'max-parts');
  const rawMarker = param(ctx, 'part-number-marker') ?? '';
  if (rawMarker !== '' && !/^\d{1,9}$/.test(rawMarker)) throw new CosError('InvalidArgument', { message: 'part-number-marker must be an integer.' });
  const marker = Number(rawMarker || '0');
  const page = ctx.store.meta.listParts(upload.uploadId, marker, maxParts);
  const xml = buildListPartsXml({
    bucket: bucket.name, ...enc, key: upload.key, uploadId: upload.uploadId,
    initiator: party(upload.initiator), owner: bucketOwner(ctx), storageClass: upload.storageClass,
    partNumberMarker: marker,
    ...(page.nextPartNumberMarker === undefined ? {} : { nextPartNumberMarker: page.nextPartNumberMarker }),
    maxParts, isTruncated: page.isTruncated,
    parts: page.parts.map((p) => ({ partNumber: p.partNumber, lastModified: lastModifiedIso(p.lastModified), etag: p.etag, size: p.size })),
  });
  return { xml };
};

export const listMultipartUploads: OpHandler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const enc = encodingType(ctx);
  const prefix = param(ctx, 'prefix') ?? '';
  const delimiter = param(ctx, 'delimiter') ?? '';
  const keyMarker = param(ctx, 'key-marker') ?? '';
  const uploadIdMarker = param(ctx, 'upload-id-marker') ?? '';
  const maxUploads = count(ctx, 'max-uploads');
  const page = ctx.store.meta.listUploads(bucket.name, { prefix, delimiter, keyMarker, uploadIdMarker, maxUploads });
  const owner = bucketOwner(ctx);
  const xml = buildListUploadsXml({
    bucket: bucket.name, ...enc, keyMarker, uploadIdMarker,
    ...(page.nextKeyMarker === undefined ? {} : { nextKeyMarker: page.nextKeyMarker }),
    ...(page.nextUploadIdMarker === undefined ? {} : { nextUploadIdMarker: page.nextUploadIdMarker }),
    maxUploads, isTruncated: page.isTruncated, prefix,
    ...(delimiter === '' ? {} : { delimiter }),
    uploads: page.uploads.map((u) => ({
      key: u.key, uploadId: u.uploadId, storageClass: u.storageClass, initiator: party(u.initiator), owner,
      initiated: lastModifiedIso(wholeSeconds(u.initiated)),
    })),
    commonPrefixes: page.commonPrefixes,
  });
  return { xml };
};
