// The findings of the security probe (docs/security.md), each replayed against a real cos-local and
// the real console server: what /api/sign and /api/sts hand out must not be usable for more than was
// authorized, whatever the holder changes in the request.
// 1. `?Prefix=` instead of `?prefix=`: a listing signature (or an /api/sts key) for `2024/` must not
//    list the bucket, `?versions` included;
// 2. an admin's share link and DELETE signature must not work in another bucket.
// (3, cos-local answering every body, is src/cos-local/always-answers.test.ts; 4, lifetimes, is
// src/server/config.test.ts and README "Revocation".)
import COS from 'cos-nodejs-sdk-v5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAccounts } from '../../src/cos-local/accounts';
import { startCosLocal, type RunningCosLocal } from '../../src/cos-local/app';
import type { Grant } from '../../src/shared/access/grants';
import { signRequest } from '../../src/shared/signature/sign';
import { signIn, testApp, type TestApp } from '../../src/server/test-support';
import { bucketHost, cosRequest, type CosAnswer } from '../support/cos-request';

const SECRET_ID = 'AKIDprobefindings000000000000000000';
const SECRET_KEY = 'probe-findings-secret-key-000000';
const REGION = 'ap-guangzhou';
const PHOTOS = 'photos-1250000000';
const DOCS = 'documents-1250000000';
const KEYS = ['2024/a.jpg', '2024/b.jpg', '2025/c.jpg', 'private/d.txt', 'README.md'];
const GRANTS: Grant[] = [{ bucket: PHOTOS, prefix: '2024/', permissions: ['list', 'read'] }];

let cosLocal: RunningCosLocal;
let t: TestApp;
let root: COS;
let carol: { cookie: string; csrf: string };
let admin: { cookie: string; csrf: string };

beforeAll(async () => {
  cosLocal = await startCosLocal({ memory: true, port: 0, accounts: defaultAccounts(SECRET_ID, SECRET_KEY), log: () => undefined });
  t = await testApp({ secretId: SECRET_ID, secretKey: SECRET_KEY, ip: `127.0.0.1:${cosLocal.port}` }, { now: Date.now });
  root = new COS({ SecretId: SECRET_ID, SecretKey: SECRET_KEY, Protocol: 'http:', Ip: `127.0.0.1:${cosLocal.port}` });
  for (const Bucket of [PHOTOS, DOCS]) {
    await root.putBucket({ Bucket, Region: REGION });
    await root.putBucketVersioning({ Bucket, Region: REGION, VersioningConfiguration: { Status: 'Enabled' } });
    for (const Key of KEYS) await root.putObject({ Bucket, Region: REGION, Key, Body: `${Bucket}/${Key}` });
  }
  await t.users.create('carol', 'user', 'carol-password-1', GRANTS);
  carol = await signIn(t.app, 'carol', 'carol-password-1');
  admin = await signIn(t.app);
});
afterAll(async () => {
  await t?.app.close();
  await cosLocal?.close();
});

type Session = { cookie: string; csrf: string };
interface Signed { Authorization: string; SecurityToken?: string }

async function sign(session: Session, payload: Record<string, unknown>): Promise<{ status: number; body: Signed & { error?: { code: string; message: string } } }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/sign', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, payload: { Region: REGION, Query: {}, ...payload } });
  return { status: res.statusCode, body: res.json() };
}

const authHeaders = (s: Signed): Record<string, string> => ({ authorization: s.Authorization, ...(s.SecurityToken ? { 'x-cos-security-token': s.SecurityToken } : {}) });
const vhost = (bucket: string): string => bucketHost(bucket, REGION, cosLocal.port);
const pathHost = (): string => `127.0.0.1:${cosLocal.port}`;
/** Keys (and versions' keys) named in a listing answer. */
const listedKeys = (a: CosAnswer): string[] => [...a.text.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1] ?? '');

/** Either refused, or a listing that names nothing outside `prefix`. */
function expectConfined(a: CosAnswer, prefix: string): void {
  if (a.status !== 200) {
    expect(a.status).toBeGreaterThanOrEqual(400);
    expect(a.status).toBeLessThan(500);
    return;
  }
  const keys = listedKeys(a);
  expect(keys.length).toBeGreaterThan(0);
  expect(keys.filter((k) => !k.startsWith(prefix))).toEqual([]);
}

