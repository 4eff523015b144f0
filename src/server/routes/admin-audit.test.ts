import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/audit-log';
import { ADMIN_PASSWORD, signIn, testApp, type TestApp } from '../test-support';

let t: TestApp;
let admin: { cookie: string; csrf: string };
beforeEach(async () => {
  t = await testApp();
});
afterEach(async () => t.app.close());

interface Entry { id: number; at: string; actor: string; event: string; outcome: string; detail?: string; resource?: string; ip?: string }
const list = async (query = ''): Promise<{ entries: Entry[]; nextBefore?: number }> => {
  const res = await t.app.inject({ method: 'GET', url: `/api/admin/audit${query}`, headers: { cookie: admin.cookie } });
  expect(res.statusCode).toBe(200);
  return res.json() as { entries: Entry[]; nextBefore?: number };
};
const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/login', payload: { username, password } });

describe('GET /api/admin/audit', () => {
  beforeEach(async () => {
    await t.users.create('alice', 'user', 'alice-password-1');
    await login('alice', 'wrong');
    t.clock.now += 1000;
    await login('mallory', 'guess');
    t.clock.now += 1000;
    admin = await signIn(t.app);
    t.clock.now += 1000;
    await t.app.inject({
      method: 'POST', url: '/api/admin/users', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: { name: 'bob', role: 'user', password: 'bob-password-123' },
    });
  });

  it('lists newest first, with time, actor, event, outcome, reason and address', async () => {
    const { entries, nextBefore } = await list();
    expect(entries.map((e) => [e.event, e.actor, e.outcome, e.detail])).toEqual([
      ['user.create', 'admin', 'ok', 'role user; 0 grants; password set by admin'],
      ['login', 'admin', 'ok', 'console account'],
      ['login', 'mallory', 'failed', 'unknown user'],
      ['login', 'alice', 'failed', 'wrong password'],
    ]);
    expect(entries[0]).toMatchObject({ at: '2026-11-23T12:00:03.000Z', resource: 'bob', ip: '127.0.0.1' });
    expect(nextBefore).toBeUndefined();
  });

  it.each([
    ['?actor=alice', [['login', 'alice']]],
    ['?event=login&outcome=failed', [['login', 'mallory'], ['login', 'alice']]],
    ['?outcome=ok', [['user.create', 'admin'], ['login', 'admin']]],
    ['?event=user.create', [['user.create', 'admin']]],
    ['?actor=nobody', []],
  ])('filters %s', async (query, expected) => {
    expect((await list(query)).entries.map((e) => [e.event, e.actor])).toEqual(expected);
  });

  it('pages with limit and before', async () => {
    const first = await list('?limit=3');
    expect(first.entries).toHaveLength(3);
    expect(first.nextBefore).toBe(first.entries[2]?.id);
    const second = await list(`?limit=3&before=${first.nextBefore}`);
    expect(second.entries.map((e) => e.actor)).toEqual(['alice']);
    expect(second.nextBefore).toBeUndefined();
    const all = await list();
    expect([...first.entries, ...second.entries]).toEqual(all.entries);
  });

  it.each(['?limit=0', '?limit=501', '?outcome=maybe', '?before=0', '?limit=ten'])('refuses %s with 400', async (query) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/admin/audit${query}`, headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(400);
  });

  it('tells the client nothing the audit log knows about why a sign-in failed', async () => {
    const wrong = await login('alice', 'still wrong');
    const unknown = await login('nobody', 'whatever');
    expect(wrong.body).toBe(unknown.body);
    expect(new AuditLog(t.db).list({ event: 'login', outcome: 'failed' }).slice(0, 2).map((e) => e.detail)).toEqual(['unknown user', 'wrong password']);
  });

  it('needs an admin session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/audit' })).statusCode).toBe(401);
    const alice = await signIn(t.app, 'alice', 'alice-password-1');
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/audit', headers: { cookie: alice.cookie } })).statusCode).toBe(403);
    expect((await login('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  });
});
