import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/audit-log';
import { ADMIN_PASSWORD, expectNoSecret, signIn, testApp, type TestApp } from '../test-support';

let t: TestApp;
let admin: { cookie: string; csrf: string };
beforeEach(async () => {
  t = await testApp();
  admin = await signIn(t.app);
});
afterEach(async () => t.app.close());

type Method = 'GET' | 'POST' | 'PATCH';
const call = (method: Method, url: string, payload?: unknown, as = admin) =>
  t.app.inject({ method, url, headers: { cookie: as.cookie, 'x-csrf-token': as.csrf }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const loginStatus = async (username: string, password: string): Promise<number> =>
  (await t.app.inject({ method: 'POST', url: '/api/login', payload: { username, password } })).statusCode;
const sessionStatus = async (cookie: string): Promise<number> =>
  (await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode;
const audit = () => new AuditLog(t.db).list();

const GRANTS = [{ bucket: 'photos-1250000000', prefix: 'alice/', permissions: ['list', 'read', 'write'] }];

describe('admin users API', () => {
  it('creates an account with a generated password, returned once', async () => {
    const res = await call('POST', '/api/admin/users', { name: 'alice', role: 'user', grants: GRANTS });
    expect(res.statusCode).toBe(201);
    const body = res.json() as { user: unknown; generatedPassword: string };
    expect(body.user).toEqual({ name: 'alice', role: 'user', disabled: false, grants: GRANTS, createdAt: '2026-11-23T12:00:00.000Z' });
    expect(body.generatedPassword).toMatch(/^[\w-]{20}$/);
    expect(await loginStatus('alice', body.generatedPassword)).toBe(200);
    // Never again: not in the listing, not in the audit log, not in the database.
    const list = await call('GET', '/api/admin/users');
    expectNoSecret(list, [body.generatedPassword]);
    expect(JSON.stringify(audit())).not.toContain(body.generatedPassword);
    expect(JSON.stringify(t.db.prepare('SELECT * FROM users').all())).not.toContain(body.generatedPassword);
    expect(audit()[1]).toMatchObject({
      actor: 'admin', event: 'user.create', resource: 'alice', outcome: 'ok',
      detail: 'role user; 1 grant: photos-1250000000/alice/ (list, read, write); password generated',
    });
  });

  it('creates an account with a chosen password, and lists accounts without secrets', async () => {
    const res = await call('POST', '/api/admin/users', { name: 'bob', role: 'admin', password: 'bob-password-123' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ user: { name: 'bob', role: 'admin', disabled: false, grants: [], createdAt: expect.any(String) } });
    expectNoSecret(res, ['bob-password-123']);
    expect(await loginStatus('bob', 'bob-password-123')).toBe(200);
    const list = await call('GET', '/api/admin/users');
    expect((list.json() as { users: { name: string }[] }).users.map((u) => u.name)).toEqual(['admin', 'bob']);
    expect(list.body).not.toMatch(/password|scrypt/);
  });

  it.each([
    ['a bucket that is not name-appid', [{ bucket: 'photos', prefix: '', permissions: ['read'] }], 'grant 1: bucket must look like name-appid'],
    ['an unknown permission', [{ bucket: 'photos-1250000000', prefix: '', permissions: ['read', 'admin'] }], 'grant 1: permissions must be a non-empty subset of list, read, write, delete, share, settings'],
    ['a leading slash', [{ bucket: 'photos-1250000000', prefix: '/a', permissions: ['read'] }], 'grant 1: prefix must be a key prefix without a leading /'],
  ])('refuses grants with %s, with the reason', async (_case, grants, reason) => {
    const created = await call('POST', '/api/admin/users', { name: 'alice', role: 'user', grants });
    expect(created.statusCode).toBe(400);
    expect(created.json()).toEqual({ error: { code: 'InvalidGrants', message: reason } });
    await call('POST', '/api/admin/users', { name: 'carol', role: 'user' });
    const patched = await call('PATCH', '/api/admin/users/carol', { grants });
    expect(patched.json()).toEqual({ error: { code: 'InvalidGrants', message: reason } });
  });

  it.each([
    ['a short password', { name: 'dave', role: 'user', password: 'short' }],
    ['a bad name', { name: '../dave', role: 'user' }],
    ['an unknown role', { name: 'dave', role: 'root' }],
  ])('refuses %s with 400', async (_case, body) => {
    expect((await call('POST', '/api/admin/users', body)).statusCode).toBe(400);
    expect(t.users.findByName('dave')).toBeUndefined();
  });

  it('refuses a name that exists', async () => {
    const res = await call('POST', '/api/admin/users', { name: 'admin', role: 'user' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'UserExists' } });
  });

  it('edits role and grants; the change applies to live sessions at once', async () => {
    await call('POST', '/api/admin/users', { name: 'alice', role: 'user', password: 'alice-password-1' });
    const alice = await signIn(t.app, 'alice', 'alice-password-1');
    const res = await call('PATCH', '/api/admin/users/alice', { grants: GRANTS });
    expect(res.json()).toMatchObject({ user: { name: 'alice', role: 'user', grants: GRANTS } });
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: alice.cookie } })).json()).toMatchObject({ user: { grants: GRANTS } });
    await call('PATCH', '/api/admin/users/alice', { role: 'admin' });
    expect((await call('GET', '/api/admin/users', undefined, alice)).statusCode).toBe(200);
    expect(audit().filter((e) => e.event === 'user.update').map((e) => e.detail)).toEqual([
      'role user → admin',
      '1 grant: photos-1250000000/alice/ (list, read, write)',
    ]);
  });

  it('disabling ends the account\'s sessions and refuses its sign-in; enabling lets it back', async () => {
    await call('POST', '/api/admin/users', { name: 'alice', role: 'user', password: 'alice-password-1' });
    const a1 = await signIn(t.app, 'alice', 'alice-password-1');
    const a2 = await signIn(t.app, 'alice', 'alice-password-1');
    const res = await call('PATCH', '/api/admin/users/alice', { disabled: true });
    expect(res.json()).toMatchObject({ user: { disabled: true } });
    expect([await sessionStatus(a1.cookie), await sessionStatus(a2.cookie)]).toEqual([401, 401]);
    expect(t.db.prepare("SELECT COUNT(*) AS n FROM sessions WHERE kind = 'account'").get()).toEqual({ n: 1 });
    expect(await loginStatus('alice', 'alice-password-1')).toBe(401);
    expect(audit().find((e) => e.event === 'user.update')).toMatchObject({ resource: 'alice', detail: 'disabled (2 sessions ended)' });
    await call('PATCH', '/api/admin/users/alice', { disabled: false });
    expect(await loginStatus('alice', 'alice-password-1')).toBe(200);
    // The admin's own session was not touched.
    expect(await sessionStatus(admin.cookie)).toBe(200);
  });

  it('resets a password (generated, returned once): old password and sessions stop working', async () => {
    await call('POST', '/api/admin/users', { name: 'alice', role: 'user', password: 'alice-password-1' });
    const alice = await signIn(t.app, 'alice', 'alice-password-1');
    const res = await call('POST', '/api/admin/users/alice/password');
    expect(res.statusCode).toBe(200);
    const { generatedPassword } = res.json() as { generatedPassword: string };
    expect(generatedPassword).toMatch(/^[\w-]{20}$/);
    expect(await sessionStatus(alice.cookie)).toBe(401);
    expect(await loginStatus('alice', 'alice-password-1')).toBe(401);
    expect(await loginStatus('alice', generatedPassword)).toBe(200);
    expect(audit().find((e) => e.event === 'password.reset')).toMatchObject({ actor: 'admin', resource: 'alice', detail: 'generated; 1 session ended' });
    expect(JSON.stringify(audit())).not.toContain(generatedPassword);
  });

  it('resets a password to a chosen one, without echoing it', async () => {
    await call('POST', '/api/admin/users', { name: 'alice', role: 'user', password: 'alice-password-1' });
    const res = await call('POST', '/api/admin/users/alice/password', { password: 'alice-password-2' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({});
    expect(await loginStatus('alice', 'alice-password-2')).toBe(200);
  });

  it('answers 404 for an unknown account', async () => {
    expect((await call('PATCH', '/api/admin/users/nobody', { disabled: true })).json()).toMatchObject({ error: { code: 'NoSuchUser' } });
    expect((await call('POST', '/api/admin/users/nobody/password', {})).statusCode).toBe(404);
  });

  describe('lock-out guards', () => {
    it('the built-in admin cannot be disabled or demoted, even by another admin', async () => {
      await call('POST', '/api/admin/users', { name: 'bob', role: 'admin', password: 'bob-password-123' });
      const bob = await signIn(t.app, 'bob', 'bob-password-123');
      for (const change of [{ disabled: true }, { role: 'user' }]) {
        const res = await call('PATCH', '/api/admin/users/admin', change, bob);
        expect(res.statusCode).toBe(409);
        expect(res.json()).toMatchObject({ error: { code: 'ProtectedAccount' } });
      }
      // Harmless edits of it are fine.
      expect((await call('PATCH', '/api/admin/users/admin', { role: 'admin' }, bob)).statusCode).toBe(200);
    });

    it('nobody disables or demotes their own account', async () => {
      await call('POST', '/api/admin/users', { name: 'bob', role: 'admin', password: 'bob-password-123' });
      const bob = await signIn(t.app, 'bob', 'bob-password-123');
      for (const change of [{ disabled: true }, { role: 'user' }]) {
        const res = await call('PATCH', '/api/admin/users/bob', change, bob);
        expect(res.statusCode).toBe(409);
        expect(res.json()).toMatchObject({ error: { code: 'SelfLockout' } });
      }
      expect(t.users.findByName('bob')).toMatchObject({ role: 'admin', disabled: false });
    });
  });

  it('refuses non-admins with 403, whatever they ask', async () => {
    await call('POST', '/api/admin/users', { name: 'alice', role: 'user', password: 'alice-password-1', grants: GRANTS });
    const alice = await signIn(t.app, 'alice', 'alice-password-1');
    const attempts = await Promise.all([
      call('GET', '/api/admin/users', undefined, alice),
      call('POST', '/api/admin/users', { name: 'eve', role: 'admin', password: 'eve-password-123' }, alice),
      call('PATCH', '/api/admin/users/alice', { role: 'admin' }, alice),
      call('POST', '/api/admin/users/admin/password', { password: 'taken-over-12345' }, alice),
      call('GET', '/api/admin/audit', undefined, alice),
    ]);
    expect(attempts.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403]);
    expect(attempts[0]?.json()).toEqual({ error: { code: 'Forbidden', message: 'Only console administrators may do this.' } });
    expect(t.users.findByName('eve')).toBeUndefined();
    expect(t.users.findByName('alice')?.role).toBe('user');
    expect(await loginStatus('admin', ADMIN_PASSWORD)).toBe(200);
  });
});
