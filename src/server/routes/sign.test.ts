import { afterEach, describe, expect, it } from 'vitest';
import { httpString } from '../../shared/signature/canonical';
import { authorizationFields, parseAuthorization } from '../../shared/signature/parse';
import { computeSignature } from '../../shared/signature/sign';
import { fakeStsProvider, StsFailure, type FakeStsProvider } from '../sts/fake-provider';
import { signIn, signInWithKey, testApp, type TestApp } from '../test-support';
import { unusedBucketWrites } from '../test-support';

let t: TestApp;
afterEach(async () => t?.app.close());

const request = {
  Method: 'get',
  Pathname: '/',
  Query: { prefix: 'docs/', delimiter: '/', 'max-keys': 1000 },
  Headers: { Host: 'demo-1250000000.cos.ap-guangzhou.myqcloud.com' },
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
    const http = httpString('get', '/', { prefix: 'docs/', delimiter: '/', 'max-keys': '1000' }, { host: 'demo-1250000000.cos.ap-guangzhou.myqcloud.com' });
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

describe('POST /api/sign for console accounts with grants and for API-key sessions', () => {
  const BUCKET = 'demo-1250000000';
  const grants = [
    { bucket: BUCKET, prefix: 'docs/', permissions: ['list', 'read'] as ('list' | 'read' | 'share')[] },
    { bucket: BUCKET, prefix: 'public/', permissions: ['share'] as ('list' | 'read' | 'share')[] },
  ];
  const sign = async (session: { cookie: string; csrf: string }, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/sign', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, payload: { ...request, ...payload } });

  async function withFakeSts(): Promise<{ sts: FakeStsProvider; bob: { cookie: string; csrf: string } }> {
    const sts = fakeStsProvider(() => t.clock.now);
    t = await testApp({}, { sts });
    await t.users.create('bob', 'user', 'bob-password-1', grants);
    return { sts, bob: await signIn(t.app, 'bob', 'bob-password-1') };
  }

  it('signs in-scope requests with a temporary key scoped to the grants, token included, one key for many requests', async () => {
    const { sts, bob } = await withFakeSts();
    const list = await sign(bob, {});
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({ Authorization: expect.stringContaining('q-ak=AKIDtmp1&'), SecurityToken: 'token-1' });
    const get = await sign(bob, { Method: 'GET', Pathname: '/docs/a.txt', Query: {} });
    expect(get.json()).toMatchObject({ SecurityToken: 'token-1' });
    expect(sts.calls).toHaveLength(1);
    // The key is asked for with the server's credential and exactly the grants' resources.
    expect(sts.calls[0]?.credential).toEqual({ secretId: 'AKIDSERVER', secretKey: 'server-secret-key' });
    const resources = new Set(sts.calls[0]?.policy.statement.flatMap((s) => s.resource));
    expect([...resources].sort()).toEqual([`qcs::cos:ap-guangzhou:uid/1250000000:${BUCKET}/`, `qcs::cos:ap-guangzhou:uid/1250000000:${BUCKET}/docs/*`]);
    expect(JSON.stringify(sts.calls[0]?.policy)).not.toContain('cos:*');
  });

  it('drops the cached key when an admin resets the account\'s password', async () => {
    const { sts, bob } = await withFakeSts();
    await sign(bob, {});
    await sign(bob, {});
    expect(sts.calls).toHaveLength(1);
    const admin = await signIn(t.app);
    const reset = await t.app.inject({ method: 'POST', url: '/api/admin/users/bob/password', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, payload: { password: 'bob-password-2' } });
    expect(reset.statusCode).toBe(200);
    const again = await signIn(t.app, 'bob', 'bob-password-2');
    expect((await sign(again, {})).json()).toMatchObject({ SecurityToken: 'token-2' });
    expect(sts.calls).toHaveLength(2);
  });

  it('renews the key before a signature would outlive it', async () => {
    const { sts, bob } = await withFakeSts();
    await sign(bob, {});
    t.clock.now += 300_000; // 600 s left of 900 (STS_SECONDS' default): above the renewal threshold, min(SIGN_SECONDS + 60, half the life)
    await sign(bob, {});
    expect(sts.calls).toHaveLength(1);
    t.clock.now += 200_000; // 400 s left: less than half
    const res = await sign(bob, {});
    expect(sts.calls).toHaveLength(2);
    expect(res.json()).toMatchObject({ SecurityToken: 'token-2' });
  });

  it('refuses out-of-scope requests with 403 naming the missing permission, and audits both outcomes', async () => {
    const { sts, bob } = await withFakeSts();
    const res = await sign(bob, { Method: 'PUT', Pathname: '/docs/a.txt', Query: {} });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ error: { code: 'Forbidden', message: `"bob" may not PUT ${BUCKET}/docs/a.txt (name/cos:PutObject): it needs write on ${BUCKET}/docs/a.txt.` } });
    expect(sts.calls).toHaveLength(0);
    await sign(bob, {});
    const rows = t.db.prepare("SELECT actor, event, action, resource, outcome, ip FROM audit WHERE event = 'sign' ORDER BY id").all();
    expect(rows).toEqual([
      { actor: 'bob', event: 'sign', action: 'name/cos:PutObject', resource: `${BUCKET}/docs/a.txt`, outcome: 'refused', ip: '127.0.0.1' },
      { actor: 'bob', event: 'sign', action: 'name/cos:GetBucket', resource: `${BUCKET}/docs/`, outcome: 'allowed', ip: '127.0.0.1' },
    ]);
  });

  it('signs a share link (Expires) with a key for that one object, only with share', async () => {
    const { sts, bob } = await withFakeSts();
    const share = await sign(bob, { Method: 'GET', Pathname: '/public/p.pdf', Query: {}, Expires: 3600 });
    expect(share.statusCode).toBe(200);
    const keyTime = /q-key-time=(\d+);(\d+)/.exec((share.json() as { Authorization: string }).Authorization);
    expect(Number(keyTime?.[2]) - Number(keyTime?.[1])).toBe(3600);
    expect(sts.calls[0]?.durationSeconds).toBe(3600);
    expect(sts.calls[0]?.policy.statement.map((s) => [s.action, s.resource])).toEqual([
      [['name/cos:GetObject'], [`qcs::cos:ap-guangzhou:uid/1250000000:${BUCKET}/public/p.pdf`]],
      [['name/cos:HeadObject'], [`qcs::cos:ap-guangzhou:uid/1250000000:${BUCKET}/public/p.pdf`]],
    ]);
    // read is not share; a share is GET/HEAD of an object; at most 2 h.
    expect((await sign(bob, { Method: 'GET', Pathname: '/docs/a.txt', Query: {}, Expires: 600 })).json().error.message).toContain(`needs share on ${BUCKET}/docs/a.txt`);
    expect((await sign(bob, { Method: 'PUT', Pathname: '/public/p.pdf', Query: {}, Expires: 600 })).json().error.message).toContain('only GET and HEAD of an object can be shared');
    expect((await sign(bob, { Method: 'GET', Pathname: '/public/p.pdf', Query: {}, Expires: 7201 })).statusCode).toBe(400);
  });

  it('answers 502 when no temporary key can be had, and never falls back to the server key', async () => {
    const { sts, bob } = await withFakeSts();
    sts.failWith = new StsFailure('refused', 'UnauthorizedOperation', 'no');
    const res = await sign(bob, {});
    expect(res.statusCode).toBe(502);
    expect(res.json().error.code).toBe('StsError');
    expect(res.body).not.toContain('Authorization');
  });

  it('signs for an API-key session with its own key (COS decides), token included for a temporary one', async () => {
    const gateway = { listBuckets: async () => [], verifyCredential: async () => ({ valid: true as const, canListBuckets: true }), ...unusedBucketWrites };
    t = await testApp({}, { gateway });
    const session = await signInWithKey(t.app, { secretId: 'AKIDsessionkey', secretKey: 'session-secret-key', token: 'session-token' });
    const res = await sign(session, { Method: 'DELETE', Pathname: '/anything', Query: {} });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { Authorization: string; SecurityToken: string };
    expect(body.SecurityToken).toBe('session-token');
    const parsed = parseAuthorization(authorizationFields(body.Authorization));
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.value.accessKeyId).toBe('AKIDsessionkey');
    const http = httpString('DELETE', '/anything', {}, { host: 'demo-1250000000.cos.ap-guangzhou.myqcloud.com' });
    expect(parsed.value.signature).toBe(computeSignature('session-secret-key', parsed.value.keyTime, parsed.value.signTime, http));
  });
});

