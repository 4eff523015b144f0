// Object versions (436/19883 versioning overview, 436/35521 ListObjectVersions) over the versions
// table, keeping the objects table equal to "the newest version of each key, unless it is a delete
// marker" after every change (sync). All methods run inside the caller's transaction.
import type Database from 'better-sqlite3';
import type { DeleteObjectResult, DeleteVersionResult, ObjectRecord, VersionListPage, VersionListQuery, VersioningMode, VersionPatch, VersionRecord } from './types';
import { RangeScans } from './sqlite-list';
import { nextMarkers, walk } from './sqlite-rollup';
import { objectToRow, rowToObject, rowToVersion, versionToRow, type ObjectRow, type VersionRow } from './sqlite-rows';

type Key = [bucket: string, key: string];

function prepare(db: Database.Database) {
  return {
    latest: db.prepare<Key, VersionRow>('SELECT * FROM versions WHERE bucket = ? AND key = ? ORDER BY ord LIMIT 1'),
    byId: db.prepare<[string, string, string], VersionRow>('SELECT * FROM versions WHERE bucket = ? AND key = ? AND version_id = ?'),
    minOrd: db.prepare<Key, { m: number | null }>('SELECT MIN(ord) AS m FROM versions WHERE bucket = ? AND key = ?'),
    insert: db.prepare<[VersionRow]>(
      `INSERT INTO versions (bucket, key, ord, version_id, delete_marker, size, etag, crc64, last_modified, storage_class, headers, meta, blob_id, acl, tagging)
       VALUES (@bucket, @key, @ord, @version_id, @delete_marker, @size, @etag, @crc64, @last_modified, @storage_class, @headers, @meta, @blob_id, @acl, @tagging)`,
    ),
    remove: db.prepare<[string, string, string]>('DELETE FROM versions WHERE bucket = ? AND key = ? AND version_id = ?'),
    update: db.prepare(
      `UPDATE versions SET acl = CASE WHEN @setAcl THEN @acl ELSE acl END, tagging = CASE WHEN @setTagging THEN @tagging ELSE tagging END
       WHERE bucket = @bucket AND key = @key AND version_id = @versionId`,
    ),
    patch: db.prepare<[string, string, string, string, string]>(
      'UPDATE versions SET storage_class = ?, headers = ? WHERE bucket = ? AND key = ? AND version_id = ?',
    ),
    current: db.prepare<Key, ObjectRow>('SELECT * FROM objects WHERE bucket = ? AND key = ?'),
    putCurrent: db.prepare<[ObjectRow]>(
      `INSERT OR REPLACE INTO objects (bucket, key, size, etag, crc64, last_modified, storage_class, headers, meta, blob_id, version_id, acl, tagging)
       VALUES (@bucket, @key, @size, @etag, @crc64, @last_modified, @storage_class, @headers, @meta, @blob_id, @version_id, @acl, @tagging)`,
    ),
    dropCurrent: db.prepare<Key>('DELETE FROM objects WHERE bucket = ? AND key = ?'),
    tail: db.prepare<[string, string, number], VersionRow>('SELECT * FROM versions WHERE bucket = ? AND key = ? AND ord > ? ORDER BY ord'),
  };
}

const NULL_VERSION = 'null';

/** A delete marker: no bytes, no etag (436/19883). */
function marker(bucket: string, key: string, versionId: string, now: number): ObjectRecord {
  return { bucket, key, versionId, size: 0, etag: '', crc64: '', lastModified: Math.floor(now / 1000) * 1000, storageClass: '', headers: {}, meta: {}, blobId: '' };
}

export class VersionTable {
  private readonly q: ReturnType<typeof prepare>;
  private readonly scans: RangeScans<VersionRow>;

  constructor(db: Database.Database) {
    this.q = prepare(db);
    this.scans = new RangeScans<VersionRow>(db, 'versions', 'key, ord');
  }

  current(bucket: string, key: string): ObjectRecord | undefined {
    const row = this.q.current.get(bucket, key);
    return row && rowToObject(row);
  }

  latest(bucket: string, key: string): VersionRecord | undefined {
    const row = this.q.latest.get(bucket, key);
    return row && rowToVersion(row, true);
  }

  get(bucket: string, key: string, versionId: string): VersionRecord | undefined {
    const row = this.q.byId.get(bucket, key, versionId);
    return row && rowToVersion(row, row.ord === this.q.latest.get(bucket, key)?.ord);
  }

  /** Adds a version; in 'unversioned'/'suspended' mode it replaces the 'null' one. Returns garbage blobs. */
  write(record: ObjectRecord, mode: VersioningMode, deleteMarker = false): string[] {
    const garbage = mode === 'enabled' ? [] : this.removeRow(record.bucket, record.key, NULL_VERSION);
    const m = this.q.minOrd.get(record.bucket, record.key)?.m ?? null;
    this.q.insert.run(versionToRow(record, m === null ? 0 : m - 1, deleteMarker));
    this.sync(record.bucket, record.key);
    return garbage;
  }

