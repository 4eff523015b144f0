// Temporary keys from the console server against a real cos-local (docs/security.md): API-key sessions
// get keys issued from their own key (COS intersects the two policies) or, with a temporary key, 409
// StsUnavailable and per-request signatures instead; cloud mode goes through qcloud-cos-sts over HTTPS
// to cos-local's HTTPS port (COS_STS_HOST), for /api/sts and for a restricted account's signatures. The
// certificate is trusted through https.globalAgent's `ca` (restored after), as
// src/cos-local/sts/sts-sdk.test.ts does: qcloud-cos-sts's axios falls back to the global agent.
import { bucketHost, cosRequest } from '../support/cos-request';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import COS from 'cos-nodejs-sdk-v5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, multiAccounts, PHOTOS, REGION, SECRET_ID, SECRET_KEY } from '../../src/cos-local/sdk-harness';
import { startCosLocal, type RunningCosLocal } from '../../src/cos-local/app';
import { signIn, signInWithKey, testApp, type TestApp } from '../../src/server/test-support';

interface TmpKey { TmpSecretId: string; TmpSecretKey: string; SecurityToken: string; StartTime: number; ExpiredTime: number }

let cosLocal: RunningCosLocal;
let root: COS;
const apps: TestApp[] = [];
const savedCa = https.globalAgent.options.ca;

const ip = (): string => `127.0.0.1:${cosLocal.port}`;

async function localApp(): Promise<TestApp> {
  const t = await testApp({ secretId: SECRET_ID, secretKey: SECRET_KEY, ip: ip() }, { now: Date.now });
  apps.push(t);
  return t;
}

async function post(t: TestApp, session: { cookie: string; csrf: string }, url: string, payload: Record<string, unknown>): Promise<{ status: number; body: TmpKey & { Authorization?: string; error?: { code: string; message: string } } }> {
  const res = await t.app.inject({ method: 'POST', url, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, payload });
  return { status: res.statusCode, body: res.json() };
}

const client = (k: TmpKey): COS => new COS({ SecretId: k.TmpSecretId, SecretKey: k.TmpSecretKey, SecurityToken: k.SecurityToken, Protocol: 'http:', Ip: ip() });
const outcome = (p: Promise<unknown>): Promise<string> => p.then(() => 'ok', (e: { code?: string; statusCode?: number }) => e.code ?? String(e.statusCode));

beforeAll(async () => {
  cosLocal = await startCosLocal({ memory: true, port: 0, httpsPort: 0, accounts: multiAccounts(), log: () => undefined });
  https.globalAgent.options.ca = readFileSync(cosLocal.certificatePath ?? '');
  root = new COS({ SecretId: SECRET_ID, SecretKey: SECRET_KEY, Protocol: 'http:', Ip: ip() });
  await root.putBucket({ Bucket: PHOTOS, Region: REGION });
  for (const Key of ['alice/a.txt', 'bob/b.txt']) await root.putObject({ Bucket: PHOTOS, Region: REGION, Key, Body: 'seed' });
});
afterAll(async () => {
  https.globalAgent.options.ca = savedCa;
  for (const t of apps) await t.app.close();
  await cosLocal?.close();
});

