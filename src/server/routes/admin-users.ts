// Console accounts for admins: list, create, edit (role, grants, disabled), reset password.
// Every change goes to the audit log. A generated password is returned once, in the answer that
// created it, and never again (only its scrypt hash is stored).
//
// Lock-out guards: nobody can disable or demote their own account, and the built-in `admin` (the
// account CONSOLE_ADMIN_PASSWORD recovers) cannot be disabled or demoted at all. Together they keep
// the console's way in: the caller is an enabled admin and stays one, so there is never a moment
// without one, and `admin` is always there to recover with.
import type { FastifyInstance } from 'fastify';
import { parseGrants, type Grant } from '../../shared/access/grants';
import { CreateAccount, ListAccounts, ResetPassword, UpdateAccount, type Account, type RouteTypes } from '../../shared/api';
import type { AuditLog } from '../audit/audit-log';
import { generatePassword } from '../auth/password';
import { auditActor, requireAdmin } from '../auth/plugin';
import type { SessionRepository } from '../auth/sessions';
import type { User, UserRepository } from '../auth/users';
import { ApiError } from '../errors';

export interface AdminUserRouteDeps {
  users: UserRepository;
  sessions: SessionRepository;
  audit: AuditLog;
  /** Drops the temporary keys cached for an account's signatures (SigningKeys.forget). */
  forgetKeys?: (userId: number) => void;
}

export const BUILT_IN_ADMIN = 'admin';

const view = (u: User): Account => ({ name: u.name, role: u.role, disabled: u.disabled, grants: u.grants, createdAt: new Date(u.createdAt).toISOString() });

function grantsOrThrow(input: unknown): Grant[] {
  const result = parseGrants(input);
  if (!result.ok) throw new ApiError(400, 'InvalidGrants', result.reason);
  return result.value;
}

/** `3 grants: bucket-1/prefix (read, list), …`, short enough for one audit line. */
function describeGrants(grants: Grant[]): string {
  const text = grants.map((g) => `${g.bucket}/${g.prefix} (${g.permissions.join(', ')})`).join('; ');
  const full = `${grants.length} grant${grants.length === 1 ? '' : 's'}${grants.length ? `: ${text}` : ''}`;
  return full.length > 1000 ? `${full.slice(0, 999)}…` : full;
}

export function adminUserRoutes(app: FastifyInstance, deps: AdminUserRouteDeps): void {
  const findOrThrow = (name: string): User => {
    const user = deps.users.findByName(name);
    if (!user) throw new ApiError(404, 'NoSuchUser', `There is no console account "${name}".`);
    return user;
  };

  app.get<RouteTypes<typeof ListAccounts>>(ListAccounts.url, {
    preHandler: requireAdmin,
    schema: ListAccounts.schema,
  }, async () => ({ users: deps.users.list().map(view) }));

  app.post<RouteTypes<typeof CreateAccount>>(CreateAccount.url, {
    preHandler: requireAdmin,
    schema: CreateAccount.schema,
  }, async (request, reply) => {
    const { name, role } = request.body;
    const grants = grantsOrThrow(request.body.grants ?? []);
    if (deps.users.findByName(name)) throw new ApiError(409, 'UserExists', `A console account "${name}" already exists.`);
    const generated = request.body.password === undefined ? generatePassword() : undefined;
    const user = await deps.users.create(name, role, request.body.password ?? generated ?? '', grants);
    deps.audit.record({
      actor: auditActor(request.auth!), event: 'user.create', resource: name, outcome: 'ok', ip: request.ip,
      detail: `role ${role}; ${describeGrants(grants)}; password ${generated ? 'generated' : 'set by admin'}`,
    });
    return reply.code(201).send(generated ? { user: view(user), generatedPassword: generated } : { user: view(user) });
  });

  app.patch<RouteTypes<typeof UpdateAccount>>(UpdateAccount.url, {
    preHandler: requireAdmin,
    schema: UpdateAccount.schema,
  }, async (request) => {
    const auth = request.auth!;
    const target = findOrThrow(request.params.name);
    const grants = request.body.grants === undefined ? undefined : grantsOrThrow(request.body.grants);
    const demoting = target.role === 'admin' && request.body.role === 'user';
    const disabling = !target.disabled && request.body.disabled === true;
    if (demoting || disabling) {
      const what = disabling ? 'disabled' : 'demoted';
      if (target.id === auth.user?.id) throw new ApiError(409, 'SelfLockout', `You cannot have your own account ${what}; ask another admin.`);
      if (target.name === BUILT_IN_ADMIN) throw new ApiError(409, 'ProtectedAccount', `The built-in "${BUILT_IN_ADMIN}" account cannot be ${what}: it is the way back in (CONSOLE_ADMIN_PASSWORD).`);
    }
    const updated = deps.users.update(target.id, { role: request.body.role, grants, disabled: request.body.disabled }) ?? target;
    // A disabled account is refused on its next request anyway; revoking its sessions also removes them.
    const revoked = disabling ? deps.sessions.revokeUser(target.id) : 0;
    // New signatures must not be made with a key issued for the old grants (docs/security.md "Revocation").
    deps.forgetKeys?.(target.id);
    const changes: string[] = [];
    if (request.body.role !== undefined && request.body.role !== target.role) changes.push(`role ${target.role} → ${updated.role}`);
    if (request.body.disabled !== undefined && request.body.disabled !== target.disabled) changes.push(updated.disabled ? `disabled (${revoked} session${revoked === 1 ? '' : 's'} ended)` : 'enabled');
    if (grants !== undefined) changes.push(describeGrants(grants));
    deps.audit.record({ actor: auditActor(auth), event: 'user.update', resource: target.name, outcome: 'ok', ip: request.ip, detail: changes.join('; ') || 'no change' });
    return { user: view(updated) };
  });

  app.post<RouteTypes<typeof ResetPassword>>(ResetPassword.url, {
    // A reset with a generated password may come without any body: validate it as `{}`.
    preValidation: async (request) => {
      if (request.body === undefined || request.body === null) request.body = {};
    },
    preHandler: requireAdmin,
    schema: ResetPassword.schema,
  }, async (request) => {
    const target = findOrThrow(request.params.name);
    const given = request.body.password;
    const password = given ?? generatePassword();
    await deps.users.setPassword(target.id, password);
    // Whoever knew the old password is signed out everywhere, the admin doing this included if it is their own.
    const revoked = deps.sessions.revokeUser(target.id);
    deps.forgetKeys?.(target.id);
    deps.audit.record({
      actor: auditActor(request.auth!), event: 'password.reset', resource: target.name, outcome: 'ok', ip: request.ip,
      detail: `${given === undefined ? 'generated' : 'set by admin'}; ${revoked} session${revoked === 1 ? '' : 's'} ended`,
    });
    return given === undefined ? { generatedPassword: password } : {};
  });
}
