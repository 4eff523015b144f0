// MetaStore on SQLite (better-sqlite3): a file under the data dir, or ':memory:' for --memory.
// Every mutating method is one transaction, so a crash leaves either the old or the new state.
import Database from 'better-sqlite3';
import { migrate } from './sqlite-schema';
import { Lister } from './sqlite-list';
import { ReplicationQueue } from './sqlite-replication';
import { UploadTable } from './sqlite-uploads';
import { VersionTable } from './sqlite-versions';
import type {
  BucketConfig, BucketRecord, CompleteUploadResult, DeleteBucketResult, DeleteObjectResult, DeleteVersionResult, ListPage, ListQuery, MetaStore,
  ObjectRecord, PartListPage, PartRecord, PutObjectResult, QueuedReplication, ReplicationOutcome, ReplicationRuleStats, ReplicationTask,
  UploadListPage, UploadListQuery, UploadRecord, VersionListPage, VersionListQuery, VersioningMode, VersionPatch, VersionRecord,
} from './types';

interface BucketRow {
  name: string;
  region: string;
  app_id: string;
  created_at: number;
}

const toBucket = (r: BucketRow): BucketRecord => ({ name: r.name, region: r.region, appId: r.app_id, createdAt: r.created_at });

function prepare(db: Database.Database) {
  return {
    insertBucket: db.prepare('INSERT OR IGNORE INTO buckets (name, region, app_id, created_at) VALUES (?, ?, ?, ?)'),
    getBucket: db.prepare<[string], BucketRow>('SELECT * FROM buckets WHERE name = ?'),
    listBuckets: db.prepare<[string], BucketRow>('SELECT * FROM buckets WHERE app_id = ? ORDER BY name'),
    anyVersion: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM versions WHERE bucket = ? LIMIT 1'),
    deleteBucket: db.prepare('DELETE FROM buckets WHERE name = ?'),
    deleteConfigs: db.prepare('DELETE FROM bucket_configs WHERE bucket = ?'),
    getConfig: db.prepare<[string, string], { value: string }>('SELECT value FROM bucket_configs WHERE bucket = ? AND name = ?'),
    putConfig: db.prepare('INSERT OR REPLACE INTO bucket_configs (bucket, name, value) VALUES (?, ?, ?)'),
    deleteConfig: db.prepare('DELETE FROM bucket_configs WHERE bucket = ? AND name = ?'),
    configsNamed: db.prepare<[string], BucketConfig>('SELECT bucket, value FROM bucket_configs WHERE name = ? ORDER BY bucket'),
    blobIds: db.prepare<[], { blob_id: string }>("SELECT blob_id FROM versions WHERE blob_id <> '' UNION SELECT blob_id FROM parts"),
  };
}

type Statements = ReturnType<typeof prepare>;

export class SqliteMetaStore implements MetaStore {
  private readonly db: Database.Database;
  private readonly lister: Lister;
  private readonly versions: VersionTable;
  private readonly uploads: UploadTable;
  private readonly replication: ReplicationQueue;
  private readonly q: Statements;
  /** configsNamed results by name, dropped when a document of that name (or a bucket) goes. */
  private readonly configCache = new Map<string, readonly BucketConfig[]>();

  /** `file` is a path, or ':memory:'. */
  constructor(file: string) {
    this.db = new Database(file);
    migrate(this.db, file !== ':memory:');
    this.lister = new Lister(this.db);
    this.versions = new VersionTable(this.db);
    this.uploads = new UploadTable(this.db);
    this.replication = new ReplicationQueue(this.db);
    this.q = prepare(this.db);
  }

