import { afterEach, describe, expect, it } from 'vitest';
import { fakeStsProvider, StsFailure, type FakeStsProvider } from '../sts/fake-provider';
import { signIn, signInWithKey, testApp, type TestApp } from '../test-support';
import { unusedBucketWrites } from '../test-support';

let t: TestApp;
afterEach(async () => t?.app.close());

const BUCKET = 'demo-1250000000';
const task = { bucket: BUCKET, region: 'ap-guangzhou', prefix: 'docs/', actions: ['name/cos:PutObject'] };
const gateway = { listBuckets: async () => [], verifyCredential: async () => ({ valid: true as const, canListBuckets: true }), ...unusedBucketWrites };

async function app(stsSeconds?: number): Promise<FakeStsProvider> {
  const sts = fakeStsProvider(() => t.clock.now);
  t = await testApp({}, {
    sts, gateway,
    ...(stsSeconds ? { config: { sessionIdleSeconds: 600, sessionAbsoluteSeconds: 3600, signSeconds: 900, secureCookies: false, stsSeconds } } : {}),
  });
  await t.users.create('bob', 'user', 'bob-password-1', [{ bucket: BUCKET, prefix: 'docs/', permissions: ['list', 'write'] }]);
  return sts;
}
const post = (session: { cookie: string; csrf: string }, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/sts', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, payload });

describe('POST /api/sts', () => {
  it('answers exactly the shape getAuthorization takes, for STS_SECONDS, from the server key', async () => {
    const sts = await app(900);
    const res = await post(await signIn(t.app, 'bob', 'bob-password-1'), task);
    expect(res.statusCode).toBe(200);
    const start = Math.floor(t.clock.now / 1000);
    expect(res.json()).toEqual({ TmpSecretId: 'AKIDtmp1', TmpSecretKey: 'tmp-secret-key-1', SecurityToken: 'token-1', StartTime: start, ExpiredTime: start + 900 });
    expect(sts.calls[0]).toMatchObject({ credential: { secretId: 'AKIDSERVER', secretKey: 'server-secret-key' }, durationSeconds: 900, region: 'ap-guangzhou' });
    expect(sts.calls[0]?.policy.statement).toEqual([{
      effect: 'allow', action: ['name/cos:PutObject'], resource: [`qcs::cos:ap-guangzhou:uid/1250000000:${BUCKET}/docs/*`],
      // bob has no settings: his uploads may not set a public ACL.
      condition: expect.objectContaining({ string_equal_if_exist: { 'cos:x-cos-acl': ['private', 'default'] } }),
    }]);
  });

  it('refuses a task wider than the grant (403) and a malformed one (400), asking STS nothing, auditing both', async () => {
    const sts = await app();
    const bob = await signIn(t.app, 'bob', 'bob-password-1');
    const wide = await post(bob, { ...task, prefix: '' });
    expect(wide.statusCode).toBe(403);
    expect(wide.json()).toEqual({ error: { code: 'Forbidden', message: `The task needs write on ${BUCKET}/.` } });
    expect((await post(bob, { ...task, actions: ['name/cos:*'] })).statusCode).toBe(400);
    expect((await post(bob, { ...task, actions: [] })).statusCode).toBe(400);
    expect(sts.calls).toHaveLength(0);
    const rows = t.db.prepare("SELECT actor, action, resource, outcome FROM audit WHERE event = 'sts' ORDER BY id").all();
    expect(rows).toEqual([
      { actor: 'bob', action: 'name/cos:PutObject', resource: `${BUCKET}/`, outcome: 'refused' },
      { actor: 'bob', action: 'name/cos:*', resource: `${BUCKET}/docs/`, outcome: 'refused' },
    ]);
  });

  it('lets an admin have keys for any prefix, still with exact actions', async () => {
    const sts = await app();
    expect((await post(await signIn(t.app), { ...task, prefix: '' })).statusCode).toBe(200);
    expect(sts.calls[0]?.policy.statement[0]?.resource).toEqual([`qcs::cos:ap-guangzhou:uid/1250000000:${BUCKET}/*`]);
  });

  it('issues API-key sessions\' keys from their own key; 409 StsUnavailable when that key may not call STS', async () => {
    const sts = await app();
    const permanent = await signInWithKey(t.app, { secretId: 'AKIDsub', secretKey: 'sub-secret-key' });
    expect((await post(permanent, task)).statusCode).toBe(200);
    expect(sts.calls[0]?.credential).toEqual({ secretId: 'AKIDsub', secretKey: 'sub-secret-key' });

    sts.failWith = new StsFailure('refused', 'AuthFailure.UnauthorizedOperation', 'sub-user without sts:GetFederationToken');
    const refused = await post(permanent, task);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('StsUnavailable');

    sts.failWith = new StsFailure('refused', 'InvalidParameter.PolicyTooLong', 'too long');
    expect((await post(permanent, task)).json().error).toMatchObject({ code: 'StsError' });

    sts.failWith = undefined;
    const temporary = await signInWithKey(t.app, { secretId: 'AKIDtmpkey', secretKey: 'tmp-secret', token: 'tok' });
    const calls = sts.calls.length;
    expect((await post(temporary, task)).json().error.code).toBe('StsUnavailable');
    expect(sts.calls).toHaveLength(calls);
  });

  it('needs a session and the CSRF token', async () => {
    await app();
    expect((await t.app.inject({ method: 'POST', url: '/api/sts', payload: task })).statusCode).toBe(401);
    const { cookie } = await signIn(t.app);
    expect((await t.app.inject({ method: 'POST', url: '/api/sts', headers: { cookie }, payload: task })).statusCode).toBe(403);
  });
});
