// What cos-nodejs-sdk-v5's own mocha suite (test/test.js, written against real COS) showed
// cos-local doing differently, each checked here through the same SDK (our tests, not the suite's):
// GET Bucket location, Content-Type from the key, the `sign` query parameter (V5 Authorization or
// legacy V4 signature), no trimming of `q-ak`, List Multipart Uploads for a folder-scoped key,
// leading `/` and `./` of a path, and APPEND Object. scripts/sdk-suite/run-node-suite.ts runs the
// suite itself.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import COS from 'cos-nodejs-sdk-v5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountsFile } from './accounts';
import { APPID, REGION, SECRET_ID, SECRET_KEY, failure, keepSdkUploadCacheInMemory, startHarness, type Harness } from './sdk-harness';

const Bucket = `suite-${APPID}`;
const b = { Bucket, Region: REGION };
const FOLDER_USER = { secretId: 'AKIDfolderuser00000000000000000000000', secretKey: 'folderusersecretkey0000000000000' };

const accounts: AccountsFile = {
  accounts: [{
    uin: '100000000001', appId: APPID, secretId: SECRET_ID, secretKey: SECRET_KEY,
    subUsers: [{
      uin: '100000000031', name: 'folder', ...FOLDER_USER,
      policies: [{ version: '2.0', statement: [{ effect: 'allow', action: ['name/cos:*'], resource: [`qcs::cos:${REGION}:uid/${APPID}:${Bucket}/folder/*`] }] }],
    }],
  }],
};

