// The console's API client against the console server itself: fetch is routed into buildApp's
// routes, and every client call checks the real answer against the shared contract (src/shared/api)
// — the same schema objects the routes were registered with. A route whose answer drifted from its
// schema would fail here with the client's MalformedResponse, naming the endpoint and the misfit.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as admin from '../../src/console/api/admin-api';
import * as api from '../../src/console/api/console-api';
import { SESSION_COOKIE } from '../../src/server/auth/plugin';
import type { CosGateway } from '../../src/server/cos/cos-gateway';
import { fakeStsProvider } from '../../src/server/sts/fake-provider';
import { ADMIN_PASSWORD, testApp, type TestApp } from '../../src/server/test-support';

const BUCKET = 'photos-1250000000';
const gateway: CosGateway = {
  listBuckets: () => Promise.resolve([{ name: BUCKET, region: 'ap-guangzhou', creationDate: '2026-01-01T00:00:00Z' }]),
  verifyCredential: () => Promise.resolve({ valid: true, canListBuckets: false }),
  readSetting: () => Promise.reject(new Error('readSetting is not used here')),
  createBucket: () => Promise.resolve(),
  ensureConsoleCors: () => Promise.resolve('added'),
  consoleCorsReachable: () => Promise.resolve(false),
};
const ORIGIN = 'http://console.test';

let t: TestApp;
beforeEach(async () => {
  t = await testApp({}, { gateway, sts: fakeStsProvider(() => t.clock.now) });
  let cookie: string | undefined;
  // The browser: same origin, one cookie jar.
  vi.stubGlobal('fetch', async (path: string, init: RequestInit = {}) => {
    const headers = { ...(init.headers as Record<string, string>), origin: ORIGIN, host: 'console.test', ...(cookie ? { cookie } : {}) };
    const res = await t.app.inject({ method: (init.method ?? 'GET') as 'GET', url: path, headers, ...(init.body !== undefined ? { payload: String(init.body) } : {}) });
    const set = res.cookies.find((c) => c.name === SESSION_COOKIE);
    if (set) cookie = set.value === '' ? undefined : `${set.name}=${set.value}`;
    return new Response(res.statusCode === 204 ? null : res.body, { status: res.statusCode, headers: { 'content-type': String(res.headers['content-type'] ?? '') } });
  });
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await t.app.close();
});

describe('the console client against the server', () => {
  it('reads every answer of an admin session through the contract', async () => {
    expect(await api.getConfig()).toMatchObject({ mode: 'local', defaultRegion: 'ap-guangzhou' });
    expect(await api.getSession()).toBeNull();
    expect(await api.login({ username: 'admin', password: ADMIN_PASSWORD })).toEqual({ name: 'admin', role: 'admin', canListBuckets: true });
    const session = await api.getSession();
    expect(session?.user).toEqual({ name: 'admin', role: 'admin', canListBuckets: true });
    const csrf = session?.csrfToken ?? '';

    expect(await api.listBuckets()).toEqual([{ name: BUCKET, region: 'ap-guangzhou', creationDate: '2026-01-01T00:00:00Z' }]);
    expect(await api.createBucket('new-1250000000', 'ap-guangzhou', csrf)).toEqual({ name: 'new-1250000000', region: 'ap-guangzhou' });
    expect(await api.getConsoleCors(BUCKET, 'ap-guangzhou')).toEqual({ reachable: false, origin: 'http://console.test' });
    expect(await api.allowConsoleCors(BUCKET, 'ap-guangzhou', csrf)).toEqual({ status: 'added', origin: ORIGIN });
    const signed = await api.signCosRequest({
      Method: 'GET', Pathname: '/a.txt', Query: {}, Headers: { Host: `${BUCKET}.cos.ap-guangzhou.myqcloud.com` }, Bucket: BUCKET, Region: 'ap-guangzhou', Key: 'a.txt',
    }, csrf);
    expect(signed.Authorization).toMatch(/^q-sign-algorithm=sha1&/);
    expect(await api.requestTempKeys({ bucket: BUCKET, region: 'ap-guangzhou', prefix: 'docs/', actions: ['name/cos:PutObject'] }, csrf)).toMatchObject({ TmpSecretId: expect.any(String) });

    const grants = [{ bucket: BUCKET, prefix: 'docs/', permissions: ['list' as const, 'read' as const] }];
    const created = await admin.createAccount({ name: 'ann', role: 'user', grants }, csrf);
    expect(created.account).toMatchObject({ name: 'ann', role: 'user', disabled: false, grants });
    expect(created.generatedPassword).toEqual(expect.any(String));
    expect((await admin.listAccounts()).map((a) => a.name)).toEqual(expect.arrayContaining(['admin', 'ann']));
    expect(await admin.updateAccount('ann', { disabled: true }, csrf)).toMatchObject({ name: 'ann', disabled: true });
    expect(await admin.resetPassword('ann', undefined, csrf)).toEqual({ generatedPassword: expect.any(String) });
    expect(await admin.resetPassword('ann', 'a-chosen-password', csrf)).toEqual({});
    const page = await admin.listAudit({ event: 'sign' });
    expect(page.entries[0]).toMatchObject({ actor: 'admin', event: 'sign', outcome: 'allowed', request: expect.stringContaining('GET ') });

    await api.logout(csrf);
    expect(await api.getSession()).toBeNull();
  });

  it('reads a restricted account and an API-key session', async () => {
    await t.users.create('bob', 'user', 'bob-password-1', [{ bucket: BUCKET, prefix: 'docs/', permissions: ['list'] }]);
    expect(await api.login({ username: 'bob', password: 'bob-password-1' })).toEqual({
      name: 'bob', role: 'user', canListBuckets: true, grants: [{ bucket: BUCKET, prefix: 'docs/', permissions: ['list'] }],
    });
    expect(await api.loginWithKey({ secretId: 'AKIDkey', secretKey: 'key-secret' })).toEqual({ name: 'AKIDkey', role: 'api-key', canListBuckets: false });
    expect((await api.getSession())?.user).toEqual({ name: 'AKIDkey', role: 'api-key', canListBuckets: false });
  });
});
