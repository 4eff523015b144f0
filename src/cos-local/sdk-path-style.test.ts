// Path-style addressing, as cos-js-sdk-v5 uses it against cos-local in the browser
// (`Domain: 'http://127.0.0.1:PORT/{Bucket}'`, cos-js-sdk-v5 1.10.1 src/base.js getUrl): the URL carries the bucket,
// the signature covers the path without it. Plus pre-signed URLs fetched with plain fetch.
import COS from 'cos-nodejs-sdk-v5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPID, SECRET_ID, SECRET_KEY, startHarness, type Harness } from './sdk-harness';

let h: Harness;
let cos: COS;
const Bucket = `paths-${APPID}`;
const Region = 'ap-guangzhou';

beforeAll(async () => {
  h = await startHarness();
  const endpoint = `http://127.0.0.1:${h.server.port}`;
  cos = new COS({ SecretId: SECRET_ID, SecretKey: SECRET_KEY, Domain: `${endpoint}/{Bucket}`, ServiceDomain: endpoint });
});
afterAll(() => h.close());

describe('path-style', () => {
  it('creates a bucket in the default region and lists it', async () => {
    await cos.putBucket({ Bucket, Region });
    const service = await cos.getService({});
    expect(service.Buckets).toContainEqual(expect.objectContaining({ Name: Bucket, Location: 'ap-guangzhou' }));
    // The same bucket through the virtual-hosted client: one server, both addressings.
    expect((await h.cos.headBucket({ Bucket, Region })).statusCode).toBe(200);
  });

  it('puts, lists, reads and deletes objects with awkward keys', async () => {
    const Key = 'dir/中文 a+b (1)#?.txt';
    await cos.putObject({ Bucket, Region, Key, Body: 'path-style body', Headers: { 'x-cos-meta-k': 'v' } });
    const listed = await cos.getBucket({ Bucket, Region, Prefix: 'dir/', Delimiter: '/' });
    expect(listed.Contents.map((c) => c.Key)).toEqual([Key]);
    const got = await cos.getObject({ Bucket, Region, Key });
    expect(got.Body.toString()).toBe('path-style body');
    expect(got.headers?.['x-cos-meta-k']).toBe('v');
    await cos.deleteObject({ Bucket, Region, Key });
    expect((await cos.getBucket({ Bucket, Region, Prefix: 'dir/' })).Contents).toEqual([]);
  });

  it('serves a pre-signed URL to plain fetch, extra unsigned parameters and all', async () => {
    await cos.putObject({ Bucket, Region, Key: 'shared/report 1.txt', Body: 'shared!' });
    const url = cos.getObjectUrl({ Bucket, Region, Key: 'shared/report 1.txt', Sign: true }, () => undefined);
    expect(url).toContain('q-signature=');
    const res = await fetch(`${url}&download=1&x-cos-traffic-limit=819200`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('shared!');
    const tampered = await fetch(url.replace('report%201.txt', 'report%202.txt'));
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('signs query parameters into pre-signed URLs (response-content-disposition)', async () => {
    const url = cos.getObjectUrl({
      Bucket, Region, Key: 'shared/report 1.txt', Sign: true, Query: { 'response-content-disposition': 'attachment; filename="r.txt"' },
    }, () => undefined);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="r.txt"');
  });
});
