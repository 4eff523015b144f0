// The account dialog's state → the admin API's body, with the server's rules checked first
// (src/server/routes/admin-users.ts, src/shared/access/grants.ts) so most mistakes are named next to
// their field before anything is sent. The server still decides: its message is shown when it refuses.
import type { AccountChanges, AccountGrant, AccountRole, GrantPermission, NewAccount } from '../../../api/admin-api';

export interface GrantRow {
  /** Stable React key for the row; never sent. */
  id: string;
  bucket: string;
  prefix: string;
  permissions: GrantPermission[];
}

export type PasswordMode = 'generate' | 'choose';

export interface AccountForm {
  name: string;
  role: AccountRole;
  passwordMode: PasswordMode;
  password: string;
  grants: GrantRow[];
}

/** i18n keys under `admin.form.errors`. */
export type FieldProblem =
  | 'nameRequired' | 'nameFormat'
  | 'passwordShort' | 'passwordLong'
  | 'bucketRequired' | 'bucketFormat'
  | 'prefixStar' | 'prefixSlash' | 'prefixLong'
  | 'permissionsRequired' | 'tooManyGrants';

export interface GrantRowProblems {
  bucket?: FieldProblem;
  prefix?: FieldProblem;
  permissions?: FieldProblem;
}

export interface AccountFormProblems {
  name?: FieldProblem;
  password?: FieldProblem;
  /** Same order as the form's rows; only rows with a problem have keys. */
  grants: GrantRowProblems[];
  grantList?: FieldProblem;
}

// Same rules as the server: NAME in admin-users.ts, BUCKET and the prefix checks in grants.ts.
const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
const BUCKET = /^[a-z0-9][a-z0-9-]*-\d+$/;
export const MIN_PASSWORD = 12;
const MAX_PASSWORD = 1024;
const MAX_PREFIX = 850;
const MAX_GRANTS = 500;

export function grantRowProblems(row: Pick<GrantRow, 'bucket' | 'prefix' | 'permissions'>): GrantRowProblems {
  const out: GrantRowProblems = {};
  const bucket = row.bucket.trim();
  if (bucket === '') out.bucket = 'bucketRequired';
  else if (!BUCKET.test(bucket)) out.bucket = 'bucketFormat';
  // `*` would widen into a wildcard in the policies a grant becomes (grants.ts).
  if (row.prefix.includes('*')) out.prefix = 'prefixStar';
  else if (row.prefix.startsWith('/')) out.prefix = 'prefixSlash';
  else if (row.prefix.length > MAX_PREFIX) out.prefix = 'prefixLong';
  if (row.permissions.length === 0) out.permissions = 'permissionsRequired';
  return out;
}

const hasProblem = (p: GrantRowProblems) => p.bucket !== undefined || p.prefix !== undefined || p.permissions !== undefined;

/** The grants as the API takes them. The prefix is kept verbatim: spaces can be part of a key. */
export function rowsToGrants(rows: readonly GrantRow[]): AccountGrant[] {
  return rows.map((r) => ({ bucket: r.bucket.trim(), prefix: r.prefix, permissions: [...r.permissions] }));
}

let nextRowId = 0;
export function newGrantRow(grant: Partial<AccountGrant> = {}): GrantRow {
  nextRowId += 1;
  return { id: `grant-${nextRowId}`, bucket: grant.bucket ?? '', prefix: grant.prefix ?? '', permissions: [...(grant.permissions ?? ['list', 'read'])] };
}

export function grantsToRows(grants: readonly AccountGrant[]): GrantRow[] {
  return grants.map((g) => newGrantRow(g));
}

function grantProblems(form: Pick<AccountForm, 'role' | 'grants'>): Pick<AccountFormProblems, 'grants' | 'grantList'> {
  // An admin may do anything: grants are neither checked nor sent.
  if (form.role === 'admin') return { grants: [] };
  return {
    grants: form.grants.map(grantRowProblems),
    ...(form.grants.length > MAX_GRANTS ? { grantList: 'tooManyGrants' as const } : {}),
  };
}

const ok = (p: AccountFormProblems) => p.name === undefined && p.password === undefined && p.grantList === undefined && !p.grants.some(hasProblem);

export type Checked<T> = { ok: true; body: T } | { ok: false; problems: AccountFormProblems };

export function passwordProblem(password: string): FieldProblem | undefined {
  if (password.length < MIN_PASSWORD) return 'passwordShort';
  if (password.length > MAX_PASSWORD) return 'passwordLong';
  return undefined;
}

/** POST /api/admin/users: no `password` means "generate one"; grants only for role user. */
export function newAccountBody(form: AccountForm): Checked<NewAccount> {
  const name = form.name.trim();
  const problems: AccountFormProblems = { ...grantProblems(form) };
  if (name === '') problems.name = 'nameRequired';
  else if (!NAME.test(name)) problems.name = 'nameFormat';
  if (form.passwordMode === 'choose') {
    const p = passwordProblem(form.password);
    if (p) problems.password = p;
  }
  if (!ok(problems)) return { ok: false, problems };
  return {
    ok: true,
    body: {
      name,
      role: form.role,
      ...(form.passwordMode === 'choose' ? { password: form.password } : {}),
      grants: form.role === 'user' ? rowsToGrants(form.grants) : [],
    },
  };
}

/** PATCH /api/admin/users/:name: the role, and the grants when the account is (or becomes) a user. */
export function accountChangesBody(form: Pick<AccountForm, 'role' | 'grants'>): Checked<AccountChanges> {
  const problems: AccountFormProblems = { ...grantProblems(form) };
  if (!ok(problems)) return { ok: false, problems };
  // An admin's stored grants are left as they are: they apply again if the account is made a user.
  return { ok: true, body: form.role === 'user' ? { role: 'user', grants: rowsToGrants(form.grants) } : { role: 'admin' } };
}
