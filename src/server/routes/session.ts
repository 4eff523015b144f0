// Sign-in (console account or COS API key), the session, and sign-out (docs/architecture.md "How a
// request flows"; the schemas are in src/shared/api).
//
// Failed sign-ins all answer the same 401, whatever the reason (unknown name, wrong password,
// disabled account), so the API does not tell which accounts exist; the reason goes to the audit log.
// Too many failures answer 429 with Retry-After (src/server/auth/login-throttle.ts); a lock applies
// to any name, existing or not, so a 429 does not reveal one either.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuditLog } from '../audit/audit-log';
import {
  accountKey, ACCOUNT_POLICY, ADDRESS_POLICY, addressKey, secretIdKey, type LoginThrottle,
} from '../auth/login-throttle';
import { auditActor, checkOrigin, requireSession, SESSION_COOKIE, type AuthContext } from '../auth/plugin';
import type { Session, SessionRepository } from '../auth/sessions';
import type { AuthFailure, User, UserRepository } from '../auth/users';
import type { CosGateway } from '../cos/cos-gateway';
import { GetSession, Login, Logout, type RouteTypes, type SessionUser } from '../../shared/api';
import { ApiError } from '../errors';

export interface SessionRouteDeps {
  users: UserRepository;
  sessions: SessionRepository;
  audit: AuditLog;
  throttle: LoginThrottle;
  gateway: CosGateway;
  secureCookies: boolean;
  absoluteSeconds: number;
}

/**
 * A restricted account's grants go to the console so it can send the account to the prefixes it may
 * use and offer only the actions they allow (no dead ends: docs/architecture.md "Rules the code
 * keeps"); a grant holds nothing
 * secret. Admins get none: the console does not restrict them. API-key sessions get none either
 * (apiKeyView): COS decides what their key may do, which the server cannot know in advance.
 */
export function accountView(user: User): SessionUser {
  return user.role === 'admin' ? { name: user.name, kind: 'account', role: 'admin' } : { name: user.name, kind: 'account', role: 'user', grants: user.grants };
}

function apiKeyView(session: Session): SessionUser {
  return { name: session.label ?? '', kind: 'api-key', role: 'api-key', temporary: session.credential?.token !== undefined, canListBuckets: session.canListBuckets ?? false };
}

const sessionView = (auth: AuthContext): SessionUser => (auth.kind === 'account' && auth.user ? accountView(auth.user) : apiKeyView(auth.session));

const FAILURE_DETAIL: Record<AuthFailure, string> = {
  'unknown-user': 'unknown user',
  'wrong-password': 'wrong password',
  disabled: 'account disabled',
};

const invalidCredentials = (): ApiError => new ApiError(401, 'InvalidCredentials', 'Incorrect username or password.');

