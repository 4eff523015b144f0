// Row ⇄ record mapping of the objects table.
import type { ObjectRecord } from './types';

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
}

function record(json: string): Record<string, string> {
  const value: unknown = JSON.parse(json);
  const out: Record<string, string> = {};
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  }
  return out;
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
  };
}
