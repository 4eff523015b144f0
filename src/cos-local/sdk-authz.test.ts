// Authorization over HTTP, driven by cos-nodejs-sdk-v5 (and plain fetch for anonymous and raw
// requests): sub-users and their CAM policies, other accounts, bucket policies and their conditions,
// temporary keys, GET Service and PUT Bucket for sub-users (docs/cos-behaviour.md "Accounts").
import { readFileSync } from 'node:fs';
import { Agent, get as httpsGet } from 'node:https';
import COS from 'cos-nodejs-sdk-v5';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, PHOTOS, REGION, SECRET_ID, SECRET_KEY, failure, multiAccounts, startHarness, type Harness } from './sdk-harness';
import { deriveTmpSecretKey, issueToken } from './sts/token';

let h: Harness;
const b = { Bucket: PHOTOS, Region: REGION };
const RES = `qcs::cos:${REGION}:uid/1250000000:${PHOTOS}`;
const ROOT_B = 'qcs::cam::uin/100000000002:uin/100000000002';
const ALICE = 'qcs::cam::uin/100000000001:uin/100000000011';

beforeAll(async () => {
  h = await startHarness({ accounts: multiAccounts(), httpsPort: 0 });
  await h.cos.putBucket(b);
  await h.cos.putObject({ ...b, Key: 'shared/readme.txt', Body: 'readme' });
  await h.cos.putObject({ ...b, Key: 'alice/secret/x.txt', Body: 'secret' });
});
afterAll(() => h.close());
afterEach(async () => {
  await h.cos.deleteBucketPolicy(b);
});

