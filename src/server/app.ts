// buildApp: the console server as a Fastify instance, ready to listen or to inject requests into.
// scripts/start.ts does the listening (docs/architecture.md, "The parts").
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerFactory } from 'fastify';
import { randomBytes } from 'node:crypto';
import { createServer as createHttpsServer } from 'node:https';
import { AuditLog } from './audit/audit-log';
import { createCredentialBox, KEY_BYTES, loadOrCreateSecretFile } from './auth/credential-box';
import { LoginThrottle } from './auth/login-throttle';
import { csrfGuard, sessionResolver } from './auth/plugin';
import { SessionRepository } from './auth/sessions';
import { UserRepository } from './auth/users';
import { DEFAULT_STS_SECONDS, type CosTarget, type ServerConfig, type TrustProxy } from './config';
import { createCosGateway, type CosGateway } from './cos/cos-gateway';
import type { Db } from './db/database';
import { ApiError } from './errors';
import { ipInCidr, readCidr } from '../shared/net/cidr';
import { adminAuditRoutes } from './routes/admin-audit';
import { adminUserRoutes } from './routes/admin-users';
import { bucketRoutes } from './routes/buckets';
import { historyRoutes } from './routes/history';
import { HistoryStore } from './history/history-store';
import { metaRoutes } from './routes/meta';
import { sessionRoutes } from './routes/session';
import { signRoutes } from './routes/sign';
import { stsRoutes } from './routes/sts';
import { createStsProvider, type StsProvider } from './sts';
import { SigningKeys } from './sts/signing-keys';
import { RegionPolicy } from './region-policy';
import { securityHeaders } from './security-headers';
import { serveSpa } from './static';

export interface AppOptions {
  db: Db;
  cos: CosTarget;
  config: Pick<ServerConfig, 'sessionIdleSeconds' | 'sessionAbsoluteSeconds' | 'signSeconds' | 'secureCookies'>
    // The key for API-key sessions' credentials: consoleSecret, else `<dataDir>/console-secret.key`;
    // with neither (API-only tests), a key for this process only.
    & Partial<Pick<ServerConfig, 'consoleSecret' | 'dataDir'>>
    // Temporary keys' lifetime (default 1800 s); TRUST_PROXY (default false, config-proxy.ts).
    & Partial<Pick<ServerConfig, 'stsSeconds' | 'trustProxy'>>;
  /**
   * TLS_CERT_FILE/TLS_KEY_FILE contents: serve HTTPS. Given here because Fastify takes its server at
   * construction. Implies HSTS.
   */
  https?: { cert: Buffer; key: Buffer };
  /** The built SPA to serve; omitted in API-only tests. */
  distDir?: string;
  gateway?: CosGateway;
  /** Where temporary keys come from; default: cos-local's STS (local mode) or qcloud-cos-sts (cloud mode). */
  sts?: StsProvider;
  now?: () => number;
  logger?: boolean;
  /** Log lines (JSON) go here instead of stdout: tests scan them for secrets. */
  logStream?: { write(line: string): void };
}

/** A registered route; `csrf: false` for the routes that opted out of the CSRF check (sign-in). */
export interface RouteEntry {
  method: string;
  url: string;
  csrf: boolean;
  /** The `schema` it was registered with (API routes: the shared contract's, src/shared/api). */
  schema: unknown;
}
/** Every registered route, for tests that must cover all of them (CSRF refusal, the API contract). */
const ROUTES = new WeakMap<FastifyInstance, RouteEntry[]>();
export const listRoutes = (app: FastifyInstance): readonly RouteEntry[] => ROUTES.get(app) ?? [];

// Never log a secret: cookies, signatures, CSRF tokens, and the body fields of sign-in and the
// admin API, wherever a log line carries them.
const REDACT = [
  'req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]',
  'password', 'secretKey', 'token', 'credential', 'generatedPassword',
  '*.password', '*.secretKey', '*.SecretKey', '*.token', '*.credential', '*.generatedPassword', '*.TmpSecretKey', '*.SecurityToken',
];

/**
 * TRUST_PROXY as Fastify's option. A hop count becomes "trust the n nearest hops, whatever their
 * address" (Express's meaning): Fastify 5 ignores a bare number, since it cannot tell the proxy from a
 * client that reaches the server directly — README says to keep the console reachable only through
 * the proxy then, and prefers a list of proxy addresses.
 */
