// Server-side bucket actions against a real cos-local: an admin creates a bucket, and "let this
// console reach the bucket" adds the minimal CORS rule for the console's origin exactly once — after
// which a browser-style preflight from that origin is allowed (issue 5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAccounts } from '../../src/cos-local/accounts';
import { startCosLocal, type RunningCosLocal } from '../../src/cos-local/app';
import { signIn, testApp, type TestApp } from '../../src/server/test-support';

const SECRET_ID = 'AKIDbucketadminbucketadmin00000000';
const SECRET_KEY = 'bucketadminbucketadminbucketad00';
const ORIGIN = 'http://console.localhost:3000';
let cosLocal: RunningCosLocal;
let t: TestApp;
let admin: { cookie: string; csrf: string };

beforeAll(async () => {
  cosLocal = await startCosLocal({ memory: true, port: 0, accounts: defaultAccounts(SECRET_ID, SECRET_KEY), log: () => undefined });
  t = await testApp({ secretId: SECRET_ID, secretKey: SECRET_KEY, ip: `127.0.0.1:${cosLocal.port}` }, { now: Date.now });
  admin = await signIn(t.app);
});
afterAll(async () => {
  await t.app.close();
  await cosLocal.close();
});

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

  it('is for admins only', async () => {
    await t.users.create('viewer', 'user', 'viewer-password-123');
    const viewer = await signIn(t.app, 'viewer', 'viewer-password-123');
    expect((await post('/api/buckets', { name: 'nope-1250000000', region: 'ap-beijing' }, viewer)).statusCode).toBe(403);
    expect((await post('/api/buckets/made-1250000000/console-cors', { region: 'ap-beijing' }, viewer)).statusCode).toBe(403);
  });
});
