import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { listAccounts, listAudit, type AuditQuery } from '../../api/admin-api';

// Console accounts and the audit log (admins only). Every account change also writes the audit log,
// so mutations invalidate both; the bucket list is another feature's cache and is left alone.
export const adminQueries = {
  all: ['admin'] as const,
  accounts: () => [...adminQueries.all, 'accounts'] as const,
  accountList: () => queryOptions({ queryKey: adminQueries.accounts(), queryFn: listAccounts }),
  audit: () => [...adminQueries.all, 'audit'] as const,
  auditPage: (query: AuditQuery) =>
    queryOptions({
      queryKey: [...adminQueries.audit(), query] as const,
      queryFn: () => listAudit(query),
      // Paging and filtering keep the last page on screen until the next one arrives.
      placeholderData: keepPreviousData,
      // An audit log is read to see what just happened: never serve a 30 s old page on arrival.
      staleTime: 0,
    }),
};
