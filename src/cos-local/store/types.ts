// The storage seam of cos-local: object metadata (SQLite, a file or :memory:) and blobs (files or
// memory). Handlers only see these interfaces, so later features (multipart, versioning, ACL,
// lifecycle) add methods and tables without touching the transport.
import type { Readable } from 'node:stream';

export interface BucketRecord {
  name: string;
  region: string;
  /** APPID of the owner account (the bucket name's suffix). */
  appId: string;
  /** Epoch ms. */
  createdAt: number;
}

export interface ObjectRecord {
  bucket: string;
  key: string;
  size: number;
  /** Quoted, as sent in the ETag header: `"<md5 hex>"`. */
  etag: string;
  /** CRC-64/ECMA-182, unsigned decimal. */
  crc64: string;
  /** Epoch ms, whole seconds (COS shows `.000Z`). */
  lastModified: number;
  storageClass: string;
  /** Stored standard headers by lower-case name: content-type, cache-control, … */
  headers: Record<string, string>;
  /** `x-cos-meta-*` headers by lower-case full name. */
  meta: Record<string, string>;
  blobId: string;
}

export interface ListQuery {
  prefix: string;
  /** '' for none. */
  delimiter: string;
  /** Exclusive start; '' for none. */
  marker: string;
  /** Entries (Contents + CommonPrefixes) to return, 0..1000. */
  maxKeys: number;
}

export interface ListPage {
  contents: ObjectRecord[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** The last key or common prefix returned, when truncated. */
  nextMarker?: string;
}

export type PutObjectResult = { ok: true; replaced: ObjectRecord | undefined } | { ok: false; reason: 'no-bucket' };

export type DeleteBucketResult = 'deleted' | 'missing' | 'not-empty';

/** Metadata. Synchronous: better-sqlite3 is, and it keeps the check-then-write steps atomic. */
export interface MetaStore {
  /** false when a bucket of that name exists. */
  createBucket(bucket: BucketRecord): boolean;
  getBucket(name: string): BucketRecord | undefined;
  listBuckets(appId: string): BucketRecord[];
  deleteBucket(name: string): DeleteBucketResult;
  /**
   * Inserts or replaces, in one transaction with a check that the bucket still exists. The
   * replaced record's blob is then garbage for the caller to remove.
   */
  putObject(record: ObjectRecord): PutObjectResult;
  getObject(bucket: string, key: string): ObjectRecord | undefined;
  /** Returns the deleted record. */
  deleteObject(bucket: string, key: string): ObjectRecord | undefined;
  listObjects(bucket: string, query: ListQuery): ListPage;
  /** Bucket subresource documents (`cors`, later `policy`, `website`, …), stored as JSON text. */
  getConfig(bucket: string, name: string): string | undefined;
  putConfig(bucket: string, name: string, value: string): void;
  deleteConfig(bucket: string, name: string): boolean;
  close(): void;
}

export interface ByteRange {
  /** Inclusive. */
  start: number;
  /** Inclusive. */
  end: number;
}

export interface BlobStore {
  /** Stores the bytes under a new random id (never derived from the key). */
  write(source: AsyncIterable<Uint8Array>): Promise<{ id: string; size: number }>;
  /** Opens a blob before any response header is sent; undefined when it is gone. */
  open(id: string, range?: ByteRange): Promise<Readable | undefined>;
  remove(id: string): Promise<void>;
  close(): Promise<void>;
}

export interface Store {
  meta: MetaStore;
  blobs: BlobStore;
  close(): Promise<void>;
}
