import type { QueryClient } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { MessagePlugin } from 'tdesign-react';
import { sessionQueries } from '../session/session-queries';
import { i18n } from '../i18n/i18n';
import { paths } from '../navigation/paths';
import { AppProviders } from './provider';
import { createQueryClient } from './query-client';
import { createAppRouter, type AppRouter } from './router';

/** The query cache and router of the page; created once, by main.tsx. */
export function createAppState() {
  // The query cache reacts to an ended session by navigating, and the router's loaders read the
  // cache, so each needs the other: the router is bound after both exist.
  const bound: { router?: AppRouter } = {};
  const queryClient = createQueryClient({
    onUnauthorized: () => {
      queryClient.setQueryData(sessionQueries.current().queryKey, null);
      const { router } = bound;
      if (!router) return;
      const { pathname, search } = router.state.location;
      if (pathname !== '/login') void router.navigate(paths.login(pathname + search), { replace: true });
    },
    onBackgroundError: (error) => void MessagePlugin.error(i18n.t('errors.refreshFailed', { message: error.message })),
  });
  const router = createAppRouter(queryClient);
  bound.router = router;
  return { queryClient, router };
}

export function App({ queryClient, router }: { queryClient: QueryClient; router: AppRouter }) {
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
