import { useMutation, useQueryClient } from '@tanstack/react-query';
import { allowConsoleCors, createBucket } from '../../../api/console-api';
import { useCurrentSession } from '../../../session/use-current-session';
import { bucketQueries } from '../../../cos/bucket-queries';

export interface NewBucket {
  name: string;
  region: string;
  /** Also add the console's CORS rule, so the browser can use the bucket at once. */
  allowConsole: boolean;
}

export interface CreatedBucket {
  name: string;
  region: string;
  /** The bucket exists, but its CORS rule could not be added (the bucket page then offers it again). */
  corsError?: Error;
}

/** POST /api/buckets, then (optionally) POST …/console-cors; the bucket list is refreshed either way. */
export function useCreateBucket() {
  const queryClient = useQueryClient();
  const session = useCurrentSession();
  return useMutation({
    mutationFn: async ({ name, region, allowConsole }: NewBucket): Promise<CreatedBucket> => {
      const csrf = session?.csrfToken ?? '';
      const created = await createBucket(name, region, csrf);
      if (!allowConsole) return created;
      try {
        await allowConsoleCors(created.name, created.region, csrf);
        return created;
      } catch (error) {
        return { ...created, corsError: error instanceof Error ? error : new Error(String(error)) };
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: bucketQueries.all }),
  });
}