  deleteCurrent(bucket: string, key: string, mode: VersioningMode, markerVersionId: string, now: number): DeleteObjectResult {
    const removed = this.current(bucket, key);
    if (mode === 'unversioned') {
      const garbage = this.removeRow(bucket, key, NULL_VERSION);
      this.sync(bucket, key);
      return removed ? { removed, garbage } : { garbage };
    }
    const id = mode === 'enabled' ? markerVersionId : NULL_VERSION;
    const garbage = this.write(marker(bucket, key, id, now), mode, true);
    const created = this.q.byId.get(bucket, key, id);
    const result: DeleteObjectResult = { garbage };
    if (removed) result.removed = removed;
    if (created) result.marker = rowToVersion(created, true);
    return result;
  }

  deleteVersion(bucket: string, key: string, versionId: string): DeleteVersionResult {
    const removed = this.get(bucket, key, versionId);
    if (!removed) return { garbage: [] };
    const garbage = this.removeRow(bucket, key, versionId);
    this.sync(bucket, key);
    return { removed, garbage };
  }

  update(bucket: string, key: string, versionId: string | undefined, patch: { acl?: string | null; tagging?: string | null }): boolean {
    const target = versionId === undefined ? this.q.current.get(bucket, key)?.version_id : versionId;
    if (target === undefined) return false;
    const row = this.q.byId.get(bucket, key, target);
    if (!row || row.delete_marker === 1) return false;
    this.q.update.run({
      bucket, key, versionId: target,
      setAcl: patch.acl === undefined ? 0 : 1, acl: patch.acl ?? null,
      setTagging: patch.tagging === undefined ? 0 : 1, tagging: patch.tagging ?? null,
    });
    this.sync(bucket, key);
    return true;
  }

  /** Storage class and stored headers of one version (lifecycle transitions, replication status). */
  patch(bucket: string, key: string, versionId: string, patch: VersionPatch): boolean {
    const row = this.q.byId.get(bucket, key, versionId);
    if (!row) return false;
    const headers = rowToObject(row).headers;
    for (const [name, value] of Object.entries(patch.headers ?? {})) {
      if (value === null) delete headers[name];
      else headers[name] = value;
    }
    this.q.patch.run(patch.storageClass ?? row.storage_class, JSON.stringify(headers), bucket, key, versionId);
    this.sync(bucket, key);
    return true;
  }

  list(bucket: string, q: VersionListQuery): VersionListPage {
    // After a version id marker, the rest of that key's versions come first (436/35521).
    const markerRow = q.versionIdMarker === '' ? undefined : this.q.byId.get(bucket, q.keyMarker, q.versionIdMarker);
    const head = markerRow ? this.q.tail.iterate(bucket, q.keyMarker, markerRow.ord) : undefined;
    let latestOrd: { key: string; ord: number | null } | undefined;
    const isLatest = (row: VersionRow): boolean => {
      if (latestOrd?.key !== row.key) latestOrd = { key: row.key, ord: this.q.minOrd.get(bucket, row.key)?.m ?? null };
      return latestOrd.ord === row.ord;
    };
    const page = walk<VersionRow>({
      prefix: q.prefix, delimiter: q.delimiter, marker: q.keyMarker, max: q.maxKeys,
      ...(head ? { head } : {}),
      rows: (lower, upper) => this.scans.rows(bucket, lower, upper),
    });
    const versions = page.rows.map((r) => rowToVersion(r, isLatest(r)));
    const next = nextMarkers(page, (r) => r.version_id);
    return {
      versions, commonPrefixes: page.commonPrefixes, isTruncated: page.truncated,
      ...(next.key === undefined ? {} : { nextKeyMarker: next.key }),
      ...(next.id === undefined ? {} : { nextVersionIdMarker: next.id }),
    };
  }

  private removeRow(bucket: string, key: string, versionId: string): string[] {
    const row = this.q.byId.get(bucket, key, versionId);
    if (!row) return [];
    this.q.remove.run(bucket, key, versionId);
    return row.blob_id === '' ? [] : [row.blob_id];
  }

  /** objects := the newest version of the key, unless there is none or it is a delete marker. */
  private sync(bucket: string, key: string): void {
    const latest = this.q.latest.get(bucket, key);
    if (!latest || latest.delete_marker === 1) {
      this.q.dropCurrent.run(bucket, key);
      return;
    }
    this.q.putCurrent.run(objectToRow(rowToObject(latest)));
  }
}
