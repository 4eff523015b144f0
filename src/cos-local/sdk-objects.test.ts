// cos-local driven by cos-nodejs-sdk-v5: PUT Object - Copy (436/10881), DELETE Multiple Objects
// (436/8289), bucket and object tagging (436/34838, 436/42997), x-cos-forbid-overwrite (436/7749),
// and GET Service filtered by tag (436/8291).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPID, REGION, failure, startHarness, type Harness } from './sdk-harness';

let h: Harness;
const Bucket = `objects-${APPID}`;
const at = { Bucket, Region: REGION };
const source = (key: string, bucket = Bucket, region = REGION): string => `${bucket}.cos.${region}.myqcloud.com/${encodeURIComponent(key)}`;

beforeAll(async () => {
  h = await startHarness();
  await h.cos.putBucket(at);
});
afterAll(() => h.close());

describe('PUT Object - Copy', () => {
  it('copies bytes and metadata across buckets and regions, or replaces the metadata', async () => {
    const other = { Bucket: `copy-target-${APPID}`, Region: 'ap-beijing' };
    await h.cos.putBucket(other);
    const key = 'src/日落 sunset+%#?.txt';
    const put = await h.cos.putObject({ ...at, Key: key, Body: 'hello copy', ContentType: 'text/x-test', Headers: { 'x-cos-meta-a': 'b' } });
    const copied = await h.cos.putObjectCopy({ ...other, Key: 'dst.txt', CopySource: source(key) });
    expect(copied.ETag).toBe(put.ETag);
    expect(copied.CRC64).toBe(put.headers?.['x-cos-hash-crc64ecma']);
    const got = await h.cos.getObject({ ...other, Key: 'dst.txt' });
    expect(String(got.Body)).toBe('hello copy');
    expect(got.headers?.['content-type']).toBe('text/x-test');
    expect(got.headers?.['x-cos-meta-a']).toBe('b');

    await h.cos.putObjectCopy({
      ...other, Key: 'replaced.txt', CopySource: source(key), MetadataDirective: 'Replaced', ContentType: 'text/plain', Headers: { 'x-cos-meta-c': 'd' },
    });
    const replaced = await h.cos.headObject({ ...other, Key: 'replaced.txt' });
    expect(replaced.headers?.['content-type']).toBe('text/plain');
    expect(replaced.headers?.['x-cos-meta-a']).toBeUndefined();
    expect(replaced.headers?.['x-cos-meta-c']).toBe('d');
  });

  it('refuses a copy onto itself that changes nothing, but changes the storage class', async () => {
    await h.cos.putObject({ ...at, Key: 'self.txt', Body: 'x' });
    expect(await failure(h.cos.putObjectCopy({ ...at, Key: 'self.txt', CopySource: source('self.txt') }))).toMatchObject({ code: 'InvalidRequest', statusCode: 400 });
    await h.cos.putObjectCopy({ ...at, Key: 'self.txt', CopySource: source('self.txt'), StorageClass: 'STANDARD_IA' });
    expect((await h.cos.headObject({ ...at, Key: 'self.txt' })).headers?.['x-cos-storage-class']).toBe('STANDARD_IA');
  });

  it('answers missing sources and failed copy-source preconditions', async () => {
    expect(await failure(h.cos.putObjectCopy({ ...at, Key: 'x', CopySource: source('missing') }))).toMatchObject({ code: 'NoSuchKey', statusCode: 404 });
    expect(await failure(h.cos.putObjectCopy({ ...at, Key: 'x', CopySource: source('k', `nobucket-${APPID}`) }))).toMatchObject({ code: 'NoSuchBucket' });
    expect(await failure(h.cos.putObjectCopy({ ...at, Key: 'x', CopySource: source('self.txt', Bucket, 'ap-beijing') }))).toMatchObject({ code: 'NoSuchBucket' });
    const etag = (await h.cos.headObject({ ...at, Key: 'self.txt' })).ETag;
    expect(await failure(h.cos.putObjectCopy({ ...at, Key: 'x', CopySource: source('self.txt'), CopySourceIfMatch: '"0000"' })))
      .toMatchObject({ code: 'PreconditionFailed', statusCode: 412 });
    expect(await failure(h.cos.putObjectCopy({ ...at, Key: 'x', CopySource: source('self.txt'), CopySourceIfNoneMatch: etag })))
      .toMatchObject({ code: 'PreconditionFailed', statusCode: 412 });
    await h.cos.putObjectCopy({ ...at, Key: 'x', CopySource: source('self.txt'), CopySourceIfMatch: etag });
  });

  it('copies a given source version', async () => {
    const b = { Bucket: `copy-versions-${APPID}`, Region: REGION };
    await h.cos.putBucket(b);
    await h.cos.putBucketVersioning({ ...b, VersioningConfiguration: { Status: 'Enabled' } });
    const v1 = (await h.cos.putObject({ ...b, Key: 'v', Body: 'first' })).headers?.['x-cos-version-id'] ?? '';
    await h.cos.putObject({ ...b, Key: 'v', Body: 'second' });
    const copied = await h.cos.putObjectCopy({ ...b, Key: 'old', CopySource: `${source('v', b.Bucket)}?versionId=${v1}` });
    expect(copied.headers?.['x-cos-copy-source-version-id']).toBe(v1);
    expect(copied.VersionId).toMatch(/.+/);
    expect(String((await h.cos.getObject({ ...b, Key: 'old' })).Body)).toBe('first');
  });
});

