import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/audit-log';
import type { Grant } from '../../shared/access/grants';
import type { CosGateway } from '../cos/cos-gateway';
import { ADMIN_PASSWORD, expectNoSecret, sessionCookie, signIn, signInWithKey, testApp, type TestApp } from '../test-support';

let t: TestApp | undefined;
let extra: TestApp | undefined;
let dir: string | undefined;
afterEach(async () => {
  await t?.app.close();
  await extra?.app.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  t = extra = dir = undefined;
});

const login = (app: TestApp['app'], payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/login', payload: payload as Record<string, unknown>, headers });

describe('sign-in with a console account', () => {
  it('answers the user and sets an HttpOnly, SameSite=Strict cookie that lives no longer than the session', async () => {
    t = await testApp();
    const res = await login(t.app, { username: 'admin', password: ADMIN_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: { name: 'admin', kind: 'account', role: 'admin' } });
    const cookie = res.cookies.find((c) => c.name === 'cos_console_sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 3600 });
    expect(cookie?.secure).toBeUndefined();
    expect(res.body).not.toContain(cookie?.value);
    expectNoSecret(res, [ADMIN_PASSWORD]);
  });

  it('marks the cookie Secure when the console is served over HTTPS', async () => {
    t = await testApp({}, { config: { sessionIdleSeconds: 600, sessionAbsoluteSeconds: 3600, signSeconds: 900, secureCookies: true } });
    const res = await login(t.app, { username: 'admin', password: ADMIN_PASSWORD });
    expect(res.cookies.find((c) => c.name === 'cos_console_sid')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('shows a restricted account its grants', async () => {
    t = await testApp();
    const grants = [{ bucket: 'photos-1250000000', prefix: 'alice/', permissions: ['list', 'read'] as ('list' | 'read')[] }];
    await t.users.create('alice', 'user', 'alice-password-1', grants);
    const { cookie } = await signIn(t.app, 'alice', 'alice-password-1');
    const res = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(res.json()).toEqual({ user: { name: 'alice', kind: 'account', role: 'user', grants }, csrfToken: expect.any(String) });
  });

  it.each([
    ['wrong password', 'admin', 'not the password', 'wrong password'],
    ['unknown user', 'mallory', ADMIN_PASSWORD, 'unknown user'],
    ['disabled account', 'carol', 'carol-password-1', 'account disabled'],
  ])('refuses a %s with the same 401 and no cookie, and audits the reason', async (_case, username, password, reason) => {
    t = await testApp();
    const carol = await t.users.create('carol', 'user', 'carol-password-1');
    t.users.update(carol.id, { disabled: true });
    const res = await login(t.app, { username, password });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'InvalidCredentials', message: 'Incorrect username or password.' } });
    expect(res.cookies).toHaveLength(0);
    expect(new AuditLog(t.db).list({ event: 'login' })).toEqual([
      expect.objectContaining({ actor: username, outcome: 'failed', detail: reason, ip: '127.0.0.1' }),
    ]);
  });

  it.each([
    ['no fields', {}],
    ['both ways at once', { username: 'admin', password: ADMIN_PASSWORD, secretId: 'AKID', secretKey: 'x' }],
    ['half of each', { username: 'admin', secretKey: 'x' }],
    ['an overlong password', { username: 'admin', password: 'x'.repeat(1025) }],
  ])('answers 400 to a malformed sign-in (%s)', async (_case, payload) => {
    t = await testApp();
    const res = await login(t.app, payload);
    expect(res.statusCode).toBe(400);
    expect(res.cookies).toHaveLength(0);
  });

  it('refuses a sign-in posted from another origin', async () => {
    t = await testApp();
    const res = await login(t.app, { username: 'admin', password: ADMIN_PASSWORD }, { origin: 'http://evil.example', host: 'console.example' });
    expect(res.statusCode).toBe(403);
    expect(res.cookies).toHaveLength(0);
    const same = await login(t.app, { username: 'admin', password: ADMIN_PASSWORD }, { origin: 'http://console.example', host: 'console.example' });
    expect(same.statusCode).toBe(200);
  });

  it('replaces the session the browser already had', async () => {
    t = await testApp();
    const first = await signIn(t.app);
    const again = await login(t.app, { username: 'admin', password: ADMIN_PASSWORD }, { cookie: first.cookie });
    expect(again.statusCode).toBe(200);
    expect(sessionCookie(again)).not.toBe(first.cookie);
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: first.cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: sessionCookie(again) } })).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('refuses a tampered or absent session cookie', async () => {
    t = await testApp();
    const { cookie } = await signIn(t.app);
    const ok = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(ok.statusCode).toBe(200);
    const last = cookie.at(-1) === 'A' ? 'B' : 'A';
    const tampered = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: cookie.slice(0, -1) + last } });
    expect(tampered.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/session' })).statusCode).toBe(401);
  });

  it('stores only a hash of the cookie', async () => {
    t = await testApp();
    const { cookie } = await signIn(t.app);
    const value = cookie.split('=')[1] ?? '';
    const rows = t.db.prepare('SELECT * FROM sessions').all();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(value);
  });

  it('requires the CSRF token and a same origin on state changes', async () => {
    t = await testApp();
    const { cookie, csrf } = await signIn(t.app);
    const noToken = await t.app.inject({ method: 'POST', url: '/api/logout', headers: { cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json()).toMatchObject({ error: { code: 'CsrfTokenMismatch' } });
    const foreign = await t.app.inject({ method: 'POST', url: '/api/logout', headers: { cookie, 'x-csrf-token': csrf, origin: 'http://evil.example', host: 'localhost:80' } });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ error: { code: 'CrossOriginRequest' } });
    const ok = await t.app.inject({ method: 'POST', url: '/api/logout', headers: { cookie, 'x-csrf-token': csrf } });
    expect(ok.statusCode).toBe(204);
  });

  it('revokes the session on logout, clears the cookie and audits it', async () => {
    t = await testApp();
    const { cookie, csrf } = await signIn(t.app);
    const out = await t.app.inject({ method: 'POST', url: '/api/logout', headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.cookies.find((c) => c.name === 'cos_console_sid')).toMatchObject({ value: '', httpOnly: true, sameSite: 'Strict' });
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(401);
    // The old cookie and token cannot be used for anything else either.
    expect((await t.app.inject({ method: 'POST', url: '/api/logout', headers: { cookie, 'x-csrf-token': csrf } })).statusCode).toBe(401);
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM sessions').get()).toEqual({ n: 0 });
    expect(new AuditLog(t.db).list().map((e) => `${e.event}:${e.actor}:${e.outcome}`)).toEqual(['logout:admin:ok', 'login:admin:ok']);
  });

  it('expires idle sessions and sessions past their absolute lifetime', async () => {
    t = await testApp();
    const idle = await signIn(t.app);
    t.clock.now += 601_000;
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: idle.cookie } })).statusCode).toBe(401);

    const busy = await signIn(t.app);
    for (let i = 0; i < 6; i++) {
      t.clock.now += 590_000;
      expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: busy.cookie } })).statusCode).toBe(200);
    }
    t.clock.now += 590_000;
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: busy.cookie } })).statusCode).toBe(401);
  });

  it('deletes expired sessions at the next sign-in, not only when their cookie comes back', async () => {
    t = await testApp();
    await signIn(t.app);
    await signIn(t.app);
    t.clock.now += 601_000;
    await signIn(t.app);
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM sessions').get()).toEqual({ n: 1 });
  });

  it('survives a server restart: a second app on the same database accepts the cookie', async () => {
    dir = mkdtempSync(join(tmpdir(), 'console-restart-'));
    const dbFile = join(dir, 'console.db');
    const clock = { now: Date.UTC(2026, 10, 23, 12, 0, 0) };
    t = await testApp({}, {}, { dbFile, clock });
    const { cookie, csrf } = await signIn(t.app);
    await t.app.close();
    t = undefined;

    clock.now += 60_000;
    extra = await testApp({}, {}, { dbFile, clock });
    const res = await extra.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: { name: 'admin', kind: 'account', role: 'admin' }, csrfToken: csrf });
    // Limits still hold after the restart.
    clock.now += 601_000;
    expect((await extra.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(401);
  });
});

