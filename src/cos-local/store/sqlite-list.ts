// GET Bucket listing over the objects table (436/7734), by the shared walk of sqlite-rollup.ts.
import type Database from 'better-sqlite3';
import type { ListPage, ListQuery } from './types';
import { rowToObject, type ObjectRow } from './sqlite-rows';
import { nextMarkers, walk, type Bound } from './sqlite-rollup';

/** Prepared range scans `WHERE bucket = ? AND key >(=) ? [AND key < ?] ORDER BY key`, by shape. */
export class RangeScans<R> {
  private readonly statements = new Map<string, Database.Statement<unknown[], R>>();

  constructor(private readonly db: Database.Database, private readonly table: string, private readonly order: string) {}

  rows(bucket: string, lower: Bound, upper: string | undefined): IterableIterator<R> {
    const name = `${lower.inclusive ? 'ge' : 'gt'}:${upper === undefined ? 'open' : 'lt'}`;
    let stmt = this.statements.get(name);
    if (!stmt) {
      const op = lower.inclusive ? '>=' : '>';
      const upperSql = upper === undefined ? '' : ' AND key < ?';
      stmt = this.db.prepare<unknown[], R>(`SELECT * FROM ${this.table} WHERE bucket = ? AND key ${op} ?${upperSql} ORDER BY ${this.order}`);
      this.statements.set(name, stmt);
    }
    return upper === undefined ? stmt.iterate(bucket, lower.value) : stmt.iterate(bucket, lower.value, upper);
  }
}

export class Lister {
  private readonly scans: RangeScans<ObjectRow>;

  constructor(db: Database.Database) {
    this.scans = new RangeScans<ObjectRow>(db, 'objects', 'key');
  }

  list(bucket: string, q: ListQuery): ListPage {
    const page = walk<ObjectRow>({
      prefix: q.prefix, delimiter: q.delimiter, marker: q.marker, max: q.maxKeys,
      rows: (lower, upper) => this.scans.rows(bucket, lower, upper),
    });
    const next = nextMarkers(page);
    return {
      contents: page.rows.map(rowToObject), commonPrefixes: page.commonPrefixes, isTruncated: page.truncated,
      ...(next.key === undefined ? {} : { nextMarker: next.key }),
    };
  }
}
