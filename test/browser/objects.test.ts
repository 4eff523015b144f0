// cos-js-sdk-v5 in Chromium against cos-local: simple object operations, awkward keys, pre-signed
// URLs, both addressing styles, real CORS enforcement, and GET Service. Every SDK call runs in the
// page; Node only sets up buckets and cross-checks what was stored.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  REGION, bytes, failed, md5hex, ok, sha256hex, startBrowserHarness, type BodySummary, type BrowserHarness, type SeenRequest,
} from './harness';

let h: BrowserHarness;
let Bucket: string;
let b: { Bucket: string; Region: string };

beforeAll(async () => {
  h = await startBrowserHarness();
  Bucket = await h.createBucket('objects');
  b = { Bucket, Region: REGION };
});
afterAll(() => h?.close());
afterEach(() => expect(h?.serverErrors ?? []).toEqual([]));

/** A key of exactly `size` UTF-8 bytes, mostly three-byte characters. */
function keyOfBytes(size: number): string {
  let key = 'long/';
  while (Buffer.byteLength(`${key}日`) <= size) key += '日';
  while (Buffer.byteLength(key) < size) key += 'k';
  return key;
}

const pageRequests = (predicate: (r: SeenRequest) => boolean): SeenRequest[] => h.requests.filter((r) => r.origin === h.origin && predicate(r));

