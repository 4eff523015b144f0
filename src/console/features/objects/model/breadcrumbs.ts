// Folder navigation inside a bucket. A "folder" is a key prefix ending in '/', the delimiter the
// object list uses; the URL's ?prefix= is the current folder.

export interface Crumb {
  /** What to show: the segment name, or '/' for an empty segment (keys like 'a//b'). */
  label: string;
  /** The prefix to open when the crumb is followed. */
  prefix: string;
}

/** 'a/b/' → a (a/), b (a/b/). A trailing part without '/' (a typed prefix) becomes a last crumb. */
export function breadcrumbSegments(prefix: string): Crumb[] {
  const crumbs: Crumb[] = [];
  let start = 0;
  while (start < prefix.length) {
    const slash = prefix.indexOf('/', start);
    const end = slash === -1 ? prefix.length : slash + 1;
    const name = prefix.slice(start, slash === -1 ? end : slash);
    crumbs.push({ label: name === '' ? '/' : name, prefix: prefix.slice(0, end) });
    start = end;
  }
  return crumbs;
}

/** The folder above `prefix`, or null at the bucket root. */
export function parentPrefix(prefix: string): string | null {
  const crumbs = breadcrumbSegments(prefix);
  if (crumbs.length === 0) return null;
  return crumbs.at(-2)?.prefix ?? '';
}

export interface TrailCrumb extends Crumb {
  /** False where the session may not list: shown, but not a link (it would only lead to a refusal). */
  reachable: boolean;
}

/**
 * The whole trail, bucket root first (labelled `bucket`), each crumb marked reachable or not by
 * `canList` (grant-navigation.ts allows … 'list'). A restricted account still sees where it is.
 */
export function breadcrumbTrail(bucket: string, prefix: string, canList: (prefix: string) => boolean): TrailCrumb[] {
  return [{ label: bucket, prefix: '' }, ...breadcrumbSegments(prefix)].map((c) => ({ ...c, reachable: canList(c.prefix) }));
}

/** The folder "Up one level" opens: the parent, or null at the bucket root or the top of a grant. */
export function reachableParent(prefix: string, canList: (prefix: string) => boolean): string | null {
  const parent = parentPrefix(prefix);
  return parent !== null && canList(parent) ? parent : null;
}
