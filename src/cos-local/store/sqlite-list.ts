// GET Bucket listing over the objects table. Doc: https://cloud.tencent.com/document/product/436/7734
// A page never scans the bucket: it seeks to max(prefix, marker) on the primary key and steps
// forward; when a key rolls up into a common prefix, it seeks once more past the whole prefix
// (to `prefixUpperBound(commonPrefix)`), so a page costs O(max-keys) index steps.
import type Database from 'better-sqlite3';
import { compareUtf8, prefixUpperBound } from '../../shared/cos/key-order';
import type { ListPage, ListQuery, ObjectRecord } from './types';
import { rowToObject, type ObjectRow } from './sqlite-rows';

type Bound = { value: string; inclusive: boolean };

export class Lister {
  private readonly statements = new Map<string, Database.Statement<unknown[], ObjectRow>>();

  constructor(private readonly db: Database.Database) {}

  private rows(bucket: string, lower: Bound, upper: string | undefined): IterableIterator<ObjectRow> {
    const name = `${lower.inclusive ? 'ge' : 'gt'}:${upper === undefined ? 'open' : 'lt'}`;
    let stmt = this.statements.get(name);
    if (!stmt) {
      const op = lower.inclusive ? '>=' : '>';
      const upperSql = upper === undefined ? '' : ' AND key < ?';
      stmt = this.db.prepare<unknown[], ObjectRow>(`SELECT * FROM objects WHERE bucket = ? AND key ${op} ?${upperSql} ORDER BY key`);
      this.statements.set(name, stmt);
    }
    return upper === undefined ? stmt.iterate(bucket, lower.value) : stmt.iterate(bucket, lower.value, upper);
  }

  list(bucket: string, q: ListQuery): ListPage {
    const contents: ObjectRecord[] = [];
    const commonPrefixes: string[] = [];
    let last: string | undefined;
    let truncated = false;
    const upper = q.prefix === '' ? undefined : prefixUpperBound(q.prefix);
    let lower: Bound = q.marker !== '' && compareUtf8(q.marker, q.prefix) >= 0
      ? { value: q.marker, inclusive: false }
      : { value: q.prefix, inclusive: true };
    const full = (): boolean => contents.length + commonPrefixes.length >= q.maxKeys;

    seek: for (;;) {
      for (const row of this.rows(bucket, lower, upper)) {
        const cut = q.delimiter === '' ? -1 : row.key.indexOf(q.delimiter, q.prefix.length);
        if (cut < 0) {
          if (full()) { truncated = true; break seek; }
          contents.push(rowToObject(row));
          last = row.key;
          continue;
        }
        const prefix = row.key.slice(0, cut + q.delimiter.length);
        // A common prefix at or before the marker was returned by an earlier page (the marker
        // then starts with it): skip it without counting it.
        if (!q.marker.startsWith(prefix)) {
          if (full()) { truncated = true; break seek; }
          commonPrefixes.push(prefix);
          last = prefix;
        }
        const next = prefixUpperBound(prefix);
        if (next === undefined) break seek;
        lower = { value: next, inclusive: true };
        continue seek; // leaving the for-of closes the statement iterator
      }
      break;
    }
    return truncated && last !== undefined ? { contents, commonPrefixes, isTruncated: true, nextMarker: last } : { contents, commonPrefixes, isTruncated: truncated };
  }
}
