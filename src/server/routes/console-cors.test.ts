// GET/POST /api/buckets/:bucket/console-cors by kind of session: which key the server asks COS with
// (the server's, or an API-key session's own), and who is refused. COS itself is a stand-in here;
// test/integration/bucket-admin.test.ts runs the same routes against cos-local.
import { afterEach, describe, expect, it } from 'vitest';
import type { CosGateway, CosKey } from '../cos/cos-gateway';
import { signIn, signInWithKey, testApp, type TestApp } from '../test-support';

interface Call {
  op: 'check' | 'fix';
  bucket: string;
  region: string;
  origin: string;
  secretId: string | undefined;
}

function recordingGateway(calls: Call[], reachable = false): CosGateway {
  const record = (op: Call['op'], bucket: string, region: string, origin: string, key?: CosKey) =>
    calls.push({ op, bucket, region, origin, secretId: key?.secretId });
  return {
    listBuckets: () => Promise.resolve([]),
    verifyCredential: () => Promise.resolve({ valid: true, canListBuckets: true }),
    readSetting: () => Promise.reject(new Error('readSetting is not used here')),
    createBucket: () => Promise.reject(new Error('not used')),
    consoleCorsReachable: (bucket, region, origin, key) => {
      record('check', bucket, region, origin, key);
      return Promise.resolve(reachable);
    },
    ensureConsoleCors: (bucket, region, origin, key) => {
      record('fix', bucket, region, origin, key);
      return Promise.resolve('added');
    },
  };
}

const ORIGIN = 'http://console.localhost:3000';
const HOST = 'console.localhost:3000';
const USER_KEY = { secretId: 'AKIDsessionkey000000000000000000001', secretKey: 'session-secret-key-000000000000001' };

let t: TestApp | undefined;
afterEach(async () => {
  await t?.app.close();
  t = undefined;
});

const check = (app: TestApp['app'], who: { cookie: string }, bucket = 'photos-1250000000', region = 'ap-guangzhou') =>
  app.inject({ method: 'GET', url: `/api/buckets/${bucket}/console-cors?region=${region}`, headers: { cookie: who.cookie, host: HOST } });
const fix = (app: TestApp['app'], who: { cookie: string; csrf: string }, bucket = 'photos-1250000000') =>
  app.inject({ method: 'POST', url: `/api/buckets/${bucket}/console-cors`, payload: { region: 'ap-guangzhou' }, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, origin: ORIGIN, host: HOST } });

async function auditEvents(app: TestApp['app'], event: string): Promise<{ actor: string; outcome: string }[]> {
  const admin = await signIn(app);
  const res = await app.inject({ method: 'GET', url: `/api/admin/audit?event=${event}`, headers: { cookie: admin.cookie } });
  return (res.json() as { entries: { actor: string; outcome: string }[] }).entries;
}

describe('GET /api/buckets/:bucket/console-cors', () => {
  it('answers reachable and the console origin (from the Host when the browser sends no Origin), with the server key for an admin', async () => {
    const calls: Call[] = [];
    t = await testApp({}, { gateway: recordingGateway(calls, true) });
    const admin = await signIn(t.app);
    const res = await check(t.app, admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ reachable: true, origin: ORIGIN });
    expect(calls).toEqual([{ op: 'check', bucket: 'photos-1250000000', region: 'ap-guangzhou', origin: ORIGIN, secretId: undefined }]);
    expect(await auditEvents(t.app, 'settings.cors.check')).toEqual([expect.objectContaining({ actor: 'admin', outcome: 'ok' })]);
  });

  it('asks with an API-key session\'s own key', async () => {
    const calls: Call[] = [];
    t = await testApp({}, { gateway: recordingGateway(calls) });
    const session = await signInWithKey(t.app, USER_KEY);
    expect((await check(t.app, session)).json()).toEqual({ reachable: false, origin: ORIGIN });
    expect(calls.map((c) => c.secretId)).toEqual([USER_KEY.secretId]);
  });

  it('lets a console account ask only about a bucket its grants name (server key)', async () => {
    const calls: Call[] = [];
    t = await testApp({}, { gateway: recordingGateway(calls) });
    await t.users.create('carol', 'user', 'carol-password-123', [{ bucket: 'photos-1250000000', prefix: 'carol/', permissions: ['list'] }]);
    const carol = await signIn(t.app, 'carol', 'carol-password-123');
    expect((await check(t.app, carol)).statusCode).toBe(200);
    const other = await check(t.app, carol, 'logs-1250000000');
    expect(other.statusCode).toBe(403);
    expect(calls).toEqual([expect.objectContaining({ bucket: 'photos-1250000000', secretId: undefined })]);
    expect((await auditEvents(t.app, 'settings.cors.check')).map((e) => e.outcome)).toEqual(['refused', 'ok']);
  });

  it('validates the region and needs a session', async () => {
    t = await testApp({}, { gateway: recordingGateway([]) });
    const admin = await signIn(t.app);
    expect((await check(t.app, admin, 'photos-1250000000', 'Bad_Region')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/buckets/photos-1250000000/console-cors' , headers: { cookie: admin.cookie } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/buckets/photos-1250000000/console-cors?region=ap-guangzhou' })).statusCode).toBe(401);
  });
});

describe('POST /api/buckets/:bucket/console-cors', () => {
  it('fixes with the server key for an admin and with the session key for an API-key session', async () => {
    const calls: Call[] = [];
    t = await testApp({}, { gateway: recordingGateway(calls) });
    const admin = await signIn(t.app);
    expect((await fix(t.app, admin)).json()).toEqual({ status: 'added', origin: ORIGIN });
    const session = await signInWithKey(t.app, USER_KEY);
    expect((await fix(t.app, session)).statusCode).toBe(200);
    expect(calls.map((c) => [c.op, c.secretId])).toEqual([['fix', undefined], ['fix', USER_KEY.secretId]]);
    const entries = await auditEvents(t.app, 'settings.cors');
    expect(entries.map((e) => e.actor)).toEqual([`api-key:${USER_KEY.secretId}`, 'admin']);
  });

  it('refuses a restricted console account, even with grants on the bucket, saying to ask an administrator', async () => {
    const calls: Call[] = [];
    t = await testApp({}, { gateway: recordingGateway(calls) });
    await t.users.create('carol', 'user', 'carol-password-123', [{ bucket: 'photos-1250000000', prefix: '', permissions: ['list', 'read', 'write', 'settings'] }]);
    const carol = await signIn(t.app, 'carol', 'carol-password-123');
    const res = await fix(t.app, carol);
    expect(res.statusCode).toBe(403);
    expect((res.json() as { error: { message: string } }).error.message).toMatch(/ask an administrator/);
    expect(calls).toEqual([]);
    expect(await auditEvents(t.app, 'settings.cors')).toEqual([expect.objectContaining({ actor: 'carol', outcome: 'refused' })]);
  });
});
