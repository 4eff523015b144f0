// The links of one bucket row. An unrestricted session opens a bucket at its root; a restricted
// console account opens it at the prefixes it may list (grant-navigation.ts landingPrefixes), one link
// each, since the root would only be refused (no dead ends: docs/architecture.md "Rules the code keeps").

export interface BucketEntry {
  /** The prefix the link opens ('' = the bucket root). */
  prefix: string;
  /** What the link shows: `bucket › prefix` first, then `› prefix` under it. */
  text: string;
  /** Its accessible name: always the bucket and the prefix, so every link says where it leads. */
  label: string;
}

export const ENTRY_SEPARATOR = ' › ';

/** One entry per landing prefix, in order; none when the bucket has nothing to list. */
export function bucketEntries(bucket: string, prefixes: readonly string[]): BucketEntry[] {
  return prefixes.map((prefix, i) => {
    const label = prefix === '' ? bucket : `${bucket}${ENTRY_SEPARATOR}${prefix}`;
    return { prefix, label, text: i === 0 || prefix === '' ? label : `${ENTRY_SEPARATOR.trimStart()}${prefix}` };
  });
}
