// cos-local driven by cos-nodejs-sdk-v5: buckets, objects and refused requests.
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc64Decimal } from '../shared/crc64/crc64';
import { APPID, REGION, SECRET_KEY, failure, startHarness, type Harness } from './sdk-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const md5 = (b: Buffer | string): string => createHash('md5').update(b).digest('hex');

describe('buckets', () => {
  const Bucket = `buckets-${APPID}`;

  it('creates, heads, lists and deletes a bucket', async () => {
    await h.cos.putBucket({ Bucket, Region: REGION });
    const head = await h.cos.headBucket({ Bucket, Region: REGION });
    expect(head.statusCode).toBe(200);
    expect(head.headers?.['x-cos-bucket-region']).toBe(REGION);

    const service = await h.cos.getService({});
    expect(service.Owner).toEqual({ ID: 'qcs::cam::uin/100000000001:uin/100000000001', DisplayName: '100000000001' });
    expect(service.Buckets).toContainEqual({ Name: Bucket, Location: REGION, CreationDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) });
    expect((await h.cos.getService({ Region: 'ap-beijing' })).Buckets.map((b) => b.Name)).not.toContain(Bucket);

    expect(await failure(h.cos.putBucket({ Bucket, Region: REGION }))).toMatchObject({ code: 'BucketAlreadyOwnedByYou', statusCode: 409 });
    await h.cos.putObject({ Bucket, Region: REGION, Key: 'x', Body: 'x' });
    expect(await failure(h.cos.deleteBucket({ Bucket, Region: REGION }))).toMatchObject({ code: 'BucketNotEmpty', statusCode: 409 });
    await h.cos.deleteObject({ Bucket, Region: REGION, Key: 'x' });
    expect((await h.cos.deleteBucket({ Bucket, Region: REGION })).statusCode).toBe(204);
    expect(await failure(h.cos.headBucket({ Bucket, Region: REGION }))).toMatchObject({ statusCode: 404 });
  });

  it('binds a bucket to its region', async () => {
    const b = `bound-${APPID}`;
    await h.cos.putBucket({ Bucket: b, Region: 'ap-chengdu' });
    expect(await failure(h.cos.headBucket({ Bucket: b, Region: REGION }))).toMatchObject({ statusCode: 404 });
    expect(await failure(h.cos.getBucket({ Bucket: b, Region: REGION }))).toMatchObject({ code: 'NoSuchBucket', statusCode: 404 });
    expect((await h.cos.getBucket({ Bucket: b, Region: 'ap-chengdu' })).Contents).toEqual([]);
  });

  it('refuses bad names and other accounts\' APPIDs', async () => {
    expect(await failure(h.cos.putBucket({ Bucket: `bad--${APPID}`, Region: REGION }))).toMatchObject({ code: 'InvalidBucketName', statusCode: 400 });
    expect(await failure(h.cos.putBucket({ Bucket: 'theirs-1250000001', Region: REGION }))).toMatchObject({ code: 'AccessDenied', statusCode: 403 });
  });
});

