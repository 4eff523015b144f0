// GET Bucket through cos-js-sdk-v5 in Chromium: prefix, delimiter, marker paging, max-keys and
// encoding-type=url over awkward keys, as the SDK parses cos-local's XML (all values strings,
// Contents / CommonPrefixes normalised to arrays).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REGION, md5hex, ok, startBrowserHarness, type BrowserHarness, type PageData } from './harness';

let h: BrowserHarness;
let b: { Bucket: string; Region: string };

const LONG = `list/long/${'長'.repeat(280)}`; // 10 + 840 = 850 bytes
const KEYS = [
  'list/日落 sunset.png',
  'list/with spaces/a b  c.txt',
  'list/a+b%c#d?e',
  'list/🙂/😀.txt',
  'list/dir/1.txt',
  'list/dir/2.txt',
  'list/dir/sub/3.txt',
  'list/z.txt',
  'list/Z upper.txt',
  'list/~tilde & amp <lt>.txt',
  LONG,
];
/** COS lists keys in UTF-8 byte order. */
const SORTED = [...KEYS].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));

interface Listed { Key: string; ETag: string; Size: string; LastModified: string; StorageClass: string; Owner?: { ID: string } }
const keysOf = (d: PageData): string[] => (d['Contents'] as Listed[]).map((c) => c.Key);
const prefixesOf = (d: PageData): string[] => (d['CommonPrefixes'] as { Prefix: string }[]).map((c) => c.Prefix);

beforeAll(async () => {
  h = await startBrowserHarness();
  const Bucket = await h.createBucket('listing');
  b = { Bucket, Region: REGION };
  expect(Buffer.byteLength(LONG)).toBe(850);
  for (const Key of KEYS) await h.node.putObject({ ...b, Key, Body: Key });
  await h.node.putObject({ ...b, Key: 'other/outside.txt', Body: 'not under list/' });
});
afterAll(() => h?.close());
afterEach(() => expect(h?.serverErrors ?? []).toEqual([]));

describe('getBucket from the browser', () => {
  it('lists a prefix in UTF-8 byte order with the fields the SDK parses', async () => {
    const r = await h.page.evaluate((b) => window.t.settle(window.t.vhost.getBucket({ ...b, Prefix: 'list/' })), b);
    const data = ok(r);
    expect(keysOf(data)).toEqual(SORTED);
    expect(data).toMatchObject({ Name: b.Bucket, Prefix: 'list/', IsTruncated: 'false', MaxKeys: '1000', CommonPrefixes: [] });
    const first = (data['Contents'] as Listed[]).find((c) => c.Key === 'list/日落 sunset.png');
    expect(first).toMatchObject({
      ETag: `"${md5hex('list/日落 sunset.png')}"`, Size: String(Buffer.byteLength('list/日落 sunset.png')), StorageClass: 'STANDARD',
    });
    expect(first?.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('groups by delimiter into CommonPrefixes', async () => {
    const r = await h.page.evaluate(async (b) => {
      const { t } = window;
      return {
        top: await t.settle(t.vhost.getBucket({ ...b, Prefix: 'list/', Delimiter: '/' })),
        dir: await t.settle(t.vhost.getBucket({ ...b, Prefix: 'list/dir/', Delimiter: '/' })),
        root: await t.settle(t.vhost.getBucket({ ...b, Prefix: '', Delimiter: '/' })),
      };
    }, b);
    expect(keysOf(ok(r.top))).toEqual(['list/Z upper.txt', 'list/a+b%c#d?e', 'list/z.txt', 'list/~tilde & amp <lt>.txt', 'list/日落 sunset.png']);
    expect(prefixesOf(ok(r.top))).toEqual(['list/dir/', 'list/long/', 'list/with spaces/', 'list/🙂/']);
    expect(ok(r.top)['Delimiter']).toBe('/');
    expect(keysOf(ok(r.dir))).toEqual(['list/dir/1.txt', 'list/dir/2.txt']);
    expect(prefixesOf(ok(r.dir))).toEqual(['list/dir/sub/']);
    expect(keysOf(ok(r.root))).toEqual([]);
    expect(prefixesOf(ok(r.root))).toEqual(['list/', 'other/']);
  });

  it('pages with max-keys and NextMarker through every key exactly once', async () => {
    const pages = await h.page.evaluate(async (b) => {
      const { t } = window;
      const out = [];
      let Marker = '';
      for (let i = 0; i < 20; i++) {
        const page = await t.settle(t.vhost.getBucket({ ...b, Prefix: 'list/', MaxKeys: 3, Marker }));
        out.push(page);
        if (!page.ok || page.data['IsTruncated'] !== 'true') break;
        Marker = String(page.data['NextMarker']);
      }
      return out;
    }, b);
    const data = pages.map(ok);
    expect(data.map((p) => keysOf(p).length)).toEqual([3, 3, 3, 2]);
    expect(data.flatMap(keysOf)).toEqual(SORTED);
    expect(data.map((p) => p['IsTruncated'])).toEqual(['true', 'true', 'true', 'false']);
    for (const [i, p] of data.slice(0, -1).entries()) expect(p['NextMarker'], `page ${i}`).toBe(keysOf(p).at(-1));
    expect(data[0]?.['MaxKeys']).toBe('3');
  });

  it('starts after a marker that is an awkward key itself', async () => {
    const r = await h.page.evaluate((b) => window.t.settle(window.t.vhost.getBucket({ ...b, Prefix: 'list/', Marker: 'list/a+b%c#d?e' })), b);
    expect(keysOf(ok(r))).toEqual(SORTED.slice(SORTED.indexOf('list/a+b%c#d?e') + 1));
  });

  it('returns url-encoded keys, prefixes and markers with encoding-type=url', async () => {
    const r = await h.page.evaluate(async (b) => {
      const { t } = window;
      return {
        flat: await t.settle(t.vhost.getBucket({ ...b, Prefix: 'list/', EncodingType: 'url' })),
        grouped: await t.settle(t.vhost.getBucket({ ...b, Prefix: 'list/', Delimiter: '/', EncodingType: 'url', MaxKeys: 4 })),
      };
    }, b);
    const flat = ok(r.flat);
    expect(flat['EncodingType']).toBe('url');
    const encoded = keysOf(flat);
    // Encoded: nothing outside unreserved ASCII and '/' is left raw, and decoding gives the keys back.
    for (const k of encoded) expect(k).toMatch(/^[A-Za-z0-9\-_.~/%*]+$/);
    expect(encoded.map((k) => decodeURIComponent(k))).toEqual(SORTED);
    // '+' and '%' are escaped too, so '+' never reads as a space.
    expect(encoded.filter((k) => k.endsWith('a%2Bb%25c%23d%3Fe'))).toHaveLength(1);
    const grouped = ok(r.grouped);
    expect(grouped['IsTruncated']).toBe('true');
    expect(prefixesOf(grouped).map((p) => decodeURIComponent(p))).toEqual(['list/dir/', 'list/long/']);
    expect(keysOf(grouped).map((k) => decodeURIComponent(k))).toEqual(['list/Z upper.txt', 'list/a+b%c#d?e']);
    expect(decodeURIComponent(String(grouped['NextMarker']))).toBe('list/long/');
  });

  it('lists the same through the path-style domain', async () => {
    const r = await h.page.evaluate((b) => window.t.settle(window.t.path.getBucket({ ...b, Prefix: 'list/', Delimiter: '/' })), b);
    expect(prefixesOf(ok(r))).toEqual(['list/dir/', 'list/long/', 'list/with spaces/', 'list/🙂/']);
  });
});
