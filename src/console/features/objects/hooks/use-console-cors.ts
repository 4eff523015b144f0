import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { allowConsoleCors, getConsoleCors } from '../../../api/console-api';
import { useCurrentSession } from '../../../session/use-current-session';
import type { BucketRef } from '../../../cos/object-queries';

// A browser cannot tell a bucket without a CORS rule for the console from an endpoint that is down:
// both are a network error without a status. The console server can (GET Bucket cors), so after a
// network-class failure the console asks it (docs/cos-behaviour.md "CORS").
export const consoleCorsQueries = {
  all: ['console-cors'] as const,
  status: (b: BucketRef) =>
    queryOptions({
      queryKey: [...consoleCorsQueries.all, b.region, b.name] as const,
      queryFn: () => getConsoleCors(b.name, b.region),
      // Asked only after a failure, and the answer changes when someone fixes the bucket.
      staleTime: 0,
      retry: false,
    }),
};

/** The CORS status of a bucket, asked only when `enabled` (the listing failed with a network error). */
export function useConsoleCorsStatus(bucket: BucketRef, enabled: boolean) {
  return useQuery({ ...consoleCorsQueries.status(bucket), enabled });
}

/** Admins fix with the server's key, API-key sessions with their own; console accounts must ask an admin. */
export function useCanFixConsoleCors(): boolean {
  const role = useCurrentSession()?.user.role;
  return role === 'admin' || role === 'api-key';
}

/** POST …/console-cors, then the status is asked again. */
export function useAllowConsoleCors(bucket: BucketRef) {
  const queryClient = useQueryClient();
  const session = useCurrentSession();
  return useMutation({
    mutationFn: () => allowConsoleCors(bucket.name, bucket.region, session?.csrfToken ?? ''),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consoleCorsQueries.status(bucket).queryKey }),
  });
}
