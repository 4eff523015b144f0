// MetaStore on SQLite (better-sqlite3): a file under the data dir, or ':memory:' for --memory.
import Database from 'better-sqlite3';
import { migrate } from './sqlite-schema';
import { Lister } from './sqlite-list';
import { objectToRow, rowToObject, type ObjectRow } from './sqlite-rows';
import type { BucketRecord, DeleteBucketResult, ListPage, ListQuery, MetaStore, ObjectRecord, PutObjectResult } from './types';

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
    anyObject: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM objects WHERE bucket = ? LIMIT 1'),
    deleteBucket: db.prepare('DELETE FROM buckets WHERE name = ?'),
    deleteConfigs: db.prepare('DELETE FROM bucket_configs WHERE bucket = ?'),
    getObject: db.prepare<[string, string], ObjectRow>('SELECT * FROM objects WHERE bucket = ? AND key = ?'),
    putObject: db.prepare<[ObjectRow]>(
      `INSERT OR REPLACE INTO objects (bucket, key, size, etag, crc64, last_modified, storage_class, headers, meta, blob_id)
       VALUES (@bucket, @key, @size, @etag, @crc64, @last_modified, @storage_class, @headers, @meta, @blob_id)`,
    ),
    deleteObject: db.prepare('DELETE FROM objects WHERE bucket = ? AND key = ?'),
    getConfig: db.prepare<[string, string], { value: string }>('SELECT value FROM bucket_configs WHERE bucket = ? AND name = ?'),
    putConfig: db.prepare('INSERT OR REPLACE INTO bucket_configs (bucket, name, value) VALUES (?, ?, ?)'),
    deleteConfig: db.prepare('DELETE FROM bucket_configs WHERE bucket = ? AND name = ?'),
  };
}

type Statements = ReturnType<typeof prepare>;

export class SqliteMetaStore implements MetaStore {
  private readonly db: Database.Database;
  private readonly lister: Lister;
  private readonly q: Statements;

  /** `file` is a path, or ':memory:'. */
  constructor(file: string) {
    this.db = new Database(file);
    migrate(this.db, file !== ':memory:');
    this.lister = new Lister(this.db);
    this.q = prepare(this.db);
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

  deleteBucket(name: string): DeleteBucketResult {
    return this.db.transaction((): DeleteBucketResult => {
      if (!this.q.getBucket.get(name)) return 'missing';
      if (this.q.anyObject.get(name)) return 'not-empty';
      this.q.deleteConfigs.run(name);
      this.q.deleteBucket.run(name);
      return 'deleted';
    })();
  }

  putObject(record: ObjectRecord): PutObjectResult {
    return this.db.transaction((): PutObjectResult => {
      if (!this.q.getBucket.get(record.bucket)) return { ok: false, reason: 'no-bucket' };
      const old = this.q.getObject.get(record.bucket, record.key);
      this.q.putObject.run(objectToRow(record));
      return { ok: true, replaced: old && rowToObject(old) };
    })();
  }

  getObject(bucket: string, key: string): ObjectRecord | undefined {
    const row = this.q.getObject.get(bucket, key);
    return row && rowToObject(row);
  }

  deleteObject(bucket: string, key: string): ObjectRecord | undefined {
    return this.db.transaction(() => {
      const old = this.q.getObject.get(bucket, key);
      if (old) this.q.deleteObject.run(bucket, key);
      return old && rowToObject(old);
    })();
  }

  listObjects(bucket: string, query: ListQuery): ListPage {
    return this.lister.list(bucket, query);
  }

  getConfig(bucket: string, name: string): string | undefined {
    return this.q.getConfig.get(bucket, name)?.value;
  }

  putConfig(bucket: string, name: string, value: string): void {
    this.q.putConfig.run(bucket, name, value);
  }

  deleteConfig(bucket: string, name: string): boolean {
    return this.q.deleteConfig.run(bucket, name).changes > 0;
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
