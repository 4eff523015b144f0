import { useQuery } from '@tanstack/react-query';
import { bucketQueries } from './bucket-queries';
import { resolveRegion, type RegionResolution } from './resolve-region';

/** The region of `bucket`: from the bucket list, else from ?region= (see resolveRegion). */
export function useBucketRegion(bucket: string, regionParam: string | null): RegionResolution {
  const list = useQuery(bucketQueries.list());
  const buckets = list.data ?? (list.isError ? 'failed' : undefined);
  return resolveRegion({ bucket, buckets, regionParam });
}
