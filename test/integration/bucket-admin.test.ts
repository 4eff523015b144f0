// Server-side bucket actions against a real cos-local: an admin creates a bucket, and "let this console
// reach the bucket" adds the minimal CORS rule for the console's origin exactly once — after which a
// browser-style preflight from that origin is allowed (docs/cos-behaviour.md "CORS"). The status check
// (GET) tells the console whether that rule is needed; API-key sessions check and fix with their own
// keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountsFile } from '../../src/cos-local/accounts';
import { startCosLocal, type RunningCosLocal } from '../../src/cos-local/app';
import { signIn, signInWithKey, testApp, type TestApp } from '../../src/server/test-support';

const SECRET_ID = 'AKIDbucketadminbucketadmin00000000';
const SECRET_KEY = 'bucketadminbucketadminbucketad00';
// CAM sub-users signing in with their own API keys: `corsadmin` may read and write the CORS of
// open-1250000000 (nothing else), `nobody` has no policy at all — COS (cos-local) decides.
const CORS_ADMIN = { secretId: 'AKIDbucketadmincorsadmin0000000001', secretKey: 'bucketadmincorsadminsecretkey0001' };
const NOBODY = { secretId: 'AKIDbucketadminnobody0000000000001', secretKey: 'bucketadminnobodysecretkey0000001' };
const ACCOUNTS: AccountsFile = {
  accounts: [{
    uin: '100000000001', appId: '1250000000', secretId: SECRET_ID, secretKey: SECRET_KEY,
    subUsers: [
      {
        uin: '100000000021', name: 'corsadmin', ...CORS_ADMIN,
        policies: [{ version: '2.0', statement: [{ effect: 'allow', action: ['name/cos:GetBucketCORS', 'name/cos:PutBucketCORS'], resource: ['qcs::cos:ap-beijing:uid/1250000000:open-1250000000/*'] }] }],
      },
      { uin: '100000000022', name: 'nobody', ...NOBODY, policies: [] },
    ],
  }],
};
const ORIGIN = 'http://console.localhost:3000';
let cosLocal: RunningCosLocal;
let t: TestApp;
let admin: { cookie: string; csrf: string };

beforeAll(async () => {
  cosLocal = await startCosLocal({ memory: true, port: 0, accounts: ACCOUNTS, log: () => undefined });
  t = await testApp({ secretId: SECRET_ID, secretKey: SECRET_KEY, ip: `127.0.0.1:${cosLocal.port}` }, { now: Date.now });
  admin = await signIn(t.app);
});
afterAll(async () => {
  await t.app.close();
  await cosLocal.close();
});

const get = (url: string, who: { cookie: string } = admin) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie, host: 'console.localhost:3000' } });

const post = (url: string, payload: object, who = admin) =>
  t.app.inject({ method: 'POST', url, payload, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, origin: ORIGIN, host: 'console.localhost:3000' } });

