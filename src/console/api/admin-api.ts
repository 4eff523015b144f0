// Typed calls to the console server's admin API (src/server/routes/admin-users.ts, admin-audit.ts).
// As in console-api.ts, each answer is checked for the fields the console uses, so a contract drift
// shows up as one clear error instead of `undefined`s.
import { apiRequest, isRecord, malformed } from './http';

// The grant model is the server's own (src/shared/access/grants.ts): one definition of the permissions.
import { PERMISSIONS as GRANT_PERMISSIONS, type Grant as AccountGrant, type Permission as GrantPermission } from '../../shared/access/grants';

export { GRANT_PERMISSIONS };
export type { AccountGrant, GrantPermission };

export type AccountRole = 'admin' | 'user';

export interface ConsoleAccount {
  name: string;
  role: AccountRole;
  disabled: boolean;
  grants: AccountGrant[];
  /** ISO 8601. */
  createdAt: string;
}

export type AuditOutcome = 'allowed' | 'refused' | 'ok' | 'failed';
export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['ok', 'failed', 'allowed', 'refused'];

export interface AuditEntry {
  id: number;
  /** ISO 8601. */
  at: string;
  actor: string;
  event: string;
  action?: string;
  resource?: string;
  outcome: AuditOutcome;
  detail?: string;
  ip?: string;
  /** For a signature: the canonical request it covers (method, host, path, signed parameters and headers). */
  request?: string;
}

export interface AuditQuery {
  actor?: string;
  event?: string;
  outcome?: AuditOutcome;
  /** Entries older than this id: the `nextBefore` of the previous page. */
  before?: number;
  limit?: number;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Present when a full page came back: there may be more behind it. */
  nextBefore?: number;
}

const str = (v: unknown): v is string => typeof v === 'string';
const int = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isPermission = (v: unknown): v is GrantPermission => (GRANT_PERMISSIONS as readonly unknown[]).includes(v);
const isOutcome = (v: unknown): v is AuditOutcome => (AUDIT_OUTCOMES as readonly unknown[]).includes(v);

function parseGrant(value: unknown, path: string): AccountGrant {
  if (!isRecord(value) || !str(value.bucket) || !str(value.prefix) || !Array.isArray(value.permissions)) throw malformed(path);
  const permissions = value.permissions;
  if (!permissions.every(isPermission)) throw malformed(path);
  return { bucket: value.bucket, prefix: value.prefix, permissions };
}

function parseAccount(value: unknown, path: string): ConsoleAccount {
  if (!isRecord(value) || !str(value.name) || (value.role !== 'admin' && value.role !== 'user') || typeof value.disabled !== 'boolean') throw malformed(path);
  if (!Array.isArray(value.grants) || !str(value.createdAt)) throw malformed(path);
  return { name: value.name, role: value.role, disabled: value.disabled, grants: value.grants.map((g: unknown) => parseGrant(g, path)), createdAt: value.createdAt };
}

const USERS = '/api/admin/users';
const userPath = (name: string) => `${USERS}/${encodeURIComponent(name)}`;

export async function listAccounts(): Promise<ConsoleAccount[]> {
  const body = await apiRequest(USERS);
  if (!isRecord(body) || !Array.isArray(body.users)) throw malformed(USERS);
  return body.users.map((u: unknown) => parseAccount(u, USERS));
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
  const body = await apiRequest(USERS, { method: 'POST', body: account, csrfToken });
  if (!isRecord(body)) throw malformed(USERS);
  const created = parseAccount(body.user, USERS);
  if (body.generatedPassword !== undefined && !str(body.generatedPassword)) throw malformed(USERS);
  return str(body.generatedPassword) ? { account: created, generatedPassword: body.generatedPassword } : { account: created };
}

export interface AccountChanges {
  role?: AccountRole;
  grants?: AccountGrant[];
  disabled?: boolean;
}

export async function updateAccount(name: string, changes: AccountChanges, csrfToken: string): Promise<ConsoleAccount> {
  const body = await apiRequest(userPath(name), { method: 'PATCH', body: changes, csrfToken });
  return parseAccount(isRecord(body) ? body.user : undefined, USERS);
}

/** Sets `password`, or (undefined) has the server generate one, which is returned once. Ends the account's sessions. */
export async function resetPassword(name: string, password: string | undefined, csrfToken: string): Promise<{ generatedPassword?: string }> {
  const path = `${userPath(name)}/password`;
  const body = await apiRequest(path, { method: 'POST', body: password === undefined ? {} : { password }, csrfToken });
  if (!isRecord(body)) throw malformed(path);
  if (password === undefined) {
    if (!str(body.generatedPassword)) throw malformed(path);
    return { generatedPassword: body.generatedPassword };
  }
  return {};
}

const AUDIT = '/api/admin/audit';

function parseEntry(value: unknown): AuditEntry {
  if (!isRecord(value) || !int(value.id) || !str(value.at) || !str(value.actor) || !str(value.event) || !isOutcome(value.outcome)) throw malformed(AUDIT);
  const entry: AuditEntry = { id: value.id, at: value.at, actor: value.actor, event: value.event, outcome: value.outcome };
  if (str(value.action)) entry.action = value.action;
  if (str(value.resource)) entry.resource = value.resource;
  if (str(value.detail)) entry.detail = value.detail;
  if (str(value.ip)) entry.ip = value.ip;
  if (str(value.request)) entry.request = value.request;
  return entry;
}

export async function listAudit(query: AuditQuery): Promise<AuditPage> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  const body = await apiRequest(qs ? `${AUDIT}?${qs}` : AUDIT);
  if (!isRecord(body) || !Array.isArray(body.entries)) throw malformed(AUDIT);
  const entries = body.entries.map(parseEntry);
  return int(body.nextBefore) ? { entries, nextBefore: body.nextBefore } : { entries };
}
