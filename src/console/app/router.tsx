import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, redirect, type LoaderFunctionArgs } from 'react-router';
import { PageLoading } from '../components/page-loading';
import { bucketQueries } from '../cos/bucket-queries';
import { configQueries } from '../cos/config-queries';
import { safeNextPath } from '../features/auth/model/safe-next';
import { sessionQueries } from '../session/session-queries';
import { paths } from '../navigation/paths';
import { AuthenticatedLayout } from './routes/authenticated-layout';
import { NotFound } from './routes/not-found';
import { RouteErrorBoundary } from './routes/route-error-boundary';

// Data mode (createBrowserRouter): loaders read through TanStack Query, which stays the only cache;
// pages load lazily and show their own loading and error states, so loaders only prefetch.

function protectedLoader(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    const [session] = await Promise.all([
      queryClient.ensureQueryData(sessionQueries.current()),
      queryClient.ensureQueryData(configQueries.current()),
    ]);
    if (!session) {
      const url = new URL(request.url);
      throw redirect(paths.login(url.pathname + url.search));
    }
    return null;
  };
}

function loginLoader(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    const session = await queryClient.ensureQueryData(sessionQueries.current());
    if (session) throw redirect(safeNextPath(new URL(request.url).searchParams.get('next')));
    return null;
  };
}

/** /buckets/:bucket and /buckets/:bucket/files open the Files section, keeping the query (?region=). */
function toObjects({ params, request }: LoaderFunctionArgs) {
  return redirect(`${paths.objects(params['bucket'] ?? '')}${new URL(request.url).search}`);
}

export function createAppRouter(queryClient: QueryClient) {
  // Both pages need the bucket list (the object page for the bucket's region): start it with the chunk.
  const prefetchBuckets = () => {
    void queryClient.prefetchQuery(bucketQueries.list());
    return null;
  };
  return createBrowserRouter([
    {
      ErrorBoundary: RouteErrorBoundary,
      HydrateFallback: PageLoading,
      children: [
        { path: '/', loader: () => redirect(paths.buckets()) },
        {
          path: '/login',
          loader: loginLoader(queryClient),
          lazy: async () => ({ Component: (await import('../features/auth/components/login-page')).LoginPage }),
        },
        {
          loader: protectedLoader(queryClient),
          Component: AuthenticatedLayout,
          ErrorBoundary: RouteErrorBoundary,
          children: [
            {
              path: '/buckets',
              loader: prefetchBuckets,
              lazy: async () => ({ Component: (await import('../features/buckets/components/bucket-list-page')).BucketListPage }),
            },
            {
              // The bucket page: its sections share the layout (name, region, section links).
              path: '/buckets/:bucket',
              loader: prefetchBuckets,
              lazy: async () => ({ Component: (await import('./routes/bucket-layout')).BucketLayout }),
              children: [
                { index: true, loader: toObjects },
                // "Files" is the section's name in the navigation; /objects stays its address.
                { path: 'files', loader: toObjects },
                {
                  path: 'objects',
                  lazy: async () => ({ Component: (await import('../features/objects/components/object-list-page')).ObjectListPage }),
                },
                {
                  path: 'overview',
                  lazy: async () => ({ Component: (await import('../features/bucket-settings/components/overview-page')).OverviewPage }),
                },
                {
                  path: 'settings/:section',
                  lazy: async () => ({ Component: (await import('../features/bucket-settings/components/settings-page')).SettingsPage }),
                },
              ],
            },
            // Admin pages check the role themselves (AdminOnly): a non-admin gets an explanation, not a redirect.
            {
              path: '/admin/users',
              lazy: async () => ({ Component: (await import('../features/admin/components/users-page')).UsersPage }),
            },
            {
              path: '/admin/audit',
              lazy: async () => ({ Component: (await import('../features/admin/components/audit-page')).AuditPage }),
            },
            { path: '*', Component: NotFound },
          ],
        },
      ],
    },
  ]);
}

export type AppRouter = ReturnType<typeof createAppRouter>;
