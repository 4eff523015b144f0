// A generated matrix for a restricted console account — several buckets,
// prefixes, every permission, the COS actions the console uses. Every in-scope request is signed by
// /api/sign and accepted by cos-local (no SignatureDoesNotMatch, no AccessDenied), none out of scope is
// signed; every in-scope temporary key from /api/sts works inside its prefix and nowhere else (cos-local
// enforces the session policy). Real cos-local, no mock; the expectations come from an oracle written
// here from the grant semantics (src/shared/access/grants.ts), not from the code under test.
import COS from 'cos-nodejs-sdk-v5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAccounts } from '../../src/cos-local/accounts';
import { startCosLocal, type RunningCosLocal } from '../../src/cos-local/app';
import type { Grant, Permission } from '../../src/shared/access/grants';
import { signIn, testApp, type TestApp } from '../../src/server/test-support';

const SECRET_ID = 'AKIDaccessmatrix00000000000000000000';
const SECRET_KEY = 'access-matrix-secret-key-0000000';
const APPID = '1250000000';
const REGION = 'ap-guangzhou';
const PHOTOS = `photos-${APPID}`;
const DOCS = `docs-${APPID}`;
const ARCHIVE = `archive-${APPID}`;
const BUCKETS = [PHOTOS, DOCS, ARCHIVE];

const GRANTS: Grant[] = [
  { bucket: PHOTOS, prefix: 'alice/', permissions: ['list', 'read', 'write'] },
  { bucket: PHOTOS, prefix: 'shared/', permissions: ['read', 'share'] },
  // Settings over part of a write grant: uploads there may set ACLs, elsewhere in alice/ not.
  { bucket: PHOTOS, prefix: 'alice/pub/', permissions: ['settings'] },
  { bucket: DOCS, prefix: '', permissions: ['list', 'read', 'delete', 'settings'] },
  { bucket: ARCHIVE, prefix: 'in/', permissions: ['write'] },
  { bucket: ARCHIVE, prefix: 'out/', permissions: ['list', 'delete'] },
];
const KEYS: Record<string, string[]> = {
  [PHOTOS]: ['alice/a.txt', 'alice/sub/b.txt', 'alice/pub/p.txt', 'alicex/c.txt', 'shared/s.txt', 'bob/d.txt', 'r.txt'],
  [DOCS]: ['any/a.txt', 'r.txt'],
  [ARCHIVE]: ['in/a.txt', 'out/b.txt', 'other/c.txt'],
};
const PREFIXES: Record<string, string[]> = {
  [PHOTOS]: ['', 'alice/', 'alice', 'alice/sub/', 'shared/', 'bob/'],
  [DOCS]: ['', 'any/'],
  [ARCHIVE]: ['', 'in/', 'out/', 'other/'],
};

// ---------------------------------------------------------------------------------------------
// The oracle: what the grants allow, stated from the permission model in the header of
// src/shared/access/grants.ts.

type Need = { perms: Permission[]; on: 'key' | 'prefix' | 'bucket-any' | 'whole-bucket' | 'admin' };
const covers = (bucket: string, perms: Permission[], path: string | undefined): boolean =>
  GRANTS.some((g) => g.bucket === bucket && perms.some((p) => g.permissions.includes(p)) && (path === undefined || path.startsWith(g.prefix)));
function allowedBy(need: Need, bucket: string, path: string): boolean {
  switch (need.on) {
    case 'admin': return false;
    case 'bucket-any': return covers(bucket, need.perms, undefined);
    case 'whole-bucket': return covers(bucket, need.perms, '');
    default: return covers(bucket, need.perms, path);
  }
}

// ---------------------------------------------------------------------------------------------

let cosLocal: RunningCosLocal;
let t: TestApp;
let carol: { cookie: string; csrf: string };
let root: COS;
const started = Date.now();

const host = (): string => `127.0.0.1:${cosLocal.port}`;