describe('POST /api/sign binds every signature to its bucket', () => {
  const PATH_HOST = { Host: '127.0.0.1:9000' };
  const asAdmin = async (): Promise<{ sts: FakeStsProvider; admin: { cookie: string; csrf: string } }> => {
    const sts = fakeStsProvider(() => t.clock.now);
    t = await testApp({}, { sts });
    return { sts, admin: await signIn(t.app) };
  };
  const sign = (session: { cookie: string; csrf: string }, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/sign', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, payload: { ...request, ...payload } });
  const keyOf = (authorization: string): string => {
    const parsed = parseAuthorization(authorizationFields(authorization));
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.value.accessKeyId;
  };

  it('signs a virtual-hosted request of an admin with the server key, without STS', async () => {
    const { sts, admin } = await asAdmin();
    const res = await sign(admin, { Method: 'DELETE', Pathname: '/a.txt', Query: {} });
    expect(res.statusCode).toBe(200);
    expect(keyOf((res.json() as { Authorization: string }).Authorization)).toBe('AKIDSERVER');
    expect(sts.calls).toHaveLength(0);
  });

  it('signs a path-style request of an admin with a key allowed that one action in that one bucket', async () => {
    const { sts, admin } = await asAdmin();
    const res = await sign(admin, { Method: 'DELETE', Pathname: '/a.txt', Query: {}, Headers: PATH_HOST });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { Authorization: string; SecurityToken: string };
    expect(keyOf(body.Authorization)).toBe('AKIDtmp1');
    expect(body.SecurityToken).toBe('token-1');
    expect(sts.calls).toHaveLength(1);
    expect(sts.calls[0]?.credential.secretId).toBe('AKIDSERVER');
    expect(sts.calls[0]?.policy).toEqual({
      version: '2.0',
      statement: [{ effect: 'allow', action: ['name/cos:DeleteObject'], resource: ['qcs::cos:ap-guangzhou:uid/1250000000:demo-1250000000/*'] }],
    });
    // The same action in the same bucket reuses the key; another bucket gets its own.
    await sign(admin, { Method: 'DELETE', Pathname: '/b.txt', Query: {}, Headers: PATH_HOST });
    expect(sts.calls).toHaveLength(1);
    await sign(admin, { Method: 'DELETE', Pathname: '/b.txt', Query: {}, Headers: PATH_HOST, Bucket: 'other-1250000000' });
    expect(sts.calls).toHaveLength(2);
  });

  it.each([
    ['a service request on a path-style host', { Bucket: '', Pathname: '/', Query: {}, Headers: PATH_HOST }, /service host/],
    ['a Host naming another bucket, for an operation it cannot narrow', { Method: 'PATCH', Headers: { Host: 'other-1250000000.cos.ap-guangzhou.myqcloud.com' } }, /does not name the bucket/],
    ['a path-style request without a region', { Region: undefined, Headers: PATH_HOST }, /Region is required/],
  ])('refuses %s', async (_name, payload, message) => {
    const { sts, admin } = await asAdmin();
    const res = await sign(admin, payload);
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { message: string } }).error.message).toMatch(message);
    expect(sts.calls).toHaveLength(0);
  });

  it('binds a path-style request of an API-key session with a temporary key of its own, and refuses when it has none', async () => {
    const sts = fakeStsProvider(() => t.clock.now);
    const gateway = { listBuckets: async () => [], verifyCredential: async () => ({ valid: true as const, canListBuckets: true }), ...unusedBucketWrites };
    t = await testApp({}, { gateway, sts });
    const permanent = await signInWithKey(t.app, { secretId: 'AKIDpermanent', secretKey: 'permanent-secret-key' });
    const res = await sign(permanent, { Headers: PATH_HOST });
    expect(res.statusCode).toBe(200);
    expect(sts.calls[0]?.credential).toEqual({ secretId: 'AKIDpermanent', secretKey: 'permanent-secret-key' });
    expect(keyOf((res.json() as { Authorization: string }).Authorization)).toBe('AKIDtmp1');

    const temporary = await signInWithKey(t.app, { secretId: 'AKIDtemporary', secretKey: 'temporary-secret-key', token: 't' });
    const refused = await sign(temporary, { Headers: PATH_HOST });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: 'HostNotBound', message: expect.stringContaining('virtual-hosted') } });
    expect(sts.calls).toHaveLength(1);
  });

  it('records the canonical request a signature covers in the audit log', async () => {
    const { admin } = await asAdmin();
    await sign(admin, { Headers: { Host: 'demo-1250000000.cos.ap-guangzhou.myqcloud.com', 'x-cos-security-token': 'abcdef' } });
    const row = t.db.prepare("SELECT request FROM audit WHERE event = 'sign'").get() as { request: string };
    expect(row.request).toBe(
      'GET demo-1250000000.cos.ap-guangzhou.myqcloud.com/?delimiter=%2F&max-keys=1000&prefix=docs%2F\n'
      + 'signed headers: host=demo-1250000000.cos.ap-guangzhou.myqcloud.com&x-cos-security-token=%286%20characters%29',
    );
    const listed = await t.app.inject({ method: 'GET', url: '/api/admin/audit?event=sign', headers: { cookie: admin.cookie } });
    expect((listed.json() as { entries: { request?: string }[] }).entries[0]?.request).toBe(row.request);
  });
});
