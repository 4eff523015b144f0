import { queryOptions } from '@tanstack/react-query';
import { getSession } from '../api/console-api';

/** GET /api/session: the signed-in user and CSRF token, or null when signed out. */
export const sessionQueries = {
  all: ['session'] as const,
  current: () =>
    queryOptions({
      queryKey: [...sessionQueries.all, 'current'] as const,
      queryFn: getSession,
      // Rechecked now and then (on focus once stale) so an ended session sends the user to the
      // login page instead of failing one request at a time.
      staleTime: 5 * 60_000,
    }),
};
