import { useMutation, useQueryClient } from '@tanstack/react-query';
import { login, loginWithKey, type KeyCredentials } from '../../../api/console-api';
import { sessionQueries } from '../../../session/session-queries';

export type LoginCredentials = { username: string; password: string } | KeyCredentials;

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginCredentials) => ('secretId' in credentials ? loginWithKey(credentials) : login(credentials)),
    meta: { redirectOnUnauthorized: false }, // 401 here means a wrong password or key
    onSuccess: async () => {
      // Nothing cached for a previous user may survive; and the login answer carries no CSRF
      // token, so load the session before the protected pages need it.
      queryClient.clear();
      await queryClient.fetchQuery({ ...sessionQueries.current(), staleTime: 0 });
    },
  });
}
