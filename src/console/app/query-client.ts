import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isRetryable, isUnauthorized } from './session-expiry';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** false when a 401 is the mutation's own answer (wrong password), not an ended session. */
      redirectOnUnauthorized?: boolean;
    };
  }
}

export interface QueryClientHandlers {
  /** The session ended: forget it and go to the login page. */
  onUnauthorized: () => void;
  /** A refetch failed while the page still shows older data (tkdodo.eu "React Query Error Handling"). */
  onBackgroundError: (error: Error) => void;
}

export function createQueryClient(handlers: QueryClientHandlers): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthorized(error)) handlers.onUnauthorized();
        else if (query.state.data !== undefined) handlers.onBackgroundError(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _result, mutation) => {
        if (mutation.meta?.redirectOnUnauthorized !== false && isUnauthorized(error)) handlers.onUnauthorized();
      },
    }),
    defaultOptions: {
      queries: { staleTime: 30_000, retry: (failures, error) => failures < 2 && isRetryable(error) },
      mutations: { retry: false },
    },
  });
}
