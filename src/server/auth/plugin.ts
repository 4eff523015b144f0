// Session resolution and CSRF defence for /api routes. A state-changing request must carry the
// session's CSRF token in `x-csrf-token`, and when the browser sends `Origin` it must be this host.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, unauthorized } from '../errors';
import type { Session, SessionRepository } from './sessions';
import type { User, UserRepository } from './users';

export const SESSION_COOKIE = 'cos_console_sid';

export interface AuthContext {
  session: Session;
  user: User;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth?: AuthContext;
  }
}

export function sessionResolver(sessions: SessionRepository, users: UserRepository) {
  return async function resolveSession(request: FastifyRequest): Promise<void> {
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const session = sessions.resolve(cookie);
    const user = session && users.findById(session.userId);
    if (session && user && !user.disabled) request.auth = { session, user };
  };
}

/** preHandler: the request must belong to a live session; state changes must pass the CSRF checks. */
export async function requireSession(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  if (!request.auth) throw unauthorized();
  if (request.method === 'GET' || request.method === 'HEAD') return;
  checkOrigin(request);
  if (request.headers['x-csrf-token'] !== request.auth.session.csrfToken) {
    throw new ApiError(403, 'CsrfTokenMismatch', 'Missing or wrong x-csrf-token header; reload the page.');
  }
}

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