describe('objects through the virtual-hosted domain ({Bucket}.cos.{Region}.localhost)', () => {
  it('puts string, Blob and ArrayBuffer bodies; the ETag is readable and the bytes come back identical', async () => {
    const r = await h.page.evaluate(async (b) => {
      const { t } = window;
      const binary = t.bytes(70_000, 7);
      return {
        string: await t.settle(t.vhost.putObject({ ...b, Key: 'body/string.txt', Body: 'hello, 世界' })),
        blob: await t.settle(t.vhost.putObject({ ...b, Key: 'body/blob.png', Body: new Blob([binary], { type: 'image/png' }) })),
        arrayBuffer: await t.settle(t.vhost.putObject({ ...b, Key: 'body/array.bin', Body: binary.buffer })),
        getString: await t.settle(t.vhost.getObject({ ...b, Key: 'body/string.txt' })),
        getBlob: await t.settle(t.vhost.getObject({ ...b, Key: 'body/blob.png', DataType: 'blob' })),
        getArrayBuffer: await t.settle(t.vhost.getObject({ ...b, Key: 'body/array.bin', DataType: 'arraybuffer' })),
      };
    }, b);
    const binary = bytes(70_000, 7);
    expect(ok(r.string).ETag).toBe(`"${md5hex('hello, 世界')}"`);
    expect(ok(r.blob).ETag).toBe(`"${md5hex(binary)}"`);
    expect(ok(r.arrayBuffer).ETag).toBe(`"${md5hex(binary)}"`);
    expect(ok(r.string).Location).toBe(`${Bucket}.cos.${REGION}.localhost:${h.cosPort}/body/string.txt`);

    expect(ok(r.getString)).toMatchObject({ statusCode: 200, Body: 'hello, 世界', ETag: `"${md5hex('hello, 世界')}"` });
    expect(ok(r.getString).headers?.['content-type']).toBe('text/plain');
    expect(ok(r.getBlob).Body).toMatchObject({ size: 70_000, sha256: sha256hex(binary), type: 'image/png' });
    expect(ok(r.getBlob).headers?.['content-type']).toBe('image/png');
    expect((ok(r.getArrayBuffer).Body as BodySummary).sha256).toBe(sha256hex(binary));
    expect(ok(r.getArrayBuffer).headers?.['content-length']).toBe('70000');
    // What cos-local stored, read by the other SDK.
    expect((await h.nodeGet(Bucket, 'body/string.txt')).toString('utf8')).toBe('hello, 世界');
    expect((await h.nodeGet(Bucket, 'body/array.bin')).equals(binary)).toBe(true);
  });

  it('stores x-cos-meta-*, Content-Type, Content-Disposition and Cache-Control; headObject returns them', async () => {
    const r = await h.page.evaluate(async (b) => {
      const { t } = window;
      const put = await t.settle(t.vhost.putObject({
        ...b, Key: 'meta/report.csv', Body: 'a,b\n1,2\n',
        ContentType: 'text/csv; charset=utf-8', ContentDisposition: 'attachment; filename="report.csv"',
        CacheControl: 'max-age=3600', Headers: { 'x-cos-meta-author': 'alice', 'x-cos-meta-note': 'quarterly figures' },
      }));
      const head = await t.settle(t.vhost.headObject({ ...b, Key: 'meta/report.csv' }));
      return { put, head };
    }, b);
    ok(r.put);
    expect(ok(r.head)).toMatchObject({ statusCode: 200, ETag: `"${md5hex('a,b\n1,2\n')}"` });
    expect(ok(r.head).headers).toMatchObject({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="report.csv"',
      'cache-control': 'max-age=3600',
      'content-length': '8',
      'x-cos-meta-author': 'alice',
      'x-cos-meta-note': 'quarterly figures',
    });
    const viaNode = await h.node.headObject({ ...b, Key: 'meta/report.csv' });
    expect(viaNode.headers).toMatchObject({ 'x-cos-meta-author': 'alice', 'cache-control': 'max-age=3600' });
  });

  it('answers a Range with 206 and exactly those bytes', async () => {
    // One key per range: after a cached partial response Chromium's HTTP cache rewrites the next
    // Range of the same URL (`bytes=-3` became `bytes=7-9` + If-Range), which breaks the signed
    // `range` header (SignatureDoesNotMatch, as COS would answer too).
    const r = await h.page.evaluate(async (b) => {
      const { t } = window;
      const keys = ['range/middle.txt', 'range/suffix.txt', 'range/open.txt', 'range/beyond.txt'];
      for (const Key of keys) await t.vhost.putObject({ ...b, Key, Body: '0123456789' });
      return {
        middle: await t.settle(t.vhost.getObject({ ...b, Key: 'range/middle.txt', Range: 'bytes=2-5' })),
        suffix: await t.settle(t.vhost.getObject({ ...b, Key: 'range/suffix.txt', Range: 'bytes=-3' })),
        open: await t.settle(t.vhost.getObject({ ...b, Key: 'range/open.txt', Range: 'bytes=8-' })),
        beyond: await t.settle(t.vhost.getObject({ ...b, Key: 'range/beyond.txt', Range: 'bytes=20-30' })),
      };
    }, b);
    expect(ok(r.middle)).toMatchObject({ statusCode: 206, Body: '2345' });
    expect(ok(r.middle).headers).toMatchObject({ 'content-range': 'bytes 2-5/10', 'content-length': '4' });
    expect(ok(r.suffix)).toMatchObject({ statusCode: 206, Body: '789' });
    expect(ok(r.suffix).headers).toMatchObject({ 'content-range': 'bytes 7-9/10' });
    expect(ok(r.open)).toMatchObject({ statusCode: 206, Body: '89' });
    expect(failed(r.beyond)).toMatchObject({ statusCode: 416, code: 'InvalidRange' });
  });

  it('answers If-None-Match with the current ETag with 304, and a stale one with the object', async () => {
    const r = await h.page.evaluate(async (b) => {
      const { t } = window;
      const put = await t.vhost.putObject({ ...b, Key: 'cond/a.txt', Body: 'conditional' });
      return {
        get: await t.settle(t.vhost.getObject({ ...b, Key: 'cond/a.txt', IfNoneMatch: put.ETag })),
        head: await t.settle(t.vhost.headObject({ ...b, Key: 'cond/a.txt', Headers: { 'If-None-Match': put.ETag } })),
        stale: await t.settle(t.vhost.getObject({ ...b, Key: 'cond/a.txt', IfNoneMatch: '"0123456789abcdef0123456789abcdef"' })),
      };
    }, b);
    expect(failed(r.get).statusCode).toBe(304);
    expect(failed(r.head).statusCode).toBe(304);
    expect(ok(r.stale)).toMatchObject({ statusCode: 200, Body: 'conditional' });
  });

  it('lets response-content-disposition and response-content-type override the stored headers', async () => {
    const r = await h.page.evaluate(async (b) => {
      const { t } = window;
      await t.vhost.putObject({ ...b, Key: 'override/photo.jpg', Body: 'jpeg?', ContentType: 'image/jpeg' });
      return t.settle(t.vhost.getObject({
        ...b, Key: 'override/photo.jpg',
        ResponseContentDisposition: 'attachment; filename="holiday.jpg"', ResponseContentType: 'application/octet-stream',
      }));
    }, b);
    expect(ok(r).headers).toMatchObject({
      'content-disposition': 'attachment; filename="holiday.jpg"',
      'content-type': 'application/octet-stream',
    });
    // Overrides do not change what is stored.
    expect((await h.node.headObject({ ...b, Key: 'override/photo.jpg' })).headers?.['content-type']).toBe('image/jpeg');
  });

  it('deletes an object: headObject is then 404 and deleting again still succeeds', async () => {
    const r = await h.page.evaluate(async (b) => {
      const { t } = window;
      await t.vhost.putObject({ ...b, Key: 'gone.txt', Body: 'x' });
      return {
        del: await t.settle(t.vhost.deleteObject({ ...b, Key: 'gone.txt' })),
        head: await t.settle(t.vhost.headObject({ ...b, Key: 'gone.txt' })),
        get: await t.settle(t.vhost.getObject({ ...b, Key: 'gone.txt' })),
        again: await t.settle(t.vhost.deleteObject({ ...b, Key: 'gone.txt' })),
      };
    }, b);
    expect(ok(r.del).statusCode).toBe(204);
    expect(failed(r.head).statusCode).toBe(404);
    // The error body is readable cross-origin: the CORS headers are on error responses too.
    expect(failed(r.get)).toMatchObject({ statusCode: 404, code: 'NoSuchKey' });
    expect(failed(r.get).error?.RequestId).toMatch(/\S/);
    expect(ok(r.again).statusCode).toBe(204);
  });
});