describe('DELETE Multiple Objects', () => {
  it('deletes in verbose and quiet mode, missing keys included', async () => {
    for (const k of ['m/1', 'm/2', 'm/3', 'm/ 空格 +']) await h.cos.putObject({ ...at, Key: k, Body: k });
    const verbose = await h.cos.deleteMultipleObject({ ...at, Objects: [{ Key: 'm/1' }, { Key: 'm/ 空格 +' }, { Key: 'm/never' }] });
    expect(verbose.Deleted.map((d) => d.Key)).toEqual(['m/1', 'm/ 空格 +', 'm/never']);
    expect(verbose.Error).toEqual([]);
    const quiet = await h.cos.deleteMultipleObject({ ...at, Quiet: true, Objects: [{ Key: 'm/2' }, { Key: 'x'.repeat(900) }] });
    expect(quiet.Deleted).toEqual([]);
    expect(quiet.Error.map((e) => e.Code)).toEqual(['KeyTooLong']);
    expect((await h.cos.getBucket({ ...at, Prefix: 'm/' })).Contents.map((c) => c.Key)).toEqual(['m/3']);
  });

  it('creates delete markers in a versioned bucket and deletes versions by id', async () => {
    const b = { Bucket: `multi-versions-${APPID}`, Region: REGION };
    await h.cos.putBucket(b);
    await h.cos.putBucketVersioning({ ...b, VersioningConfiguration: { Status: 'Enabled' } });
    const v = (await h.cos.putObject({ ...b, Key: 'a', Body: 'a' })).headers?.['x-cos-version-id'] ?? '';
    await h.cos.putObject({ ...b, Key: 'b', Body: 'b' });
    const r = await h.cos.deleteMultipleObject({ ...b, Objects: [{ Key: 'a', VersionId: v }, { Key: 'b' }] });
    expect(r.Deleted).toContainEqual({ Key: 'a', VersionId: v });
    expect(r.Deleted).toContainEqual(expect.objectContaining({ Key: 'b', DeleteMarker: 'true', DeleteMarkerVersionId: expect.stringMatching(/.+/) }));
    const listed = await h.cos.listObjectVersions(b);
    expect(listed.Versions.map((x) => x.Key)).toEqual(['b']);
  });

  it('refuses a malformed body', async () => {
    expect(await failure(h.cos.deleteMultipleObject({ ...at, Objects: [] }))).toMatchObject({ code: 'MalformedXML', statusCode: 400 });
  });
});