describe('finding 1: a listing signed for 2024/ cannot list more through another spelling of prefix', () => {
  const spellings = ['Prefix', 'PREFIX', 'pReFiX'];
  const listings: [name: string, subresource: Record<string, string>][] = [['GET Bucket', {}], ['GET Bucket versions', { versions: '' }]];

  for (const [name, sub] of listings) {
    for (const addressing of ['virtual-hosted', 'path-style'] as const) {
      it(`${name}, ${addressing}: /api/sign's signature for ?prefix=2024/ sent as ?<Prefix>=2024/ lists 2024/ only`, async () => {
        const host = addressing === 'virtual-hosted' ? vhost(PHOTOS) : pathHost();
        const signed = await sign(carol, { Method: 'GET', Pathname: '/', Query: { ...sub, prefix: '2024/' }, Headers: { Host: host }, Bucket: PHOTOS });
        expect(signed.status).toBe(200);
        const base = addressing === 'virtual-hosted' ? '/' : `/${PHOTOS}/`;
        const subQs = Object.keys(sub).map((k) => `${k}&`).join('');
        // As signed: 2024/ only.
        const honest = await cosRequest({ port: cosLocal.port, host, path: `${base}?${subQs}prefix=2024%2F`, headers: authHeaders(signed.body) });
        expect(honest.status).toBe(200);
        expect(listedKeys(honest).sort()).toEqual(['2024/a.jpg', '2024/b.jpg']);
        for (const spelling of spellings) {
          const replay = await cosRequest({ port: cosLocal.port, host, path: `${base}?${subQs}${spelling}=2024%2F`, headers: authHeaders(signed.body) });
          expectConfined(replay, '2024/');
          // Both spellings at once are refused rather than read two ways.
          const both = await cosRequest({ port: cosLocal.port, host, path: `${base}?${subQs}prefix=2024%2F&${spelling}=`, headers: authHeaders(signed.body) });
          expect(both.status).toBe(400);
          expect(both.code).toBe('InvalidArgument');
        }
      });
    }
  }

  it('an /api/sts key for GetBucket on 2024/, hand-signed for ?Prefix=, lists 2024/ only, and nothing without a prefix', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/sts', headers: { cookie: carol.cookie, 'x-csrf-token': carol.csrf },
      payload: { bucket: PHOTOS, region: REGION, prefix: '2024/', actions: ['name/cos:GetBucket'] },
    });
    expect(res.statusCode).toBe(200);
    const key = res.json() as { TmpSecretId: string; TmpSecretKey: string; SecurityToken: string };
    const host = vhost(PHOTOS);
    const list = (query: Record<string, string>, rawQuery: string) => {
      const now = Math.floor(Date.now() / 1000);
      const authorization = signRequest({ secretId: key.TmpSecretId, secretKey: key.TmpSecretKey, method: 'GET', pathname: '/', query, headers: { host }, keyTime: `${now - 1};${now + 300}` });
      return cosRequest({ port: cosLocal.port, host, path: `/?${rawQuery}`, headers: { authorization, 'x-cos-security-token': key.SecurityToken } });
    };
    const honest = await list({ prefix: '2024/' }, 'prefix=2024%2F');
    expect(listedKeys(honest).sort()).toEqual(['2024/a.jpg', '2024/b.jpg']);
    for (const spelling of ['Prefix', 'PREFIX']) expectConfined(await list({ [spelling]: '2024/' }, `${spelling}=2024%2F`), '2024/');
    // Widening attempts: an empty prefix in another spelling, or none at all.
    expect((await list({ Prefix: '' }, 'Prefix=')).code).toBe('AccessDenied');
    expect((await list({}, '')).code).toBe('AccessDenied');
  });
});

