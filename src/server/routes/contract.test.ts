// The console server's routes are registered with the shared contract's schema objects
// (src/shared/api), the very objects the console checks answers against — found by walking the
// routes buildApp registers, so a route added without a contract fails here.
import { Value } from '@sinclair/typebox/value';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { API_ROUTES, GetSession, ListAudit } from '../../shared/api';
import { listRoutes } from '../app';
import { signIn, testApp, type TestApp } from '../test-support';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.app.close();
  t = undefined;
});

const key = (r: { method: string; url: string }): string => `${r.method} ${r.url}`;

describe('the API contract', () => {
  it('every /api route is registered with its shared schema object, and every shared route is registered', async () => {
    t = await testApp();
    await t.app.ready();
    const registered = listRoutes(t.app).filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');
    const contract = new Map(API_ROUTES.map((r) => [key(r), r]));
    expect(registered.map(key).sort()).toEqual([...contract.keys()].sort());
    for (const route of registered) {
      expect(route.schema, key(route)).toBe(contract.get(key(route))?.schema);
    }
  });

  it('the answers the routes write fit the schemas the console checks them with', async () => {
    t = await testApp();
    const { cookie } = await signIn(t.app);
    const session = await t.app.inject({ method: 'GET', url: GetSession.url, headers: { cookie } });
    expect(Value.Errors(GetSession.schema.response[200], session.json()).First()).toBeUndefined();
    const audit = await t.app.inject({ method: 'GET', url: ListAudit.url, headers: { cookie } });
    expect(audit.statusCode).toBe(200);
    expect((audit.json() as { entries: unknown[] }).entries.length).toBeGreaterThan(0);
    expect(Value.Errors(ListAudit.schema.response[200], audit.json()).First()).toBeUndefined();
  });

  it('a response schema still writes only what it names: an extra field (a secret) never leaks', async () => {
    const app = Fastify({ logger: false });
    let answer: unknown;
    app.get('/session', { schema: GetSession.schema }, async () => answer);
    app.get('/audit', { schema: ListAudit.schema }, async () => answer);
    try {
      for (const user of [
        { name: 'admin', kind: 'account', role: 'admin' },
        { name: 'ann', kind: 'account', role: 'user', grants: [{ bucket: 'b-1250000000', prefix: '', permissions: ['read'] }] },
        { name: 'AKIDx', kind: 'api-key', role: 'api-key', temporary: true, canListBuckets: false },
      ]) {
        answer = { user: { ...user, passwordHash: 'scrypt$secret', credential: { secretKey: 'sk' } }, csrfToken: 't', secretKey: 'sk' };
        const res = await app.inject({ method: 'GET', url: '/session' });
        expect(res.json()).toEqual({ user, csrfToken: 't' });
      }
      const entry = { id: 1, at: '2026-11-23T12:00:00.000Z', actor: 'bob', event: 'sign', outcome: 'allowed', request: 'GET b-1.cos.r.localhost/' };
      answer = { entries: [{ ...entry, token: 'secret-token' }], password: 'p' };
      expect((await app.inject({ method: 'GET', url: '/audit' })).json()).toEqual({ entries: [entry] });
    } finally {
      await app.close();
    }
  });
});
