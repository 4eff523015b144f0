// A bucket is bound to one region and every COS request must go to it. The URL names only the
// bucket, so the region comes from the bucket list, or from ?region= for a bucket the list does
// not show (a user who may not list buckets, or a link from elsewhere).

export type RegionResolution =
  | { status: 'pending' }
  | { status: 'resolved'; region: string }
  | { status: 'unknown' };

export interface RegionInputs {
  bucket: string;
  /** The bucket list query: undefined while loading; 'failed' when it could not be loaded. */
  buckets: readonly { name: string; region: string }[] | 'failed' | undefined;
  regionParam: string | null;
}

export function resolveRegion({ bucket, buckets, regionParam }: RegionInputs): RegionResolution {
  if (buckets === undefined) return { status: 'pending' };
  const listed = buckets === 'failed' ? undefined : buckets.find((b) => b.name === bucket);
  if (listed) return { status: 'resolved', region: listed.region };
  if (regionParam) return { status: 'resolved', region: regionParam };
  return { status: 'unknown' };
}