describe('awkward keys from the browser', () => {
  const KEYS = ['日落 sunset.png', 'with spaces/a b  c.txt', 'a+b%c#d?e', '🙂/😀.txt', 'semi;colon,comma=equals&amp.txt', keyOfBytes(850)];

  it('round-trips unicode, spaces, + % # ?, emoji and an 850-byte key (put, head, get, list)', async () => {
    expect(Buffer.byteLength(KEYS[KEYS.length - 1] ?? '')).toBe(850);
    const results = await h.page.evaluate(async ({ b, keys }) => {
      const { t } = window;
      const out = [];
      for (const Key of keys) {
        out.push({
          Key,
          put: await t.settle(t.vhost.putObject({ ...b, Key, Body: `body of ${Key}` })),
          head: await t.settle(t.vhost.headObject({ ...b, Key })),
          get: await t.settle(t.vhost.getObject({ ...b, Key })),
          list: await t.settle(t.vhost.getBucket({ ...b, Prefix: Key })),
        });
      }
      return out;
    }, { b, keys: KEYS });
    for (const r of results) {
      const etag = `"${md5hex(`body of ${r.Key}`)}"`;
      expect(ok(r.put).ETag, r.Key).toBe(etag);
      expect(ok(r.head).ETag, r.Key).toBe(etag);
      expect(ok(r.get).Body, r.Key).toBe(`body of ${r.Key}`);
      expect((ok(r.list)['Contents'] as { Key: string }[]).map((c) => c.Key), r.Key).toEqual([r.Key]);
      expect((await h.nodeGet(Bucket, r.Key)).toString('utf8')).toBe(`body of ${r.Key}`);
    }
  });

  it('refuses a 1,000-byte key (and an 851-byte one) with KeyTooLong, readable in the page', async () => {
    const keys = [keyOfBytes(851), keyOfBytes(1000)];
    const r = await h.page.evaluate(async ({ b, keys }) => {
      const { t } = window;
      return Promise.all(keys.map((Key) => t.settle(t.vhost.putObject({ ...b, Key, Body: 'too long' }))));
    }, { b, keys });
    for (const outcome of r) expect(failed(outcome)).toMatchObject({ statusCode: 400, code: 'KeyTooLong' });
    const listed = await h.node.getBucket({ ...b, Prefix: 'long/' });
    expect(listed.Contents.filter((c) => Buffer.byteLength(c.Key) > 850)).toEqual([]);
  });

  it('sends `../x` as the browser normalises it: the signature no longer matches and nothing is written', async () => {
    const r = await h.page.evaluate(async (b) => {
      const { t } = window;
      return t.settle(t.vhost.putObject({ ...b, Key: '../x', Body: 'dot-dot' }));
    }, b);
    // The SDK signs `/../x`; Chromium's URL parser removes the dot segment and sends `PUT /x`.
    const sent = pageRequests((r) => r.method === 'PUT' && r.host.startsWith(Bucket) && (r.url === '/x' || r.url.includes('..')));
    expect(sent.map((s) => s.url)).toContain('/x');
    expect(failed(r)).toMatchObject({ statusCode: 403, code: 'SignatureDoesNotMatch' });
    const listed = await h.node.getBucket({ ...b, Prefix: '' });
    expect(listed.Contents.map((c) => c.Key)).not.toContain('x');
    expect(listed.Contents.map((c) => c.Key)).not.toContain('../x');
  });
});

