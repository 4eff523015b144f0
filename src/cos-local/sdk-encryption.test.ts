// Bucket default encryption through cos-nodejs-sdk-v5 (PUT/GET/DELETE Bucket encryption, 436/40136-40138):
// the configuration round-trips, a missing one is the 404 the SDK turns into no rules, and with SSE-COS as
// the default every new object is recorded and reported as `x-cos-server-side-encryption: AES256`.
import type COS from 'cos-nodejs-sdk-v5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPID, REGION, failure, startHarness, type Harness } from './sdk-harness';

let h: Harness;
const b = { Bucket: `sse-${APPID}`, Region: REGION };
beforeAll(async () => {
  h = await startHarness();
  await h.cos.putBucket(b);
});
afterAll(() => h.close());

type EncryptionParams = COS.PutBucketEncryptionParams;
const aes = { ServerSideEncryptionConfiguration: { Rule: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } } as unknown as Partial<EncryptionParams>;
const put = (config: Partial<EncryptionParams>) => h.cos.putBucketEncryption({ ...b, ...config } as EncryptionParams);
const sse = (r: { headers?: Record<string, string> }): string | undefined => r.headers?.['x-cos-server-side-encryption'];

describe('bucket encryption configuration', () => {
  it('has none at first: 404 NoSuchEncryptionConfiguration, which the SDK answers as no rules', async () => {
    expect(await h.cos.getBucketEncryption(b)).toMatchObject({ statusCode: 404, EncryptionConfiguration: { Rules: [] } });
  });

  it('refuses the SDK suite\'s empty configuration, so there is still none', async () => {
    expect(await failure(put({}))).toMatchObject({ code: 'MalformedXML', statusCode: 400 });
    expect(((await h.cos.getBucketEncryption(b)) as unknown as { EncryptionConfiguration: unknown }).EncryptionConfiguration).toEqual({ Rules: [] });
  });

  it('returns the configuration as it was put, and forgets it on DELETE', async () => {
    await put(aes);
    const got = (await h.cos.getBucketEncryption(b)) as unknown as { statusCode: number; ServerSideEncryptionConfiguration: unknown };
    expect(got.statusCode).toBe(200);
    expect(got.ServerSideEncryptionConfiguration).toEqual({ Rule: { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } } });
    await h.cos.deleteBucketEncryption(b);
    expect(await h.cos.getBucketEncryption(b)).toMatchObject({ statusCode: 404 });
  });

  it('accepts the SDK suite\'s rule with a misspelt child (COS does), which encrypts nothing', async () => {
    await put({ ServerSideEncryptionConfiguration: { Rule: [{ ApplySideEncryptionConfiguration: { SSEAlgorithm: 'AES256' } }] } } as unknown as Partial<EncryptionParams>);
    expect((await h.cos.getBucketEncryption(b)).statusCode).toBe(200);
    expect(sse(await h.cos.putObject({ ...b, Key: 'plain-under-odd-rule', Body: 'x' }))).toBeUndefined();
    await h.cos.deleteBucketEncryption(b);
  });

  it.each([
    ['KMS (no key service)', 'KMS', 'NotImplemented', 501],
    ['SM4', 'SM4', 'NotImplemented', 501],
    ['an unknown algorithm', 'DES', 'MalformedXML', 400],
  ])('refuses %s', async (_name, algorithm, code, status) => {
    const config = { ServerSideEncryptionConfiguration: { Rule: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: algorithm } }] } };
    expect(await failure(put(config as unknown as Partial<EncryptionParams>))).toMatchObject({ code, statusCode: status });
  });

  it('answers NoSuchBucket for a bucket that does not exist', async () => {
    expect(await failure(h.cos.getBucketEncryption({ Bucket: `nope-${APPID}`, Region: REGION }))).toMatchObject({ code: 'NoSuchBucket' });
  });
});

describe('default encryption takes effect', () => {
  const d = { Bucket: `sse-effect-${APPID}`, Region: REGION };
  beforeAll(async () => {
    await h.cos.putBucket(d);
    await h.cos.putObject({ ...d, Key: 'before', Body: 'old' });
    await h.cos.putBucketEncryption({ ...d, ...aes } as EncryptionParams);
  });

  it('records and reports AES256 on PUT, HEAD and GET of new objects only', async () => {
    expect(sse(await h.cos.putObject({ ...d, Key: 'new', Body: 'data' }))).toBe('AES256');
    expect(sse(await h.cos.headObject({ ...d, Key: 'new' }))).toBe('AES256');
    const got = await h.cos.getObject({ ...d, Key: 'new' });
    expect(sse(got)).toBe('AES256');
    expect(String(got.Body)).toBe('data');
    expect(sse(await h.cos.headObject({ ...d, Key: 'before' }))).toBeUndefined();
  });

  it('applies to copies and multipart uploads too', async () => {
    await h.cos.putObjectCopy({ ...d, Key: 'copy', CopySource: `${d.Bucket}.cos.${REGION}.myqcloud.com/before` });
    expect(sse(await h.cos.headObject({ ...d, Key: 'copy' }))).toBe('AES256');
    const init = await h.cos.multipartInit({ ...d, Key: 'multi' });
    const part = await h.cos.multipartUpload({ ...d, Key: 'multi', UploadId: init.UploadId, PartNumber: 1, Body: 'only part' });
    await h.cos.multipartComplete({ ...d, Key: 'multi', UploadId: init.UploadId, Parts: [{ PartNumber: 1, ETag: part.ETag }] });
    expect(sse(await h.cos.headObject({ ...d, Key: 'multi' }))).toBe('AES256');
  });

  it('stops applying once the configuration is deleted', async () => {
    await h.cos.deleteBucketEncryption(d);
    expect(sse(await h.cos.putObject({ ...d, Key: 'after', Body: 'x' }))).toBeUndefined();
    expect(sse(await h.cos.headObject({ ...d, Key: 'new' }))).toBe('AES256'); // recorded, not recomputed
  });
});
