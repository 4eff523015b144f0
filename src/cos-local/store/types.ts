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
  /** `'null'` for an object written while the bucket's versioning was off or suspended (436/19883). */
  versionId: string;
  /** The object ACL as JSON text (see src/cos-local/acl.ts); undefined = default (follows the bucket). */
  acl?: string;
  /** The object's tags as JSON text (`[{"key","value"}]`); undefined = none. */
  tagging?: string;
}

/** One entry of an object's history: a version or a delete marker (size 0, no etag, no blob). */
export interface VersionRecord extends ObjectRecord {
  deleteMarker: boolean;
  isLatest: boolean;
}

/** The bucket's versioning state when a write happens. 'unversioned' = never enabled. */
export type VersioningMode = 'unversioned' | 'enabled' | 'suspended';

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

/**
 * `garbage`: blob ids no longer referenced once the transaction committed — the caller removes them
 * after the commit (a crash in between leaves an orphan file for the start-up sweep, never a row
 * without its bytes).
 */
export type PutObjectResult = { ok: true; garbage: string[] } | { ok: false; reason: 'no-bucket' };

export interface DeleteObjectResult {
  /** The live object that was current before the delete, if any. */
  removed?: ObjectRecord;
  /** The delete marker created (versioning enabled or suspended). */
  marker?: VersionRecord;
  garbage: string[];
}

export interface DeleteVersionResult {
  removed?: VersionRecord;
  garbage: string[];
}

export interface VersionListQuery {
  prefix: string;
  delimiter: string;
  keyMarker: string;
  versionIdMarker: string;
  maxKeys: number;
}

export interface VersionListPage {
  /** Versions and delete markers, key ascending then newest first. */
  versions: VersionRecord[];
  commonPrefixes: string[];
  isTruncated: boolean;
  nextKeyMarker?: string;
  nextVersionIdMarker?: string;
}

/** A multipart upload in progress (436/7746). */
export interface UploadRecord {
  uploadId: string;
  bucket: string;
  key: string;
  /** Epoch ms. */
  initiated: number;
  storageClass: string;
  headers: Record<string, string>;
  meta: Record<string, string>;
  acl?: string;
  tagging?: string;
  /** CAM id of whoever initiated it (`qcs::cam::uin/…:uin/…`). */
  initiator: string;
}

export interface PartRecord {
  uploadId: string;
  partNumber: number;
  size: number;
  /** Quoted MD5 of the part's bytes (the SDK's resume check compares it: cos-js-sdk-v5 1.10.1 src/advance.js). */
  etag: string;
  lastModified: number;
  blobId: string;
}

export interface PartListPage {
  parts: PartRecord[];
  isTruncated: boolean;
  nextPartNumberMarker?: number;
}

export interface UploadListQuery {
  prefix: string;
  delimiter: string;
  keyMarker: string;
  uploadIdMarker: string;
  maxUploads: number;
}

export interface UploadListPage {
  uploads: UploadRecord[];
  commonPrefixes: string[];
  isTruncated: boolean;
  nextKeyMarker?: string;
  nextUploadIdMarker?: string;
}

export type CompleteUploadResult = { ok: true; garbage: string[] } | { ok: false; reason: 'no-upload' | 'no-bucket' };

export type DeleteBucketResult = 'deleted' | 'missing' | 'not-empty';

/** One bucket's subresource document (MetaStore.configsNamed). */
export interface BucketConfig {
  bucket: string;
  value: string;
}

/**
 * One copy the replicator owes (PUT Bucket replication, 436/19223): a new object version, or a delete
 * marker, of `bucket` to the destination bucket of rule `ruleId`.
 */
export interface ReplicationTask {
  bucket: string;
  key: string;
  versionId: string;
  kind: 'object' | 'delete-marker';
  ruleId: string;
  /** Destination bucket name (`<name>-<appid>`). */
  destination: string;
  /** The rule's Destination/StorageClass, as configured; absent = the source object's class. */
  storageClass?: string;
  /** The configuration's Role (`qcs::cam::uin/<owner>:uin/<uin>`): the identity the copy is authorized as. */
  role: string;
  /** Epoch ms. */
  enqueuedAt: number;
}

export interface QueuedReplication extends ReplicationTask {
  seq: number;
}

/** `dropped`: nothing left to copy (the source version went first); counted neither way. */
export type ReplicationOutcome = 'completed' | 'failed' | 'dropped';

export interface ReplicationRuleStats {
  ruleId: string;
  pending: number;
  completed: number;
  failed: number;
  /** Epoch ms of the last completed copy. */
  lastCompletedAt?: number;
}

