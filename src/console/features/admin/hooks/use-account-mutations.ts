import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createAccount, resetPassword, updateAccount, type AccountChanges, type NewAccount } from '../../../api/admin-api';
import { useCurrentSession } from '../../../session/use-current-session';
import { adminQueries } from '../admin-queries';

function useCsrf(): string {
  // The pages are only rendered for a loaded admin session (AdminOnly), so the token is there.
  return useCurrentSession()?.csrfToken ?? '';
}

function useInvalidateAdmin() {
  const queryClient = useQueryClient();
  return () => Promise.all([
    queryClient.invalidateQueries({ queryKey: adminQueries.accounts() }),
    queryClient.invalidateQueries({ queryKey: adminQueries.audit() }),
  ]);
}

export function useCreateAccount() {
  const csrf = useCsrf();
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: (account: NewAccount) => createAccount(account, csrf),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateAccount() {
  const csrf = useCsrf();
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: ({ name, changes }: { name: string; changes: AccountChanges }) => updateAccount(name, changes, csrf),
    onSuccess: () => invalidate(),
  });
}

export function useResetPassword() {
  const csrf = useCsrf();
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: ({ name, password }: { name: string; password: string | undefined }) => resetPassword(name, password, csrf),
    onSuccess: () => invalidate(),
  });
}