beforeAll(async () => {
  cosLocal = await startCosLocal({ memory: true, port: 0, accounts: defaultAccounts(SECRET_ID, SECRET_KEY), log: () => undefined });
  t = await testApp({ secretId: SECRET_ID, secretKey: SECRET_KEY, ip: host() }, { now: Date.now });
  root = new COS({ SecretId: SECRET_ID, SecretKey: SECRET_KEY, Protocol: 'http:', Ip: host() });
  for (const Bucket of BUCKETS) {
    await root.putBucket({ Bucket, Region: REGION });
    for (const Key of KEYS[Bucket] ?? []) await root.putObject({ Bucket, Region: REGION, Key, Body: 'seed' });
  }
  await t.users.create('carol', 'user', 'carol-password-1', GRANTS);
  carol = await signIn(t.app, 'carol', 'carol-password-1');
});
afterAll(async () => {
  await t?.app.close();
  await cosLocal?.close();
});

// ---------------------------------------------------------------------------------------------
// /api/sign

interface Case {
  name: string;
  bucket: string;
  method: string;
  /** `/<key>` or `/`. */
  pathname: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: string;
  /** A share link: `Expires` in the body, sent as a pre-signed URL. */
  expires?: number;
  expected: boolean;
}

const enc = (key: string): string => key.split('/').map(encodeURIComponent).join('/');
const copySource = (bucket: string, key: string): string => `${bucket}.cos.${REGION}.myqcloud.com/${enc(key)}`;

function objectCases(bucket: string, key: string): Case[] {
  const c = (name: string, method: string, need: Need, extra: Partial<Case> = {}): Case =>
    ({ name, bucket, method, pathname: `/${key}`, query: {}, headers: {}, expected: allowedBy(need, bucket, key), ...extra });
  const write: Need = { perms: ['write'], on: 'key' };
  const withBody = (body: string): Partial<Case> => ({ body, headers: { 'content-length': String(Buffer.byteLength(body)) } });
  return [
    c('GetObject', 'GET', { perms: ['read'], on: 'key' }),
    c('GetObject version + response-*', 'GET', { perms: ['read'], on: 'key' }, { query: { versionId: 'null', 'response-content-type': 'text/plain' } }),
    c('HeadObject', 'HEAD', { perms: ['read'], on: 'key' }),
    c('GetObjectACL', 'GET', { perms: ['read'], on: 'key' }, { query: { acl: '' } }),
    c('GetObjectTagging', 'GET', { perms: ['read'], on: 'key' }, { query: { tagging: '' } }),
    c('PutObject', 'PUT', write, withBody('new')),
    c('InitiateMultipartUpload', 'POST', write, { query: { uploads: '' } }),
    c('UploadPart', 'PUT', write, { query: { partNumber: '1', uploadId: 'no-such-upload' }, ...withBody('part') }),
    c('ListParts', 'GET', write, { query: { uploadId: 'no-such-upload' } }),
    c('CompleteMultipartUpload', 'POST', write, { query: { uploadId: 'no-such-upload' }, ...withBody('<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"x"</ETag></Part></CompleteMultipartUpload>') }),
    c('AbortMultipartUpload', 'DELETE', write, { query: { uploadId: 'no-such-upload' } }),
    c('PutObjectACL', 'PUT', { perms: ['settings'], on: 'key' }, { query: { acl: '' }, headers: { 'x-cos-acl': 'private' } }),
    // An upload setting a public ACL is also a settings change.
    c('PutObject x-cos-acl: public-read', 'PUT', write, { ...withBody('new'), headers: { 'content-length': '3', 'x-cos-acl': 'public-read' }, expected: allowedBy(write, bucket, key) && covers(bucket, ['settings'], key) }),
    c('PutObjectTagging', 'PUT', { perms: ['settings'], on: 'key' }, { query: { tagging: '' }, ...withBody('<Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet></Tagging>') }),
    c('DeleteObjectTagging', 'DELETE', { perms: ['settings'], on: 'key' }, { query: { tagging: '' } }),
    c('DeleteObject', 'DELETE', { perms: ['delete'], on: 'key' }),
    // A copy: write on the target, read on the source (signed x-cos-copy-source).
    ...[`${PHOTOS}|shared/s.txt`, `${PHOTOS}|bob/d.txt`].map((src): Case => {
      const [srcBucket = '', srcKey = ''] = src.split('|');
      return c(`PutObjectCopy from ${src}`, 'PUT', write, {
        headers: { 'x-cos-copy-source': copySource(srcBucket, srcKey) },
        expected: allowedBy(write, bucket, key) && covers(srcBucket, ['read'], srcKey),
      });
    }),
    c('share link (GetObject, Expires)', 'GET', { perms: ['share'], on: 'key' }, { expires: 600 }),
  ];
}

