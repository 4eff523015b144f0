import { queryOptions } from '@tanstack/react-query';
import { listBuckets } from '../api/console-api';

// Buckets are listed by the console server: a browser cannot call the COS service endpoint
// (no CORS there: docs/cos-behaviour.md "CORS").
export const bucketQueries = {
  all: ['buckets'] as const,
  lists: () => [...bucketQueries.all, 'list'] as const,
  // A failed listing (an API key that may not list buckets) is not fetched again each time another
  // part of the page mounts an observer: a refetch without data goes back to "pending", and the bucket
  // page would unmount its section while the region is unknown again. The list page retries explicitly.
  list: () => queryOptions({ queryKey: bucketQueries.lists(), queryFn: listBuckets, retryOnMount: false }),
};
