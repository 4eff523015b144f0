// Helpers for server tests: an app on an in-memory database with a known admin password.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from './app';
import { UserRepository } from './auth/users';
import type { CosTarget } from './config';
import { openDatabase } from './db/database';

export const ADMIN_PASSWORD = 'correct horse battery staple';

export interface TestApp {
  app: FastifyInstance;
  clock: { now: number };
  users: UserRepository;
}

export async function testApp(cos: Partial<CosTarget> = {}, overrides: Partial<AppOptions> = {}): Promise<TestApp> {
  const db = openDatabase(':memory:');
  const clock = { now: Date.UTC(2026, 10, 23, 12, 0, 0) };
  const users = new UserRepository(db, () => clock.now);
  await users.ensureAdmin(ADMIN_PASSWORD);
  const app = await buildApp({
    db,
    cos: { mode: 'local', secretId: 'AKIDSERVER', secretKey: 'server-secret-key', ip: '127.0.0.1:1', browserDomain: '', protocol: 'http:', defaultRegion: 'ap-guangzhou', ...cos },
    config: { sessionIdleSeconds: 600, sessionAbsoluteSeconds: 3600, signSeconds: 900, secureCookies: false },
    now: () => clock.now,
    logger: false,
    ...overrides,
  });
  return { app, clock, users };
}

/** Signs in and returns the cookie header and CSRF token of the new session. */
export async function signIn(app: FastifyInstance, username = 'admin', password = ADMIN_PASSWORD): Promise<{ cookie: string; csrf: string }> {
  const login = await app.inject({ method: 'POST', url: '/api/login', payload: { username, password } });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  const cookie = sessionCookie(login);
  const session = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
  return { cookie, csrf: (session.json() as { csrfToken: string }).csrfToken };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'cos_console_sid');
  if (!c) throw new Error('no session cookie');
  return `${c.name}=${c.value}`;
}