const alice = () => h.clientAs(KEYS.alice);
const rootB = () => h.clientAs(KEYS.rootB);
const anonymousGet = (key: string): Promise<Response> => fetch(`${h.server.url}/${PHOTOS}/${key}`);
/** An anonymous GET over the HTTPS port, trusting cos-local's certificate. */
function anonymousHttpsGet(key: string): Promise<number> {
  const ca = readFileSync(h.server.certificatePath ?? '');
  return new Promise((resolve, reject) => {
    const req = httpsGet({ host: '127.0.0.1', port: h.server.httpsPort, path: `/${PHOTOS}/${key}`, ca, agent: new Agent({ ca }) }, (res) => {
      res.resume().on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}
const putPolicy = (...statement: unknown[]) => h.cos.putBucketPolicy({ ...b, Policy: { version: '2.0', statement } });

/** A request signed with the root key, sent as-is (the SDK re-serialises policies). */
function signedFetch(method: COS.Method, query: Record<string, string>, body?: string): Promise<Response> {
  const Authorization = COS.getAuthorization({ SecretId: SECRET_ID, SecretKey: SECRET_KEY, Method: method, Pathname: '/', Query: query });
  const qs = Object.keys(query).join('&');
  return fetch(`${h.server.url}/${PHOTOS}/?${qs}`, { method, headers: { Authorization }, ...(body !== undefined ? { body } : {}) });
}

describe('sub-users', () => {
  it('alice reads and writes under alice/ and nowhere else', async () => {
    const put = await alice().putObject({ ...b, Key: 'alice/a.txt', Body: 'hi' });
    expect(put.statusCode).toBe(200);
    expect((await alice().getObject({ ...b, Key: 'alice/a.txt' })).Body.toString()).toBe('hi');
    expect(await failure(alice().putObject({ ...b, Key: 'bob/a.txt', Body: 'x' }))).toMatchObject({ statusCode: 403, code: 'AccessDenied' });
    expect(await failure(alice().getObject({ ...b, Key: 'shared/readme.txt' }))).toMatchObject({ statusCode: 403, code: 'AccessDenied' });
    expect(await failure(alice().deleteObject({ ...b, Key: 'alice/a.txt' }))).toMatchObject({ statusCode: 403 });
    expect(await failure(alice().getBucket(b))).toMatchObject({ statusCode: 403 });
  });

  it('an explicit deny in the bucket policy beats alice\'s own allow [tencentcloud 436/35240]', async () => {
    await putPolicy({ principal: { qcs: [ALICE] }, effect: 'deny', action: ['name/cos:GetObject'], resource: [`${RES}/alice/secret/*`] });
    expect(await failure(alice().getObject({ ...b, Key: 'alice/secret/x.txt' }))).toMatchObject({ statusCode: 403, code: 'AccessDenied' });
    expect((await alice().getObject({ ...b, Key: 'alice/a.txt' })).statusCode).toBe(200);
  });

  it('DELETE Multiple Objects is checked key by key: alice deletes under alice/, the rest is AccessDenied [tencentcloud 436/30580]', async () => {
    await h.cos.putObject({ ...b, Key: 'alice/del.txt', Body: 'x' });
    const allowDelete = { principal: { qcs: [ALICE] }, effect: 'allow', action: ['name/cos:DeleteObject'], resource: [`${RES}/alice/*`] };
    await putPolicy(allowDelete);
    const r = await alice().deleteMultipleObject({ ...b, Objects: [{ Key: 'alice/del.txt' }, { Key: 'shared/readme.txt' }] });
    expect(r.Deleted.map((d) => d.Key)).toEqual(['alice/del.txt']);
    expect(r.Error.map((e) => [e.Key, e.Code])).toEqual([['shared/readme.txt', 'AccessDenied']]);
    expect((await h.cos.headObject({ ...b, Key: 'shared/readme.txt' })).statusCode).toBe(200);
    expect(await failure(h.cos.headObject({ ...b, Key: 'alice/del.txt' }))).toMatchObject({ statusCode: 404 });
  });

  it('GET Service: bob (GetService) lists his root\'s buckets, alice is refused', async () => {
    const bob = h.clientAs(KEYS.bob);
    const listed = await bob.getService({});
    expect(listed.Buckets.map((x) => x.Name)).toContain(PHOTOS);
    expect(listed.Owner.ID).toBe('qcs::cam::uin/100000000001:uin/100000000001');
    expect(await failure(alice().getService({}))).toMatchObject({ statusCode: 403, code: 'AccessDenied' });
  });

  it('PUT Bucket needs name/cos:PutBucket; the bucket belongs to the root account', async () => {
    expect(await failure(alice().putBucket({ Bucket: 'alice-1250000000', Region: REGION }))).toMatchObject({ statusCode: 403 });
    await h.clientAs(KEYS.bob).putBucket({ Bucket: 'bob-1250000000', Region: REGION });
    expect((await h.cos.headBucket({ Bucket: 'bob-1250000000', Region: REGION })).statusCode).toBe(200);
    expect(await failure(h.clientAs(KEYS.bob).putBucket({ Bucket: 'bob-1250000001', Region: REGION }))).toMatchObject({ statusCode: 403 });
    await h.cos.deleteBucket({ Bucket: 'bob-1250000000', Region: REGION });
  });
});

describe('another account', () => {
  it('is refused until the owner\'s bucket policy grants its root; its sub-user needs its own CAM policy too', async () => {
    expect(await failure(rootB().getObject({ ...b, Key: 'shared/readme.txt' }))).toMatchObject({ statusCode: 403 });
    await putPolicy({ principal: { qcs: [ROOT_B] }, effect: 'allow', action: ['name/cos:GetObject'], resource: [`${RES}/shared/*`] });
    expect((await rootB().getObject({ ...b, Key: 'shared/readme.txt' })).Body.toString()).toBe('readme');
    expect((await h.clientAs(KEYS.b0).getObject({ ...b, Key: 'shared/readme.txt' })).statusCode).toBe(200);
    expect(await failure(rootB().putObject({ ...b, Key: 'shared/x', Body: 'x' }))).toMatchObject({ statusCode: 403 });
    await h.cos.deleteBucketPolicy(b);
    expect(await failure(rootB().getObject({ ...b, Key: 'shared/readme.txt' }))).toMatchObject({ statusCode: 403 });
  });

  it('is granted by a bucket ACL grant to its root account', async () => {
    await h.cos.putBucketAcl({ ...b, GrantRead: 'id="100000000002"' });
    try {
      expect((await rootB().getObject({ ...b, Key: 'shared/readme.txt' })).statusCode).toBe(200);
      expect((await rootB().getBucket(b)).Contents.length).toBeGreaterThan(0);
      expect(await failure(rootB().putObject({ ...b, Key: 'x', Body: 'x' }))).toMatchObject({ statusCode: 403 });
    } finally {
      await h.cos.putBucketAcl({ ...b, ACL: 'private' });
    }
    expect(await failure(rootB().getObject({ ...b, Key: 'shared/readme.txt' }))).toMatchObject({ statusCode: 403 });
  });
});

describe('bucket policy conditions over HTTP', () => {
  const anyone = { qcs: ['qcs::cam::anyone:anyone'] };

  it('qcs:ip: a deny for everything outside 10.0.0.0/8 refuses this 127.0.0.1 client, a /32 on it lets it in [tencentcloud 436/46206]', async () => {
    const rules = (cidr: string) => putPolicy(
      { principal: anyone, effect: 'allow', action: ['name/cos:GetObject'], resource: [`${RES}/shared/*`] },
      { principal: anyone, effect: 'deny', action: ['name/cos:GetObject'], resource: [`${RES}/shared/*`], condition: { ip_not_equal: { 'qcs:ip': [cidr] } } },
    );
    await rules('10.0.0.0/8');
    expect((await anonymousGet('shared/readme.txt')).status).toBe(403);
    await rules('127.0.0.1');
    expect((await anonymousGet('shared/readme.txt')).status).toBe(200);
  });

  it('cos:content-length: numeric_less_than_equal on PutObject [tencentcloud 436/46206]', async () => {
    await putPolicy({ principal: { qcs: [ROOT_B] }, effect: 'allow', action: ['name/cos:PutObject'], resource: [`${RES}/uploads/*`], condition: { numeric_less_than_equal: { 'cos:content-length': 5 } } });
    expect((await rootB().putObject({ ...b, Key: 'uploads/small', Body: '12345' })).statusCode).toBe(200);
    expect(await failure(rootB().putObject({ ...b, Key: 'uploads/big', Body: '123456' }))).toMatchObject({ statusCode: 403, code: 'AccessDenied' });
  });

  it('cos:secure-transport is false on the plain port [tencentcloud 436/46206]', async () => {
    await putPolicy({ principal: anyone, effect: 'allow', action: ['name/cos:GetObject'], resource: [`${RES}/shared/*`], condition: { bool_equal: { 'cos:secure-transport': 'true' } } });
    expect((await anonymousGet('shared/readme.txt')).status).toBe(403);
    await putPolicy({ principal: anyone, effect: 'allow', action: ['name/cos:GetObject'], resource: [`${RES}/shared/*`], condition: { bool_equal: { 'cos:secure-transport': 'false' } } });
    expect((await anonymousGet('shared/readme.txt')).status).toBe(200);
  });

  it('cos:secure-transport and cos:tls-version over the HTTPS port [tencentcloud 436/46206]', async () => {
    const allow = (condition: unknown) => putPolicy({ principal: anyone, effect: 'allow', action: ['name/cos:GetObject'], resource: [`${RES}/shared/*`], condition });
    await allow({ bool_equal: { 'cos:secure-transport': 'true' }, numeric_greater_than_equal: { 'cos:tls-version': 1.2 } });
    expect(await anonymousHttpsGet('shared/readme.txt')).toBe(200);
    expect((await anonymousGet('shared/readme.txt')).status).toBe(403);
    await allow({ numeric_greater_than: { 'cos:tls-version': 1.3 } }); // Node negotiates at most TLS 1.3
    expect(await anonymousHttpsGet('shared/readme.txt')).toBe(403);
  });

  it('the root owner can always PUT Bucket policy, even when a deny locks it out (436/45235)', async () => {
    await putPolicy({ principal: anyone, effect: 'deny', action: ['*'], resource: ['*'] });
    expect(await failure(h.cos.getObject({ ...b, Key: 'shared/readme.txt' }))).toMatchObject({ statusCode: 403 });
    expect(await failure(h.cos.getBucketPolicy(b))).toMatchObject({ statusCode: 403 });
    await putPolicy({ principal: anyone, effect: 'allow', action: ['name/cos:GetObject'], resource: [`${RES}/shared/*`] });
    expect((await h.cos.getObject({ ...b, Key: 'shared/readme.txt' })).statusCode).toBe(200);
  });
});

describe('PUT/GET/DELETE Bucket policy', () => {
  it('GET returns the document byte for byte as it was put (436/8276 form)', async () => {
    const text = `{\n  "Statement": [ { "Principal": {"qcs": ["qcs::cam::uin/123456789:uin/987654321"]}, "Effect": "allow",\n    "Action": ["name/cos:GetObject"], "Resource": ["${RES}/*"] } ],\n  "version": "2.0"\n}`;
    expect((await signedFetch('PUT', { policy: '' }, text)).status).toBe(204);
    const got = await signedFetch('GET', { policy: '' });
    expect(got.status).toBe(200);
    expect(await got.text()).toBe(text);
  });

  it('what cos-nodejs-sdk-v5\'s suite does: lower-case keys, the SDK\'s resource form, read back as Statement[0].resource', async () => {
    const resource = `${RES}//1250000000/photos/prefix/*`;
    const policy = { version: '2.0', principal: { qcs: ['qcs::cam::uin/10001:uin/10001'] }, statement: [{ effect: 'allow', action: ['name/cos:GetBucket', 'name/cos:PutObjectCopy'], resource: [resource] }] };
    expect((await h.cos.putBucketPolicy({ ...b, Policy: policy })).statusCode).toBe(204);
    const got = await h.cos.getBucketPolicy(b);
    expect((got.Policy as { Statement: { resource: string[] }[] }).Statement[0]?.resource[0]).toBe(resource);
    expect((got.Policy as { principal: unknown }).principal).toEqual(policy.principal);
  });

  it('without a policy GET is 404 NoSuchPolicy, which the SDK reports as "Policy Not Found"; DELETE is 204', async () => {
    expect((await h.cos.deleteBucketPolicy(b)).statusCode).toBe(204);
    const f = await signedFetch('GET', { policy: '' });
    expect(f.status).toBe(404);
    expect(await f.text()).toContain('<Code>NoSuchPolicy</Code>');
    const err = await failure(h.cos.getBucketPolicy(b));
    expect(err.statusCode).toBe(404);
  });

  it.each([
    ['not JSON', '{"version":'],
    ['a statement without principal', JSON.stringify({ version: '2.0', statement: [{ effect: 'allow', action: ['name/cos:GetObject'], resource: [`${RES}/*`] }] })],
    ['a damaged action (docs/cos-behaviour.md trap 2)', JSON.stringify({ version: '2.0', statement: [{ principal: { qcs: [ROOT_B] }, effect: 'allow', action: ['name/cos>DeleteObject'], resource: [`${RES}/*`] }] })],
    ['a resource in another bucket', JSON.stringify({ version: '2.0', statement: [{ principal: { qcs: [ROOT_B] }, effect: 'allow', action: ['name/cos:GetObject'], resource: ['qcs::cos:ap-guangzhou:uid/1250000000:other-1250000000/*'] }] })],
  ])('refuses %s with 400 InvalidArgument', async (_name, text) => {
    const res = await signedFetch('PUT', { policy: '' }, text);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<Code>InvalidArgument</Code>');
    expect((await signedFetch('GET', { policy: '' })).status).toBe(404);
  });

  it('only the owner (or a grant) may read or change it', async () => {
    await putPolicy({ principal: { qcs: [ROOT_B] }, effect: 'allow', action: ['name/cos:GetObject'], resource: [`${RES}/*`] });
    expect(await failure(rootB().getBucketPolicy(b))).toMatchObject({ statusCode: 403 });
    expect(await failure(rootB().deleteBucketPolicy(b))).toMatchObject({ statusCode: 403 });
    expect(await failure(alice().putBucketPolicy({ ...b, Policy: { version: '2.0', statement: [] } }))).toMatchObject({ statusCode: 403 });
  });
});

describe('temporary keys', () => {
  it('act as their parent limited by the session policy [tencentcloud 436/14048]', async () => {
    const tmpSecretId = 'AKIDtmpkey000000000000000000000000000';
    const sessionPolicy = { version: '2.0', statement: [{ effect: 'allow', action: ['name/cos:PutObject'], resource: [`${RES}/alice/tmp/*`] }] };
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const token = issueToken({ v: 1, parentSecretId: KEYS.alice.secretId, tmpSecretId, exp, policy: JSON.stringify(sessionPolicy) }, KEYS.alice.secretKey);
    const tmp = h.client({ SecretId: tmpSecretId, SecretKey: deriveTmpSecretKey(KEYS.alice.secretKey, tmpSecretId), SecurityToken: token });
    expect((await tmp.putObject({ ...b, Key: 'alice/tmp/a.txt', Body: 'x' })).statusCode).toBe(200);
    // alice may read alice/*, but this key may not; nor write outside alice/tmp/.
    expect(await failure(tmp.getObject({ ...b, Key: 'alice/tmp/a.txt' }))).toMatchObject({ statusCode: 403 });
    expect(await failure(tmp.putObject({ ...b, Key: 'alice/other.txt', Body: 'x' }))).toMatchObject({ statusCode: 403 });
  });
});
