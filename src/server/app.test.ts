// Properties of the whole app rather than one route: every state-changing route refuses a request
// without the CSRF token (found by walking the registered routes, so a new route is covered
// automatically), and every response carries the security headers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listRoutes } from './app';
import { signIn, testApp, type TestApp } from './test-support';

let t: TestApp | undefined;
let dir: string | undefined;
afterEach(async () => {
  await t?.app.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  t = dir = undefined;
});

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** A concrete URL for a route pattern (`:name` → `admin`, wildcards → a path). */
const concrete = (url: string): string => url.replace(/:[A-Za-z]+/g, 'admin').replace(/\*/g, 'x');

describe('CSRF on every state-changing route', () => {
  it('refuses each one without the token, with a foreign Origin, and without a session — and changes nothing', async () => {
    t = await testApp();
    const { cookie, csrf } = await signIn(t.app);
    await t.app.ready();
    const stateChanging = listRoutes(t.app).filter((r) => !SAFE.has(r.method));
    // Only sign-in opts out (it checks the Origin itself, tested in session.test.ts).
    expect(stateChanging.filter((r) => !r.csrf).map((r) => `${r.method} ${r.url}`)).toEqual(['POST /api/login']);
    const guarded = stateChanging.filter((r) => r.csrf);
    // The walk found the routes this issue added, so it cannot pass by finding none.
    expect(guarded.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining([
      'POST /api/logout', 'POST /api/sign', 'POST /api/admin/users', 'PATCH /api/admin/users/:name', 'POST /api/admin/users/:name/password',
    ]));

    const usersBefore = t.db.prepare('SELECT name, role, disabled, password_hash, grants FROM users ORDER BY id').all();
    for (const route of guarded) {
      const url = concrete(route.url);
      const method = route.method as 'POST';
      const payload = { name: 'eve', role: 'admin', password: 'eve-password-123', disabled: true };
      const noToken = await t.app.inject({ method, url, headers: { cookie }, payload });
      expect(noToken.statusCode, `${route.method} ${route.url} without a token`).toBe(403);
      expect(noToken.json()).toMatchObject({ error: { code: 'CsrfTokenMismatch' } });
      const wrongToken = await t.app.inject({ method, url, headers: { cookie, 'x-csrf-token': `${csrf}x` }, payload });
      expect(wrongToken.statusCode, `${route.method} ${route.url} with a wrong token`).toBe(403);
      const foreign = await t.app.inject({ method, url, headers: { cookie, 'x-csrf-token': csrf, origin: 'http://evil.example', host: 'console.example' }, payload });
      expect(foreign.statusCode, `${route.method} ${route.url} from another origin`).toBe(403);
      expect(foreign.json()).toMatchObject({ error: { code: 'CrossOriginRequest' } });
      const anonymous = await t.app.inject({ method, url, payload });
      expect(anonymous.statusCode, `${route.method} ${route.url} without a session`).toBe(401);
    }
    expect(t.db.prepare('SELECT name, role, disabled, password_hash, grants FROM users ORDER BY id').all()).toEqual(usersBefore);
    // The session is still there: no refused request logged it out.
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(200);
  });
});

describe('security headers', () => {
  const expectHeaders = (headers: Record<string, unknown>): void => {
    expect(headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'; "
      + "img-src 'self' data: blob: http://127.0.0.1:9100 http://*.localhost:9100; media-src 'self' blob: http://127.0.0.1:9100 http://*.localhost:9100; "
      + "connect-src 'self' http://127.0.0.1:9100 http://*.localhost:9100; style-src 'self' 'unsafe-inline'; font-src 'self' data:",
    );
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('strict-origin');
    expect(headers['strict-transport-security']).toBeUndefined();
  };

  it('are on API answers, errors, the SPA and its assets', async () => {
    dir = mkdtempSync(join(tmpdir(), 'console-dist-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="/assets/app.js"></script>');
    writeFileSync(join(dir, 'app.js'), 'export {}');
    t = await testApp({ ip: '127.0.0.1:9100', browserDomain: 'http://127.0.0.1:9100/{Bucket}', browserServiceDomain: 'http://127.0.0.1:9100' }, { distDir: dir });
    const { cookie } = await signIn(t.app);
    const answers = await Promise.all([
      t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } }),
      t.app.inject({ method: 'GET', url: '/api/session' }),
      t.app.inject({ method: 'POST', url: '/api/logout', headers: { cookie } }),
      t.app.inject({ method: 'GET', url: '/api/nope' }),
      t.app.inject({ method: 'POST', url: '/api/login', payload: {} }),
      t.app.inject({ method: 'GET', url: '/buckets/photos-1250000000/objects' }),
      t.app.inject({ method: 'GET', url: '/app.js' }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 401, 403, 404, 400, 200, 200]);
    for (const a of answers) expectHeaders(a.headers);
    // API answers are never cached; the SPA's own caching is left to the static server.
    expect(answers.slice(0, 5).map((a) => a.headers['cache-control'])).toEqual(Array<string>(5).fill('no-store'));
  });
});
