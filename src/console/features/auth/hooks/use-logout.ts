import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MessagePlugin } from 'tdesign-react';
import { logout } from '../../../api/console-api';
import { ApiError } from '../../../api/http';
import { paths } from '../../../navigation/paths';
import { sessionQueries } from '../../../session/session-queries';

// Signing out loads the login page afresh rather than navigating inside the app: nothing of the
// signed-out user (cached listings, the COS client) can survive in memory that way, and no page
// of the old session re-renders against an emptied cache on the way out.
function leave() {
  window.location.assign(paths.login());
}

export function useLogout() {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: async () => {
      const session = queryClient.getQueryData(sessionQueries.current().queryKey);
      if (session) await logout(session.csrfToken);
    },
    meta: { redirectOnUnauthorized: false }, // handled below: 401 = already signed out
    onSuccess: leave,
    onError: (error) => {
      if (error instanceof ApiError && error.status === 401) leave();
      else void MessagePlugin.error(t('auth.errors.signOutFailed', { message: error.message }));
    },
  });
}