describe('path-style Domain (http://127.0.0.1:<port>/{Bucket})', () => {
  it('puts, heads, gets, lists and deletes; the server sees the bucket in the path', async () => {
    const r = await h.page.evaluate(async (b) => {
      const { t } = window;
      const Key = 'path style/日落 a+b.txt';
      return {
        put: await t.settle(t.path.putObject({ ...b, Key, Body: 'via path' })),
        head: await t.settle(t.path.headObject({ ...b, Key })),
        get: await t.settle(t.path.getObject({ ...b, Key })),
        list: await t.settle(t.path.getBucket({ ...b, Prefix: 'path style/' })),
        del: await t.settle(t.path.deleteObject({ ...b, Key })),
        after: await t.settle(t.path.headObject({ ...b, Key })),
      };
    }, b);
    expect(ok(r.put).Location).toBe(`127.0.0.1:${h.cosPort}/${Bucket}/path%20style/%E6%97%A5%E8%90%BD%20a%2Bb.txt`);
    expect(ok(r.head).ETag).toBe(`"${md5hex('via path')}"`);
    expect(ok(r.get).Body).toBe('via path');
    expect((ok(r.list)['Contents'] as { Key: string }[]).map((c) => c.Key)).toEqual(['path style/日落 a+b.txt']);
    expect(ok(r.del).statusCode).toBe(204);
    expect(failed(r.after).statusCode).toBe(404);
    const sent = pageRequests((s) => s.method === 'PUT' && s.host === `127.0.0.1:${h.cosPort}`);
    expect(sent.map((s) => s.url)).toContain(`/${Bucket}/path%20style/%E6%97%A5%E8%90%BD%20a%2Bb.txt`);
  });

  it('serves pre-signed URLs built for the path-style domain', async () => {
    await h.node.putObject({ ...b, Key: 'signed/path.txt', Body: 'signed path' });
    const r = await h.page.evaluate(async (b) => {
      const { t } = window;
      const url = await new Promise<string>((resolve, reject) => {
        t.path.getObjectUrl({ ...b, Key: 'signed/path.txt', Sign: true }, (err, data) => (err ? reject(err) : resolve(data.Url)));
      });
      const res = await fetch(url);
      return { url, status: res.status, body: await res.text() };
    }, b);
    expect(r.url.startsWith(`http://127.0.0.1:${h.cosPort}/${Bucket}/signed/path.txt?q-sign-algorithm=sha1&`)).toBe(true);
    expect(r).toMatchObject({ status: 200, body: 'signed path' });
  });
});

