// Bucket and object ACLs through cos-nodejs-sdk-v5: what the SDKs' own suites expect of PUT/GET acl
// (cos-nodejs-sdk-v5 test/test.js groups BucketAcl / ObjectAcl, cos-js-sdk-v5 test/qunit_test.js),
// and what ACLs grant: anonymous reads of public-read buckets and objects, plain fetch without an
// Authorization.
import COS from 'cos-nodejs-sdk-v5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, PHOTOS, REGION, SECRET_ID, SECRET_KEY, failure, multiAccounts, startHarness, type Harness } from './sdk-harness';

let h: Harness;
const b = { Bucket: PHOTOS, Region: REGION };
const OWNER = 'qcs::cam::uin/100000000001:uin/100000000001';
const ANYONE = 'qcs::cam::anyone:anyone';
const U1 = 'qcs::cam::uin/1001:uin/1001';
const U2 = 'qcs::cam::uin/1002:uin/1002';

beforeAll(async () => {
  h = await startHarness({ accounts: multiAccounts() });
  await h.cos.putBucket(b);
  await h.cos.putObject({ ...b, Key: '1.txt', Body: 'hello!' });
  await h.cos.putObject({ ...b, Key: 'other.txt', Body: 'other' });
});
afterAll(() => h.close());

const anonymous = (path: string, method = 'GET'): Promise<Response> => fetch(`${h.server.url}/${PHOTOS}/${path}`, { method });
const grants = (r: COS.GetBucketAclResult | COS.GetObjectAclResult) => r.Grants.map((g) => [(g.Grantee as { ID?: string; URI?: string }).ID ?? (g.Grantee as { URI?: string }).URI, g.Permission]);

