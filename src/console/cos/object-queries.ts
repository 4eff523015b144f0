import { infiniteQueryOptions } from '@tanstack/react-query';
import type { CosClient } from './cos-client';

export interface BucketRef {
  name: string;
  region: string;
}

/** COS allows at most 1000 entries per GET Bucket. */
export const OBJECT_PAGE_SIZE = 1000;

// Keys go from general to specific so a change can invalidate exactly what it touched: an upload
// into a folder invalidates objectQueries.lists(bucket), a bucket deletion objectQueries.all(bucket).
// The client is not part of the key: there is one per session, and the cache is emptied when the
// user changes (login clears it, sign-out reloads the page).
export const objectQueries = {
  all: (b: BucketRef) => ['objects', b.region, b.name] as const,
  lists: (b: BucketRef) => [...objectQueries.all(b), 'list'] as const,
  /** The listing of one folder only: what an upload into it invalidates. */
  listKey: (b: BucketRef, prefix: string) => [...objectQueries.lists(b), { prefix }] as const,
  list: (cos: CosClient, b: BucketRef, prefix: string) =>
    infiniteQueryOptions({
      queryKey: objectQueries.listKey(b, prefix),
      queryFn: ({ pageParam }) =>
        cos.listObjects({ bucket: b.name, region: b.region, prefix, delimiter: '/', marker: pageParam, maxKeys: OBJECT_PAGE_SIZE }),
      initialPageParam: '',
      getNextPageParam: (page) => (page.isTruncated ? page.nextMarker : undefined),
    }),
};
