import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, signIn, testApp, type TestApp } from '../test-support';

let t: TestApp;
afterEach(async () => t?.app.close());

describe('sign-in and sessions', () => {
  it('signs in the admin with an HttpOnly, SameSite=Strict cookie', async () => {
    t = await testApp();
    const res = await t.app.inject({ method: 'POST', url: '/api/login', payload: { username: 'admin', password: ADMIN_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: { name: 'admin', role: 'admin' } });
    const cookie = res.cookies.find((c) => c.name === 'cos_console_sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(res.body).not.toContain(cookie?.value);
  });

  it.each([
    ['wrong password', 'admin', 'not the password'],
    ['unknown user', 'mallory', ADMIN_PASSWORD],
  ])('refuses a %s with 401 and no cookie', async (_case, username, password) => {
    t = await testApp();
    const res = await t.app.inject({ method: 'POST', url: '/api/login', payload: { username, password } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'InvalidCredentials', message: 'Incorrect username or password.' } });
    expect(res.cookies).toHaveLength(0);
  });

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

  it('requires the CSRF token and a same origin on state changes', async () => {
    t = await testApp();
    const { cookie, csrf } = await signIn(t.app);
    const noToken = await t.app.inject({ method: 'POST', url: '/api/logout', headers: { cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json()).toMatchObject({ error: { code: 'CsrfTokenMismatch' } });
    const foreign = await t.app.inject({ method: 'POST', url: '/api/logout', headers: { cookie, 'x-csrf-token': csrf, origin: 'http://evil.example', host: 'localhost:80' } });
    expect(foreign.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url: '/api/logout', headers: { cookie, 'x-csrf-token': csrf } });
    expect(ok.statusCode).toBe(204);
  });

  it('revokes the session on logout', async () => {
    t = await testApp();
    const { cookie, csrf } = await signIn(t.app);
    await t.app.inject({ method: 'POST', url: '/api/logout', headers: { cookie, 'x-csrf-token': csrf } });
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(401);
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
});