describe('API-key sessions', () => {
  it('a sub-user\'s permanent key gets temporary keys bounded by its own policy (COS intersects them)', async () => {
    const t = await localApp();
    // alice may Get/PutObject on photos/alice/* only (sdk-harness multiAccounts).
    const alice = await signInWithKey(t.app, KEYS.alice);
    const r = await post(t, alice, '/api/sts', { bucket: PHOTOS, region: REGION, prefix: '', actions: ['name/cos:GetObject', 'name/cos:PutObject'] });
    expect(r.status).toBe(200);
    const cos = client(r.body);
    expect(await outcome(cos.getObject({ Bucket: PHOTOS, Region: REGION, Key: 'alice/a.txt' }))).toBe('ok');
    expect(await outcome(cos.putObject({ Bucket: PHOTOS, Region: REGION, Key: 'alice/new.txt', Body: 'x' }))).toBe('ok');
    // The task asked for the whole bucket; alice's own policy still stops her outside alice/.
    expect(await outcome(cos.getObject({ Bucket: PHOTOS, Region: REGION, Key: 'bob/b.txt' }))).toBe('AccessDenied');
    // And the task stops what alice could otherwise do: no DeleteObject was asked for.
    expect(await outcome(cos.deleteObject({ Bucket: PHOTOS, Region: REGION, Key: 'alice/new.txt' }))).toBe('AccessDenied');
    // The policy rules apply to API-key sessions too.
    expect((await post(t, alice, '/api/sts', { bucket: PHOTOS, region: REGION, prefix: '', actions: ['name/cos:*'] })).body.error?.code).toBe('InvalidTask');
  });

  it('a sub-user without the CAM permission for STS gets 409 StsUnavailable, and /api/sign signs with its key', async () => {
    const t = await localApp();
    // bob's policies allow GetService and PutBucket, not name/sts:GetFederationToken.
    const bob = await signInWithKey(t.app, KEYS.bob);
    const r = await post(t, bob, '/api/sts', { bucket: PHOTOS, region: REGION, prefix: '', actions: ['name/cos:GetObject'] });
    expect(r.status).toBe(409);
    expect(r.body.error?.code).toBe('StsUnavailable');
    const service = `service.cos.localhost:${cosLocal.port}`;
    const signed = await post(t, bob, '/api/sign', { Method: 'GET', Pathname: '/', Query: {}, Headers: { Host: service } });
    expect(signed.status).toBe(200);
    const list = await cosRequest({ port: cosLocal.port, host: service, path: '/', headers: { authorization: (signed.body as unknown as { Authorization: string }).Authorization } });
    expect(list.status).toBe(200);
  });

  it('a temporary key cannot get temporary keys: 409 StsUnavailable, and /api/sign signs with it, token included', async () => {
    const t = await localApp();
    const admin = await signIn(t.app);
    const issued = await post(t, admin, '/api/sts', { bucket: PHOTOS, region: REGION, prefix: 'alice/', actions: ['name/cos:GetObject'] });
    expect(issued.status).toBe(200);
    const tmp = await signInWithKey(t.app, { secretId: issued.body.TmpSecretId, secretKey: issued.body.TmpSecretKey, token: issued.body.SecurityToken });

    const refused = await post(t, tmp, '/api/sts', { bucket: PHOTOS, region: REGION, prefix: 'alice/', actions: ['name/cos:GetObject'] });
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('StsUnavailable');

    const host = bucketHost(PHOTOS, REGION, cosLocal.port);
    const signed = await post(t, tmp, '/api/sign', { Method: 'GET', Pathname: '/alice/a.txt', Headers: { Host: host }, Bucket: PHOTOS, Region: REGION });
    expect(signed.status).toBe(200);
    const body = signed.body as unknown as { Authorization: string; SecurityToken?: string };
    expect(body.SecurityToken).toBe(issued.body.SecurityToken);
    expect(body.Authorization).toContain(`q-ak=${issued.body.TmpSecretId}`);
    const res = await cosRequest({ port: cosLocal.port, host, path: '/alice/a.txt', headers: { authorization: body.Authorization, 'x-cos-security-token': body.SecurityToken ?? '' } });
    expect(res.status).toBe(200);
    // COS decides: the same session's signature for bob/ is made, and refused by cos-local.
    const other = await post(t, tmp, '/api/sign', { Method: 'GET', Pathname: '/bob/b.txt', Headers: { Host: host }, Bucket: PHOTOS, Region: REGION });
    const denied = await cosRequest({ port: cosLocal.port, host, path: '/bob/b.txt', headers: { authorization: (other.body as unknown as { Authorization: string }).Authorization, 'x-cos-security-token': body.SecurityToken ?? '' } });
    expect(denied.status).toBe(403);
  });
});

describe('cloud mode: qcloud-cos-sts against cos-local\'s HTTPS port', () => {
  it('issues /api/sts keys and signs for a restricted account through qcloud-cos-sts', async () => {
    const t = await testApp(
      { mode: 'cloud', secretId: SECRET_ID, secretKey: SECRET_KEY, ip: ip(), protocol: 'http:', stsEndpoint: `127.0.0.1:${cosLocal.httpsPort ?? 0}` },
      { now: Date.now },
    );
    apps.push(t);
    await t.users.create('erin', 'user', 'erin-password-1', [{ bucket: PHOTOS, prefix: 'alice/', permissions: ['list', 'read', 'write'] }]);
    const erin = await signIn(t.app, 'erin', 'erin-password-1');

    const r = await post(t, erin, '/api/sts', { bucket: PHOTOS, region: REGION, prefix: 'alice/', actions: ['name/cos:PutObject'] });
    expect(r.status).toBe(200);
    expect(r.body.ExpiredTime - r.body.StartTime).toBe(900);
    const cos = client(r.body);
    expect(await outcome(cos.putObject({ Bucket: PHOTOS, Region: REGION, Key: 'alice/cloud.txt', Body: 'x' }))).toBe('ok');
    expect(await outcome(cos.putObject({ Bucket: PHOTOS, Region: REGION, Key: 'bob/cloud.txt', Body: 'x' }))).toBe('AccessDenied');

    // A restricted account's signature is made with a temporary key from the same STS.
    const signed = await post(t, erin, '/api/sign', { Method: 'GET', Pathname: '/', Query: { prefix: 'alice/' }, Headers: { Host: ip() }, Bucket: PHOTOS, Region: REGION });
    expect(signed.status).toBe(200);
    const auth = signed.body as unknown as { Authorization: string; SecurityToken: string };
    const list = await fetch(`http://${ip()}/${PHOTOS}/?prefix=alice%2F`, { headers: { authorization: auth.Authorization, 'x-cos-security-token': auth.SecurityToken } });
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('<Key>alice/cloud.txt</Key>');
  });

  it('answers 502 StsError when STS cannot be reached, and audits the refusal', async () => {
    const t = await testApp({ mode: 'cloud', secretId: SECRET_ID, secretKey: SECRET_KEY, ip: ip(), protocol: 'http:', stsEndpoint: '127.0.0.1:1' }, { now: Date.now });
    apps.push(t);
    const admin = await signIn(t.app);
    const r = await post(t, admin, '/api/sts', { bucket: PHOTOS, region: REGION, prefix: 'alice/', actions: ['name/cos:GetObject'] });
    expect(r.status).toBe(502);
    expect(r.body.error?.code).toBe('StsError');
    const row = t.db.prepare("SELECT actor, action, resource, outcome FROM audit WHERE event = 'sts'").get();
    expect(row).toEqual({ actor: 'admin', action: 'name/cos:GetObject', resource: `${PHOTOS}/alice/`, outcome: 'refused' });
  });
});