describe('pre-signed URLs (getObjectUrl with Sign: true) opened with fetch', () => {
  it('opens the signed URL, still accepts an extra unsigned query parameter, and refuses a tampered or unsigned one', async () => {
    await h.node.putObject({ ...b, Key: 'signed/日落 sunset.txt', Body: 'pre-signed body' });
    const r = await h.page.evaluate(async (b) => {
      const { t } = window;
      const url = await new Promise<string>((resolve, reject) => {
        t.vhost.getObjectUrl({ ...b, Key: 'signed/日落 sunset.txt', Sign: true }, (err, data) => (err ? reject(err) : resolve(data.Url)));
      });
      const unsigned = await new Promise<string>((resolve, reject) => {
        t.vhost.getObjectUrl({ ...b, Key: 'signed/日落 sunset.txt', Sign: false }, (err, data) => (err ? reject(err) : resolve(data.Url)));
      });
      const read = async (u: string) => {
        const res = await fetch(u);
        return { status: res.status, body: await res.text(), requestId: res.headers.get('x-cos-request-id') };
      };
      return {
        url,
        plain: await read(url),
        extra: await read(`${url}&utm_source=newsletter&x-extra=%E6%97%A5`),
        tampered: await read(url.replace('sunset', 'sunrise')),
        unsigned: await read(unsigned),
      };
    }, b);
    expect(r.url).toMatch(new RegExp(`^http://${Bucket}\\.cos\\.${REGION}\\.localhost:${h.cosPort}/signed/%E6%97%A5%E8%90%BD%20sunset\\.txt\\?q-sign-algorithm=sha1&`));
    expect(r.plain).toMatchObject({ status: 200, body: 'pre-signed body' });
    expect(r.plain.requestId).toMatch(/\S/); // exposed by the CORS rule
    expect(r.extra).toMatchObject({ status: 200, body: 'pre-signed body' });
    expect(r.tampered.status).toBe(403);
    expect(r.tampered.body).toContain('<Code>SignatureDoesNotMatch</Code>');
    expect(r.unsigned.status).toBe(403);
    expect(r.unsigned.body).toContain('<Code>AccessDenied</Code>');
  });
});

