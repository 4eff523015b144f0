import { queryOptions } from '@tanstack/react-query';
import { listBuckets } from '../api/console-api';

// Buckets are listed by the console server: a browser cannot call the COS service endpoint
// (no CORS there: docs/cos-behaviour.md "CORS").
export const bucketQueries = {
  all: ['buckets'] as const,
  lists: () => [...bucketQueries.all, 'list'] as const,
  list: () => queryOptions({ queryKey: bucketQueries.lists(), queryFn: listBuckets }),
};