function listingCases(bucket: string, prefix: string): Case[] {
  const c = (name: string, query: Record<string, string>, need: Need): Case =>
    ({ name, bucket, method: 'GET', pathname: '/', query, headers: {}, expected: allowedBy(need, bucket, prefix) });
  const p: Record<string, string> = prefix === '' ? {} : { prefix };
  return [
    c('GetBucket', { ...p, delimiter: '/' }, { perms: ['list'], on: 'prefix' }),
    c('GetBucketObjectVersions', { versions: '', ...p }, { perms: ['list'], on: 'prefix' }),
    c('ListMultipartUploads', { uploads: '', ...p }, { perms: ['list', 'write'], on: 'prefix' }),
  ];
}

function bucketCases(bucket: string): Case[] {
  const c = (name: string, method: string, query: Record<string, string>, need: Need, extra: Partial<Case> = {}): Case =>
    ({ name, bucket, method, pathname: '/', query, headers: {}, expected: allowedBy(need, bucket, ''), ...extra });
  const settings: Need = { perms: ['settings'], on: 'whole-bucket' };
  const cors = '<CORSConfiguration><CORSRule><AllowedOrigin>http://127.0.0.1:3000</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>';
  const del = '<Delete><Quiet>true</Quiet><Object><Key>nothing-here</Key></Object></Delete>';
  return [
    c('HeadBucket', 'HEAD', {}, { perms: ['list'], on: 'bucket-any' }),
    c('GetBucketCORS', 'GET', { cors: '' }, settings),
    c('PutBucketCORS', 'PUT', { cors: '' }, settings, { body: cors, headers: { 'content-length': String(cors.length) } }),
    c('GetBucketVersioning', 'GET', { versioning: '' }, settings),
    c('GetBucketACL', 'GET', { acl: '' }, settings),
    c('GetBucketPolicy', 'GET', { policy: '' }, settings),
    c('GetBucketTagging', 'GET', { tagging: '' }, settings),
    c('DeleteMultipleObjects', 'POST', { delete: '' }, { perms: ['delete'], on: 'whole-bucket' }, { body: del, headers: { 'content-length': String(del.length) } }),
    c('PutBucket', 'PUT', {}, { perms: [], on: 'admin' }),
    c('DeleteBucket', 'DELETE', {}, { perms: [], on: 'admin' }),
  ];
}

const CASES: Case[] = [
  ...BUCKETS.flatMap((b) => [
    ...(KEYS[b] ?? []).flatMap((k) => objectCases(b, k)),
    ...(PREFIXES[b] ?? []).flatMap((p) => listingCases(b, p)),
    ...bucketCases(b),
  ]),
  { name: 'GetService', bucket: '', method: 'GET', pathname: '/', query: {}, headers: {}, expected: false },
];

async function sign(c: Case): Promise<{ status: number; body: { Authorization?: string; SecurityToken?: string; error?: { code: string; message: string } } }> {
  const res = await t.app.inject({
    method: 'POST', url: '/api/sign', headers: { cookie: carol.cookie, 'x-csrf-token': carol.csrf },
    payload: {
      Method: c.method, Pathname: c.pathname, Query: c.query, Headers: { Host: host(), ...c.headers }, Bucket: c.bucket, Region: REGION,
      ...(c.expires !== undefined ? { Expires: c.expires } : {}),
    },
  });
  return { status: res.statusCode, body: res.json() };
}

const search = (q: Record<string, string>): string => Object.entries(q).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