describe('objects', () => {
  const Bucket = `objects-${APPID}`;
  const o = { Bucket, Region: REGION };
  beforeAll(() => h.cos.putBucket(o));

  it.each([
    ['unicode, space, + % # ? and emoji', 'dir/中文 a+b%20(1) #x?y=z 🙂.txt'],
    ['slashes and dots kept as they are', 'a//b/../c'],
    ['850 bytes (the documented maximum)', `long/${'中'.repeat(280)}/xxxx`],
  ])('round-trips a key with %s', async (_name, Key) => {
    expect(Buffer.byteLength(Key)).toBeLessThanOrEqual(850);
    const Body = `body of ${Key}`;
    const put = await h.cos.putObject({
      ...o, Key, Body, ContentType: 'text/plain; charset=utf-8', ContentDisposition: 'attachment; filename="a.txt"',
      CacheControl: 'max-age=60', Headers: { 'x-cos-meta-author': 'Zhang San' },
    });
    expect(put.ETag).toBe(`"${md5(Body)}"`);
    expect(put.headers?.['x-cos-hash-crc64ecma']).toBe(crc64Decimal(Buffer.from(Body)));
    const got = await h.cos.getObject({ ...o, Key });
    expect(got.Body.toString()).toBe(Body);
    expect(got.headers).toMatchObject({
      etag: `"${md5(Body)}"`, 'content-type': 'text/plain; charset=utf-8', 'content-disposition': 'attachment; filename="a.txt"',
      'cache-control': 'max-age=60', 'x-cos-meta-author': 'Zhang San', 'content-length': String(Buffer.byteLength(Body)),
      'accept-ranges': 'bytes', 'x-cos-hash-crc64ecma': crc64Decimal(Buffer.from(Body)),
    });
    const listed = await h.cos.getBucket({ ...o, Prefix: Key });
    expect(listed.Contents.map((c) => c.Key)).toEqual([Key]);
  });

  it('refuses a key longer than 850 bytes with KeyTooLong', async () => {
    const Key = 'k'.repeat(1000);
    expect(await failure(h.cos.putObject({ ...o, Key, Body: 'x' }))).toMatchObject({ code: 'KeyTooLong', statusCode: 400 });
  });

  it('stores a binary body, heads it, serves ranges and deletes it', async () => {
    const Body = randomBytes(256 * 1024 + 3);
    await h.cos.putObject({ ...o, Key: 'bin', Body });
    const head = await h.cos.headObject({ ...o, Key: 'bin' });
    expect(head.headers).toMatchObject({ 'content-length': String(Body.length), etag: `"${md5(Body)}"`, 'content-type': 'application/octet-stream' });
    expect(head.headers?.['last-modified']).toMatch(/GMT$/);

    const part = await h.cos.getObject({ ...o, Key: 'bin', Range: 'bytes=10-19' });
    expect(part.statusCode).toBe(206);
    expect(part.headers?.['content-range']).toBe(`bytes 10-19/${Body.length}`);
    expect(part.Body.equals(Body.subarray(10, 20))).toBe(true);
    expect((await h.cos.getObject({ ...o, Key: 'bin', Range: 'bytes=-5' })).Body.equals(Body.subarray(-5))).toBe(true);
    expect(await failure(h.cos.getObject({ ...o, Key: 'bin', Range: `bytes=${Body.length}-` }))).toMatchObject({ code: 'InvalidRange', statusCode: 416 });

    expect((await h.cos.deleteObject({ ...o, Key: 'bin' })).statusCode).toBe(204);
    expect(await failure(h.cos.getObject({ ...o, Key: 'bin' }))).toMatchObject({ code: 'NoSuchKey', statusCode: 404 });
    expect(await failure(h.cos.headObject({ ...o, Key: 'bin' }))).toMatchObject({ statusCode: 404 });
    expect((await h.cos.deleteObject({ ...o, Key: 'bin' })).statusCode).toBe(204); // missing is fine
  });

  it('overwrites, keeps the latest metadata, and answers conditional GETs', async () => {
    await h.cos.putObject({ ...o, Key: 'over', Body: 'one', Headers: { 'x-cos-meta-v': '1' } });
    await h.cos.putObject({ ...o, Key: 'over', Body: 'two', StorageClass: 'STANDARD_IA' });
    const got = await h.cos.getObject({ ...o, Key: 'over' });
    expect(got.Body.toString()).toBe('two');
    expect(got.headers?.['x-cos-meta-v']).toBeUndefined();
    expect(got.headers?.['x-cos-storage-class']).toBe('STANDARD_IA');
    const lastModified = got.headers?.['last-modified'] ?? '';
    // The SDK maps a 304 to NotModified only for If-Modified-Since (sdk/base.js headObject).
    expect(await h.cos.headObject({ ...o, Key: 'over', Headers: { 'If-Modified-Since': lastModified } })).toMatchObject({ NotModified: true, statusCode: 304 });
    expect(await failure(h.cos.getObject({ ...o, Key: 'over', IfNoneMatch: `"${md5('two')}"` }))).toMatchObject({ statusCode: 304 });
    expect(await failure(h.cos.getObject({ ...o, Key: 'over', IfMatch: '"nope"' }))).toMatchObject({ code: 'PreconditionFailed', statusCode: 412 });
  });

  it('checks Content-MD5 and applies response-* overrides', async () => {
    const wrong = createHash('md5').update('other').digest('base64');
    expect(await failure(h.cos.putObject({ ...o, Key: 'md5', Body: 'data', Headers: { 'Content-MD5': wrong } }))).toMatchObject({ code: 'BadDigest', statusCode: 400 });
    expect(await failure(h.cos.headObject({ ...o, Key: 'md5' }))).toMatchObject({ statusCode: 404 });
    await h.cos.putObject({ ...o, Key: 'md5', Body: 'data', Headers: { 'Content-MD5': createHash('md5').update('data').digest('base64') } });
    const got = await h.cos.getObject({ ...o, Key: 'md5', ResponseContentType: 'image/png', ResponseContentDisposition: 'inline' });
    expect(got.headers).toMatchObject({ 'content-type': 'image/png', 'content-disposition': 'inline' });
  });
});