describe('finding 2: an admin\'s signatures work in their own bucket only', () => {
  it('a share link for photos/README.md does not read documents/README.md, virtual-hosted or path-style', async () => {
    const signed = await sign(admin, { Method: 'GET', Pathname: '/README.md', Headers: { Host: vhost(PHOTOS) }, Bucket: PHOTOS, Expires: 600 });
    expect(signed.status).toBe(200);
    const link = `/README.md?${signed.body.Authorization}${signed.body.SecurityToken ? `&x-cos-security-token=${encodeURIComponent(signed.body.SecurityToken)}` : ''}`;
    const own = await cosRequest({ port: cosLocal.port, host: vhost(PHOTOS), path: link });
    expect(own.status).toBe(200);
    expect(own.text).toBe(`${PHOTOS}/README.md`);
    expect((await cosRequest({ port: cosLocal.port, host: vhost(DOCS), path: link })).code).toBe('SignatureDoesNotMatch');
    expect((await cosRequest({ port: cosLocal.port, host: pathHost(), path: `/${DOCS}${link}` })).code).toBe('SignatureDoesNotMatch');
  });

  it('a path-style share link (a Host that names no bucket) reads its own bucket only', async () => {
    const signed = await sign(admin, { Method: 'GET', Pathname: '/README.md', Headers: { Host: pathHost() }, Bucket: PHOTOS, Expires: 600 });
    expect(signed.status).toBe(200);
    expect(signed.body.SecurityToken).toBeTruthy();
    const link = (bucket: string) => `/${bucket}/README.md?${signed.body.Authorization}&x-cos-security-token=${encodeURIComponent(signed.body.SecurityToken ?? '')}`;
    const own = await cosRequest({ port: cosLocal.port, host: pathHost(), path: link(PHOTOS) });
    expect(own.text).toBe(`${PHOTOS}/README.md`);
    // The signature verifies (path-style signs /README.md), but the key behind it reads photos only.
    expect((await cosRequest({ port: cosLocal.port, host: pathHost(), path: link(DOCS) })).code).toBe('AccessDenied');
  });

  it('a DELETE signature does not delete the same key in another bucket, virtual-hosted or path-style', async () => {
    const key = 'private/d.txt';
    const signed = await sign(admin, { Method: 'DELETE', Pathname: `/${key}`, Headers: { Host: vhost(PHOTOS) }, Bucket: PHOTOS });
    expect(signed.status).toBe(200);
    const del = (host: string, path: string) => cosRequest({ port: cosLocal.port, host, method: 'DELETE', path, headers: authHeaders(signed.body) });
    expect((await del(vhost(DOCS), `/${key}`)).code).toBe('SignatureDoesNotMatch');
    expect((await del(pathHost(), `/${DOCS}/${key}`)).code).toBe('SignatureDoesNotMatch');
    // An absolute-form target naming the other bucket, with the signed Host header, is routed and
    // checked by its authority.
    expect((await del(vhost(PHOTOS), `http://${pathHost()}/${DOCS}/${key}`)).code).toBe('SignatureDoesNotMatch');
    await expect(root.headObject({ Bucket: DOCS, Region: REGION, Key: key })).resolves.toMatchObject({ statusCode: 200 });
    expect((await del(vhost(PHOTOS), `/${key}`)).status).toBe(204);
  });

  it('a path-style DELETE signature (a Host that names no bucket) is made with a key for that bucket only', async () => {
    const key = 'README.md';
    const signed = await sign(admin, { Method: 'DELETE', Pathname: `/${key}`, Headers: { Host: pathHost() }, Bucket: PHOTOS });
    expect(signed.status).toBe(200);
    expect(signed.body.SecurityToken).toBeTruthy();
    expect(signed.body.Authorization).not.toContain(`q-ak=${SECRET_ID}`);
    const del = (bucket: string) => cosRequest({ port: cosLocal.port, host: pathHost(), method: 'DELETE', path: `/${bucket}/${key}`, headers: authHeaders(signed.body) });
    // The signature verifies in documents (path-style signs /README.md), but its key may not delete there.
    expect((await del(DOCS)).code).toBe('AccessDenied');
    await expect(root.headObject({ Bucket: DOCS, Region: REGION, Key: key })).resolves.toMatchObject({ statusCode: 200 });
    expect((await del(PHOTOS)).status).toBe(204);
  });
});