export function sessionRoutes(app: FastifyInstance, deps: SessionRouteDeps): void {
  const startSession = (request: FastifyRequest, reply: FastifyReply, cookie: string): void => {
    // A sign-in replaces the session the browser had, if any: no session fixation, no orphans.
    if (request.auth) deps.sessions.revoke(request.auth.session.idHash);
    reply.setCookie(SESSION_COOKIE, cookie, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.secureCookies,
      path: '/',
      maxAge: deps.absoluteSeconds,
    });
  };

  /** Refuses with 429 while any key is locked; records the refusal. */
  const refuseIfLocked = (request: FastifyRequest, keys: string[], actor: string): void => {
    const waitMs = deps.throttle.lockedFor(keys);
    if (waitMs <= 0) return;
    deps.audit.record({ actor, event: 'login', outcome: 'failed', detail: 'locked', ip: request.ip });
    const seconds = Math.ceil(waitMs / 1000);
    const minutes = Math.ceil(seconds / 60);
    throw new ApiError(429, 'TooManyAttempts', `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, { 'retry-after': String(seconds) });
  };

  app.post<RouteTypes<typeof Login>>(Login.url, {
    // Reachable without a session, so there is no CSRF token yet: the Origin check below stands in,
    // and SameSite=Strict keeps a cross-site form from carrying a session anyway.
    config: { csrf: false },
    // Exactly one of the two ways to sign in (src/shared/api/session.ts LoginBody).
    schema: Login.schema,
  }, async (request, reply) => {
    checkOrigin(request);
    const body = request.body;
    const ip = request.ip;

    if ('secretId' in body) {
      const { secretId, secretKey, token } = body;
      const actor = `api-key:${secretId}`;
      const keys = [addressKey(ip), secretIdKey(secretId)];
      return deps.throttle.serialize(keys, async () => {
        refuseIfLocked(request, keys, actor);
        const key = token ? { secretId, secretKey, token } : { secretId, secretKey };
        let check;
        try {
          check = await deps.gateway.verifyCredential(key);
        } catch (e) {
          // COS did not answer (or answered oddly): not the person's fault, not counted as a failure.
          // Log the code only: the SDK's error objects carry the request it made.
          const err = e as { code?: unknown; message?: unknown };
          request.log.warn({ code: err.code, message: typeof err.message === 'string' ? err.message : undefined }, 'COS could not check an API key');
          throw new ApiError(503, 'CosUnavailable', 'COS could not be reached to check the key; try again.');
        }
        if (!check.valid) {
          deps.throttle.fail(keys[0] ?? '', ADDRESS_POLICY);
          deps.throttle.fail(keys[1] ?? '', ACCOUNT_POLICY);
          deps.audit.record({ actor, event: 'login', outcome: 'failed', detail: `COS refused the key (${check.code})`, ip });
          throw new ApiError(401, 'InvalidCredentials', 'COS did not accept this SecretId and SecretKey.');
        }
        deps.throttle.succeed(secretIdKey(secretId));
        const { cookie, session } = deps.sessions.createApiKey(key, check.canListBuckets);
        startSession(request, reply, cookie);
        deps.audit.record({ actor, event: 'login', outcome: 'ok', detail: check.canListBuckets ? 'api key' : 'api key (may not list buckets)', ip });
        request.log.info({ secretId }, 'signed in with an API key');
        return { user: apiKeyView(session) };
      });
    }

    const { username, password } = body;
    const keys = [addressKey(ip), accountKey(username)];
    return deps.throttle.serialize(keys, async () => {
      refuseIfLocked(request, keys, username);
      const result = await deps.users.check(username, password);
      if (!result.ok) {
        deps.throttle.fail(keys[0] ?? '', ADDRESS_POLICY);
        deps.throttle.fail(keys[1] ?? '', ACCOUNT_POLICY);
        deps.audit.record({ actor: username, event: 'login', outcome: 'failed', detail: FAILURE_DETAIL[result.reason], ip });
        request.log.info({ username }, 'failed sign-in');
        throw invalidCredentials();
      }
      deps.throttle.succeed(accountKey(username));
      const { cookie } = deps.sessions.create(result.user.id);
      startSession(request, reply, cookie);
      deps.audit.record({ actor: result.user.name, event: 'login', outcome: 'ok', detail: 'console account', ip });
      request.log.info({ user: result.user.name }, 'signed in');
      return { user: accountView(result.user) };
    });
  });

  app.get<RouteTypes<typeof GetSession>>(GetSession.url, {
    preHandler: requireSession,
    schema: GetSession.schema,
  }, async (request) => {
    const auth = request.auth!;
    return { user: sessionView(auth), csrfToken: auth.session.csrfToken };
  });

  app.post<RouteTypes<typeof Logout>>(Logout.url, { preHandler: requireSession, schema: Logout.schema }, async (request, reply) => {
    const auth = request.auth!;
    deps.sessions.revoke(auth.session.idHash);
    deps.audit.record({ actor: auditActor(auth), event: 'logout', outcome: 'ok', ip: request.ip });
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: deps.secureCookies });
    return reply.code(204).send();
  });
}
