import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router';
import { AppShell } from '../../components/app-shell';
import { configQueries } from '../../cos/config-queries';
import { CosClientProvider } from '../../cos/cos-client-context';
import { useLogout } from '../../features/auth/hooks/use-logout';
import { sessionQueries } from '../../session/session-queries';
import { paths } from '../../navigation/paths';
import { useSessionCosClient } from '../use-session-cos-client';

/** Every signed-in page: the shell, and the CosClient for the pages inside it. */
export function AuthenticatedLayout() {
  const location = useLocation();
  const config = useSuspenseQuery(configQueries.current()).data; // loaded by protectedLoader
  const session = useQuery(sessionQueries.current()).data;
  const client = useSessionCosClient(config);
  const logout = useLogout();

  // The session was found ended (a refetch, or a 401 elsewhere): come back here after signing in.
  if (session === null) return <Navigate to={paths.login(location.pathname + location.search)} replace />;

  return (
    <CosClientProvider client={client}>
      <AppShell user={session?.user} homePath={paths.buckets()} onSignOut={() => logout.mutate()} signingOut={logout.isPending}>
        <Outlet />
      </AppShell>
    </CosClientProvider>
  );
}
