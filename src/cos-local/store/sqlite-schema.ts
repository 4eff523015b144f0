// SQLite schema of the metadata store. Keys are TEXT with the default BINARY collation, which
// compares UTF-8 bytes (memcmp): exactly the order GET Bucket lists in (436/7734), so a listing page
// is an index range scan on the (bucket, key) primary key.
import type Database from 'better-sqlite3';

const SCHEMA_VERSION = 3;

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

// v2: versioning, multipart uploads, object ACL and tags.
// `objects` keeps exactly the current, live version of each key (what GET Bucket lists, so a page
// stays an index range scan); `versions` holds every version and delete marker, the current one
// included, so a blob lives exactly as long as its version row. `ord` decreases with each new
// version of a key: (bucket, key, ord) is then key order, newest first — ListObjectVersions order.
const V2 = `
ALTER TABLE objects ADD COLUMN version_id TEXT NOT NULL DEFAULT 'null';
ALTER TABLE objects ADD COLUMN acl TEXT;
ALTER TABLE objects ADD COLUMN tagging TEXT;
CREATE TABLE versions (
  bucket TEXT NOT NULL,
  key TEXT NOT NULL,
  ord INTEGER NOT NULL,
  version_id TEXT NOT NULL,
  delete_marker INTEGER NOT NULL,
  size INTEGER NOT NULL,
  etag TEXT NOT NULL,
  crc64 TEXT NOT NULL,
  last_modified INTEGER NOT NULL,
  storage_class TEXT NOT NULL,
  headers TEXT NOT NULL,
  meta TEXT NOT NULL,
  blob_id TEXT NOT NULL,
  acl TEXT,
  tagging TEXT,
  PRIMARY KEY (bucket, key, ord)
) WITHOUT ROWID;
CREATE UNIQUE INDEX versions_by_id ON versions (bucket, key, version_id);
CREATE INDEX versions_by_blob ON versions (blob_id);
INSERT INTO versions SELECT bucket, key, 0, 'null', 0, size, etag, crc64, last_modified, storage_class, headers, meta, blob_id, NULL, NULL FROM objects;
CREATE TABLE uploads (
  upload_id TEXT PRIMARY KEY,
  bucket TEXT NOT NULL,
  key TEXT NOT NULL,
  initiated INTEGER NOT NULL,
  storage_class TEXT NOT NULL,
  headers TEXT NOT NULL,
  meta TEXT NOT NULL,
  acl TEXT,
  tagging TEXT,
  initiator TEXT NOT NULL
) WITHOUT ROWID;
CREATE UNIQUE INDEX uploads_by_key ON uploads (bucket, key, upload_id);
CREATE TABLE parts (
  upload_id TEXT NOT NULL,
  part_number INTEGER NOT NULL,
  size INTEGER NOT NULL,
  etag TEXT NOT NULL,
  last_modified INTEGER NOT NULL,
  blob_id TEXT NOT NULL,
  PRIMARY KEY (upload_id, part_number)
) WITHOUT ROWID;
`;

// v3: the replicator's durable queue (one row per object version or delete marker still to copy,
// written in the transaction of the write it follows) and per-rule counters (PUT Bucket replication,
// 436/19223; src/cos-local/replication/).
const V3 = `
CREATE TABLE replication_queue (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  bucket TEXT NOT NULL,
  key TEXT NOT NULL,
  version_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  destination TEXT NOT NULL,
  storage_class TEXT,
  role TEXT NOT NULL,
  enqueued_at INTEGER NOT NULL
);
CREATE INDEX replication_queue_by_rule ON replication_queue (bucket, rule_id);
CREATE TABLE replication_stats (
  bucket TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  completed INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  last_completed_at INTEGER,
  PRIMARY KEY (bucket, rule_id)
) WITHOUT ROWID;
`;

/** Applies pragmas and creates or upgrades the schema. */
export function migrate(db: Database.Database, file: boolean): void {
  if (file) {
    // One cos-local per data directory: a second one would sweep the first one's in-flight blobs
    // as orphans. The exclusive lock makes it fail at open ("database is locked") instead.
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    // WAL + NORMAL never loses consistency; a crash may only drop the last commits. Blobs are
    // fsynced before their row commits, so a row never points at a missing blob.
    db.pragma('synchronous = NORMAL');
  }
  const version = db.pragma('user_version', { simple: true });
  if (typeof version !== 'number' || version > SCHEMA_VERSION) {
    throw new Error(`cos-local metadata schema version ${String(version)} is newer than this cos-local (${SCHEMA_VERSION})`);
  }
  const steps = [V1, V2, V3];
  db.transaction(() => {
    for (let v = version; v < SCHEMA_VERSION; v++) db.exec(steps[v] ?? '');
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}