/** Sends the signed request path-style, as the browser's `Domain: http://127.0.0.1:<port>/{Bucket}` does. */
async function send(c: Case, auth: { Authorization?: string; SecurityToken?: string }): Promise<{ status: number; code: string }> {
  const qs = search(c.query);
  const base = `http://${host()}/${c.bucket}${enc(c.pathname.slice(1)) === '' ? '/' : `/${enc(c.pathname.slice(1))}`}`;
  let res: Response;
  if (c.expires !== undefined) {
    // A share link: the signature and token in the URL (cos-js-sdk-v5 getObjectUrl), no headers.
    const token = auth.SecurityToken ? `&x-cos-security-token=${encodeURIComponent(auth.SecurityToken)}` : '';
    res = await fetch(`${base}?${auth.Authorization ?? ''}${token}${qs ? `&${qs}` : ''}`, { method: c.method });
  } else {
    const headers: Record<string, string> = { ...c.headers, authorization: auth.Authorization ?? '' };
    delete headers['content-length']; // fetch sets it from the body, to the value that was signed
    if (auth.SecurityToken) headers['x-cos-security-token'] = auth.SecurityToken;
    res = await fetch(`${base}${qs ? `?${qs}` : ''}`, { method: c.method, headers, ...(c.body !== undefined ? { body: c.body } : {}) });
  }
  const text = await res.text();
  return { status: res.status, code: /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? (res.status === 403 ? '403 without body' : '') };
}

describe('/api/sign for a restricted console account', () => {
  it(`signs exactly the in-scope requests of the matrix (${CASES.length} requests), and cos-local accepts each signature`, async () => {
    const wrong: string[] = [];
    let inScope = 0;
    for (const c of CASES) {
      const label = `${c.method} ${c.bucket}${c.pathname}?${search(c.query)} [${c.name}]`;
      const signed = await sign(c);
      if (signed.status !== (c.expected ? 200 : 403)) {
        wrong.push(`${label}: /api/sign answered ${signed.status}, expected ${c.expected ? 200 : 403} ${JSON.stringify(signed.body)}`);
        continue;
      }
      if (!c.expected) {
        // The refusal names the missing permission.
        if (!/needs .+ on |administrator rights/.test(signed.body.error?.message ?? '')) wrong.push(`${label}: refusal does not name a permission: ${signed.body.error?.message}`);
        continue;
      }
      inScope++;
      if (!signed.body.SecurityToken) wrong.push(`${label}: no SecurityToken (restricted accounts are signed with a scoped temporary key)`);
      const answer = await send(c, signed.body);
      if (['SignatureDoesNotMatch', 'AccessDenied', '403 without body'].includes(answer.code)) wrong.push(`${label}: cos-local answered ${answer.status} ${answer.code}`);
    }
    expect(wrong).toEqual([]);
    // The matrix is not degenerate: both outcomes occur often.
    expect(inScope).toBeGreaterThan(50);
    expect(CASES.length - inScope).toBeGreaterThan(50);
  });

  it('records every signature issued or refused in the audit log', async () => {
    const rows = t.db.prepare("SELECT outcome, COUNT(*) AS n FROM audit WHERE event = 'sign' AND actor = 'carol' GROUP BY outcome").all() as { outcome: string; n: number }[];
    const n = Object.fromEntries(rows.map((r) => [r.outcome, r.n]));
    const expectedIn = CASES.filter((c) => c.expected).length;
    expect(n).toEqual({ allowed: expectedIn, refused: CASES.length - expectedIn });
    const refused = t.db.prepare("SELECT action, resource, detail, ip FROM audit WHERE event = 'sign' AND outcome = 'refused' AND resource = ?").get(`${PHOTOS}/bob/d.txt`) as Record<string, string>;
    expect(refused).toMatchObject({ action: expect.stringMatching(/^name\/cos:/), detail: expect.stringContaining(`needs `), ip: expect.any(String) });
  });
});

