// Typed calls to the console server's admin API (src/server/routes/admin-users.ts, admin-audit.ts).
// As in console-api.ts, requests and answers are the shared contract's (src/shared/api) and callApi
// checks every answer against the route's response schema.
import {
  CreateAccount, ListAccounts, ListAudit, ResetPassword, UpdateAccount,
  type Account, type AccountRole, type AuditEntry, type AuditOutcome, type AuditPage, type AuditQuery,
} from '../../shared/api';
import { callApi, malformedResponse } from './http';

// The grant model is the server's own (src/shared/access/grants.ts): one definition of the permissions.
import { PERMISSIONS as GRANT_PERMISSIONS, type Grant as AccountGrant, type Permission as GrantPermission } from '../../shared/access/grants';

export { GRANT_PERMISSIONS };
export type { AccountGrant, AccountRole, AuditEntry, AuditOutcome, AuditPage, AuditQuery, GrantPermission };

export type ConsoleAccount = Account;

/** The outcomes in the order the audit page offers them. */
export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['ok', 'failed', 'allowed', 'refused'];

export async function listAccounts(): Promise<ConsoleAccount[]> {
  return (await callApi(ListAccounts)).users;
}

export interface NewAccount {
  name: string;
  role: AccountRole;
  /** Absent: the server generates one and returns it once. */
  password?: string;
  grants: AccountGrant[];
}

/** The created account and, when the server chose the password, that password (shown once, never again). */
export async function createAccount(account: NewAccount, csrfToken: string): Promise<{ account: ConsoleAccount; generatedPassword?: string }> {
  const { user, generatedPassword } = await callApi(CreateAccount, { body: account, csrfToken });
  return generatedPassword === undefined ? { account: user } : { account: user, generatedPassword };
}

export interface AccountChanges {
  role?: AccountRole;
  grants?: AccountGrant[];
  disabled?: boolean;
}

export async function updateAccount(name: string, changes: AccountChanges, csrfToken: string): Promise<ConsoleAccount> {
  return (await callApi(UpdateAccount, { params: { name }, body: changes, csrfToken })).user;
}

/** Sets `password`, or (undefined) has the server generate one, which is returned once. Ends the account's sessions. */
export async function resetPassword(name: string, password: string | undefined, csrfToken: string): Promise<{ generatedPassword?: string }> {
  const body = await callApi(ResetPassword, { params: { name }, body: password === undefined ? {} : { password }, csrfToken });
  if (password !== undefined) return {};
  // The schema lets the field be absent (a chosen password is not sent back); a generated one must be there.
  if (body.generatedPassword === undefined) throw malformedResponse(ResetPassword.url, '/generatedPassword is required for a generated password');
  return { generatedPassword: body.generatedPassword };
}

export async function listAudit(query: AuditQuery): Promise<AuditPage> {
  return callApi(ListAudit, { query });
}
