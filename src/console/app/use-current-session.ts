import { useQuery } from '@tanstack/react-query';
import type { Session } from '../api/console-api';
import { sessionQueries } from '../features/auth/session-queries';

/**
 * The signed-in session (user, role, CSRF token) for features other than auth, which may not import
 * each other (DESIGN.md §3). Inside the authenticated layout it is loaded; undefined only while it
 * is being (re)fetched for the first time.
 */
export function useCurrentSession(): Session | undefined {
  return useQuery(sessionQueries.current()).data ?? undefined;
}
