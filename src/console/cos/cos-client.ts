import type { TrackedSetting, TrackedSettings } from '../../shared/settings/codecs';
import type { AccessControlPolicy } from '../../shared/xml/acl';

// The console's one view of COS. Components get an implementation from context (cos-client-context)
// and never build one, so tests can pass a fake and the SDK stays an implementation detail.

export interface ListObjectsInput {
  bucket: string;
  region: string;
  prefix: string;
  /** '/' groups keys into folders (CommonPrefixes). */
  delimiter?: string;
  marker?: string;
  /** At most 1000 (COS GET Bucket limit). */
  maxKeys?: number;
}

export interface CosObjectSummary {
  key: string;
  size: number;
  lastModified: string;
  etag: string;
  storageClass: string;
}

export interface ListObjectsPage {
  objects: CosObjectSummary[];
  prefixes: string[];
  isTruncated: boolean;
  /** Marker for the next page; set only when isTruncated. */
  nextMarker: string | undefined;
}

export interface ShareLinkInput {
  bucket: string;
  region: string;
  key: string;
  /** Lifetime of the link in seconds (the server caps it: MAX_SHARE_SECONDS). */
  expiresSeconds: number;
}

export interface ShareLink {
  /** A pre-signed GET URL anyone can open until it expires. */
  url: string;
  /** When the signature stops working (epoch ms), read from its q-key-time. */
  expiresAt: number;
}

export interface ObjectAcl {
  policy: AccessControlPolicy;
  /** The object has no ACL of its own: its bucket's applies. */
  inherited: boolean;
}

/** A bucket whose settings are read or changed. */
export interface BucketTarget {
  bucket: string;
  region: string;
}

export interface CosClient {
  listObjects(input: ListObjectsInput): Promise<ListObjectsPage>;
  /** A bucket setting as COS keeps it (setting-requests.ts); null when none is configured. */
  getSetting<K extends TrackedSetting>(target: BucketTarget, name: K): Promise<TrackedSettings[K]>;
  /** PUT of the whole setting (COS replaces it). */
  putSetting<K extends TrackedSetting>(target: BucketTarget, name: K, value: NonNullable<TrackedSettings[K]>): Promise<void>;
  /** DELETE of the setting, for the settings COS can delete (codecs.ts `deletable`). */
  deleteSetting(target: BucketTarget, name: TrackedSetting): Promise<void>;
  /** HEAD Object: its response headers, lower-cased. */
  headObject(target: BucketTarget, key: string): Promise<Record<string, string>>;
  /**
   * GET Object acl (436/7744): the policy, and whether the object follows its bucket's ACL (COS answers
   * `x-cos-acl: default` then, and shows only the owner's FULL_CONTROL).
   */
  getObjectAcl(target: BucketTarget, key: string): Promise<ObjectAcl>;
  /** PUT Object acl (436/7748): an AccessControlPolicy body, or `default` (the `x-cos-acl` header) to follow the bucket again. */
  putObjectAcl(target: BucketTarget, key: string, acl: AccessControlPolicy | 'default'): Promise<void>;
  /** cos-local's per-rule replication counters (raw XML), undefined where the endpoint has none. */
  replicationProgress(target: BucketTarget): Promise<string | undefined>;
  /** A pre-signed GET URL for one object (getObjectUrl, signed by /api/sign with Expires). */
  shareLink(input: ShareLinkInput): Promise<ShareLink>;
  /** A client for one bulk task (uploads into a folder, a batch delete), on temporary keys (task-client.ts). */
  forTask(task: CosTask): CosTaskClient;
}

/** What a bulk task touches: temporary keys are asked for exactly this (POST /api/sts). */
export interface CosTask {
  kind: 'upload' | 'delete';
  bucket: string;
  region: string;
  /** Every key of the task starts with it ('' = the whole bucket). */
  prefix: string;
}

export interface UploadProgress {
  loaded: number;
  total: number;
  /** Bytes per second, as the SDK measures it. */
  speed: number;
}

export interface UploadInput {
  key: string;
  body: Blob;
  onProgress: (progress: UploadProgress) => void;
}

export interface RunningUpload {
  /** Settles when COS has the whole object (or the upload failed, with a CosClientError). */
  done: Promise<void>;
  /** Stops sending; `done` then never settles (the caller records the cancellation itself). */
  cancel: () => void;
}

export interface DeleteFailure {
  key: string;
  code: string;
  message: string;
}

export interface DeleteBatchResult {
  deleted: string[];
  failed: DeleteFailure[];
}

export interface CosTaskClient {
  readonly task: CosTask;
  /** uploadFile: one PUT up to the slice size, a resumable multipart upload above it. */
  upload(input: UploadInput): RunningUpload;
  /** One DELETE Multiple Objects request (at most 1000 keys); per-key failures are in the result. */
  deleteBatch(keys: readonly string[]): Promise<DeleteBatchResult>;
}
