// Sign-in with a console account, the session, and sign-out (DESIGN.md §4).
import type { FastifyInstance } from 'fastify';
import { checkOrigin, requireSession, SESSION_COOKIE } from '../auth/plugin';
import type { SessionRepository } from '../auth/sessions';
import type { UserRepository } from '../auth/users';
import { ApiError } from '../errors';

const userSchema = {
  type: 'object',
  properties: { name: { type: 'string' }, role: { type: 'string', enum: ['admin', 'user'] } },
  required: ['name', 'role'],
} as const;

const errorSchema = {
  type: 'object',
  properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } } },
} as const;

export interface SessionRouteDeps {
  users: UserRepository;
  sessions: SessionRepository;
  secureCookies: boolean;
  absoluteSeconds: number;
}

export function sessionRoutes(app: FastifyInstance, deps: SessionRouteDeps): void {
  app.post<{ Body: { username: string; password: string } }>('/api/login', {
    schema: {
      body: {
        type: 'object',
        properties: { username: { type: 'string', minLength: 1, maxLength: 128 }, password: { type: 'string', minLength: 1, maxLength: 1024 } },
        required: ['username', 'password'],
        additionalProperties: false,
      },
      response: { 200: { type: 'object', properties: { user: userSchema } }, 401: errorSchema },
    },
  }, async (request, reply) => {
    checkOrigin(request);
    const user = await deps.users.authenticate(request.body.username, request.body.password);
    if (!user) {
      request.log.info({ username: request.body.username }, 'failed sign-in');
      throw new ApiError(401, 'InvalidCredentials', 'Incorrect username or password.');
    }
    const { cookie } = deps.sessions.create(user.id);
    reply.setCookie(SESSION_COOKIE, cookie, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.secureCookies,
      path: '/',
      maxAge: deps.absoluteSeconds,
    });
    request.log.info({ user: user.name }, 'signed in');
    return { user: { name: user.name, role: user.role } };
  });

  app.get('/api/session', {
    preHandler: requireSession,
    schema: {
      response: {
        200: { type: 'object', properties: { user: userSchema, csrfToken: { type: 'string' } }, required: ['user', 'csrfToken'] },
        401: errorSchema,
      },
    },
  }, async (request) => {
    const auth = request.auth!;
    return { user: { name: auth.user.name, role: auth.user.role }, csrfToken: auth.session.csrfToken };
  });

  app.post('/api/logout', { preHandler: requireSession, schema: { response: { 204: { type: 'null' } } } }, async (request, reply) => {
    deps.sessions.revoke(request.auth!.session.idHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: deps.secureCookies });
    return reply.code(204).send();
  });
}
