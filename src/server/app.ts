// buildApp: the console server as a Fastify instance, ready to listen or to inject requests into.
// main.ts and scripts/start.ts do the listening (DESIGN.md §5).
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { sessionResolver } from './auth/plugin';
import { SessionRepository } from './auth/sessions';
import { UserRepository } from './auth/users';
import type { CosTarget, ServerConfig } from './config';
import { createCosGateway, type CosGateway } from './cos/cos-gateway';
import type { Db } from './db/database';
import { ApiError } from './errors';
import { bucketRoutes } from './routes/buckets';
import { metaRoutes } from './routes/meta';
import { sessionRoutes } from './routes/session';
import { signRoutes } from './routes/sign';
import { serveSpa } from './static';

export interface AppOptions {
  db: Db;
  cos: CosTarget;
  config: Pick<ServerConfig, 'sessionIdleSeconds' | 'sessionAbsoluteSeconds' | 'signSeconds' | 'secureCookies'>;
  /** The built SPA to serve; omitted in API-only tests. */
  distDir?: string;
  gateway?: CosGateway;
  now?: () => number;
  logger?: boolean;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
} as const;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const now = options.now ?? Date.now;
  const app = Fastify({
    logger: options.logger === false ? false : { level: 'info', redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'] },
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  });
  const users = new UserRepository(options.db, now);
  const sessions = new SessionRepository(options.db, { idleSeconds: options.config.sessionIdleSeconds, absoluteSeconds: options.config.sessionAbsoluteSeconds }, now);
  const gateway = options.gateway ?? createCosGateway(options.cos);

  await app.register(fastifyCookie);
  app.addHook('onRequest', sessionResolver(sessions, users));
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    return payload;
  });

  // One error handler: API errors keep their status and code; validation errors are 400; anything
  // else is logged and answered without internals.
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) return reply.code(error.status).send({ error: { code: error.code, message: error.message } });
    if (error.validation) return reply.code(400).send({ error: { code: 'BadRequest', message: error.message } });
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const message = status < 500 ? error.message : 'Internal error; see the server log.';
    return reply.code(status).send({ error: { code: status < 500 ? (error.code ?? 'BadRequest') : 'InternalError', message } });
  });

  metaRoutes(app, { cos: options.cos, gateway });
  sessionRoutes(app, { users, sessions, secureCookies: options.config.secureCookies, absoluteSeconds: options.config.sessionAbsoluteSeconds });
  signRoutes(app, { credential: options.cos, signSeconds: options.config.signSeconds, now });
  bucketRoutes(app, { gateway });
  if (options.distDir) await serveSpa(app, options.distDir);
  return app;
}