describe('the signing key is a second line of defence', () => {
  const signed = async (c: Omit<Case, 'expected' | 'name'>): Promise<{ Authorization?: string; SecurityToken?: string }> => {
    const r = await sign({ ...c, name: '', expected: true });
    expect(r.status).toBe(200);
    return r.body;
  };

  it('an unsigned x-cos-copy-source added to a signed upload cannot copy an unreadable object', async () => {
    const auth = await signed({ bucket: PHOTOS, method: 'PUT', pathname: '/alice/stolen.txt', query: {}, headers: {} });
    const res = await fetch(`http://${host()}/${PHOTOS}/alice/stolen.txt`, {
      method: 'PUT',
      headers: { authorization: auth.Authorization ?? '', 'x-cos-security-token': auth.SecurityToken ?? '', 'x-cos-copy-source': copySource(PHOTOS, 'bob/d.txt') },
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>AccessDenied</Code>');
    await expect(root.headObject({ Bucket: PHOTOS, Region: REGION, Key: 'alice/stolen.txt' })).rejects.toMatchObject({ statusCode: 404 });
  });

  it('an unsigned x-cos-acl cannot make an upload public for an account without settings', async () => {
    const auth = await signed({ bucket: ARCHIVE, method: 'PUT', pathname: '/in/public.txt', query: {}, headers: {} });
    const put = (acl?: string) => fetch(`http://${host()}/${ARCHIVE}/in/public.txt`, {
      method: 'PUT', body: 'x',
      headers: { authorization: auth.Authorization ?? '', 'x-cos-security-token': auth.SecurityToken ?? '', ...(acl ? { 'x-cos-acl': acl } : {}) },
    });
    expect((await put('public-read')).status).toBe(403);
    expect((await put()).status).toBe(200);
  });

  it('a path-style listing signature replayed against another bucket is refused', async () => {
    const auth = await signed({ bucket: PHOTOS, method: 'GET', pathname: '/', query: { prefix: 'alice/' }, headers: {} });
    const list = (bucket: string) => fetch(`http://${host()}/${bucket}/?prefix=alice%2F`, { headers: { authorization: auth.Authorization ?? '', 'x-cos-security-token': auth.SecurityToken ?? '' } });
    expect((await list(PHOTOS)).status).toBe(200);
    // The Host (127.0.0.1:port) does not name the bucket, so the signature itself still verifies;
    // the key's policy does not cover archive's alice/.
    const replay = await list(ARCHIVE);
    expect(replay.status).toBe(403);
    expect(await replay.text()).toContain('<Code>AccessDenied</Code>');
  });

  it('a share link reads its object and nothing else, and a plain signature is not a share', async () => {
    const share = await sign({ name: '', bucket: PHOTOS, method: 'GET', pathname: '/shared/s.txt', query: {}, headers: {}, expires: 3600, expected: true });
    expect(share.status).toBe(200);
    const url = (key: string) => `http://${host()}/${PHOTOS}/${key}?${share.body.Authorization ?? ''}&x-cos-security-token=${encodeURIComponent(share.body.SecurityToken ?? '')}`;
    const res = await fetch(url('shared/s.txt'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('seed');
    expect(share.body.Authorization).toMatch(/q-sign-time=(\d+);(\d+)/);
    const [, start, end] = /q-sign-time=(\d+);(\d+)/.exec(share.body.Authorization ?? '') ?? [];
    expect(Number(end) - Number(start)).toBe(3600);
    // carol may read alice/ but not share it: a share of it is refused.
    const refused = await sign({ name: '', bucket: PHOTOS, method: 'GET', pathname: '/alice/a.txt', query: {}, headers: {}, expires: 3600, expected: false });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toContain(`needs share on ${PHOTOS}/alice/a.txt`);
  });
});

// ---------------------------------------------------------------------------------------------
// /api/sts

const ACTION_SETS: Record<string, { actions: string[]; needs: Record<string, Need> }> = {
  list: { actions: ['name/cos:GetBucket', 'name/cos:HeadBucket'], needs: { 'name/cos:GetBucket': { perms: ['list'], on: 'prefix' }, 'name/cos:HeadBucket': { perms: ['list'], on: 'bucket-any' } } },
  read: { actions: ['name/cos:GetObject', 'name/cos:HeadObject'], needs: { 'name/cos:GetObject': { perms: ['read'], on: 'key' }, 'name/cos:HeadObject': { perms: ['read'], on: 'key' } } },
  write: {
    actions: ['name/cos:PutObject', 'name/cos:InitiateMultipartUpload', 'name/cos:UploadPart', 'name/cos:ListParts', 'name/cos:CompleteMultipartUpload', 'name/cos:AbortMultipartUpload'],
    needs: Object.fromEntries(['PutObject', 'InitiateMultipartUpload', 'UploadPart', 'ListParts', 'CompleteMultipartUpload', 'AbortMultipartUpload'].map((a) => [`name/cos:${a}`, { perms: ['write'], on: 'key' } as Need])),
  },
  delete: { actions: ['name/cos:DeleteObject'], needs: { 'name/cos:DeleteObject': { perms: ['delete'], on: 'key' } } },
  settings: { actions: ['name/cos:PutObjectACL', 'name/cos:GetBucketCORS'], needs: { 'name/cos:PutObjectACL': { perms: ['settings'], on: 'key' }, 'name/cos:GetBucketCORS': { perms: ['settings'], on: 'whole-bucket' } } },
  uploads: { actions: ['name/cos:ListMultipartUploads'], needs: { 'name/cos:ListMultipartUploads': { perms: ['list', 'write'], on: 'whole-bucket' } } },
};

interface TmpKey { TmpSecretId: string; TmpSecretKey: string; SecurityToken: string; StartTime: number; ExpiredTime: number }

async function sts(body: Record<string, unknown>): Promise<{ status: number; body: TmpKey & { error?: { code: string; message: string } } }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/sts', headers: { cookie: carol.cookie, 'x-csrf-token': carol.csrf }, payload: body });
  return { status: res.statusCode, body: res.json() };
}

const tmpClient = (k: TmpKey): COS => new COS({ SecretId: k.TmpSecretId, SecretKey: k.TmpSecretKey, SecurityToken: k.SecurityToken, Protocol: 'http:', Ip: host() });

/** Tries one action with the SDK; `denied` when cos-local answers AccessDenied. */
async function attempt(cos: COS, action: string, Bucket: string, key: string): Promise<'ok' | 'denied' | string> {
  const o = { Bucket, Region: REGION };
  const U = { ...o, Key: key, UploadId: 'no-such-upload' };
  const calls: Record<string, () => Promise<unknown>> = {
    'name/cos:GetBucket': () => cos.getBucket({ ...o, Prefix: key }),
    'name/cos:HeadBucket': () => cos.headBucket(o),
    'name/cos:GetObject': () => cos.getObject({ ...o, Key: key }),
    'name/cos:HeadObject': () => cos.headObject({ ...o, Key: key }),
    'name/cos:PutObject': () => cos.putObject({ ...o, Key: key, Body: 'tmp' }),
    'name/cos:InitiateMultipartUpload': () => cos.multipartInit({ ...o, Key: key }),
    'name/cos:UploadPart': () => cos.multipartUpload({ ...U, PartNumber: 1, Body: 'part' }),
    'name/cos:ListParts': () => cos.multipartListPart(U),
    'name/cos:CompleteMultipartUpload': () => cos.multipartComplete({ ...U, Parts: [{ PartNumber: 1, ETag: '"x"' }] }),
    'name/cos:AbortMultipartUpload': () => cos.multipartAbort(U),
    'name/cos:DeleteObject': () => cos.deleteObject({ ...o, Key: key }),
    'name/cos:PutObjectACL': () => cos.putObjectAcl({ ...o, Key: key, ACL: 'private' }),
    'name/cos:GetBucketCORS': () => cos.getBucketCors(o),
    'name/cos:ListMultipartUploads': () => cos.multipartList({ ...o, Prefix: key, Delimiter: '' }),
  };
  const call = calls[action];
  if (!call) throw new Error(`no probe for ${action}`);
  try {
    await call();
    return 'ok';
  } catch (e) {
    const err = e as { code?: string; statusCode?: number };
    if (err.code === 'AccessDenied' || (err.statusCode === 403 && err.code !== 'SignatureDoesNotMatch')) return 'denied';
    return err.code === 'SignatureDoesNotMatch' || err.code === 'InvalidAccessKeyId' ? `broken key: ${err.code}` : 'ok';
  }
}

describe('/api/sts for a restricted console account', () => {
  const tasks = BUCKETS.flatMap((bucket) => (PREFIXES[bucket] ?? []).filter((p) => p === '' || p.endsWith('/'))
    .flatMap((prefix) => Object.keys(ACTION_SETS).map((set) => ({ bucket, prefix, set }))));

  it(`issues keys for exactly the in-scope tasks (${tasks.length} tasks), each working inside its prefix and nowhere else`, async () => {
    const wrong: string[] = [];
    let issued = 0;
    let probes = 0;
    for (const { bucket, prefix, set } of tasks) {
      const { actions, needs } = ACTION_SETS[set] ?? { actions: [], needs: {} };
      const expected = actions.every((a) => allowedBy(needs[a] as Need, bucket, prefix));
      const label = `${set} on ${bucket}/${prefix}`;
      const r = await sts({ bucket, region: REGION, prefix, actions });
      if (r.status !== (expected ? 200 : 403)) {
        wrong.push(`${label}: /api/sts answered ${r.status}, expected ${expected ? 200 : 403} ${JSON.stringify(r.body.error)}`);
        continue;
      }
      if (!expected) continue;
      issued++;
      expect(Object.keys(r.body).sort()).toEqual(['ExpiredTime', 'SecurityToken', 'StartTime', 'TmpSecretId', 'TmpSecretKey']);
      expect(r.body.ExpiredTime - r.body.StartTime).toBe(900);
      const cos = tmpClient(r.body);
      const otherBucket = BUCKETS.find((b) => b !== bucket) ?? '';
      const probesFor = (action: string): [string, string, boolean][] => [
        [bucket, `${prefix}probe-${set}.txt`, true],
        // Outside the prefix in the same bucket (when the prefix is not the whole bucket): bucket-level
        // actions (HeadBucket, GetBucketCORS) have no "outside" in their bucket.
        ...(prefix !== '' && needs[action]?.on !== 'bucket-any' && needs[action]?.on !== 'whole-bucket' ? [[bucket, `zzz-outside/probe-${set}.txt`, false] as [string, string, boolean]] : []),
        [otherBucket, `${prefix}probe-${set}.txt`, false],
      ];
      for (const action of actions) {
        for (const [b, key, inside] of probesFor(action)) {
          probes++;
          const outcome = await attempt(cos, action, b, key);
          if (outcome !== (inside ? 'ok' : 'denied')) wrong.push(`${label}: ${action} on ${b}/${key} → ${outcome}, expected ${inside ? 'allowed' : 'AccessDenied'}`);
        }
      }
      // An action the task did not ask for is refused even where the grant would allow it.
      const unasked = actions.includes('name/cos:DeleteObject') ? 'name/cos:GetObject' : 'name/cos:DeleteObject';
      probes++;
      const outcome = await attempt(cos, unasked, bucket, `${prefix}probe-${set}.txt`);
      if (outcome !== 'denied') wrong.push(`${label}: unasked ${unasked} → ${outcome}`);
    }
    expect(wrong).toEqual([]);
    expect(issued).toBeGreaterThan(5);
    expect(tasks.length - issued).toBeGreaterThan(5);
    expect(probes).toBeGreaterThan(50);
  });

  it('enforces upload limits as policy conditions', async () => {
    const r = await sts({ bucket: PHOTOS, region: REGION, prefix: 'alice/', actions: ['name/cos:PutObject'], maxSize: 10, contentTypes: ['text/*'] });
    expect(r.status).toBe(200);
    const cos = tmpClient(r.body);
    const put = (Body: string, ContentType: string) => cos.putObject({ Bucket: PHOTOS, Region: REGION, Key: 'alice/limited.txt', Body, ContentType }).then(() => 'ok', (e: { code?: string }) => e.code);
    expect(await put('0123456789', 'text/plain')).toBe('ok');
    expect(await put('0123456789X', 'text/plain')).toBe('AccessDenied');
    expect(await put('x', 'image/png')).toBe('AccessDenied');
  });

  it('refuses wildcards, unknown actions and resources wider than the grant, naming why', async () => {
    expect((await sts({ bucket: PHOTOS, region: REGION, prefix: 'alice/', actions: ['name/cos:*'] })).body.error).toMatchObject({ code: 'InvalidTask' });
    expect((await sts({ bucket: PHOTOS, region: REGION, prefix: '', actions: ['name/cos:GetObject'] })).body.error)
      .toEqual({ code: 'Forbidden', message: `The task needs read on ${PHOTOS}/.` });
    const audit = t.db.prepare("SELECT outcome, COUNT(*) AS n FROM audit WHERE event = 'sts' GROUP BY outcome").all() as { outcome: string; n: number }[];
    expect(audit.map((a) => a.outcome).sort()).toEqual(['allowed', 'refused']);
  });

  it('keeps the whole matrix within its time budget', () => {
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