// The console navigates a restricted account by its grants (it lands in the prefixes it may use:
// docs/architecture.md "Rules the code keeps"): /api/session must carry them for such an account, and nothing of the kind for the others.
describe('GET /api/session: grants to navigate by', () => {
  const GRANTS: Grant[] = [
    { bucket: 'photos-1250000000', prefix: '2025/', permissions: ['list', 'read'] },
    { bucket: 'photos-1250000000', prefix: 'team/', permissions: ['list', 'write'] },
    { bucket: 'documents-1250000000', prefix: '', permissions: ['list', 'read', 'write'] },
  ];
  const session = async (app: TestApp['app'], cookie: string) => {
    const res = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    return res.json() as { user: Record<string, unknown>; csrfToken: string };
  };

  it('gives a restricted account every grant, each with exactly bucket, prefix and permissions, at sign-in too', async () => {
    t = await testApp();
    await t.users.create('ann', 'user', 'ann-password-123', GRANTS);
    const res = await login(t.app, { username: 'ann', password: 'ann-password-123' });
    expect(res.json()).toEqual({ user: { name: 'ann', kind: 'account', role: 'user', grants: GRANTS } });
    const body = await session(t.app, sessionCookie(res));
    expect(body.user).toEqual({ name: 'ann', kind: 'account', role: 'user', grants: GRANTS });
    expect(Object.keys((body.user.grants as object[])[0] ?? {}).sort()).toEqual(['bucket', 'permissions', 'prefix']);
  });

  it('follows a change of grants without a new sign-in', async () => {
    t = await testApp();
    const ann = await t.users.create('ann', 'user', 'ann-password-123', GRANTS);
    const { cookie } = await signIn(t.app, 'ann', 'ann-password-123');
    const narrower = [{ bucket: 'photos-1250000000', prefix: '2026/', permissions: ['list'] }] satisfies Grant[];
    t.users.update(ann.id, { grants: narrower });
    expect((await session(t.app, cookie)).user.grants).toEqual(narrower);
  });

  it('gives an admin no grants: the console does not restrict it', async () => {
    t = await testApp();
    const { cookie } = await signIn(t.app);
    const body = await session(t.app, cookie);
    expect(body.user).toEqual({ name: 'admin', kind: 'account', role: 'admin' });
    expect(body.user).not.toHaveProperty('grants');
  });

  it('gives an API-key session no grants: COS decides what its key may do', async () => {
    const gateway: CosGateway = {
      listBuckets: () => Promise.resolve([]),
      verifyCredential: () => Promise.resolve({ valid: true, canListBuckets: true }),
      readSetting: () => Promise.reject(new Error('readSetting is not used here')),
      createBucket: () => Promise.reject(new Error('not used')),
      consoleCorsReachable: () => Promise.reject(new Error('not used')),
      ensureConsoleCors: () => Promise.reject(new Error('not used')),
    };
    t = await testApp({}, { gateway });
    const { cookie } = await signInWithKey(t.app, { secretId: 'AKIDsessionkey000000000000000000001', secretKey: 'session-secret-key-000000000000001' });
    const body = await session(t.app, cookie);
    expect(body.user).toEqual({ name: 'AKIDsessionkey000000000000000000001', kind: 'api-key', role: 'api-key', temporary: false, canListBuckets: true });
    expect(body.user).not.toHaveProperty('grants');
  });
});