let h: Harness;
let dir: string;
beforeAll(async () => {
  keepSdkUploadCacheInMemory();
  dir = mkdtempSync(join(tmpdir(), 'cos-local-suite-'));
  h = await startHarness({ accounts });
  await h.cos.putBucket(b);
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const md5Base64 = (s: string): string => createHash('md5').update(s).digest('base64');

describe('GET Bucket location', () => {
  it('answers the region the bucket was created in', async () => {
    expect((await h.cos.getBucketLocation(b)).LocationConstraint).toBe(REGION);
    const chengdu = { Bucket: `far-${APPID}`, Region: 'ap-chengdu' };
    await h.cos.putBucket(chengdu);
    expect((await h.cos.getBucketLocation(chengdu)).LocationConstraint).toBe('ap-chengdu');
  });
});

describe('Content-Type when the request names none', () => {
  const typeOf = async (Key: string): Promise<string | undefined> => (await h.cos.headObject({ ...b, Key })).headers?.['content-type'];

  it('comes from the key\'s extension, else application/octet-stream; a sent one wins', async () => {
    await h.cos.putObject({ ...b, Key: 'ct/1.zip', Body: '12345' });
    await h.cos.putObject({ ...b, Key: 'ct/noext', Body: Buffer.from('12345') });
    await h.cos.putObject({ ...b, Key: 'ct/2.zip', Body: 'x', ContentType: 'text/xml' });
    expect([await typeOf('ct/1.zip'), await typeOf('ct/noext'), await typeOf('ct/2.zip')]).toEqual(['application/zip', 'application/octet-stream', 'text/xml']);
  });

  it('also for multipart uploads, which the SDK starts with an empty Content-Type', async () => {
    const { UploadId } = await h.cos.multipartInit({ ...b, Key: 'ct/notes.txt' });
    const part = await h.cos.multipartUpload({ ...b, Key: 'ct/notes.txt', UploadId, PartNumber: 1, Body: 'hello' });
    await h.cos.multipartComplete({ ...b, Key: 'ct/notes.txt', UploadId, Parts: [{ PartNumber: 1, ETag: part.ETag }] });
    expect(await typeOf('ct/notes.txt')).toBe('text/plain');
  });
});

describe('the sign query parameter', () => {
  const url = (key: string, query: string): string => `${h.server.url}/${Bucket}/${key}?${query}`;

  beforeAll(async () => {
    await h.cos.putObject({ ...b, Key: 'signed.txt', Body: 'signed body' });
  });

  it('carries a whole V5 Authorization, extra signed parameters included', async () => {
    const name = 'a;b,c=d&e';
    const Authorization = COS.getAuthorization({ SecretId: SECRET_ID, SecretKey: SECRET_KEY, Method: 'get', Key: 'signed.txt', Query: { [name]: 'v' } });
    const ok = await fetch(url('signed.txt', `sign=${encodeURIComponent(Authorization)}&${encodeURIComponent(name)}=v`));
    expect([ok.status, await ok.text()]).toEqual([200, 'signed body']);
    const changed = await fetch(url('signed.txt', `sign=${encodeURIComponent(Authorization)}&${encodeURIComponent(name)}=w`));
    expect(changed.status).toBe(403);
  });

  it('carries a legacy V4 signature, bound to its bucket and object', async () => {
    const sign = h.cos.getV4Auth({ Bucket, Key: 'signed.txt' });
    const ok = await fetch(url('signed.txt', `sign=${encodeURIComponent(sign)}`));
    expect([ok.status, await ok.text()]).toEqual([200, 'signed body']);
    await h.cos.putObject({ ...b, Key: 'other.txt', Body: 'other' });
    expect((await fetch(url('other.txt', `sign=${encodeURIComponent(sign)}`))).status).toBe(403);
    const forged = h.cos.getV4Auth({ Bucket, Key: 'signed.txt', SecretKey: 'not-the-key' });
    const bad = await fetch(url('signed.txt', `sign=${encodeURIComponent(forged)}`));
    expect([bad.status, (await bad.text()).includes('SignatureDoesNotMatch')]).toEqual([403, true]);
    const expired = h.cos.getV4Auth({ Bucket, Key: 'signed.txt', Expires: -10 });
    expect((await fetch(url('signed.txt', `sign=${encodeURIComponent(expired)}`))).status).toBe(403);
  });
});

it('refuses a SecretId sent with a stray space (q-ak is not trimmed)', async () => {
  const err = await failure(h.client({ SecretId: `${SECRET_ID} ` }).putObject({ ...b, Key: 'x.txt', Body: 'x' }));
  expect([err.statusCode, err.code]).toEqual([403, 'InvalidAccessKeyId']);
});

describe('List Multipart Uploads for a key scoped to a folder', () => {
  it('is allowed with a prefix inside the folder, and refused outside it or without a prefix', async () => {
    const user = h.clientAs(FOLDER_USER);
    const list = (Prefix: string): Promise<COS.MultipartListResult> => user.multipartList({ ...b, Prefix, Delimiter: '' });
    expect((await list('folder/a.bin')).statusCode).toBe(200);
    expect((await failure(list('other/'))).statusCode).toBe(403);
    expect((await failure(list(''))).statusCode).toBe(403);
  });

  it('so the SDK\'s resumable upload works there, and only there', async () => {
    const user = h.clientAs(FOLDER_USER, { ChunkSize: 1024 * 1024 });
    const FilePath = join(dir, 'big.bin');
    writeFileSync(FilePath, Buffer.alloc(2.5 * 1024 * 1024, 7));
    const done = await user.sliceUploadFile({ ...b, Key: 'folder/big.bin', FilePath });
    expect(done.statusCode).toBe(200);
    expect((await failure(user.sliceUploadFile({ ...b, Key: 'other/big.bin', FilePath }))).statusCode).toBe(403);
  });
});

describe('the start of a path', () => {
  it('is not part of the key: `/` and `./` alone address the bucket, `///a/./b` writes `a/./b`', async () => {
    const raw = h.client({ ObjectKeySimplifyCheck: false });
    for (const Key of ['///////', '/./']) expect((await raw.getObject({ ...b, Key })).Body.toString()).toContain('<ListBucketResult');
    await raw.putObject({ ...b, Key: '///a/./b', Body: 'dots' });
    expect((await h.cos.getObject({ ...b, Key: 'a/./b' })).Body.toString()).toBe('dots');
    expect((await h.cos.getBucket({ ...b, Prefix: 'a/' })).Contents.map((c) => c.Key)).toEqual(['a/./b']);
  });
});

describe('APPEND Object', () => {
  const head = async (Key: string): Promise<Record<string, string>> => (await h.cos.headObject({ ...b, Key })).headers ?? {};

  it('creates an appendable object at position 0 and adds at its length', async () => {
    const first = await h.cos.appendObject({ ...b, Key: 'log.txt', Body: '12345', Position: 0, Headers: { 'x-cos-meta-app': 'one' } });
    expect(first.headers?.['x-cos-next-append-position']).toBe('5');
    await h.cos.appendObject({ ...b, Key: 'log.txt', Body: '678', Position: 5, Headers: { 'x-cos-meta-app': 'two' } });
    expect((await h.cos.getObject({ ...b, Key: 'log.txt' })).Body.toString()).toBe('12345678');
    expect(await head('log.txt')).toMatchObject({
      'content-length': '8', 'content-type': 'text/plain', 'x-cos-object-type': 'appendable', 'x-cos-meta-app': 'one',
      etag: `"${createHash('md5').update('12345678').digest('hex')}"`,
    });
  });

  it('refuses a position other than the length, naming the right one', async () => {
    const err = await failure(h.cos.appendObject({ ...b, Key: 'log.txt', Body: 'x', Position: 3 }));
    expect([err.statusCode, err.code, err.headers['x-cos-next-append-position']]).toEqual([409, 'PositionNotEqualToLength', '8']);
  });

  it('refuses an object written otherwise, and a body that does not match its Content-MD5', async () => {
    await h.cos.putObject({ ...b, Key: 'plain.txt', Body: 'plain' });
    const notAppendable = await failure(h.cos.appendObject({ ...b, Key: 'plain.txt', Body: 'x', Position: 5 }));
    expect([notAppendable.statusCode, notAppendable.code]).toEqual([409, 'ObjectNotAppendable']);
    const bad = await failure(h.cos.appendObject({ ...b, Key: 'log.txt', Body: 'abc', Position: 8, Headers: { 'Content-MD5': md5Base64('xyz') } }));
    expect([bad.statusCode, bad.code]).toEqual([400, 'BadDigest']);
    expect((await h.cos.getObject({ ...b, Key: 'log.txt' })).Body.toString()).toBe('12345678');
  });
});
