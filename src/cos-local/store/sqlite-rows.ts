// Row ⇄ record mapping of the objects, versions, uploads and parts tables.
import type { ObjectRecord, PartRecord, UploadRecord, VersionRecord } from './types';

export interface ObjectRow {
  bucket: string;
  key: string;
  size: number;
  etag: string;
  crc64: string;
  last_modified: number;
  storage_class: string;
  headers: string;
  meta: string;
  blob_id: string;
  version_id: string;
  acl: string | null;
  tagging: string | null;
}

export interface VersionRow extends ObjectRow {
  ord: number;
  delete_marker: number;
}

export interface UploadRow {
  upload_id: string;
  bucket: string;
  key: string;
  initiated: number;
  storage_class: string;
  headers: string;
  meta: string;
  acl: string | null;
  tagging: string | null;
  initiator: string;
}

export interface PartRow {
  upload_id: string;
  part_number: number;
  size: number;
  etag: string;
  last_modified: number;
  blob_id: string;
}

function record(json: string): Record<string, string> {
  const value: unknown = JSON.parse(json);
  const out: Record<string, string> = {};
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/** Optional fields are left out rather than set to undefined (records compare with toEqual). */
function optional(acl: string | null, tagging: string | null): Pick<ObjectRecord, 'acl' | 'tagging'> {
  return { ...(acl === null ? {} : { acl }), ...(tagging === null ? {} : { tagging }) };
}

export function rowToObject(row: ObjectRow): ObjectRecord {
  return {
    bucket: row.bucket,
    key: row.key,
    size: row.size,
    etag: row.etag,
    crc64: row.crc64,
    lastModified: row.last_modified,
    storageClass: row.storage_class,
    headers: record(row.headers),
    meta: record(row.meta),
    blobId: row.blob_id,
    versionId: row.version_id,
    ...optional(row.acl, row.tagging),
  };
}

export function objectToRow(o: ObjectRecord): ObjectRow {
  return {
    bucket: o.bucket,
    key: o.key,
    size: o.size,
    etag: o.etag,
    crc64: o.crc64,
    last_modified: o.lastModified,
    storage_class: o.storageClass,
    headers: JSON.stringify(o.headers),
    meta: JSON.stringify(o.meta),
    blob_id: o.blobId,
    version_id: o.versionId,
    acl: o.acl ?? null,
    tagging: o.tagging ?? null,
  };
}

export function rowToVersion(row: VersionRow, isLatest: boolean): VersionRecord {
  return { ...rowToObject(row), deleteMarker: row.delete_marker === 1, isLatest };
}

export function versionToRow(o: ObjectRecord, ord: number, deleteMarker: boolean): VersionRow {
  return { ...objectToRow(o), ord, delete_marker: deleteMarker ? 1 : 0 };
}

export function rowToUpload(row: UploadRow): UploadRecord {
  return {
    uploadId: row.upload_id,
    bucket: row.bucket,
    key: row.key,
    initiated: row.initiated,
    storageClass: row.storage_class,
    headers: record(row.headers),
    meta: record(row.meta),
    initiator: row.initiator,
    ...optional(row.acl, row.tagging),
  };
}

export function uploadToRow(u: UploadRecord): UploadRow {
  return {
    upload_id: u.uploadId,
    bucket: u.bucket,
    key: u.key,
    initiated: u.initiated,
    storage_class: u.storageClass,
    headers: JSON.stringify(u.headers),
    meta: JSON.stringify(u.meta),
    acl: u.acl ?? null,
    tagging: u.tagging ?? null,
    initiator: u.initiator,
  };
}

export const rowToPart = (r: PartRow): PartRecord => ({
  uploadId: r.upload_id, partNumber: r.part_number, size: r.size, etag: r.etag, lastModified: r.last_modified, blobId: r.blob_id,
});

export const partToRow = (p: PartRecord): PartRow => ({
  upload_id: p.uploadId, part_number: p.partNumber, size: p.size, etag: p.etag, last_modified: p.lastModified, blob_id: p.blobId,
});