const preflight = (bucket: string, method: string): Promise<Response> =>
  fetch(`${cosLocal.url}/${bucket}/any.txt`, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': method } });

describe('bucket administration', () => {
  it('creates a bucket with the server credential, and reports COS refusals with their code', async () => {
    const created = await post('/api/buckets', { name: 'made-1250000000', region: 'ap-beijing' });
    expect(created.statusCode).toBe(201);
    const list = await t.app.inject({ method: 'GET', url: '/api/buckets', headers: { cookie: admin.cookie } });
    expect((list.json() as { buckets: { name: string; region: string }[] }).buckets).toContainEqual(expect.objectContaining({ name: 'made-1250000000', region: 'ap-beijing' }));
    const again = await post('/api/buckets', { name: 'made-1250000000', region: 'ap-beijing' });
    expect(again.statusCode).toBe(409);
    expect((again.json() as { error: { code: string } }).error.code).toBe('BucketAlreadyOwnedByYou');
    const bad = await post('/api/buckets', { name: 'Bad_Name-1250000000', region: 'ap-beijing' });
    expect(bad.statusCode).toBe(400);
  });

  it('adds the console CORS rule once; the origin may then preflight every console method', async () => {
    expect((await preflight('made-1250000000', 'PUT')).status).toBe(403);
    const first = await post('/api/buckets/made-1250000000/console-cors', { region: 'ap-beijing' });
    expect(first.json()).toEqual({ status: 'added', origin: ORIGIN });
    for (const method of ['GET', 'PUT', 'POST', 'DELETE', 'HEAD']) {
      const r = await preflight('made-1250000000', method);
      expect(r.status, method).toBe(200);
      expect(r.headers.get('access-control-expose-headers') ?? '').toContain('ETag');
    }
    expect((await post('/api/buckets/made-1250000000/console-cors', { region: 'ap-beijing' })).json()).toEqual({ status: 'present', origin: ORIGIN });
    const audit = await t.app.inject({ method: 'GET', url: '/api/admin/audit?event=settings.cors', headers: { cookie: admin.cookie } });
    expect((audit.json() as { entries: unknown[] }).entries).toHaveLength(2);
  });

  it('reports whether the bucket lets the console in: not before the rule, yes after it', async () => {
    expect((await post('/api/buckets', { name: 'open-1250000000', region: 'ap-beijing' })).statusCode).toBe(201);
    const before = await get('/api/buckets/open-1250000000/console-cors?region=ap-beijing');
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({ reachable: false, origin: ORIGIN });
    // made-1250000000 got the rule in the test above.
    expect((await get('/api/buckets/made-1250000000/console-cors?region=ap-beijing')).json()).toEqual({ reachable: true, origin: ORIGIN });
    // A bucket that does not exist: COS's own answer.
    const missing = await get('/api/buckets/missing-1250000000/console-cors?region=ap-beijing');
    expect(missing.statusCode).toBe(404);
    expect((missing.json() as { error: { code: string } }).error.code).toBe('NoSuchBucket');
  });

  it('lets an API-key session check and fix with its own key, as far as COS allows that key', async () => {
    const corsAdmin = await signInWithKey(t.app, CORS_ADMIN);
    expect((await get('/api/buckets/open-1250000000/console-cors?region=ap-beijing', corsAdmin)).json()).toEqual({ reachable: false, origin: ORIGIN });
    expect((await preflight('open-1250000000', 'DELETE')).status).toBe(403);
    const fixed = await post('/api/buckets/open-1250000000/console-cors', { region: 'ap-beijing' }, corsAdmin);
    expect(fixed.json()).toEqual({ status: 'added', origin: ORIGIN });
    expect((await preflight('open-1250000000', 'DELETE')).status).toBe(200);
    expect((await get('/api/buckets/open-1250000000/console-cors?region=ap-beijing', corsAdmin)).json()).toEqual({ reachable: true, origin: ORIGIN });

    // A key whose owner may not read or change the bucket's CORS: COS refuses, and so does the console.
    const nobody = await signInWithKey(t.app, NOBODY);
    const check = await get('/api/buckets/open-1250000000/console-cors?region=ap-beijing', nobody);
    expect(check.statusCode).toBe(403);
    expect((check.json() as { error: { code: string } }).error.code).toBe('AccessDenied');
    const refused = await post('/api/buckets/made-1250000000/console-cors', { region: 'ap-beijing' }, nobody);
    expect(refused.statusCode).toBe(403);
    expect((refused.json() as { error: { code: string } }).error.code).toBe('AccessDenied');
    const audit = await t.app.inject({ method: 'GET', url: '/api/admin/audit?event=settings.cors', headers: { cookie: admin.cookie } });
    const entries = (audit.json() as { entries: { actor: string; outcome: string }[] }).entries;
    expect(entries.slice(0, 2)).toEqual([
      expect.objectContaining({ actor: `api-key:${NOBODY.secretId}`, outcome: 'failed' }),
      expect.objectContaining({ actor: `api-key:${CORS_ADMIN.secretId}`, outcome: 'ok' }),
    ]);
  });

  it('is for admins only', async () => {
    await t.users.create('viewer', 'user', 'viewer-password-123');
    const viewer = await signIn(t.app, 'viewer', 'viewer-password-123');
    expect((await post('/api/buckets', { name: 'nope-1250000000', region: 'ap-beijing' }, viewer)).statusCode).toBe(403);
    const fix = await post('/api/buckets/made-1250000000/console-cors', { region: 'ap-beijing' }, viewer);
    expect(fix.statusCode).toBe(403);
    expect((fix.json() as { error: { message: string } }).error.message).toContain('ask an administrator');
    // Without a grant on the bucket a console account may not even ask.
    expect((await get('/api/buckets/made-1250000000/console-cors?region=ap-beijing', viewer)).statusCode).toBe(403);
  });
});
