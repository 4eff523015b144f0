/** Buckets whose name contains `query` (case-insensitive, surrounding spaces ignored). */
export function filterBuckets<T extends { name: string }>(buckets: readonly T[], query: string): T[] {
  const needle = query.trim().toLowerCase();
  return needle === '' ? [...buckets] : buckets.filter((b) => b.name.toLowerCase().includes(needle));
}
