// cos-local driven by cos-nodejs-sdk-v5: bucket versioning, versions, delete markers and
// ListObjectVersions (436/19883, 436/19889, 436/35521).
import type COS from 'cos-nodejs-sdk-v5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPID, REGION, failure, startHarness, type Harness } from './sdk-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** The SDK leaves a single CommonPrefixes element unwrapped. */
const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const body = async (p: Promise<{ Body: Buffer | string }>): Promise<string> => String((await p).Body);

describe('versioning', () => {
  const Bucket = `versions-${APPID}`;
  const at = { Bucket, Region: REGION };

  it('is unconfigured until set, then Enabled or Suspended', async () => {
    await h.cos.putBucket(at);
    expect((await h.cos.getBucketVersioning(at)).VersioningConfiguration).toEqual({});
    expect(await failure(h.cos.putBucketVersioning({ ...at, VersioningConfiguration: { Status: 'On' as 'Enabled' } })))
      .toMatchObject({ code: 'MalformedXML', statusCode: 400 });
    await h.cos.putBucketVersioning({ ...at, VersioningConfiguration: { Status: 'Enabled' } });
    expect((await h.cos.getBucketVersioning(at)).VersioningConfiguration).toEqual({ Status: 'Enabled' });
  });

  it('keeps every version, reads each by id, and hides the key behind a delete marker', async () => {
    // An object written before versioning was enabled keeps the version id "null".
    const plain = `plain-${APPID}`;
    await h.cos.putBucket({ Bucket: plain, Region: REGION });
    const unversioned = await h.cos.putObject({ Bucket: plain, Region: REGION, Key: 'k', Body: 'x' });
    expect(unversioned.headers?.['x-cos-version-id']).toBeUndefined();

    const v1 = await h.cos.putObject({ ...at, Key: 'doc.txt', Body: 'one' });
    const v2 = await h.cos.putObject({ ...at, Key: 'doc.txt', Body: 'two' });
    const id1 = v1.headers?.['x-cos-version-id'] ?? '';
    const id2 = v2.headers?.['x-cos-version-id'] ?? '';
    expect(id1).toMatch(/^[A-Za-z0-9+/]+$/);
    expect(id2).not.toBe(id1);
    expect(await body(h.cos.getObject({ ...at, Key: 'doc.txt' }))).toBe('two');
    expect(await body(h.cos.getObject({ ...at, Key: 'doc.txt', VersionId: id1 }))).toBe('one');
    expect((await h.cos.headObject({ ...at, Key: 'doc.txt', VersionId: id1 } as COS.HeadObjectParams)).headers?.['x-cos-version-id']).toBe(id1);

    const del = await h.cos.deleteObject({ ...at, Key: 'doc.txt' });
    expect(del.headers?.['x-cos-delete-marker']).toBe('true');
    const markerId = del.headers?.['x-cos-version-id'] ?? '';
    expect(markerId).not.toBe('');
    const hidden = await failure(h.cos.getObject({ ...at, Key: 'doc.txt' }));
    expect(hidden).toMatchObject({ code: 'NoSuchKey', statusCode: 404 });
    expect(hidden.headers['x-cos-delete-marker']).toBe('true');
    expect((await h.cos.getBucket(at)).Contents.map((c) => c.Key)).not.toContain('doc.txt');
    expect(await failure(h.cos.getObject({ ...at, Key: 'doc.txt', VersionId: markerId }))).toMatchObject({ statusCode: 405 });
    expect(await body(h.cos.getObject({ ...at, Key: 'doc.txt', VersionId: id2 }))).toBe('two');
    expect(await failure(h.cos.getObject({ ...at, Key: 'doc.txt', VersionId: 'bm9uZQ' }))).toMatchObject({ code: 'NoSuchVersion', statusCode: 404 });

    const listed = await h.cos.listObjectVersions({ ...at, Prefix: 'doc.txt' });
    expect(listed.Versions.map((v) => [v.VersionId, v.IsLatest])).toEqual([[id2, 'false'], [id1, 'false']]);
    expect(listed.DeleteMarkers.map((v) => [v.VersionId, v.IsLatest])).toEqual([[markerId, 'true']]);

    // Removing the delete marker by id restores the newest version.
    const undelete = await h.cos.deleteObject({ ...at, Key: 'doc.txt', VersionId: markerId } as COS.DeleteObjectParams);
    expect(undelete.headers?.['x-cos-delete-marker']).toBe('true');
    expect(await body(h.cos.getObject({ ...at, Key: 'doc.txt' }))).toBe('two');
    // Deleting the current version by id makes the previous one current.
    await h.cos.deleteObject({ ...at, Key: 'doc.txt', VersionId: id2 } as COS.DeleteObjectParams);
    expect(await body(h.cos.getObject({ ...at, Key: 'doc.txt' }))).toBe('one');
    expect((await h.cos.getBucket({ ...at, Prefix: 'doc.txt' })).Contents.map((c) => c.ETag)).toEqual([v1.ETag]);
  });

  it('writes the "null" version while suspended, replacing the previous null version only', async () => {
    const b = { Bucket: `suspended-${APPID}`, Region: REGION };
    await h.cos.putBucket(b);
    await h.cos.putObject({ ...b, Key: 'k', Body: 'before' }); // null version (never versioned)
    await h.cos.putBucketVersioning({ ...b, VersioningConfiguration: { Status: 'Enabled' } });
    const kept = (await h.cos.putObject({ ...b, Key: 'k', Body: 'enabled' })).headers?.['x-cos-version-id'] ?? '';
    await h.cos.putBucketVersioning({ ...b, VersioningConfiguration: { Status: 'Suspended' } });
    const s1 = await h.cos.putObject({ ...b, Key: 'k', Body: 'suspended-1' });
    expect(s1.headers?.['x-cos-version-id']).toBe('null');
    await h.cos.putObject({ ...b, Key: 'k', Body: 'suspended-2' });
    const versions = (await h.cos.listObjectVersions({ ...b })).Versions;
    expect(versions.map((v) => v.VersionId)).toEqual(['null', kept]);
    expect(await body(h.cos.getObject({ ...b, Key: 'k', VersionId: 'null' }))).toBe('suspended-2');
    expect(await body(h.cos.getObject({ ...b, Key: 'k', VersionId: kept }))).toBe('enabled');
    // A delete while suspended puts a null delete marker in place of the null version.
    const del = await h.cos.deleteObject({ ...b, Key: 'k' });
    expect(del.headers?.['x-cos-version-id']).toBe('null');
    const after = await h.cos.listObjectVersions({ ...b });
    expect(after.Versions.map((v) => v.VersionId)).toEqual([kept]);
    expect(after.DeleteMarkers.map((v) => v.VersionId)).toEqual(['null']);
    // A bucket with versions left is not empty.
    expect(await failure(h.cos.deleteBucket(b))).toMatchObject({ code: 'BucketNotEmpty' });
  });

  it('pages ListObjectVersions with key and version-id markers, and rolls up prefixes', async () => {
    const b = { Bucket: `paging-${APPID}`, Region: REGION };
    await h.cos.putBucket(b);
    await h.cos.putBucketVersioning({ ...b, VersioningConfiguration: { Status: 'Enabled' } });
    for (const key of ['a', 'a', 'a', 'b', 'dir/x', 'dir/y', 'c']) await h.cos.putObject({ ...b, Key: key, Body: key });
    const seen: string[] = [];
    let KeyMarker = '';
    let VersionIdMarker = '';
    for (let page = 0; page < 10; page++) {
      // KeyMarker is sent as key-marker by the SDK, though its typings name it Marker.
      const r = await h.cos.listObjectVersions({ ...b, MaxKeys: '2', Delimiter: '/', KeyMarker, VersionIdMarker } as COS.ListObjectVersionsParams);
      seen.push(...r.Versions.map((v) => `${v.Key}${v.IsLatest === 'true' ? '*' : ''}`), ...asList(r.CommonPrefixes).map((p) => p.Prefix));
      if (r.IsTruncated !== 'true') break;
      KeyMarker = (r as { NextKeyMarker?: string }).NextKeyMarker ?? '';
      VersionIdMarker = r.NextVersionIdMarker ?? '';
    }
    expect(seen).toEqual(['a*', 'a', 'a', 'b*', 'c*', 'dir/']);
    const encoded = await h.cos.listObjectVersions({ ...b, Prefix: 'dir/', EncodingType: 'url' });
    expect(encoded.Versions.map((v) => v.Key)).toEqual(['dir%2Fx', 'dir%2Fy']);
    expect(await failure(h.cos.listObjectVersions({ ...b, VersionIdMarker: 'x' }))).toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('an empty versionId', () => {
  const at = { Bucket: `empty-vid-${APPID}`, Region: REGION };
  /** A signed request with `?versionId=` (the SDK's own calls leave an empty VersionId out). */
  const withEmptyVersionId = (Method: string, Action?: string, Body?: string, Headers?: Record<string, string>) =>
    h.cos.request({
      ...at, Key: 'doc.txt', Method, ...(Action ? { Action } : {}), Query: { versionId: '' },
      ...(Body === undefined ? {} : { Body }), ...(Headers ? { Headers } : {}), RawBody: true,
    } as COS.RequestParams) as
      Promise<{ Body?: unknown; headers?: Record<string, string>; statusCode?: number }>;

  beforeAll(async () => {
    await h.cos.putBucket(at);
    await h.cos.putBucketVersioning({ ...at, VersioningConfiguration: { Status: 'Enabled' } });
    await h.cos.putObject({ ...at, Key: 'doc.txt', Body: 'old' });
  });

  it('addresses the latest version, as a request without it does (GET/HEAD Object, tagging, ACL)', async () => {
    const latest = await h.cos.putObject({ ...at, Key: 'doc.txt', Body: 'latest' });
    const latestId = latest.headers?.['x-cos-version-id'];
    const got = await withEmptyVersionId('GET');
    expect(String(got.Body)).toBe('latest');
    expect(got.headers?.['x-cos-version-id']).toBe(latestId);
    expect((await withEmptyVersionId('HEAD')).headers?.['x-cos-version-id']).toBe(latestId);

    await withEmptyVersionId('PUT', 'tagging', '<Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet></Tagging>');
    expect((await h.cos.getObjectTagging({ ...at, Key: 'doc.txt' })).Tags).toEqual([{ Key: 'k', Value: 'v' }]);
    expect(String((await withEmptyVersionId('GET', 'tagging')).Body)).toContain('<Key>k</Key>');

    await h.cos.putObjectAcl({ ...at, Key: 'doc.txt', ACL: 'public-read' });
    const acl = String((await withEmptyVersionId('GET', 'acl')).Body);
    expect(acl).toContain('<Permission>READ</Permission>');
    const plainAcl = await h.cos.request({ ...at, Key: 'doc.txt', Method: 'GET', Action: 'acl', RawBody: true } as COS.RequestParams) as { Body?: unknown };
    expect(acl).toBe(String(plainAcl.Body));
    await withEmptyVersionId('PUT', 'acl', undefined, { 'x-cos-acl': 'private' });
    expect(String((await withEmptyVersionId('GET', 'acl')).Body)).not.toContain('<Permission>READ</Permission>');
  });

  it('DELETE ?versionId= deletes the current object (a delete marker), as DELETE without it', async () => {
    const del = await withEmptyVersionId('DELETE');
    expect(del.statusCode).toBe(204);
    expect(del.headers?.['x-cos-delete-marker']).toBe('true');
    expect(await failure(h.cos.getObject({ ...at, Key: 'doc.txt' }))).toMatchObject({ statusCode: 404 });
    const versions = await h.cos.listObjectVersions({ ...at, Prefix: 'doc.txt' });
    expect(versions.DeleteMarkers).toHaveLength(1);
    expect(versions.Versions).toHaveLength(2);
  });
});
