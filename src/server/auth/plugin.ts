// Session resolution and CSRF defence for /api routes. A state-changing request must carry the
// session's CSRF token in `x-csrf-token`, and when the browser sends `Origin` it must be this host.
// The CSRF check runs for every state-changing route (csrfGuard, an onRequest hook, before body
// validation), so a new route is protected without remembering to ask; a route that must work
// without a session (sign-in) opts out with `config: { csrf: false }` and checks the Origin itself.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, unauthorized } from '../errors';
import type { CosCredential, Session, SessionRepository } from './sessions';
import type { User, UserRepository } from './users';

export const SESSION_COOKIE = 'cos_console_sid';

export interface AuthContext {
  session: Session;
  kind: 'account' | 'api-key';
  /** Account sessions: the console account, read afresh on every request (role, grants, disabled). */
  user?: User;
  /** The account name, or the SecretId of an API-key session. */
  label: string;
  /** API-key sessions: the COS credential, decrypted in memory for this request. Never send it back. */
  credential?: CosCredential;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth?: AuthContext;
  }
  interface FastifyContextConfig {
    /** false: the route is reachable without a session and checks the Origin itself (sign-in only). */
    csrf?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionResolver(sessions: SessionRepository, users: UserRepository) {
  return async function resolveSession(request: FastifyRequest): Promise<void> {
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const session = sessions.resolve(cookie);
    if (!session) return;
    if (session.kind === 'account') {
      const user = session.userId === undefined ? undefined : users.findById(session.userId);
      if (user && !user.disabled) request.auth = { session, kind: 'account', user, label: user.name };
      return;
    }
    if (session.credential) request.auth = { session, kind: 'api-key', label: session.label ?? session.credential.secretId, credential: session.credential };
  };
}

/** onRequest: every state-changing route needs a session, a same-origin request and the CSRF token. */
export async function csrfGuard(request: FastifyRequest): Promise<void> {
  if (SAFE_METHODS.has(request.method)) return;
  // No matched route (404) or an explicit opt-out.
  if (request.routeOptions.url === undefined || request.routeOptions.config.csrf === false) return;
  checkCsrf(request);
}

function checkCsrf(request: FastifyRequest): void {
  if (!request.auth) throw unauthorized();
  checkOrigin(request);
  if (request.headers['x-csrf-token'] !== request.auth.session.csrfToken) {
    throw new ApiError(403, 'CsrfTokenMismatch', 'Missing or wrong x-csrf-token header; reload the page.');
  }
}

/** preHandler: the request must belong to a live session; state changes must pass the CSRF checks. */
export async function requireSession(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  if (!request.auth) throw unauthorized();
  // Also done by csrfGuard; repeated here so a route is safe even in an app without the hook.
  if (!SAFE_METHODS.has(request.method)) checkCsrf(request);
}

export const isAdmin = (auth: AuthContext | undefined): boolean => auth?.kind === 'account' && auth.user?.role === 'admin';

/** preHandler: a console admin's session. API-key sessions are never console admins. */
export async function requireAdmin(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  await requireSession(request, reply);
  if (!isAdmin(request.auth)) throw new ApiError(403, 'Forbidden', 'Only console administrators may do this.');
}

/** The audit log's actor for a session: the account name, or `api-key:<SecretId>`. */
export const auditActor = (auth: AuthContext): string => (auth.kind === 'account' ? auth.label : `api-key:${auth.label}`);

export function checkOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    host = '';
  }
  if (host !== request.headers.host) throw new ApiError(403, 'CrossOriginRequest', 'Cross-origin requests to the console API are refused.');
}
