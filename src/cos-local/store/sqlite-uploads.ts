// Multipart uploads and their parts (436/7746 initiate, 436/7750 upload part, 436/7742 complete,
// 436/7740 abort, 436/7747 list parts, 436/7736 list uploads). Methods run inside the caller's
// transaction; part blobs become garbage when a part is replaced, the upload completes or aborts.
import type Database from 'better-sqlite3';
import type { PartListPage, PartRecord, UploadListPage, UploadListQuery, UploadRecord } from './types';
import { RangeScans } from './sqlite-list';
import { nextMarkers, walk } from './sqlite-rollup';
import { partToRow, rowToPart, rowToUpload, uploadToRow, type PartRow, type UploadRow } from './sqlite-rows';

function prepare(db: Database.Database) {
  return {
    insert: db.prepare<[UploadRow]>(
      `INSERT INTO uploads (upload_id, bucket, key, initiated, storage_class, headers, meta, acl, tagging, initiator)
       VALUES (@upload_id, @bucket, @key, @initiated, @storage_class, @headers, @meta, @acl, @tagging, @initiator)`,
    ),
    get: db.prepare<[string], UploadRow>('SELECT * FROM uploads WHERE upload_id = ?'),
    remove: db.prepare<[string]>('DELETE FROM uploads WHERE upload_id = ?'),
    part: db.prepare<[string, number], PartRow>('SELECT * FROM parts WHERE upload_id = ? AND part_number = ?'),
    putPart: db.prepare<[PartRow]>(
      `INSERT OR REPLACE INTO parts (upload_id, part_number, size, etag, last_modified, blob_id)
       VALUES (@upload_id, @part_number, @size, @etag, @last_modified, @blob_id)`,
    ),
    partsAfter: db.prepare<[string, number, number], PartRow>('SELECT * FROM parts WHERE upload_id = ? AND part_number > ? ORDER BY part_number LIMIT ?'),
    allParts: db.prepare<[string], PartRow>('SELECT * FROM parts WHERE upload_id = ? ORDER BY part_number'),
    removeParts: db.prepare<[string]>('DELETE FROM parts WHERE upload_id = ?'),
    keyTail: db.prepare<[string, string, string], UploadRow>('SELECT * FROM uploads WHERE bucket = ? AND key = ? AND upload_id > ? ORDER BY upload_id'),
    anyInBucket: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM uploads WHERE bucket = ? LIMIT 1'),
  };
}

export class UploadTable {
  private readonly q: ReturnType<typeof prepare>;
  private readonly scans: RangeScans<UploadRow>;

  constructor(db: Database.Database) {
    this.q = prepare(db);
    this.scans = new RangeScans<UploadRow>(db, 'uploads', 'key, upload_id');
  }

  create(u: UploadRecord): void {
    this.q.insert.run(uploadToRow(u));
  }

  get(uploadId: string): UploadRecord | undefined {
    const row = this.q.get.get(uploadId);
    return row && rowToUpload(row);
  }

  anyInBucket(bucket: string): boolean {
    return this.q.anyInBucket.get(bucket) !== undefined;
  }

  putPart(p: PartRecord): { ok: true; garbage: string[] } | { ok: false } {
    if (!this.q.get.get(p.uploadId)) return { ok: false };
    const old = this.q.part.get(p.uploadId, p.partNumber);
    this.q.putPart.run(partToRow(p));
    return { ok: true, garbage: old ? [old.blob_id] : [] };
  }

  listParts(uploadId: string, marker: number, max: number): PartListPage {
    const rows = this.q.partsAfter.all(uploadId, marker, max + 1).map(rowToPart);
    const parts = rows.slice(0, max);
    const last = parts.at(-1);
    return rows.length > max && last ? { parts, isTruncated: true, nextPartNumberMarker: last.partNumber } : { parts, isTruncated: false };
  }

  allParts(uploadId: string): PartRecord[] {
    return this.q.allParts.all(uploadId).map(rowToPart);
  }

  /** Removes the upload and its parts; returns the part blobs, or undefined when there was none. */
  remove(uploadId: string): string[] | undefined {
    if (!this.q.get.get(uploadId)) return undefined;
    const garbage = this.q.allParts.all(uploadId).map((p) => p.blob_id);
    this.q.removeParts.run(uploadId);
    this.q.remove.run(uploadId);
    return garbage;
  }

  list(bucket: string, q: UploadListQuery): UploadListPage {
    // With an upload id marker, the marker key's later uploads come first; without, the walk starts
    // after the key marker (436/7736).
    const head = q.uploadIdMarker === '' || q.keyMarker === '' ? undefined : this.q.keyTail.iterate(bucket, q.keyMarker, q.uploadIdMarker);
    const page = walk<UploadRow>({
      prefix: q.prefix, delimiter: q.delimiter, marker: q.keyMarker, max: q.maxUploads,
      ...(head ? { head } : {}),
      rows: (lower, upper) => this.scans.rows(bucket, lower, upper),
    });
    const next = nextMarkers(page, (r) => r.upload_id);
    return {
      uploads: page.rows.map(rowToUpload), commonPrefixes: page.commonPrefixes, isTruncated: page.truncated,
      ...(next.key === undefined ? {} : { nextKeyMarker: next.key }),
      ...(next.id === undefined ? {} : { nextUploadIdMarker: next.id }),
    };
  }
}