/** A version's fields lifecycle and replication change after the write: storage class, and stored headers (null removes one). */
export interface VersionPatch {
  storageClass?: string;
  headers?: Record<string, string | null>;
}

/** Metadata. Synchronous: better-sqlite3 is, and it keeps the check-then-write steps atomic. */
export interface MetaStore {
  /** false when a bucket of that name exists. */
  createBucket(bucket: BucketRecord): boolean;
  getBucket(name: string): BucketRecord | undefined;
  listBuckets(appId: string): BucketRecord[];
  deleteBucket(name: string): DeleteBucketResult;
  /**
   * Writes a new current version, in one transaction with a check that the bucket still exists.
   * 'enabled': `record.versionId` is new and older versions stay; otherwise it is 'null' and
   * replaces the key's previous 'null' version.
   */
  putObject(record: ObjectRecord, mode: VersioningMode): PutObjectResult;
  /** The current version when it is not a delete marker. */
  getObject(bucket: string, key: string): ObjectRecord | undefined;
  /** The newest entry of a key's history (it may be a delete marker). */
  latestVersion(bucket: string, key: string): VersionRecord | undefined;
  getVersion(bucket: string, key: string, versionId: string): VersionRecord | undefined;
  /**
   * DELETE without versionId: 'unversioned' removes the object; 'enabled' adds a delete marker with
   * `markerVersionId`; 'suspended' replaces the 'null' version with a 'null' delete marker.
   */
  deleteObject(bucket: string, key: string, mode: VersioningMode, markerVersionId: string, now: number): DeleteObjectResult;
  /** DELETE with versionId: removes that version for good; the next newest becomes current. */
  deleteVersion(bucket: string, key: string, versionId: string): DeleteVersionResult;
  /** Sets (string) or clears (null) the ACL or tags of the current version, or of `versionId`. false when absent. */
  updateObject(bucket: string, key: string, versionId: string | undefined, patch: { acl?: string | null; tagging?: string | null }): boolean;
  listObjects(bucket: string, query: ListQuery): ListPage;
  listVersions(bucket: string, query: VersionListQuery): VersionListPage;
  /** false when the bucket is gone. */
  createUpload(upload: UploadRecord): boolean;
  getUpload(uploadId: string): UploadRecord | undefined;
  /** Adds or replaces a part; false when the upload is gone (aborted or completed meanwhile). */
  putPart(part: PartRecord): { ok: true; garbage: string[] } | { ok: false };
  listParts(uploadId: string, partNumberMarker: number, maxParts: number): PartListPage;
  /** Every part, by part number. */
  allParts(uploadId: string): PartRecord[];
  /** Atomically: the object becomes current, the upload and its parts go (their blobs are garbage). */
  completeUpload(uploadId: string, record: ObjectRecord, mode: VersioningMode): CompleteUploadResult;
  /** undefined when there was no such upload. */
  abortUpload(uploadId: string): { garbage: string[] } | undefined;
  listUploads(bucket: string, query: UploadListQuery): UploadListPage;
  /** Every blob id a row refers to (the start-up sweep removes the other files). */
  referencedBlobIds(): Set<string>;
  /** Bucket subresource documents (`cors`, later `policy`, `website`, …), stored as JSON text. */
  getConfig(bucket: string, name: string): string | undefined;
  putConfig(bucket: string, name: string, value: string): void;
  deleteConfig(bucket: string, name: string): boolean;
  /**
   * Every bucket's document of one name (custom domains route requests by any bucket's `domain`
   * document). The same array is returned until a document of that name changes, so callers may
   * cache what they derive from it by identity.
   */
  configsNamed(name: string): readonly BucketConfig[];
  /** Runs `fn` in one transaction (the methods it calls join it): a write and the tasks it enqueues commit together. */
  batch<T>(fn: () => T): T;
  /** Changes one version (the current object too when it is the current one); false when absent. */
  patchVersion(bucket: string, key: string, versionId: string, patch: VersionPatch): boolean;
  /** The replicator's durable queue (see ReplicationTask). */
  enqueueReplication(tasks: readonly ReplicationTask[]): void;
  /** The oldest queued task after `afterSeq` (0: the oldest of all). */
  nextReplication(afterSeq?: number): QueuedReplication | undefined;
  /** Dequeues a task and counts its outcome for its rule; false when it was not queued. */
  finishReplication(seq: number, outcome: ReplicationOutcome, at: number): boolean;
  /** Per-rule counters of a source bucket: queued, completed and failed copies. */
  replicationStats(bucket: string): ReplicationRuleStats[];
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