  private tx<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Runs `fn` in one transaction (the methods' own become savepoints): bulk loads in benchmarks. */
  batch<T>(fn: () => T): T {
    return this.tx(fn);
  }

  createBucket(b: BucketRecord): boolean {
    return this.q.insertBucket.run(b.name, b.region, b.appId, b.createdAt).changes === 1;
  }

  getBucket(name: string): BucketRecord | undefined {
    const row = this.q.getBucket.get(name);
    return row && toBucket(row);
  }

  listBuckets(appId: string): BucketRecord[] {
    return this.q.listBuckets.all(appId).map(toBucket);
  }

  /** Not empty = any version, delete marker or multipart upload left (436/7732). */
  deleteBucket(name: string): DeleteBucketResult {
    return this.tx((): DeleteBucketResult => {
      if (!this.q.getBucket.get(name)) return 'missing';
      if (this.q.anyVersion.get(name) || this.uploads.anyInBucket(name)) return 'not-empty';
      this.q.deleteConfigs.run(name);
      this.q.deleteBucket.run(name);
      this.replication.dropBucket(name);
      this.configCache.clear();
      return 'deleted';
    });
  }

  putObject(record: ObjectRecord, mode: VersioningMode): PutObjectResult {
    return this.tx((): PutObjectResult => {
      if (!this.q.getBucket.get(record.bucket)) return { ok: false, reason: 'no-bucket' };
      return { ok: true, garbage: this.versions.write(record, mode) };
    });
  }

  getObject(bucket: string, key: string): ObjectRecord | undefined {
    return this.versions.current(bucket, key);
  }

  latestVersion(bucket: string, key: string): VersionRecord | undefined {
    return this.versions.latest(bucket, key);
  }

  getVersion(bucket: string, key: string, versionId: string): VersionRecord | undefined {
    return this.versions.get(bucket, key, versionId);
  }

  deleteObject(bucket: string, key: string, mode: VersioningMode, markerVersionId: string, now: number): DeleteObjectResult {
    return this.tx(() => this.versions.deleteCurrent(bucket, key, mode, markerVersionId, now));
  }

  deleteVersion(bucket: string, key: string, versionId: string): DeleteVersionResult {
    return this.tx(() => this.versions.deleteVersion(bucket, key, versionId));
  }

  updateObject(bucket: string, key: string, versionId: string | undefined, patch: { acl?: string | null; tagging?: string | null }): boolean {
    return this.tx(() => this.versions.update(bucket, key, versionId, patch));
  }

  listObjects(bucket: string, query: ListQuery): ListPage {
    return this.lister.list(bucket, query);
  }

  listVersions(bucket: string, query: VersionListQuery): VersionListPage {
    return this.versions.list(bucket, query);
  }

  createUpload(upload: UploadRecord): boolean {
    return this.tx(() => {
      if (!this.q.getBucket.get(upload.bucket)) return false;
      this.uploads.create(upload);
      return true;
    });
  }

  getUpload(uploadId: string): UploadRecord | undefined {
    return this.uploads.get(uploadId);
  }

  putPart(part: PartRecord): { ok: true; garbage: string[] } | { ok: false } {
    return this.tx(() => this.uploads.putPart(part));
  }

  listParts(uploadId: string, partNumberMarker: number, maxParts: number): PartListPage {
    return this.uploads.listParts(uploadId, partNumberMarker, maxParts);
  }

  allParts(uploadId: string): PartRecord[] {
    return this.uploads.allParts(uploadId);
  }

  completeUpload(uploadId: string, record: ObjectRecord, mode: VersioningMode): CompleteUploadResult {
    return this.tx((): CompleteUploadResult => {
      if (!this.q.getBucket.get(record.bucket)) return { ok: false, reason: 'no-bucket' };
      const parts = this.uploads.remove(uploadId);
      if (parts === undefined) return { ok: false, reason: 'no-upload' };
      return { ok: true, garbage: [...parts, ...this.versions.write(record, mode)] };
    });
  }

  abortUpload(uploadId: string): { garbage: string[] } | undefined {
    return this.tx(() => {
      const garbage = this.uploads.remove(uploadId);
      return garbage && { garbage };
    });
  }

  listUploads(bucket: string, query: UploadListQuery): UploadListPage {
    return this.uploads.list(bucket, query);
  }

  referencedBlobIds(): Set<string> {
    return new Set(this.q.blobIds.all().map((r) => r.blob_id));
  }

  getConfig(bucket: string, name: string): string | undefined {
    return this.q.getConfig.get(bucket, name)?.value;
  }

  putConfig(bucket: string, name: string, value: string): void {
    this.q.putConfig.run(bucket, name, value);
    this.configCache.delete(name);
  }

  deleteConfig(bucket: string, name: string): boolean {
    this.configCache.delete(name);
    return this.q.deleteConfig.run(bucket, name).changes > 0;
  }

  configsNamed(name: string): readonly BucketConfig[] {
    let rows = this.configCache.get(name);
    if (!rows) {
      rows = Object.freeze(this.q.configsNamed.all(name));
      this.configCache.set(name, rows);
    }
    return rows;
  }

  patchVersion(bucket: string, key: string, versionId: string, patch: VersionPatch): boolean {
    return this.tx(() => this.versions.patch(bucket, key, versionId, patch));
  }

  enqueueReplication(tasks: readonly ReplicationTask[]): void {
    this.tx(() => this.replication.enqueue(tasks));
  }

  nextReplication(afterSeq = 0): QueuedReplication | undefined {
    return this.replication.next(afterSeq);
  }

  finishReplication(seq: number, outcome: ReplicationOutcome, at: number): boolean {
    return this.tx(() => this.replication.finish(seq, outcome, at));
  }

  replicationStats(bucket: string): ReplicationRuleStats[] {
    return this.replication.stats(bucket);
  }

  /** For tests: the query plan of a listing statement. */
  explainList(): string[] {
    return this.db
      .prepare<[], { detail: string }>("EXPLAIN QUERY PLAN SELECT * FROM objects WHERE bucket = 'b' AND key > 'a' AND key < 'b' ORDER BY key")
      .all()
      .map((r) => r.detail);
  }

  close(): void {
    this.db.close();
  }
}