describe('tagging', () => {
  it('stores bucket tags in order, filters GET Service by tag, and deletes them', async () => {
    const b = { Bucket: `tagged-${APPID}`, Region: REGION };
    await h.cos.putBucket(b);
    // The SDK turns NoSuchTagSet (404) into an empty tag set (sdk/base.js getBucketTagging).
    expect((await h.cos.getBucketTagging(b)).Tags).toEqual([]);
    const raw = await fetch(`${h.server.url}/${b.Bucket}?tagging`);
    expect(raw.status).toBe(403); // anonymous; the code of a signed request is checked below
    const Tags = [{ Key: 'team', Value: 'media' }, { Key: 'env', Value: 'prod' }];
    await h.cos.putBucketTagging({ ...b, Tags });
    expect((await h.cos.getBucketTagging(b)).Tags).toEqual(Tags);
    const byTag = await h.cos.getService({ TagKey: 'team', TagValue: 'media' } as Parameters<typeof h.cos.getService>[0]);
    expect(byTag.Buckets.map((x) => x.Name)).toEqual([b.Bucket]);
    const none = await h.cos.getService({ TagKey: 'team', TagValue: 'other' } as Parameters<typeof h.cos.getService>[0]);
    expect(none.Buckets).toEqual([]);
    expect(await failure(h.cos.putBucketTagging({ ...b, Tags: [{ Key: 'a', Value: '1' }, { Key: 'a', Value: '2' }] }))).toMatchObject({ code: 'InvalidTag', statusCode: 400 });
    await h.cos.deleteBucketTagging(b);
    // The raw answer, without the SDK's mapping.
    expect(await failure(h.cos.request({ ...b, Method: 'GET', Action: 'tagging' }))).toMatchObject({ code: 'NoSuchTagSet', statusCode: 404 });
  });

  it('tags objects from the x-cos-tagging header and through ?tagging', async () => {
    await h.cos.putObject({ ...at, Key: 't.txt', Body: 't', Headers: { 'x-cos-tagging': 'a=1&b=%E4%B8%AD' } });
    expect((await h.cos.getObjectTagging({ ...at, Key: 't.txt' })).Tags).toEqual([{ Key: 'a', Value: '1' }, { Key: 'b', Value: '中' }]);
    expect((await h.cos.headObject({ ...at, Key: 't.txt' })).headers?.['x-cos-tagging-count']).toBe('2');
    await h.cos.putObjectTagging({ ...at, Key: 't.txt', Tags: [{ Key: 'c', Value: '3' }] });
    expect((await h.cos.getObjectTagging({ ...at, Key: 't.txt' })).Tags).toEqual([{ Key: 'c', Value: '3' }]);
    await h.cos.deleteObjectTagging({ ...at, Key: 't.txt' });
    expect((await h.cos.getObjectTagging({ ...at, Key: 't.txt' })).Tags).toEqual([]);
    expect(await failure(h.cos.putObjectTagging({ ...at, Key: 'nope', Tags: [{ Key: 'c', Value: '3' }] }))).toMatchObject({ code: 'NoSuchKey' });
    const eleven = Array.from({ length: 11 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    expect(await failure(h.cos.putObjectTagging({ ...at, Key: 't.txt', Tags: eleven }))).toMatchObject({ code: 'InvalidTag' });
  });
});

describe('x-cos-forbid-overwrite', () => {
  it('refuses to overwrite an existing object, and allows a new key', async () => {
    const Headers = { 'x-cos-forbid-overwrite': 'true' };
    await h.cos.putObject({ ...at, Key: 'once.txt', Body: '1', Headers });
    expect(await failure(h.cos.putObject({ ...at, Key: 'once.txt', Body: '2', Headers }))).toMatchObject({ code: 'FileAlreadyExists', statusCode: 409 });
    expect(String((await h.cos.getObject({ ...at, Key: 'once.txt' })).Body)).toBe('1');
    await h.cos.putObject({ ...at, Key: 'once.txt', Body: '3', Headers: { 'x-cos-forbid-overwrite': 'false' } });
    expect(String((await h.cos.getObject({ ...at, Key: 'once.txt' })).Body)).toBe('3');
  });
});
