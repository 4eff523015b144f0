// SQLite schema of the metadata store. Keys are TEXT with the default BINARY collation, which
// compares UTF-8 bytes (memcmp): exactly the order GET Bucket lists in (436/7734), so a listing page
// is an index range scan on the (bucket, key) primary key.
import type Database from 'better-sqlite3';

const SCHEMA_VERSION = 1;

const V1 = `
CREATE TABLE buckets (
  name TEXT PRIMARY KEY,
  region TEXT NOT NULL,
  app_id TEXT NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX buckets_by_app_id ON buckets (app_id, name);
CREATE TABLE objects (
  bucket TEXT NOT NULL,
  key TEXT NOT NULL,
  size INTEGER NOT NULL,
  etag TEXT NOT NULL,
  crc64 TEXT NOT NULL,
  last_modified INTEGER NOT NULL,
  storage_class TEXT NOT NULL,
  headers TEXT NOT NULL,
  meta TEXT NOT NULL,
  blob_id TEXT NOT NULL,
  PRIMARY KEY (bucket, key)
) WITHOUT ROWID;
-- One row per bucket subresource document (cors, and later policy, website, lifecycle, …).
CREATE TABLE bucket_configs (
  bucket TEXT NOT NULL,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (bucket, name)
) WITHOUT ROWID;
`;

/** Applies pragmas and creates or upgrades the schema. */
export function migrate(db: Database.Database, file: boolean): void {
  if (file) {
    db.pragma('journal_mode = WAL');
    // WAL + NORMAL never loses consistency; a crash may only drop the last commits. Blobs are
    // fsynced before their row commits, so a row never points at a missing blob.
    db.pragma('synchronous = NORMAL');
  }
  const version = db.pragma('user_version', { simple: true });
  if (version === 0) {
    db.exec(V1);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  } else if (version !== SCHEMA_VERSION) {
    throw new Error(`cos-local metadata schema version ${String(version)} is not supported (expected ${SCHEMA_VERSION})`);
  }
}
