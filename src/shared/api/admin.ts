// The admin API: console accounts (list, create, edit, reset password) and the audit log.
import { Type, type Static } from '@sinclair/typebox';
import { ErrorResponse } from './errors';
import { Grant } from './grants';
import { route, StringEnum } from './schema';

const Name = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$' });
// 12 characters: long enough to resist guessing under the sign-in rate limit; no composition rules.
const Password = Type.String({ minLength: 12, maxLength: 1024 });
export const AccountRole = StringEnum(['admin', 'user']);
export type AccountRole = Static<typeof AccountRole>;
// Items are checked by parseGrants (src/shared/access/grants.ts), whose reasons are clearer than a
// schema validator's.
const GrantsInput = Type.Array(Type.Unknown(), { maxItems: 500 });

export const Account = Type.Object({
  name: Type.String(),
  role: AccountRole,
  disabled: Type.Boolean(),
  grants: Type.Array(Grant),
  /** ISO 8601. */
  createdAt: Type.String({ format: 'date-time' }),
});
export type Account = Static<typeof Account>;

const adminErrors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } as const;

export const AccountList = Type.Object({ users: Type.Array(Account) });
export type AccountList = Static<typeof AccountList>;

export const ListAccounts = route('GET', '/api/admin/users', { response: { 200: AccountList, ...adminErrors } });

export const NewAccount = Type.Object({
  name: Name,
  role: AccountRole,
  /** Absent: the server generates one and returns it once. */
  password: Type.Optional(Password),
  grants: Type.Optional(GrantsInput),
}, { additionalProperties: false });
export type NewAccount = Static<typeof NewAccount>;

/** The created account and, when the server chose the password, that password (shown once, never again). */
export const CreatedAccount = Type.Object({ user: Account, generatedPassword: Type.Optional(Type.String()) });
export type CreatedAccount = Static<typeof CreatedAccount>;

export const CreateAccount = route('POST', '/api/admin/users', { body: NewAccount, response: { 201: CreatedAccount, ...adminErrors } });

export const AccountParams = Type.Object({ name: Name });
export type AccountParams = Static<typeof AccountParams>;

export const AccountChanges = Type.Object({
  role: Type.Optional(AccountRole),
  grants: Type.Optional(GrantsInput),
  disabled: Type.Optional(Type.Boolean()),
}, { additionalProperties: false, minProperties: 1 });
export type AccountChanges = Static<typeof AccountChanges>;

export const UpdatedAccount = Type.Object({ user: Account });
export type UpdatedAccount = Static<typeof UpdatedAccount>;

export const UpdateAccount = route('PATCH', '/api/admin/users/:name', { params: AccountParams, body: AccountChanges, response: { 200: UpdatedAccount, ...adminErrors } });

/** Absent password: the server generates one. A reset may come without any body (taken as `{}`). */
export const PasswordReset = Type.Object({ password: Type.Optional(Password) }, { additionalProperties: false });
export type PasswordReset = Static<typeof PasswordReset>;

/** The generated password, returned once; `{}` when the admin chose it. */
export const PasswordResetResult = Type.Object({ generatedPassword: Type.Optional(Type.String()) });
export type PasswordResetResult = Static<typeof PasswordResetResult>;

export const ResetPassword = route('POST', '/api/admin/users/:name/password', {
  params: AccountParams,
  body: PasswordReset,
  response: { 200: PasswordResetResult, ...adminErrors },
});

export const AUDIT_OUTCOMES = ['allowed', 'refused', 'ok', 'failed'] as const;
export const AuditOutcome = StringEnum(AUDIT_OUTCOMES);
export type AuditOutcome = Static<typeof AuditOutcome>;

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  /** ISO 8601. */
  at: Type.String({ format: 'date-time' }),
  /** A console account name, `api-key:<SecretId>`, or '-' when unknown. */
  actor: Type.String(),
  /** `login`, `sign`, `sts`, `user.create`, … */
  event: Type.String(),
  /** The COS action, e.g. `name/cos:GetObject`. */
  action: Type.Optional(Type.String()),
  resource: Type.Optional(Type.String()),
  outcome: AuditOutcome,
  detail: Type.Optional(Type.String()),
  ip: Type.Optional(Type.String()),
  /** For a signature: the canonical request it covers (method, host, path, signed parameters and headers). */
  request: Type.Optional(Type.String()),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditQuery = Type.Object({
  actor: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  event: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  outcome: Type.Optional(AuditOutcome),
  /** Entries older than this id: the `nextBefore` of the previous page. */
  before: Type.Optional(Type.Integer({ minimum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
}, { additionalProperties: false });
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditPage = Type.Object({
  entries: Type.Array(AuditEntry),
  /** Present when a full page came back: there may be more behind it. */
  nextBefore: Type.Optional(Type.Integer()),
});
export type AuditPage = Static<typeof AuditPage>;

export const ListAudit = route('GET', '/api/admin/audit', {
  querystring: AuditQuery,
  response: { 200: AuditPage, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
});
