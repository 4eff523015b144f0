// Helpers for server tests: an app on an in-memory database with a known admin password.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from './app';
import { UserRepository } from './auth/users';
import type { CosTarget } from './config';
import { openDatabase, type Db } from './db/database';

export const ADMIN_PASSWORD = 'correct horse battery staple';

export interface TestApp {
  app: FastifyInstance;
  clock: { now: number };
  users: UserRepository;
  db: Db;
}

export interface TestAppStorage {
  /** A database file instead of ':memory:' (restart tests build a second app on it). */
  dbFile?: string;
  /** Start the clock here instead of 2026-11-23T12:00Z. */
  clock?: { now: number };
}

export async function testApp(cos: Partial<CosTarget> = {}, overrides: Partial<AppOptions> = {}, storage: TestAppStorage = {}): Promise<TestApp> {
  const db = openDatabase(storage.dbFile ?? ':memory:');
  const clock = storage.clock ?? { now: Date.UTC(2026, 10, 23, 12, 0, 0) };
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
  // The database belongs to the test app: closed with it.
  app.addHook('onClose', async () => {
    if (db.open) db.close();
  });
  return { app, clock, users, db };
}

/** Signs in and returns the cookie header and CSRF token of the new session. */
export async function signIn(app: FastifyInstance, username = 'admin', password = ADMIN_PASSWORD): Promise<{ cookie: string; csrf: string }> {
  const login = await app.inject({ method: 'POST', url: '/api/login', payload: { username, password } });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  const cookie = sessionCookie(login);
  const session = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
  return { cookie, csrf: (session.json() as { csrfToken: string }).csrfToken };
}

/** Signs in with a COS API key; returns the cookie, CSRF token and the raw responses (for secret scans). */
export async function signInWithKey(
  app: FastifyInstance,
  key: { secretId: string; secretKey: string; token?: string },
): Promise<{ cookie: string; csrf: string; responses: LightMyRequestResponse[] }> {
  const login = await app.inject({ method: 'POST', url: '/api/login', payload: key });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  const cookie = sessionCookie(login);
  const session = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
  return { cookie, csrf: (session.json() as { csrfToken: string }).csrfToken, responses: [login, session] };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'cos_console_sid');
  if (!c) throw new Error('no session cookie');
  return `${c.name}=${c.value}`;
}

/**
 * Fails when any of the secrets appears in a response: body, headers (Set-Cookie included) or status
 * line. For tests that prove a SecretKey or password is never sent back.
 */
export function expectNoSecret(res: LightMyRequestResponse, secrets: readonly string[]): void {
  const text = `${res.statusCode} ${res.statusMessage}\n${JSON.stringify(res.headers)}\n${res.body}`;
  for (const secret of secrets) {
    if (secret !== '' && text.includes(secret)) throw new Error(`a secret appeared in the response to ${res.raw.req.method} ${res.raw.req.url}`);
  }
}

/** For unit tests' stand-in gateways that never create buckets or touch CORS. */
export const unusedBucketWrites = {
  createBucket: (): Promise<void> => Promise.reject(new Error('createBucket is not used by this test')),
  ensureConsoleCors: (): Promise<'added' | 'present'> => Promise.reject(new Error('ensureConsoleCors is not used by this test')),
  consoleCorsReachable: (): Promise<boolean> => Promise.reject(new Error('consoleCorsReachable is not used by this test')),
  readSetting: (): Promise<never> => Promise.reject(new Error('readSetting is not used by this test')),
};
