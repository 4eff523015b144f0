// List Parts (436/7747) and List Multipart Uploads (436/7736) paging, and Upload Part - Copy
// (436/8287), through cos-nodejs-sdk-v5.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPID, REGION, failure, startHarness, type Harness } from './sdk-harness';

const MiB = 1024 * 1024;
const Bucket = `mp-list-${APPID}`;
const b = { Bucket, Region: REGION };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.cos.putBucket(b);
});
afterAll(() => h.close());

const md5 = (data: Buffer | string): string => createHash('md5').update(data).digest('hex');
/** An element of a parsed response that the SDK's typings leave out (the SDK returns every element, as strings). */
const field = (r: object, name: string): unknown => (r as Record<string, unknown>)[name];

describe('List Parts', () => {
  it('pages with max-parts and part-number-marker', async () => {
    const Key = 'paged.bin';
    const { UploadId } = await h.cos.multipartInit({ ...b, Key });
    for (const PartNumber of [1, 2, 3, 4, 5]) await h.cos.multipartUpload({ ...b, Key, UploadId, PartNumber, Body: `part ${PartNumber}` });
    const pages: [string[], string, string | undefined][] = [];
    let marker: string | undefined;
    for (;;) {
      const r = await h.cos.multipartListPart({ ...b, Key, UploadId, MaxParts: 2, ...(marker === undefined ? {} : { PartNumberMarker: marker }) });
      const next = r.IsTruncated === 'true' ? String(r.NextPartNumberMarker) : undefined;
      pages.push([r.Part.map((p) => String(p.PartNumber)), r.IsTruncated, next]);
      expect(field(r, 'MaxParts')).toBe('2');
      expect(field(r, 'PartNumberMarker')).toBe(marker ?? '0');
      if (next === undefined) break;
      marker = next;
    }
    expect(pages).toEqual([[['1', '2'], 'true', '2'], [['3', '4'], 'true', '4'], [['5'], 'false', undefined]]);
  });

  it('caps max-parts at 1000 and refuses non-numbers', async () => {
    const Key = 'cap.bin';
    const { UploadId } = await h.cos.multipartInit({ ...b, Key });
    expect(field(await h.cos.multipartListPart({ ...b, Key, UploadId, MaxParts: 5000 }), 'MaxParts')).toBe('1000');
    const bad = await failure(h.cos.request({ ...b, Method: 'GET', Key, Query: { uploadId: UploadId, 'max-parts': 'ten' } }));
    expect(bad).toMatchObject({ code: 'InvalidArgument', statusCode: 400 });
  });
});

describe('List Multipart Uploads', () => {
  const lb = { Bucket: `mp-uploads-${APPID}`, Region: REGION };
  const keys = ['a/1', 'a/2', 'b', 'b', 'c/d/e', '中文 x+y'];
  const ids: string[] = [];
  beforeAll(async () => {
    await h.cos.putBucket(lb);
    for (const Key of keys) ids.push((await h.cos.multipartInit({ ...lb, Key })).UploadId);
  });

  it('lists by key then upload id, two a page, with NextKeyMarker / NextUploadIdMarker', async () => {
    const seen: [string, string][] = [];
    const markers: [string, string][] = [];
    let next: { KeyMarker: string; UploadIdMarker: string } | undefined;
    for (;;) {
      const r = await h.cos.multipartList({ ...lb, Prefix: '', Delimiter: '', MaxUploads: 2, ...next });
      seen.push(...r.Upload.map((u): [string, string] => [u.Key, u.UploadId]));
      if (r.IsTruncated !== 'true') break;
      next = { KeyMarker: r.NextKeyMarker, UploadIdMarker: r.NextUploadIdMarker };
      markers.push([next.KeyMarker, next.UploadIdMarker]);
    }
    const expected = keys.map((k, i): [string, string] => [k, ids[i] ?? '']).sort((x, y) => Buffer.compare(Buffer.from(x[0]), Buffer.from(y[0])) || x[1].localeCompare(y[1]));
    expect(seen).toEqual(expected);
    expect(markers).toEqual([expected[1], expected[3]]);
  });

  it('rolls up CommonPrefixes with a delimiter and filters by prefix', async () => {
    const top = await h.cos.multipartList({ ...lb, Prefix: '', Delimiter: '/' });
    expect(top.Upload.map((u) => u.Key)).toEqual(['b', 'b', '中文 x+y']);
    expect(field(top, 'CommonPrefixes')).toEqual([{ Prefix: 'a/' }, { Prefix: 'c/' }]);
    const inA = await h.cos.multipartList({ ...lb, Prefix: 'a/', Delimiter: '/' });
    expect(inA.Upload.map((u) => u.Key)).toEqual(['a/1', 'a/2']);
    expect(field(inA, 'Prefix')).toBe('a/');
  });

  it('percent-encodes keys and prefixes with encoding-type=url', async () => {
    const r = await h.cos.multipartList({ ...lb, Prefix: '中', Delimiter: '/', EncodingType: 'url' });
    expect(field(r, 'Prefix')).toBe('%E4%B8%AD');
    expect(r.Upload.map((u) => u.Key)).toEqual(['%E4%B8%AD%E6%96%87%20x%2By']);
    expect(field(r, 'Encoding-Type')).toBe('url');
  });
});