describe('refusals', () => {
  const Bucket = `refusals-${APPID}`;
  beforeAll(async () => {
    await h.cos.putBucket({ Bucket, Region: REGION });
    await h.cos.putObject({ Bucket, Region: REGION, Key: 'secret.txt', Body: 'secret' });
  });

  it.each([
    ['a wrong SecretKey', { SecretKey: `${SECRET_KEY}x` }, 'SignatureDoesNotMatch'],
    ['an unknown SecretId', { SecretId: 'AKIDunknown' }, 'InvalidAccessKeyId'],
    ['an expired signature', { SystemClockOffset: -2 * 3600_000, CorrectClockSkew: false }, 'AccessDenied'],
  ])('%s → %s', async (_name, options, code) => {
    const f = await failure(h.client(options).getObject({ Bucket, Region: REGION, Key: 'secret.txt' }));
    expect(f).toMatchObject({ code, statusCode: 403 });
    expect(f.requestId).toBe(f.headers['x-cos-request-id']);
    expect(f.headers['server']).toBe('tencent-cos');
  });

  it('says "Request has expired" so the SDK can correct its clock', async () => {
    const f = await failure(h.client({ SystemClockOffset: -2 * 3600_000, CorrectClockSkew: false }).headBucket({ Bucket, Region: REGION }));
    expect(f.statusCode).toBe(403);
    const corrected = h.client({ SystemClockOffset: -2 * 3600_000 }); // CorrectClockSkew defaults to true
    expect((await corrected.getObject({ Bucket, Region: REGION, Key: 'secret.txt' })).Body.toString()).toBe('secret');
  });

  it('verifies signatures over awkward params and headers (the SDK suite\'s "auth check")', async () => {
    const weird = 'aksjhdlash sajlhj!@#$%^&*()_+=-[]{}\';:"/.<>?.,??sadasd#/.,/~`';
    const r = await h.cos.getBucket({ Bucket, Region: REGION, Prefix: weird, Headers: { 'x-cos-test': weird } });
    expect(r.statusCode).toBe(200);
    expect(r.Prefix).toBe(weird);
  });

  it('accepts absolute-form requests (the SDK\'s Proxy option)', async () => {
    const viaProxy = h.client({ Ip: '', Proxy: h.server.url });
    expect((await viaProxy.getObject({ Bucket, Region: REGION, Key: 'secret.txt' })).Body.toString()).toBe('secret');
  });

  it('denies anonymous reads', async () => {
    const res = await fetch(`${h.server.url}/${Bucket}/secret.txt`);
    expect(res.status).toBe(403);
    expect(res.headers.get('x-cos-request-id')).toMatch(/^req-\d+$/);
    const body = await res.text();
    expect(body).toContain('<Code>AccessDenied</Code>');
    expect(body).toContain(`<Resource>127.0.0.1:${h.server.port}/${Bucket}/secret.txt</Resource>`);
  });

  it('answers NotImplemented for what cos-local lacks, and HTML on website hosts', async () => {
    // (A website host of a bucket without a website configuration: NoSuchWebsiteConfiguration, see sdk-website.test.ts.)
    expect(await failure(h.cos.getBucketLogging({ Bucket, Region: REGION }))).toMatchObject({ code: 'NotImplemented', statusCode: 501 });
    const res = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = request({ port: h.server.port, path: '/', headers: { host: `${Bucket}.cos-website.${REGION}.myqcloud.com` } }, (r) => {
        let body = '';
        r.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: r.statusCode ?? 0, type: r.headers['content-type'] ?? '', body }));
      });
      req.on('error', reject).end();
    });
    expect(res).toMatchObject({ status: 404, type: 'text/html; charset=utf-8' });
    expect(res.body).toContain('NoSuchWebsiteConfiguration');
  });
});
