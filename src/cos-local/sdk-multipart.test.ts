// Multipart upload through cos-nodejs-sdk-v5 (436/7746, 7750, 7742, 7747, 7740): sliceUploadFile
// end to end, the low-level calls, and the errors Complete and Upload Part answer.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc64Decimal } from '../shared/crc64/crc64';
import { APPID, REGION, failure, keepSdkUploadCacheInMemory, startHarness, type Harness } from './sdk-harness';

const MiB = 1024 * 1024;
const Bucket = `multipart-${APPID}`;
const b = { Bucket, Region: REGION };
const ROOT_ID = 'qcs::cam::uin/100000000001:uin/100000000001';

let h: Harness;
let dir: string;
beforeAll(async () => {
  keepSdkUploadCacheInMemory();
  dir = mkdtempSync(join(tmpdir(), 'cos-local-multipart-'));
  h = await startHarness();
  await h.cos.putBucket(b);
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const md5 = (data: Buffer | string): string => createHash('md5').update(data).digest('hex');

/** The ETag COS gives an object made of these parts: md5 of the binary part MD5s, `-<n>`. */
function multipartEtag(parts: readonly Buffer[]): string {
  const all = createHash('md5');
  for (const p of parts) all.update(createHash('md5').update(p).digest());
  return `"${all.digest('hex')}-${parts.length}"`;
}

function slices(data: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) out.push(data.subarray(i, i + size));
  return out;
}

/** Initiate + upload `parts` (numbered from 1); returns the UploadId and the part ETags. */
async function upload(Key: string, parts: readonly Buffer[]): Promise<{ UploadId: string; etags: string[] }> {
  const { UploadId } = await h.cos.multipartInit({ ...b, Key });
  const etags: string[] = [];
  for (const [i, Body] of parts.entries()) etags.push((await h.cos.multipartUpload({ ...b, Key, UploadId, PartNumber: i + 1, Body })).ETag);
  return { UploadId, etags };
}

describe('sliceUploadFile', () => {
  it('uploads a 4.5 MiB file in five 1 MiB slices: same bytes back, ETag "<md5 of md5s>-5"', async () => {
    const data = randomBytes(4.5 * MiB);
    const FilePath = join(dir, 'slices.bin');
    writeFileSync(FilePath, data);
    const Key = 'big/slices.bin';
    const done = await h.cos.sliceUploadFile({ ...b, Key, FilePath, ChunkSize: MiB });
    const etag = multipartEtag(slices(data, MiB));
    expect(etag).toMatch(/^"[0-9a-f]{32}-5"$/);
    expect(done.ETag).toBe(etag);

    const got = await h.cos.getObject({ ...b, Key });
    expect(got.Body.length).toBe(data.length);
    expect(md5(got.Body)).toBe(md5(data));
    expect(got.ETag).toBe(etag);
    expect(got.headers?.['x-cos-hash-crc64ecma']).toBe(crc64Decimal(data));
    const listed = await h.cos.multipartList({ ...b, Prefix: Key, Delimiter: '' });
    expect(listed.Upload).toEqual([]);
  });
});

describe('the low-level calls', () => {
  it('initiates, uploads, lists, completes; the object keeps the Initiate headers', async () => {
    const Key = 'low/level.txt';
    const init = await h.cos.multipartInit({
      ...b, Key, ContentType: 'text/plain', CacheControl: 'max-age=60', StorageClass: 'STANDARD_IA', Headers: { 'x-cos-meta-author': 'Li Lei' },
    });
    expect(init.UploadId).toMatch(/^\d{10}[0-9a-f]{64}$/);
    expect(init).toMatchObject({ Bucket, Key });

    const parts = [randomBytes(MiB), randomBytes(MiB + 7), Buffer.from('tail')];
    for (const [i, Body] of parts.entries()) {
      const r = await h.cos.multipartUpload({ ...b, Key, UploadId: init.UploadId, PartNumber: i + 1, Body });
      expect(r.ETag).toBe(`"${md5(Body)}"`);
      expect(r.headers?.['x-cos-hash-crc64ecma']).toBe(crc64Decimal(Body));
    }

    const listed = await h.cos.multipartListPart({ ...b, Key, UploadId: init.UploadId });
    expect(listed.Part.map((p) => [p.PartNumber, p.ETag, p.Size])).toEqual(parts.map((p, i) => [String(i + 1), `"${md5(p)}"`, String(p.length)]));
    expect(listed.Part[0]?.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    expect(listed).toMatchObject({
      Bucket, Key, UploadId: init.UploadId, StorageClass: 'STANDARD_IA', IsTruncated: 'false', MaxParts: '1000', PartNumberMarker: '0',
      Initiator: { ID: ROOT_ID, DisplayName: '100000000001' }, Owner: { ID: ROOT_ID, DisplayName: '100000000001' },
    });

    const uploads = await h.cos.multipartList({ ...b, Prefix: 'low/', Delimiter: '' });
    expect(uploads.Upload).toEqual([{
      Key, UploadId: init.UploadId, StorageClass: 'STANDARD_IA', Initiated: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
      Initiator: { ID: ROOT_ID, DisplayName: '100000000001' }, Owner: { ID: ROOT_ID, DisplayName: '100000000001' },
    }]);

    const done = await h.cos.multipartComplete({
      ...b, Key, UploadId: init.UploadId, Parts: parts.map((p, i) => ({ PartNumber: i + 1, ETag: md5(p) })),
    });
    expect(done.ETag).toBe(multipartEtag(parts));
    expect(done.headers?.['etag']).toBe(multipartEtag(parts));
    expect(done.headers?.['x-cos-hash-crc64ecma']).toBe(crc64Decimal(Buffer.concat(parts)));
    expect(done.headers?.['x-cos-version-id']).toBeUndefined();

    const head = await h.cos.headObject({ ...b, Key });
    expect(head.headers).toMatchObject({
      etag: multipartEtag(parts), 'content-type': 'text/plain', 'cache-control': 'max-age=60', 'x-cos-meta-author': 'Li Lei',
      'x-cos-storage-class': 'STANDARD_IA', 'content-length': String(Buffer.concat(parts).length),
    });
    expect(md5((await h.cos.getObject({ ...b, Key })).Body)).toBe(md5(Buffer.concat(parts)));
    expect((await h.cos.multipartList({ ...b, Prefix: 'low/', Delimiter: '' })).Upload).toEqual([]);
    expect(await failure(h.cos.multipartListPart({ ...b, Key, UploadId: init.UploadId }))).toMatchObject({ code: 'NoSuchUpload', statusCode: 404 });
  });

  it('carries the ACL and tags given at Initiate to the object', async () => {
    const Key = 'low/acl-tags.txt';
    const { UploadId } = await h.cos.multipartInit({ ...b, Key, ACL: 'public-read', Headers: { 'x-cos-tagging': 'team=cos&stage=test' } });
    await h.cos.multipartUpload({ ...b, Key, UploadId, PartNumber: 1, Body: 'x' });
    await h.cos.multipartComplete({ ...b, Key, UploadId, Parts: [{ PartNumber: 1, ETag: md5('x') }] });
    expect((await h.cos.getObjectAcl({ ...b, Key })).ACL).toBe('public-read');
    expect((await h.cos.getObjectTagging({ ...b, Key })).Tags).toEqual([{ Key: 'team', Value: 'cos' }, { Key: 'stage', Value: 'test' }]);
  });

  it('answers the Location of the doc: http://<bucket>.cos.<region>.myqcloud.com/<key>', async () => {
    const Key = 'loc/a b.txt';
    const { UploadId, etags } = await upload(Key, [Buffer.from('x')]);
    const r = await h.cos.request({ ...b, Method: 'POST', Key, Query: { uploadId: UploadId },
      Body: `<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>${etags[0] ?? ''}</ETag></Part></CompleteMultipartUpload>` });
    expect(r['CompleteMultipartUploadResult']).toEqual({
      Location: `http://${Bucket}.cos.${REGION}.myqcloud.com/loc/a%20b.txt`, Bucket, Key, ETag: multipartEtag([Buffer.from('x')]),
    });
  });

  it('replaces a part uploaded twice and completes with the subset named', async () => {
    const Key = 'replace.bin';
    const { UploadId } = await upload(Key, [randomBytes(MiB), Buffer.from('first'), Buffer.from('extra')]);
    const second = Buffer.from('second');
    await h.cos.multipartUpload({ ...b, Key, UploadId, PartNumber: 2, Body: second });
    const listed = await h.cos.multipartListPart({ ...b, Key, UploadId });
    expect(listed.Part.map((p) => p.ETag)).toContain(`"${md5(second)}"`);
    expect(await failure(h.cos.multipartComplete({ ...b, Key, UploadId, Parts: [{ PartNumber: 1, ETag: listed.Part[0]?.ETag ?? '' }, { PartNumber: 2, ETag: md5('first') }] })))
      .toMatchObject({ code: 'InvalidPart', statusCode: 400 });
    const first = listed.Part[0]?.ETag ?? '';
    await h.cos.multipartComplete({ ...b, Key, UploadId, Parts: [{ PartNumber: 1, ETag: first }, { PartNumber: 2, ETag: `"${md5(second).toUpperCase()}"` }] });
    const got = (await h.cos.getObject({ ...b, Key })).Body;
    expect(got.subarray(MiB).toString()).toBe('second');
  });

  it('aborts: 204, then the upload is gone', async () => {
    const Key = 'abort.bin';
    const { UploadId } = await upload(Key, [Buffer.from('a')]);
    expect((await h.cos.multipartAbort({ ...b, Key, UploadId })).statusCode).toBe(204);
    expect(await failure(h.cos.multipartAbort({ ...b, Key, UploadId }))).toMatchObject({ code: 'NoSuchUpload', statusCode: 404 });
    expect(await failure(h.cos.multipartListPart({ ...b, Key, UploadId }))).toMatchObject({ code: 'NoSuchUpload', statusCode: 404 });
    expect(await failure(h.cos.multipartUpload({ ...b, Key, UploadId, PartNumber: 1, Body: 'x' }))).toMatchObject({ code: 'NoSuchUpload', statusCode: 404 });
    expect(await failure(h.cos.headObject({ ...b, Key }))).toMatchObject({ statusCode: 404 });
  });

  it('an upload in progress keeps its bucket from being deleted until it is aborted', async () => {
    const kb = { Bucket: `multipart-kept-${APPID}`, Region: REGION };
    await h.cos.putBucket(kb);
    const { UploadId } = await h.cos.multipartInit({ ...kb, Key: 'k' });
    expect(await failure(h.cos.deleteBucket(kb))).toMatchObject({ code: 'BucketNotEmpty', statusCode: 409 });
    await h.cos.multipartAbort({ ...kb, Key: 'k', UploadId });
    expect((await h.cos.deleteBucket(kb)).statusCode).toBe(204);
  });
});

describe('errors', () => {
  const Key = 'errors.bin';
  let UploadId = '';
  let etags: string[] = [];
  const big = randomBytes(MiB);
  beforeAll(async () => {
    ({ UploadId, etags } = await upload(Key, [big, Buffer.from('small middle'), randomBytes(MiB), Buffer.from('end')]));
  });
  /** [part number, ETag sent (default: the one Upload Part answered)] */
  type Sent = readonly (readonly [number, string?])[];
  const complete = (sent: Sent) => failure(h.cos.multipartComplete({
    ...b, Key, UploadId, Parts: sent.map(([PartNumber, ETag]) => ({ PartNumber, ETag: ETag ?? etags[PartNumber - 1] ?? '' })),
  }));

  it.each([
    ['a wrong ETag', 'InvalidPart', [[1, md5('nope')]]],
    ['a part never uploaded', 'InvalidPart', [[1], [2], [3], [4], [5, md5('x')]]],
    ['a gap in the part numbers', 'InvalidPart', [[1], [3]]],
    ['parts out of order', 'InvalidPartOrder', [[2], [1]]],
    ['a part twice', 'InvalidPartOrder', [[1], [1]]],
    ['a middle part under 1 MiB', 'EntityTooSmall', [[1], [2], [3]]],
  ] as const)('Complete with %s → %s', async (_name, code, sent: Sent) => {
    expect(etags).toHaveLength(4);
    expect(await complete(sent)).toMatchObject({ code, statusCode: 400 });
  });

  it('Complete with a body that is not a parts list → MalformedXML', async () => {
    for (const Body of ['junk', '<CompleteMultipartUpload/>', '<CompleteMultipartUpload><Part><PartNumber>x</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>']) {
      expect(await failure(h.cos.request({ ...b, Method: 'POST', Key, Query: { uploadId: UploadId }, Body }))).toMatchObject({ code: 'MalformedXML', statusCode: 400 });
    }
  });

  it('the upload survives the failed Completes and a small last part is fine', async () => {
    await h.cos.multipartComplete({ ...b, Key, UploadId, Parts: [1, 2].map((n) => ({ PartNumber: n, ETag: etags[n - 1] ?? '' })) });
    expect(md5((await h.cos.getObject({ ...b, Key })).Body)).toBe(md5(Buffer.concat([big, Buffer.from('small middle')])));
  });

  it.each([0, 10001])('partNumber %i → InvalidArgument', async (PartNumber) => {
    const other = await h.cos.multipartInit({ ...b, Key: 'numbers.bin' });
    expect(await failure(h.cos.multipartUpload({ ...b, Key: 'numbers.bin', UploadId: other.UploadId, PartNumber, Body: 'x' })))
      .toMatchObject({ code: 'InvalidArgument', statusCode: 400 });
    expect((await h.cos.multipartUpload({ ...b, Key: 'numbers.bin', UploadId: other.UploadId, PartNumber: 10000, Body: 'x' })).ETag).toBe(`"${md5('x')}"`);
  });

  it('an unknown uploadId, or one of another key → NoSuchUpload', async () => {
    const unknown = '1700000000' + '0'.repeat(64);
    const other = await h.cos.multipartInit({ ...b, Key: 'other-key' });
    for (const id of [unknown, other.UploadId]) {
      const ref = { ...b, Key: 'not-the-key', UploadId: id };
      expect(await failure(h.cos.multipartUpload({ ...ref, PartNumber: 1, Body: 'x' }))).toMatchObject({ code: 'NoSuchUpload', statusCode: 404 });
      expect(await failure(h.cos.multipartListPart(ref))).toMatchObject({ code: 'NoSuchUpload', statusCode: 404 });
      expect(await failure(h.cos.multipartComplete({ ...ref, Parts: [{ PartNumber: 1, ETag: md5('x') }] }))).toMatchObject({ code: 'NoSuchUpload', statusCode: 404 });
      expect(await failure(h.cos.multipartAbort(ref))).toMatchObject({ code: 'NoSuchUpload', statusCode: 404 });
    }
  });

  it('a Content-MD5 that does not match the part → BadDigest, and nothing is stored', async () => {
    const { UploadId: id } = await h.cos.multipartInit({ ...b, Key: 'digest.bin' });
    const sent = { ...b, Key: 'digest.bin', UploadId: id, PartNumber: 1, Body: 'abc', Headers: { 'Content-MD5': createHash('md5').update('abd').digest('base64') } };
    expect(await failure(h.cos.multipartUpload(sent))).toMatchObject({ code: 'BadDigest', statusCode: 400 });
    expect((await h.cos.multipartListPart({ ...b, Key: 'digest.bin', UploadId: id })).Part).toEqual([]);
  });
});

describe('x-cos-forbid-overwrite and versioning', () => {
  it('is checked at Initiate and again at Complete', async () => {
    const Key = 'forbid.txt';
    await h.cos.putObject({ ...b, Key, Body: 'old' });
    expect(await failure(h.cos.multipartInit({ ...b, Key, Headers: { 'x-cos-forbid-overwrite': 'true' } }))).toMatchObject({ code: 'FileAlreadyExists', statusCode: 409 });
    await h.cos.deleteObject({ ...b, Key });
    const { UploadId } = await h.cos.multipartInit({ ...b, Key, Headers: { 'x-cos-forbid-overwrite': 'true' } });
    await h.cos.multipartUpload({ ...b, Key, UploadId, PartNumber: 1, Body: 'new' });
    await h.cos.putObject({ ...b, Key, Body: 'raced' });
    expect(await failure(h.cos.multipartComplete({ ...b, Key, UploadId, Parts: [{ PartNumber: 1, ETag: md5('new') }] })))
      .toMatchObject({ code: 'FileAlreadyExists', statusCode: 409 });
    expect((await h.cos.getObject({ ...b, Key })).Body.toString()).toBe('raced');
    const head = await h.cos.headObject({ ...b, Key });
    expect(head.headers?.['x-cos-forbid-overwrite']).toBeUndefined();
  });

  it('answers x-cos-version-id when the bucket has versioning', async () => {
    const vb = { Bucket: `multipart-versions-${APPID}`, Region: REGION };
    await h.cos.putBucket(vb);
    await h.cos.putBucketVersioning({ ...vb, VersioningConfiguration: { Status: 'Enabled' } });
    const Key = 'v.txt';
    const { UploadId } = await h.cos.multipartInit({ ...vb, Key });
    await h.cos.multipartUpload({ ...vb, Key, UploadId, PartNumber: 1, Body: 'v1' });
    const done = await h.cos.multipartComplete({ ...vb, Key, UploadId, Parts: [{ PartNumber: 1, ETag: md5('v1') }] });
    const versionId = done.headers?.['x-cos-version-id'];
    expect(versionId).toMatch(/^[A-Za-z0-9+/]+$/);
    expect((await h.cos.headObject({ ...vb, Key })).headers?.['x-cos-version-id']).toBe(versionId);
  });
});

describe('keys', () => {
  it.each([
    ['unicode and spaces', '目录/文件 名.txt'],
    ['+ % # ?', 'a+b%20c#d?e=f&g'],
    ['emoji', '🙂/😀 x.bin'],
  ])('%s: %s', async (_name, Key) => {
    const parts = [randomBytes(MiB), Buffer.from(Key)];
    const { UploadId, etags } = await upload(Key, parts);
    const uploads = await h.cos.multipartList({ ...b, Prefix: Key, Delimiter: '' });
    expect(uploads.Upload.map((u) => [u.Key, u.UploadId])).toEqual([[Key, UploadId]]);
    const encoded = await h.cos.multipartListPart({ ...b, Key, UploadId, EncodingType: 'url' });
    expect(decodeURIComponent(String((encoded as object as Record<string, unknown>)['Key']))).toBe(Key);
    await h.cos.multipartComplete({ ...b, Key, UploadId, Parts: etags.map((ETag, i) => ({ PartNumber: i + 1, ETag })) });
    expect(md5((await h.cos.getObject({ ...b, Key })).Body)).toBe(md5(Buffer.concat(parts)));
  });
});