describe('Upload Part - Copy', () => {
  // The source lives in another region: it is found by name.
  const src = { Bucket: `mp-source-${APPID}`, Region: 'ap-beijing' };
  const Source = 'src/源 file+1.bin';
  const data = randomBytes(3 * MiB + 100);
  const CopySource = `${src.Bucket}.cos.${src.Region}.myqcloud.com/${encodeURIComponent(Source)}`;
  beforeAll(async () => {
    await h.cos.putBucket(src);
    await h.cos.putObject({ ...src, Key: Source, Body: data });
  });

  it('builds an object from ranges of another one', async () => {
    const Key = 'copied.bin';
    const { UploadId } = await h.cos.multipartInit({ ...b, Key });
    const first = await h.cos.uploadPartCopy({ ...b, Key, UploadId, PartNumber: 1, CopySource, CopySourceRange: `bytes=${MiB}-${2 * MiB - 1}` });
    expect(first.ETag).toBe(`"${md5(data.subarray(MiB, 2 * MiB))}"`);
    expect(field(first, 'LastModified')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    const whole = await h.cos.uploadPartCopy({ ...b, Key, UploadId, PartNumber: 2, CopySource });
    expect(whole.ETag).toBe(`"${md5(data)}"`);
    const tail = Buffer.from('tail');
    const third = await h.cos.multipartUpload({ ...b, Key, UploadId, PartNumber: 3, Body: tail });
    await h.cos.multipartComplete({ ...b, Key, UploadId, Parts: [{ PartNumber: 1, ETag: first.ETag }, { PartNumber: 2, ETag: whole.ETag }, { PartNumber: 3, ETag: third.ETag }] });
    const got = (await h.cos.getObject({ ...b, Key })).Body;
    expect(md5(got)).toBe(md5(Buffer.concat([data.subarray(MiB, 2 * MiB), data, tail])));
  });

  it('checks the source: range, preconditions, existence, format', async () => {
    const Key = 'copy-errors.bin';
    const { UploadId } = await h.cos.multipartInit({ ...b, Key });
    const copy = (extra: Record<string, string>) => failure(h.cos.uploadPartCopy({ ...b, Key, UploadId, PartNumber: 1, CopySource, ...extra }));
    expect(await copy({ CopySourceRange: `bytes=0-${data.length}` })).toMatchObject({ code: 'InvalidRange', statusCode: 416 });
    expect(await copy({ CopySourceRange: 'bytes=5-1' })).toMatchObject({ code: 'InvalidRange', statusCode: 416 });
    expect(await copy({ CopySourceRange: 'bytes=0-' })).toMatchObject({ code: 'InvalidArgument', statusCode: 400 });
    expect(await copy({ CopySourceIfMatch: `"${md5('other')}"` })).toMatchObject({ code: 'PreconditionFailed', statusCode: 412 });
    expect(await copy({ CopySourceIfNoneMatch: `"${md5(data)}"` })).toMatchObject({ code: 'PreconditionFailed', statusCode: 412 });
    expect(await copy({ CopySource: `${src.Bucket}.cos.${src.Region}.myqcloud.com/missing` })).toMatchObject({ code: 'NoSuchKey', statusCode: 404 });
    expect(await copy({ CopySource: `${src.Bucket}.cos.ap-chengdu.myqcloud.com/${encodeURIComponent(Source)}` })).toMatchObject({ code: 'NoSuchBucket', statusCode: 404 });
    const ok = await h.cos.uploadPartCopy({ ...b, Key, UploadId, PartNumber: 1, CopySource, CopySourceIfMatch: `"${md5(data)}"`, CopySourceRange: 'bytes=0-9' });
    expect(ok.ETag).toBe(`"${md5(data.subarray(0, 10))}"`);
    const parts = await h.cos.multipartListPart({ ...b, Key, UploadId });
    expect(parts.Part.map((p) => [String(p.PartNumber), String(p.Size)])).toEqual([['1', '10']]);
  });

  it('refuses a copy into an unknown upload → NoSuchUpload', async () => {
    expect(await failure(h.cos.uploadPartCopy({ ...b, Key: 'x', UploadId: '1700000000' + 'f'.repeat(64), PartNumber: 1, CopySource })))
      .toMatchObject({ code: 'NoSuchUpload', statusCode: 404 });
  });
});
