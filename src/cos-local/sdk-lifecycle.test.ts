// Bucket lifecycle through cos-nodejs-sdk-v5 (PUT/GET/DELETE Bucket lifecycle, 436/8280, 436/8278,
// 436/8284): rules round-trip exactly (the SDK suite's own rules included), a missing configuration is the
// 404 the SDK turns into no rules, bad rules get COS's errors, and the rules act when the runner runs —
// here with a clock days ahead, objects written through the SDK.
import type COS from 'cos-nodejs-sdk-v5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../shared/lifecycle/evaluate';
import { APPID, REGION, failure, startHarness, type Harness } from './sdk-harness';

let h: Harness;
const b = { Bucket: `lifecycle-${APPID}`, Region: REGION };
beforeAll(async () => {
  h = await startHarness();
  await h.cos.putBucket(b);
});
afterAll(() => h.close());

type Rules = COS.PutBucketLifecycleParams['Rules'];
const put = (Rules: unknown, at = b) => h.cos.putBucketLifecycle({ ...at, Rules: Rules as Rules });
const rules = async (at = b): Promise<unknown> => (await h.cos.getBucketLifecycle(at)).Rules;

describe('bucket lifecycle configuration', () => {
  it('has none at first: 404 NoSuchLifecycleConfiguration, which the SDK answers as no rules', async () => {
    expect(await h.cos.getBucketLifecycle(b)).toMatchObject({ statusCode: 404, Rules: [] });
  });

  it('returns the SDK suite\'s rules exactly as put', async () => {
    // cos-nodejs-sdk-v5 test/test.js group "BucketLifecycle" (a Beijing-midnight Date transition, twice).
    const suite = ['test1_x', 'test2_y'].map((Prefix, i) => ({
      ID: String(i + 1), Filter: { Prefix }, Status: 'Enabled', Transition: { Date: '2018-07-29T16:00:00.000Z', StorageClass: 'STANDARD_IA' },
    }));
    await put(suite);
    expect(await rules()).toEqual(suite);
  });

  it('returns every rule form as put', async () => {
    const all = [
      {
        ID: 'tags', Filter: { And: { Prefix: 'docs/', Tag: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }] } }, Status: 'Enabled',
        Transition: [{ Days: '30', StorageClass: 'STANDARD_IA' }, { Days: '90', StorageClass: 'ARCHIVE' }],
        Expiration: { Days: '365' },
      },
      {
        ID: 'versions', Filter: { Prefix: 'logs/' }, Status: 'Disabled',
        NoncurrentVersionTransition: { NoncurrentDays: '10', StorageClass: 'STANDARD_IA' },
        NoncurrentVersionExpiration: { NoncurrentDays: '20' },
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: '7' },
      },
      { ID: 'markers', Filter: { Tag: { Key: 'k', Value: 'v' } }, Status: 'Enabled', Expiration: { Date: '2030-01-01T00:00:00+08:00' } },
      { ID: 'sweep', Filter: { Prefix: '' }, Status: 'Enabled', Expiration: { ExpiredObjectDeleteMarker: 'true' } },
    ];
    await put(all);
    expect(await rules()).toEqual(all);
  });

  it('forgets the configuration on DELETE', async () => {
    await h.cos.deleteBucketLifecycle(b);
    expect(await h.cos.getBucketLifecycle(b)).toMatchObject({ statusCode: 404, Rules: [] });
  });

  it.each([
    ['a bad Status', { Status: 'On', Expiration: { Days: 1 } }, 'MalformedXML', 400],
    ['no action', { Status: 'Enabled' }, 'InvalidRequest', 400],
    ['zero expiration days', { Status: 'Enabled', Expiration: { Days: 0 } }, 'InvalidArgument', 400],
    ['Days and Date in one rule', { Status: 'Enabled', Expiration: { Days: 60 }, Transition: { Date: '2030-01-01T00:00:00Z', StorageClass: 'STANDARD_IA' } }, 'InvalidArgument', 400],
    ['a size filter', { Status: 'Enabled', Filter: { And: { Prefix: 'a', ObjectSizeGreaterThan: 1 } }, Expiration: { Days: 1 } }, 'NotImplemented', 501],
  ])('refuses %s', async (_name, rule, code, status) => {
    expect(await failure(put([{ ID: 'bad', Filter: { Prefix: 'x/' }, ...rule }]))).toMatchObject({ code, statusCode: status });
    expect(await h.cos.getBucketLifecycle(b)).toMatchObject({ statusCode: 404 });
  });

  it('answers NoSuchBucket for a bucket that does not exist', async () => {
    expect(await failure(put([{ Filter: { Prefix: '' }, Status: 'Enabled', Expiration: { Days: 1 } }], { Bucket: `nope-${APPID}`, Region: REGION })))
      .toMatchObject({ code: 'NoSuchBucket' });
  });
});

describe('lifecycle rules act when the runner runs', () => {
  const e = { Bucket: `lifecycle-effect-${APPID}`, Region: REGION };
  const later = (days: number) => ({ now: () => Date.now() + days * DAY_MS });
  const exists = (Key: string) => h.cos.headObject({ ...e, Key }).then(() => true, () => false);

  beforeAll(async () => {
    await h.cos.putBucket(e);
    await put([
      { ID: 'tmp', Filter: { Prefix: 'tmp/' }, Status: 'Enabled', Expiration: { Days: 2 }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } },
      { ID: 'cold', Filter: { Prefix: 'cold/' }, Status: 'Enabled', Transition: { Days: 1, StorageClass: 'STANDARD_IA' } },
    ], e);
    for (const Key of ['tmp/a', 'keep/b', 'cold/c']) await h.cos.putObject({ ...e, Key, Body: Key });
    await h.cos.multipartInit({ ...e, Key: 'tmp/upload' });
    await h.cos.multipartInit({ ...e, Key: 'keep/upload' });
  });

  it('transitions and aborts after one day, expires after two, and leaves the rest', async () => {
    await h.server.runLifecycle(later(0));
    expect(await exists('tmp/a')).toBe(true);
    await h.server.runLifecycle(later(2)); // past the first midnight after one day, before the one after two
    expect(await exists('tmp/a')).toBe(true);
    expect((await h.cos.headObject({ ...e, Key: 'cold/c' })).headers?.['x-cos-storage-class']).toBe('STANDARD_IA');
    const uploads = await h.cos.multipartList({ ...e, Prefix: '', Delimiter: '' });
    expect(uploads.Upload.map((u) => u.Key)).toEqual(['keep/upload']);
    await h.server.runLifecycle(later(3));
    expect(await exists('tmp/a')).toBe(false);
    expect(await exists('keep/b')).toBe(true);
    expect((await h.cos.getBucket(e)).Contents.map((c) => c.Key)).toEqual(['cold/c', 'keep/b']);
  });
});