/** A root-signed request sent as-is (the SDK has no versionId for object ACLs, and never sends headers and body mixed by hand). */
function signedFetch(method: COS.Method, key: string, query: Record<string, string>, init: { body?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  const Authorization = COS.getAuthorization({ SecretId: SECRET_ID, SecretKey: SECRET_KEY, Method: method, Pathname: `/${key}`, Query: query });
  const qs = Object.entries(query).map(([k, v]) => (v === '' ? k : `${k}=${encodeURIComponent(v)}`)).join('&');
  return fetch(`${h.server.url}/${PHOTOS}/${key}?${qs}`, { method, headers: { Authorization, ...init.headers }, ...(init.body !== undefined ? { body: init.body } : {}) });
}

describe('PUT/GET Bucket acl as the SDK suites expect', () => {
  it('a new bucket reads back as the owner\'s FULL_CONTROL', async () => {
    const acl = await h.cos.getBucketAcl(b);
    expect(acl.Owner).toEqual({ ID: OWNER, DisplayName: OWNER });
    expect(grants(acl)).toEqual([[OWNER, 'FULL_CONTROL']]);
    expect(acl.ACL).toBe('private');
  });

  it.each([
    ['ACL private', { ACL: 'private' }, [[OWNER, 'FULL_CONTROL']], 'private'],
    ['ACL public-read', { ACL: 'public-read' }, [[ANYONE, 'READ']], 'public-read'],
    ['ACL public-read-write', { ACL: 'public-read-write' }, [[ANYONE, 'FULL_CONTROL']], 'public-read-write'],
    ['GrantRead 1001,1002', { GrantRead: `id="${U1}", id="${U2}"` }, [[U1, 'READ'], [U2, 'READ']], 'private'],
    ['GrantWrite 1001,1002', { GrantWrite: `id="${U1}", id="${U2}"` }, [[U1, 'WRITE'], [U2, 'WRITE']], 'private'],
    ['GrantFullControl 1001,1002', { GrantFullControl: `id="${U1}", id="${U2}"` }, [[U1, 'FULL_CONTROL'], [U2, 'FULL_CONTROL']], 'private'],
    ['ACL public-read + GrantFullControl', { ACL: 'public-read', GrantFullControl: `id="${U1}", id="${U2}"` }, [[ANYONE, 'READ'], [U1, 'FULL_CONTROL'], [U2, 'FULL_CONTROL']], 'public-read'],
  ] as const)('header %s', async (_name, params, expected, canned) => {
    expect((await h.cos.putBucketAcl({ ...b, ...params })).statusCode).toBe(200);
    const acl = await h.cos.getBucketAcl(b);
    expect(grants(acl)).toEqual(expected);
    expect(acl.ACL).toBe(canned);
  });

  it('an XML body is stored as put (Grants and Grant forms), then the suite\'s decodeAcl round trip keeps one grant', async () => {
    const owner = (await h.cos.getBucketAcl(b)).Owner;
    await h.cos.putBucketAcl({ ...b, AccessControlPolicy: { Owner: owner, Grants: [{ Grantee: { ID: 'qcs::cam::uin/10002:uin/10002' }, Permission: 'READ' }] } });
    expect(grants(await h.cos.getBucketAcl(b))).toEqual([['qcs::cam::uin/10002:uin/10002', 'READ']]);
    // 'putBucketAcl() decodeAcl': GET, then PUT the decoded headers (empty ones included) back.
    const got = await h.cos.getBucketAcl(b);
    await h.cos.putBucketAcl({ ...b, GrantFullControl: got.GrantFullControl, GrantWrite: got.GrantWrite, GrantRead: got.GrantRead, ACL: got.ACL });
    expect(grants(await h.cos.getBucketAcl(b))).toEqual([['qcs::cam::uin/10002:uin/10002', 'READ']]);
  });

  it('refuses headers and body together, neither, or a bad grantee (400 InvalidArgument), and a bad body (MalformedXML)', async () => {
    const owner = { ID: OWNER };
    expect(await failure(h.cos.putBucketAcl({ ...b, ACL: 'private', AccessControlPolicy: { Owner: owner, Grants: [{ Grantee: { ID: U1 }, Permission: 'READ' }] } })))
      .toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    expect(await failure(h.cos.putBucketAcl({ ...b }))).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    expect(await failure(h.cos.putBucketAcl({ ...b, GrantRead: 'alice' }))).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    expect(await failure(h.cos.putBucketAcl({ ...b, ACL: 'default' as 'private' }))).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    const bad = await signedFetch('PUT', '', { acl: '' }, { body: '<AccessControlPolicy><AccessControlList><Grant><Grantee><ID>x</ID></Grantee><Permission>ALL</Permission></Grant></AccessControlList></AccessControlPolicy>' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('<Code>MalformedXML</Code>');
  });

  it('PUT Bucket with x-cos-acl sets the new bucket\'s ACL', async () => {
    const Bucket = 'public-1250000000';
    await h.cos.putBucket({ Bucket, Region: REGION, ACL: 'public-read' });
    try {
      expect(grants(await h.cos.getBucketAcl({ Bucket, Region: REGION }))).toEqual([[ANYONE, 'READ']]);
      expect((await fetch(`${h.server.url}/${Bucket}/`)).status).toBe(200);
    } finally {
      await h.cos.deleteBucket({ Bucket, Region: REGION });
    }
  });
});

describe('PUT/GET Object acl as the SDK suites expect', () => {
  const o = { ...b, Key: '1.txt' };

  it('an object without an ACL follows the bucket: GET says `default` and shows the owner', async () => {
    const acl = await h.cos.getObjectAcl(o);
    expect(acl.ACL).toBe('default');
    expect(grants(acl)).toEqual([[OWNER, 'FULL_CONTROL']]);
  });

  it.each([
    ['ACL private', { ACL: 'private' }, [[OWNER, 'FULL_CONTROL']], 'private'],
    ['ACL public-read', { ACL: 'public-read' }, [[ANYONE, 'READ']], 'public-read'],
    ['GrantRead 1001,1002', { GrantRead: `id="${U1}",id="${U2}"` }, [[U1, 'READ'], [U2, 'READ']], 'private'],
    ['ACL public-read + GrantFullControl', { ACL: 'public-read', GrantFullControl: `id="${U1}", id="${U2}"` }, [[ANYONE, 'READ'], [U1, 'FULL_CONTROL'], [U2, 'FULL_CONTROL']], 'public-read'],
    ['ACL default', { ACL: 'default' }, [[OWNER, 'FULL_CONTROL']], 'default'],
  ] as const)('header %s', async (_name, params, expected, canned) => {
    expect((await h.cos.putObjectAcl({ ...o, ...params } as COS.PutObjectAclParams)).statusCode).toBe(200);
    const acl = await h.cos.getObjectAcl(o);
    expect(grants(acl)).toEqual(expected);
    expect(acl.ACL).toBe(canned);
  });

  it('an XML body (Grant form) is stored as put', async () => {
    await h.cos.putObjectAcl({ ...o, AccessControlPolicy: { Owner: { ID: OWNER }, Grant: { Grantee: { ID: 'qcs::cam::uin/10002:uin/10002' }, Permission: 'READ' } } } as unknown as COS.PutObjectAclParams);
    expect(grants(await h.cos.getObjectAcl(o))).toEqual([['qcs::cam::uin/10002:uin/10002', 'READ']]);
    await h.cos.putObjectAcl({ ...o, ACL: 'default' });
  });

  it('a missing object is NoSuchKey', async () => {
    expect(await failure(h.cos.putObjectAcl({ ...b, Key: 'missing.txt', ACL: 'private' }))).toMatchObject({ statusCode: 404, code: 'NoSuchKey' });
    expect(await failure(h.cos.getObjectAcl({ ...b, Key: 'missing.txt' }))).toMatchObject({ statusCode: 404, code: 'NoSuchKey' });
  });
});

describe('what ACLs grant', () => {
  it('private bucket: anonymous 403; public-read: anonymous GET and list, never PUT; back to private: 403', async () => {
    expect((await anonymous('other.txt')).status).toBe(403);
    await h.cos.putBucketAcl({ ...b, ACL: 'public-read' });
    try {
      const res = await anonymous('other.txt');
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('other');
      expect((await anonymous('')).status).toBe(200);
      expect((await anonymous('x.txt', 'PUT')).status).toBe(403);
      expect(await failure(h.clientAs(KEYS.alice).putObject({ ...b, Key: 'not-alice/x', Body: 'x' }))).toMatchObject({ statusCode: 403 });
    } finally {
      await h.cos.putBucketAcl({ ...b, ACL: 'private' });
    }
    const denied = await anonymous('other.txt');
    expect(denied.status).toBe(403);
    expect(await denied.text()).toContain('<Code>AccessDenied</Code>');
  });

  it('one public-read object in a private bucket; a private object in a public-read bucket', async () => {
    await h.cos.putObjectAcl({ ...b, Key: '1.txt', ACL: 'public-read' });
    try {
      expect((await anonymous('1.txt')).status).toBe(200);
      expect((await anonymous('other.txt')).status).toBe(403);
      expect((await anonymous('1.txt?acl')).status).toBe(403);
      await h.cos.putBucketAcl({ ...b, ACL: 'public-read' });
      await h.cos.putObjectAcl({ ...b, Key: 'other.txt', ACL: 'private' });
      expect((await anonymous('other.txt')).status).toBe(403);
      expect((await anonymous('1.txt')).status).toBe(200);
    } finally {
      await h.cos.putBucketAcl({ ...b, ACL: 'private' });
      await h.cos.putObjectAcl({ ...b, Key: '1.txt', ACL: 'default' });
      await h.cos.putObjectAcl({ ...b, Key: 'other.txt', ACL: 'default' });
    }
  });

  it('x-cos-acl on PUT Object ACL by header works for an object written by another account\'s grant', async () => {
    await h.cos.putBucketAcl({ ...b, GrantWrite: 'id="100000000002"' });
    try {
      const rootB = h.clientAs(KEYS.rootB);
      expect((await rootB.putObject({ ...b, Key: 'from-b.txt', Body: 'b' })).statusCode).toBe(200);
      expect(await failure(rootB.getObject({ ...b, Key: 'from-b.txt' }))).toMatchObject({ statusCode: 403 });
      expect(await failure(rootB.putObjectAcl({ ...b, Key: 'from-b.txt', ACL: 'public-read' }))).toMatchObject({ statusCode: 403 });
      await h.cos.putObjectAcl({ ...b, Key: 'from-b.txt', ACL: 'public-read' });
      expect((await anonymous('from-b.txt')).status).toBe(200);
    } finally {
      await h.cos.putBucketAcl({ ...b, ACL: 'private' });
    }
  });

  it('PUT Object with x-cos-acl: public-read makes that object public; with grant headers, grants them (436/7749)', async () => {
    await h.cos.putObject({ ...b, Key: 'pub.txt', Body: 'pub', ACL: 'public-read' });
    expect((await anonymous('pub.txt')).status).toBe(200);
    expect(grants(await h.cos.getObjectAcl({ ...b, Key: 'pub.txt' }))).toEqual([[ANYONE, 'READ']]);
    await h.cos.putObject({ ...b, Key: 'for-b.txt', Body: 'b', GrantRead: 'id="100000000002"' });
    expect((await h.clientAs(KEYS.rootB).getObject({ ...b, Key: 'for-b.txt' })).Body.toString()).toBe('b');
    expect((await anonymous('for-b.txt')).status).toBe(403);
    expect(await failure(h.cos.putObject({ ...b, Key: 'bad.txt', Body: 'x', ACL: 'everyone' as 'private' }))).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
  });

  it('`versionId` selects the version whose ACL is read and set', async () => {
    await h.cos.putBucketVersioning({ ...b, VersioningConfiguration: { Status: 'Enabled' } });
    const v1 = (await h.cos.putObject({ ...b, Key: 'v.txt', Body: 'one' })).VersionId ?? '';
    await h.cos.putObject({ ...b, Key: 'v.txt', Body: 'two' });
    expect(v1).not.toBe('');
    const set = await signedFetch('PUT', 'v.txt', { acl: '', versionId: v1 }, { headers: { 'x-cos-acl': 'public-read' } });
    expect(set.status).toBe(200);
    expect(await (await signedFetch('GET', 'v.txt', { acl: '', versionId: v1 })).text()).toContain(ANYONE);
    expect((await h.cos.getObjectAcl({ ...b, Key: 'v.txt' })).ACL).toBe('default');
    expect((await anonymous(`v.txt?versionId=${encodeURIComponent(v1)}`)).status).toBe(200);
    expect((await anonymous('v.txt')).status).toBe(403);
  });
});