function trustProxyOption(t: TrustProxy): boolean | ((address: string, hop: number) => boolean) {
  if (typeof t === 'number') return (_address, hop) => hop < t;
  if (typeof t !== 'object') return t;
  // A list: the addresses/CIDRs config-proxy.ts accepted, matched by the same code that read them.
  const blocks = t.map((entry) => {
    const r = readCidr(entry);
    if (!r.ok) throw new Error(`TRUST_PROXY: "${entry}" is not an IP address or CIDR: ${r.reason}`);
    return r.value;
  });
  return (address) => blocks.some((block) => ipInCidr(address, block));
}

/** Fastify serves an https.Server like an http.Server (it is one, to Node's types too). */
const httpsFactory = (tls: { cert: Buffer; key: Buffer }): FastifyServerFactory => (handler) => createHttpsServer({ cert: tls.cert, key: tls.key }, handler);

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const now = options.now ?? Date.now;
  const app = Fastify({
    logger: options.logger === false ? false : { level: 'info', redact: REDACT, ...(options.logStream ? { stream: options.logStream } : {}) },
    bodyLimit: 1024 * 1024,
    // request.ip (sign-in throttle, audit log) and request.protocol come from X-Forwarded-* only
    // from trusted proxies (config-proxy.ts).
    trustProxy: trustProxyOption(options.config.trustProxy ?? false),
    // An https.Server is an http.Server to Fastify's types; Fastify serves it the same way.
    ...(options.https ? { serverFactory: httpsFactory(options.https) } : {}),
  });
  const users = new UserRepository(options.db, now);
  const secret = options.config.consoleSecret
    ?? (options.config.dataDir !== undefined ? loadOrCreateSecretFile(options.config.dataDir) : randomBytes(KEY_BYTES));
  const sessions = new SessionRepository(options.db, { idleSeconds: options.config.sessionIdleSeconds, absoluteSeconds: options.config.sessionAbsoluteSeconds }, now, createCredentialBox(secret));
  const audit = new AuditLog(options.db, now);
  const throttle = new LoginThrottle(options.db, now);
  const gateway = options.gateway ?? createCosGateway(options.cos);
  const headers = securityHeaders(options.cos, { https: options.config.secureCookies || options.https !== undefined });
  const regions = new RegionPolicy(options.cos.allowedRegions);

  const routes: RouteEntry[] = [];
  ROUTES.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, csrf: route.config?.csrf !== false, schema: route.schema });
  });

  await app.register(fastifyCookie);
  app.addHook('onRequest', sessionResolver(sessions, users));
  app.addHook('onRequest', csrfGuard);
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(headers);
    // API answers are per session (CSRF token, user, audit): never stored by a cache.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  // One error handler: API errors keep their status and code; validation errors are 400; anything
  // else is logged and answered without internals.
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) return reply.code(error.status).headers(error.headers).send({ error: { code: error.code, message: error.message } });
    if (error.validation) return reply.code(400).send({ error: { code: 'BadRequest', message: error.message } });
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const message = status < 500 ? error.message : 'Internal error; see the server log.';
    return reply.code(status).send({ error: { code: status < 500 ? (error.code ?? 'BadRequest') : 'InternalError', message } });
  });

  metaRoutes(app, { cos: options.cos, gateway });
  sessionRoutes(app, { users, sessions, audit, throttle, gateway, secureCookies: options.config.secureCookies, absoluteSeconds: options.config.sessionAbsoluteSeconds });
  const sts = options.sts ?? createStsProvider(options.cos);
  const stsSeconds = options.config.stsSeconds ?? DEFAULT_STS_SECONDS;
  const serverKey = { secretId: options.cos.secretId, secretKey: options.cos.secretKey };
  const keys = new SigningKeys(sts, serverKey, {
    durationSeconds: stsSeconds,
    // A signature (SIGN_SECONDS) must fit in the key that makes it.
    minRemainingSeconds: Math.min(options.config.signSeconds + 60, Math.floor(stsSeconds / 2)),
    stsRegion: options.cos.defaultRegion,
    now,
  });
  adminUserRoutes(app, { users, sessions, audit, forgetKeys: (userId) => keys.forget(userId) });
  adminAuditRoutes(app, { audit });
  signRoutes(app, { credential: serverKey, signSeconds: options.config.signSeconds, now, audit, keys, regions });
  stsRoutes(app, { provider: sts, credential: serverKey, durationSeconds: stsSeconds, audit, regions });
  bucketRoutes(app, { gateway, audit, regions });
  historyRoutes(app, { gateway, audit, regions, now, history: new HistoryStore(options.db, now) });
  if (options.distDir) await serveSpa(app, options.distDir);
  return app;
}
