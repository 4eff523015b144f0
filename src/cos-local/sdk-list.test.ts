// GET Bucket through cos-nodejs-sdk-v5: prefix, delimiter, marker and max-keys paging, exact pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPID, REGION, startHarness, type Harness } from './sdk-harness';

let h: Harness;
const Bucket = `listing-${APPID}`;
const b = { Bucket, Region: REGION };
const logs = Array.from({ length: 20 }, (_, i) => `logs/part-${String(i).padStart(2, '0')}.log`);
const keys = [
  ...logs,
  'img/2024/p0.png', 'img/2024/p1.png', 'img/2024/p2.png', 'img/2024/p3.png', 'img/2024/p4.png',
  'img/2025/q0.png', 'img/2025/q1.png', 'img/2025/q2.png', 'img/cover.png',
  'readme.txt', 'zzz/last', '中文/文件.txt',
];

beforeAll(async () => {
  h = await startHarness();
  await h.cos.putBucket(b);
  for (const Key of keys) await h.cos.putObject({ ...b, Key, Body: Key });
});
afterAll(() => h.close());

type Page = { contents: string[]; prefixes: string[]; truncated: string; next: string | undefined };

async function page(params: { Prefix?: string; Delimiter?: string; Marker?: string; MaxKeys?: number; EncodingType?: string }): Promise<Page> {
  const r = await h.cos.getBucket({ ...b, ...params });
  return { contents: r.Contents.map((c) => c.Key), prefixes: r.CommonPrefixes.map((p) => p.Prefix), truncated: r.IsTruncated, next: r.NextMarker };
}

describe('GET Bucket paging', () => {
  it('rolls up top-level folders, two entries a page', async () => {
    expect(await page({ Delimiter: '/', MaxKeys: 2 })).toEqual({ contents: [], prefixes: ['img/', 'logs/'], truncated: 'true', next: 'logs/' });
    expect(await page({ Delimiter: '/', MaxKeys: 2, Marker: 'logs/' })).toEqual({ contents: ['readme.txt'], prefixes: ['zzz/'], truncated: 'true', next: 'zzz/' });
    expect(await page({ Delimiter: '/', MaxKeys: 2, Marker: 'zzz/' })).toEqual({ contents: [], prefixes: ['中文/'], truncated: 'false', next: undefined });
  });

  it('lists one folder level under a prefix', async () => {
    expect(await page({ Prefix: 'img/', Delimiter: '/', MaxKeys: 2 })).toEqual({ contents: [], prefixes: ['img/2024/', 'img/2025/'], truncated: 'true', next: 'img/2025/' });
    expect(await page({ Prefix: 'img/', Delimiter: '/', MaxKeys: 2, Marker: 'img/2025/' })).toEqual({ contents: ['img/cover.png'], prefixes: [], truncated: 'false', next: undefined });
  });

  it('pages through a flat prefix with NextMarker = the last key', async () => {
    const seen: string[] = [];
    let marker: string | undefined;
    const sizes: number[] = [];
    for (;;) {
      const p = await page({ Prefix: 'logs/', MaxKeys: 7, ...(marker === undefined ? {} : { Marker: marker }) });
      sizes.push(p.contents.length);
      seen.push(...p.contents);
      if (p.truncated === 'false') break;
      expect(p.next).toBe(p.contents[p.contents.length - 1]);
      marker = p.next;
    }
    expect(sizes).toEqual([7, 7, 6]);
    expect(seen).toEqual(logs);
  });

  it('lists everything in UTF-8 order without a delimiter', async () => {
    const all = await page({});
    expect(all.contents).toEqual([...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y))));
    expect(all).toMatchObject({ prefixes: [], truncated: 'false' });
  });

  it('URL-encodes keys and prefixes with encoding-type=url', async () => {
    const r = await h.cos.getBucket({ ...b, Prefix: '中文/', EncodingType: 'url' });
    expect(r.EncodingType).toBe('url');
    expect(r.Prefix).toBe('%E4%B8%AD%E6%96%87%2F');
    expect(r.Contents.map((c) => decodeURIComponent(c.Key))).toEqual(['中文/文件.txt']);
    expect(r.Contents[0]).toMatchObject({ Key: '%E4%B8%AD%E6%96%87%2F%E6%96%87%E4%BB%B6.txt', Size: String(Buffer.byteLength('中文/文件.txt')) });
  });

  it('describes each entry and echoes the request', async () => {
    const r = await h.cos.getBucket({ ...b, Prefix: 'readme', MaxKeys: 5 });
    expect(r).toMatchObject({ Name: Bucket, Prefix: 'readme', Marker: '', MaxKeys: '5', IsTruncated: 'false' });
    expect(r.Contents).toEqual([{
      Key: 'readme.txt', LastModified: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
      ETag: expect.stringMatching(/^"[0-9a-f]{32}"$/), Size: '10', Owner: { ID: APPID, DisplayName: APPID }, StorageClass: 'STANDARD',
    }]);
    expect(r.headers?.['x-cos-bucket-region']).toBe(REGION);
  });

  it('caps max-keys at 1000 and refuses a malformed one', async () => {
    expect((await h.cos.getBucket({ ...b, MaxKeys: 5000 })).MaxKeys).toBe('1000');
    await expect(h.cos.getBucket({ ...b, MaxKeys: -1 })).rejects.toMatchObject({ code: 'InvalidArgument', statusCode: 400 });
  });
});
