import { afterEach, describe, expect, it } from 'vitest';
import { httpString } from '../../shared/signature/canonical';
import { authorizationFields, parseAuthorization } from '../../shared/signature/parse';
import { computeSignature } from '../../shared/signature/sign';
import { signIn, testApp, type TestApp } from '../test-support';

let t: TestApp;
afterEach(async () => t?.app.close());

const request = {
  Method: 'get',
  Pathname: '/',
  Query: { prefix: 'docs/', delimiter: '/', 'max-keys': 1000 },
  Headers: { Host: '127.0.0.1:9000' },
  Bucket: 'demo-1250000000',
  Region: 'ap-guangzhou',
};

describe('POST /api/sign', () => {
  it('signs exactly the method, path, query and headers it was given, with the server key', async () => {
    t = await testApp();
    const { cookie, csrf } = await signIn(t.app);
    const res = await t.app.inject({ method: 'POST', url: '/api/sign', headers: { cookie, 'x-csrf-token': csrf }, payload: request });
    expect(res.statusCode).toBe(200);
    const { Authorization } = res.json() as { Authorization: string };
    const parsed = parseAuthorization(authorizationFields(Authorization));
    if (!parsed.ok) throw new Error(parsed.reason);
    const a = parsed.value;
    expect(a.accessKeyId).toBe('AKIDSERVER');
    expect(a.urlParamList).toEqual(['delimiter', 'max-keys', 'prefix']);
    expect(a.headerList).toEqual(['host']);
    const nowSec = Math.round(t.clock.now / 1000);
    expect(a.keyTime).toBe(`${nowSec - 1};${nowSec - 1 + 900}`);
    const http = httpString('get', '/', { prefix: 'docs/', delimiter: '/', 'max-keys': '1000' }, { host: '127.0.0.1:9000' });
    expect(a.signature).toBe(computeSignature('server-secret-key', a.keyTime, a.signTime, http));
    expect(Authorization).not.toContain('server-secret-key');
  });

  it('needs a session and the CSRF token, and refuses an unsigned Host', async () => {
    t = await testApp();
    expect((await t.app.inject({ method: 'POST', url: '/api/sign', payload: request })).statusCode).toBe(401);
    const { cookie, csrf } = await signIn(t.app);
    expect((await t.app.inject({ method: 'POST', url: '/api/sign', headers: { cookie }, payload: request })).statusCode).toBe(403);
    const noHost = await t.app.inject({ method: 'POST', url: '/api/sign', headers: { cookie, 'x-csrf-token': csrf }, payload: { ...request, Headers: {} } });
    expect(noHost.statusCode).toBe(400);
  });

  it('refuses a console account without grants, naming what was asked', async () => {
    t = await testApp();
    await t.users.create('bob', 'user', 'bob-password-1');
    const { cookie, csrf } = await signIn(t.app, 'bob', 'bob-password-1');
    const res = await t.app.inject({ method: 'POST', url: '/api/sign', headers: { cookie, 'x-csrf-token': csrf }, payload: request });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'Forbidden', message: expect.stringContaining('GET demo-1250000000/') } });
  });
});
