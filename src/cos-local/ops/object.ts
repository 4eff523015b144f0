// PUT Object (436/7749), GET Object (436/7753), HEAD Object (436/7745), DELETE Object (436/7743),
// with versions (436/19883): `versionId` selects a version; a delete marker answers 404 (current)
// or 405 (addressed by id) with `x-cos-delete-marker: true`.
import { CosError } from '../../shared/errors/cos-error';
import { checkObjectKey } from '../../shared/cos/object-key';
import { aclFromRequestHeaders } from '../acl';
import { expectedMd5 } from '../body';
import { evaluateConditions } from '../conditions';
import type { OpContext, OpHandler, OpResult } from '../context';
import { applyOverrides, objectResponseHeaders, refuseUnsupported, storageClass, storedHeaders, userMetadata } from '../object-headers';
import { parseRange } from '../range';
import { deleteWithReplication } from '../replication/hooks';
import type { ObjectRecord } from '../store/types';
import { tagsFromHeader, tagsFromJson, tagsToJson } from '../tags';
import { newVersionId, versioningMode } from '../versioning';
import { dropGarbage, forbidsOverwrite, writeObject, type ObjectFields } from '../write-object';
import { bucketOf, param, versionIdParam } from './common';

/** A simple upload is at most 5 GB (436/7749). */
export const MAX_PUT_SIZE = 5 * 1024 ** 3;

export function checkKey(key: string): void {
  const keyCheck = checkObjectKey(key);
  if (!keyCheck.ok) throw new CosError(keyCheck.code, { message: keyCheck.reason });
}

/** What a write request's headers say about the new object (PUT, Initiate Multipart, Copy with REPLACED). */
export function fieldsFromHeaders(ctx: OpContext, key: string): ObjectFields {
  const h = ctx.req.headers;
  refuseUnsupported(h);
  const tags = tagsFromHeader(h);
  const fields: ObjectFields = { key, storageClass: storageClass(h), headers: storedHeaders(h, key), meta: userMetadata(h) };
  if (tags && tags.length > 0) fields.tagging = tagsToJson(tags);
  const acl = aclFromRequestHeaders(h, 'object');
  if (acl !== undefined) fields.acl = acl;
  return fields;
}

export const putObject: OpHandler = async (ctx) => {
  const key = ctx.route.key;
  checkKey(key);
  const length = ctx.req.headers['content-length'];
  if (length !== undefined && Number(length) > MAX_PUT_SIZE) throw new CosError('EntityTooLarge');
  const fields = fieldsFromHeaders(ctx, key);
  const written = await writeObject(ctx, ctx.req, fields, { expectedMd5: expectedMd5(ctx.req), forbidOverwrite: forbidsOverwrite(ctx) });
  return { headers: written.headers };
};

const markerHeaders = (versionId: string): Record<string, string> => ({ 'x-cos-delete-marker': 'true', 'x-cos-version-id': versionId });

/** The object a GET/HEAD/ACL/tagging request addresses: the current version, or `versionId`'s. */
export function findObject(ctx: OpContext): ObjectRecord {
  const bucket = bucketOf(ctx).name;
  const key = ctx.route.key;
  const versionId = versionIdParam(ctx);
  if (versionId !== undefined) {
    const v = ctx.store.meta.getVersion(bucket, key, versionId);
    if (!v) throw new CosError('NoSuchVersion');
    if (v.deleteMarker) throw new CosError('MethodNotAllowed', { headers: markerHeaders(v.versionId) });
    return v;
  }
  const o = ctx.store.meta.getObject(bucket, key);
  if (o) return o;
  const latest = ctx.store.meta.latestVersion(bucket, key);
  throw new CosError('NoSuchKey', latest?.deleteMarker ? { headers: markerHeaders(latest.versionId) } : {});
}

function versionIdHeader(ctx: OpContext, o: ObjectRecord): Record<string, string> {
  const versioned = o.versionId !== 'null' || versioningMode(ctx.store.meta, o.bucket) !== 'unversioned';
  return versioned ? { 'x-cos-version-id': o.versionId } : {};
}

/** Shared by GET and HEAD: conditions, range and headers; `open` reads the bytes (GET only). */
async function readObject(ctx: OpContext, open: boolean): Promise<OpResult> {
  const o = findObject(ctx);
  const headers = { ...applyOverrides(objectResponseHeaders(o), ctx.route.query), ...versionIdHeader(ctx, o) };
  if (o.tagging !== undefined) headers['x-cos-tagging-count'] = String(tagsFromJson(o.tagging).length);
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

/**
 * Deletes the current object (a delete marker when versioned) or, with `versionId`, that version. An
 * empty versionId (`?versionId=`, `<VersionId></VersionId>`) is the current object, as authorization
 * reads it: `cos:versionid` "" is no versionid (tencentcloud 436/46206), so a policy that allows only
 * deletes of the latest version allows this one, and it must not quietly delete nothing instead.
 */
export async function removeObject(ctx: OpContext, key: string, versionId: string | undefined): Promise<{ deleteMarker: boolean; versionId?: string }> {
  const bucket = bucketOf(ctx).name;
  if (versionId !== undefined && versionId !== '') {
    const r = ctx.store.meta.deleteVersion(bucket, key, versionId);
    await dropGarbage(ctx, r.garbage);
    return { deleteMarker: r.removed?.deleteMarker ?? false, versionId };
  }
  const mode = versioningMode(ctx.store.meta, bucket);
  const now = ctx.clock.now();
  // A delete marker a replication rule covers is queued with it (436/19223, DeleteMarkerReplication).
  const r = deleteWithReplication(ctx.store.meta, bucket, key, mode, newVersionId(now), now);
  await dropGarbage(ctx, r.garbage);
  return r.marker ? { deleteMarker: true, versionId: r.marker.versionId } : { deleteMarker: false };
}

/** Characters a header value cannot carry (Node refuses them): control and non-Latin-1 characters. */
const NOT_HEADER_TEXT = /[^\t\x20-\x7e\x80-\xff]/;

/** 204 whether or not the key existed (436/7743). */
export const deleteObject: OpHandler = async (ctx) => {
  const versionId = param(ctx, 'versionId');
  // The answer echoes versionId in x-cos-version-id; one that cannot be a header value names no
  // version cos-local made, so it is a bad parameter rather than an answer that cannot be sent.
  if (versionId !== undefined && NOT_HEADER_TEXT.test(versionId)) throw new CosError('InvalidArgument', { message: 'Invalid version id specified.' });
  const r = await removeObject(ctx, ctx.route.key, versionId);
  const headers: Record<string, string> = {};
  if (r.deleteMarker) headers['x-cos-delete-marker'] = 'true';
  if (r.versionId !== undefined) headers['x-cos-version-id'] = r.versionId;
  return { status: 204, headers };
};
