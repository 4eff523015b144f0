// The paging walk shared by GET Bucket (436/7734), ListObjectVersions (436/35521) and
// ListMultipartUploads (436/7736): rows in key order, keys under the delimiter rolled up into
// common prefixes, `max` entries (rows + prefixes) per page. A page never scans the bucket: the walk
// seeks to its start on the primary key and, when a key rolls up, seeks once more past the whole
// prefix (to `prefixUpperBound`), so it costs O(max) index steps.
import { compareUtf8, prefixUpperBound } from '../../shared/cos/key-order';

export type Bound = { value: string; inclusive: boolean };

export interface WalkInput<R extends { key: string }> {
  prefix: string;
  /** '' for none. */
  delimiter: string;
  /** The key marker: a common prefix containing it was returned by an earlier page. */
  marker: string;
  max: number;
  /** Rows that come first (e.g. the marker key's remaining versions), all with keys ≥ the start. */
  head?: Iterable<R>;
  /** Rows with key after `lower` (and below the prefix's upper bound), in order. */
  rows(lower: Bound, upper: string | undefined): Iterable<R>;
  /** Where `rows` starts when there is no head to continue; default: after the marker. */
  start?: Bound;
}

export interface WalkResult<R> {
  rows: R[];
  commonPrefixes: string[];
  truncated: boolean;
  /** The last entry returned, when truncated. */
  last?: { row: R } | { prefix: string };
}

/** Where a listing starts: after the marker when it is inside or past the prefix, else at the prefix. */
export function startBound(prefix: string, marker: string): Bound {
  return marker !== '' && compareUtf8(marker, prefix) >= 0 ? { value: marker, inclusive: false } : { value: prefix, inclusive: true };
}

export function walk<R extends { key: string }>(input: WalkInput<R>): WalkResult<R> {
  const { prefix, delimiter, marker, max } = input;
  const rows: R[] = [];
  const commonPrefixes: string[] = [];
  let last: WalkResult<R>['last'];
  const upper = prefix === '' ? undefined : prefixUpperBound(prefix);
  const full = (): boolean => rows.length + commonPrefixes.length >= max;
  let lower = input.start ?? startBound(prefix, marker);
  let source: Iterable<R> = input.head ?? input.rows(lower, upper);
  let fromHead = input.head !== undefined;

  for (;;) {
    let sought = false;
    for (const row of source) {
      if (!row.key.startsWith(prefix)) continue; // head rows outside the prefix
      const cut = delimiter === '' ? -1 : row.key.indexOf(delimiter, prefix.length);
      if (cut < 0) {
        if (full()) return { rows, commonPrefixes, truncated: true, last };
        rows.push(row);
        last = { row };
        continue;
      }
      const common = row.key.slice(0, cut + delimiter.length);
      // A common prefix at or before the marker was returned by an earlier page: skip it uncounted.
      if (!marker.startsWith(common)) {
        if (full()) return { rows, commonPrefixes, truncated: true, last };
        commonPrefixes.push(common);
        last = { prefix: common };
      }
      const next = prefixUpperBound(common);
      if (next === undefined) return { rows, commonPrefixes, truncated: false };
      lower = { value: next, inclusive: true };
      sought = true;
      break; // leaving the for-of closes the statement iterator
    }
    // The head ran out without a seek: go on from the start bound.
    if (!sought && !fromHead) return { rows, commonPrefixes, truncated: false };
    fromHead = false;
    source = input.rows(lower, upper);
  }
}

/**
 * Where the next page starts, when this one was truncated: the key (or common prefix) of the last
 * entry, and `idOf` its row's secondary marker (version id, upload id) — none after a common prefix.
 */
export function nextMarkers<R extends { key: string }>(page: WalkResult<R>, idOf?: (row: R) => string): { key?: string; id?: string } {
  if (!page.truncated || page.last === undefined) return {};
  if ('prefix' in page.last) return { key: page.last.prefix };
  return idOf ? { key: page.last.row.key, id: idOf(page.last.row) } : { key: page.last.row.key };
}