describe('CORS is enforced by Chromium', () => {
  it('a bucket without a CORS rule fails in the browser (network error) while the Node SDK succeeds', async () => {
    const bare = await h.createBucket('no-cors', { cors: false });
    await h.node.putObject({ Bucket: bare, Region: REGION, Key: 'hello.txt', Body: 'from node' });
    const r = await h.page.evaluate(async (bare) => {
      const { t } = window;
      const nb = { Bucket: bare, Region: t.region };
      const url = await new Promise<string>((resolve, reject) => {
        t.vhost.getObjectUrl({ ...nb, Key: 'hello.txt', Sign: true }, (err, data) => (err ? reject(err) : resolve(data.Url)));
      });
      let fetched: string;
      try {
        fetched = `status ${(await fetch(url)).status}`;
      } catch (e) {
        fetched = `${(e as Error).name}: ${(e as Error).message}`;
      }
      return {
        get: await t.settle(t.vhost.getObject({ ...nb, Key: 'hello.txt' })),
        list: await t.settle(t.vhost.getBucket({ ...nb, Prefix: '' })),
        fetched,
      };
    }, bare);
    expect(failed(r.get)).toMatchObject({ message: 'CORS blocked or network error' });
    expect(failed(r.list)).toMatchObject({ message: 'CORS blocked or network error' });
    // A pre-signed GET needs no preflight: cos-local answers 200, but without
    // Access-Control-Allow-Origin Chromium hides the response from the page.
    expect(r.fetched).toBe('TypeError: Failed to fetch');
    const seen = pageRequests((s) => s.host.startsWith(`${bare}.`));
    expect(seen.filter((s) => s.method === 'OPTIONS').every((s) => s.status === 403)).toBe(true);
    expect(seen.filter((s) => s.method === 'GET' && s.url.includes('q-signature=')).map((s) => s.status)).toEqual([200]);
    expect(seen.filter((s) => s.method === 'GET' && !s.url.includes('q-signature='))).toEqual([]); // never past the preflight
    expect(h.consoleMessages.some((m) => m.includes('blocked by CORS policy'))).toBe(true);
    expect((await h.node.getObject({ Bucket: bare, Region: REGION, Key: 'hello.txt' })).Body.toString()).toBe('from node');
    expect((await h.node.getBucket({ Bucket: bare, Region: REGION })).Contents.map((c) => c.Key)).toEqual(['hello.txt']);
  });
});

describe('clock skew (CorrectClockSkew)', () => {
  it('a client an hour behind gets "Request has expired", corrects its clock from the exposed Date header and retries', async () => {
    await h.node.putObject({ ...b, Key: 'skew.txt', Body: 'on time' });
    const r = await h.page.evaluate(async (b) => {
      const { t } = window;
      const cos = t.client({ options: { SystemClockOffset: -3600 * 1000 } });
      return t.settle(cos.getObject({ ...b, Key: 'skew.txt' }));
    }, b);
    expect(ok(r).Body).toBe('on time');
    // Signed first with the skewed clock, then with the offset learnt from cos-local's Date.
    const offsets = h.signed.filter((s) => s.Method === 'GET' && s.Pathname === '/skew.txt').map((s) => s.SystemClockOffset ?? 0);
    expect(offsets).toHaveLength(2);
    expect(offsets[0]).toBe(-3600 * 1000);
    expect(Math.abs(offsets[1] ?? Infinity)).toBeLessThan(30_000);
    const gets = pageRequests((s) => s.method === 'GET' && s.host.startsWith(`${Bucket}.`) && s.url === '/skew.txt');
    expect(gets.map((s) => [s.status, s.headers['x-cos-sdk-retry']])).toEqual([[403, undefined], [200, 'true']]);
  });
});

describe('getService', () => {
  it('is refused by CORS in the browser with ServiceDomain pointed at cos-local (as on COS); Node lists the buckets', async () => {
    const r = await h.page.evaluate(async () => {
      const { t } = window;
      const viaServiceHost = t.client({ options: { ServiceDomain: `http://service.cos.localhost:${t.cosPort}` } });
      const viaBareHost = t.client({ options: { ServiceDomain: `http://127.0.0.1:${t.cosPort}` } });
      return { serviceHost: await t.settle(viaServiceHost.getService({})), bareHost: await t.settle(viaBareHost.getService({})) };
    });
    expect(failed(r.serviceHost).message).toBe('CORS blocked or network error');
    expect(failed(r.bareHost).message).toBe('CORS blocked or network error');
    // Only preflights reached cos-local, and it refused them: a service host has no CORS rule.
    const seen = pageRequests((s) => s.host === `service.cos.localhost:${h.cosPort}` || (s.host === `127.0.0.1:${h.cosPort}` && s.url === '/'));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s.method === 'OPTIONS' && s.status === 403)).toBe(true);
    const viaNode = await h.node.getService({});
    expect(viaNode.Buckets.map((x) => x.Name)).toContain(Bucket);
  });
});
