import { useQuery } from '@tanstack/react-query';
import { browseScopeOf, type BrowseScope } from '../../shared/access/grant-navigation';
import type { Session } from '../api/console-api';
import { sessionQueries } from './session-queries';

/**
 * The signed-in session (user, role, grants, CSRF token), for the app and every feature (which may not
 * import each other nor the app: docs/import-rules.md). Inside the authenticated layout it is loaded;
 * undefined only while it is being (re)fetched for the first time.
 */
export function useCurrentSession(): Session | undefined {
  return useQuery(sessionQueries.current()).data ?? undefined;
}

/**
 * Where the session may go and what it may do, as far as the console knows in advance: a restricted
 * account's grants, or unrestricted (admins; API keys, which COS alone limits). The router loads the
 * session before any page that asks, so "unrestricted" never stands in for grants not yet loaded.
 */
export function useBrowseScope(): BrowseScope {
  return browseScopeOf(useCurrentSession()?.user.grants);
}
