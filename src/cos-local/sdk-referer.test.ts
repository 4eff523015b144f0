// Hotlink protection through cos-nodejs-sdk-v5: PUT/GET Bucket referer round-trips exactly as put
// (and "empty config on 404" before any), and the configuration takes effect on object reads —
// anonymous and pre-signed-URL requests are judged by their Referer, a request signed in its
// Authorization header is not (docs/decisions.md, "Hotlink protection judges anonymous and pre-signed
// requests"). The case study of https://www.tencentcloud.com/document/product/436/32466: A's page (example.com) may
// show the image, B's page (b.com) may not.
import type COS from 'cos-nodejs-sdk-v5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPID, REGION, failure, startHarness, type Harness } from './sdk-harness';
import { rawRequest, type RawResponse } from './website/raw-http';

let h: Harness;
const Bucket = `hotlink-${APPID}`;
const b = { Bucket, Region: REGION };
const HOST = `${Bucket}.cos.${REGION}.myqcloud.com`;
const A_PAGE = 'https://example.com/index.html';
const B_PAGE = 'https://b.com/test/test.html';

beforeAll(async () => {
  h = await startHarness();
  await h.cos.putBucket({ ...b, ACL: 'public-read' });
  await h.cos.putObject({ ...b, Key: '1.jpg', Body: 'image bytes' });
});
afterAll(() => h.close());

const anonymous = (referer?: string, method = 'GET'): Promise<RawResponse> =>
  rawRequest({ port: h.server.port, host: HOST, path: '/1.jpg', method, headers: referer === undefined ? {} : { Referer: referer } });

/** A pre-signed URL from the SDK, fetched with a Referer as a browser would (its host mapped to cos-local). */
async function presigned(referer?: string): Promise<RawResponse> {
  const { Url } = await new Promise<COS.GetObjectUrlResult>((resolve, reject) => {
    h.cos.getObjectUrl({ ...b, Key: '1.jpg', Sign: true }, (err, data) => (err ? reject(err) : resolve(data)));
  });
  const url = new URL(Url);
  return rawRequest({ port: h.server.port, host: url.host, path: `${url.pathname}${url.search}`, headers: referer === undefined ? {} : { Referer: referer } });
}

const put = (RefererConfiguration: COS.RefererConfiguration) => h.cos.putBucketReferer({ ...b, RefererConfiguration });

describe('PUT/GET Bucket referer', () => {
  it('has none at first: 404 NoSuchRefererConfiguration, which the SDK turns into a result', async () => {
    const got = await h.cos.getBucketReferer(b);
    expect(got.statusCode).toBe(404);
    expect(got.RefererConfiguration).toBeUndefined();
    const res = await rawRequest({ port: h.server.port, host: HOST, path: '/?referer' });
    expect(res.status).toBe(403); // anonymous: GET Bucket referer is the owner's
  });

  it('returns the configuration exactly as it was put (doc example, 436/31423)', async () => {
    const config: COS.RefererConfiguration = {
      Status: 'Enabled', RefererType: 'White-List', DomainList: { Domains: ['*.qq.com', '*.qcloud.com'] }, EmptyReferConfiguration: 'Allow',
    };
    await put(config);
    expect((await h.cos.getBucketReferer(b)).RefererConfiguration).toEqual(config);
  });

  it('adds no default: without EmptyReferConfiguration and DomainList none comes back', async () => {
    await put({ Status: 'Disabled', RefererType: 'Black-List' } as COS.RefererConfiguration);
    expect((await h.cos.getBucketReferer(b)).RefererConfiguration).toEqual({ Status: 'Disabled', RefererType: 'Black-List' });
  });

  it('refuses a malformed configuration with MalformedXML and keeps the old one', async () => {
    const bad = { Status: 'On', RefererType: 'White-List', DomainList: { Domains: ['a.com'] } } as unknown as COS.RefererConfiguration;
    expect(await failure(put(bad))).toMatchObject({ statusCode: 400, code: 'MalformedXML' });
    const enabledEmpty = { Status: 'Enabled', RefererType: 'White-List' } as COS.RefererConfiguration;
    expect(await failure(put(enabledEmpty))).toMatchObject({ statusCode: 400, code: 'MalformedXML' });
    expect((await h.cos.getBucketReferer(b)).RefererConfiguration).toEqual({ Status: 'Disabled', RefererType: 'Black-List' });
  });

  it('has no DELETE in COS (disabled with Status instead)', async () => {
    const res = await rawRequest({ port: h.server.port, host: HOST, path: '/?referer', method: 'DELETE' });
    expect(res.status).toBe(405);
  });
});

describe('hotlink protection on object reads', () => {
  it('White-List *.example.com: A\'s page loads the image, B\'s is refused with 403 AccessDenied', async () => {
    await put({ Status: 'Enabled', RefererType: 'White-List', DomainList: { Domains: ['*.example.com'] }, EmptyReferConfiguration: 'Deny' });
    const ok = await anonymous(A_PAGE);
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('image bytes');
    const refused = await anonymous(B_PAGE);
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('<Code>AccessDenied</Code>');
    expect(refused.body).toContain('allowlist');
    expect((await anonymous(B_PAGE, 'HEAD')).status).toBe(403);
  });

  it('EmptyReferConfiguration decides a direct request (no Referer)', async () => {
    expect((await anonymous()).status).toBe(403);
    await put({ Status: 'Enabled', RefererType: 'White-List', DomainList: { Domains: ['*.example.com'] }, EmptyReferConfiguration: 'Allow' });
    expect((await anonymous()).status).toBe(200);
    expect((await anonymous(B_PAGE)).status).toBe(403); // still not listed
  });

  it('Black-List *.b.com: B\'s page is refused, A\'s loads', async () => {
    await put({ Status: 'Enabled', RefererType: 'Black-List', DomainList: { Domains: ['*.b.com'] }, EmptyReferConfiguration: 'Allow' });
    expect((await anonymous(B_PAGE)).status).toBe(403);
    expect((await anonymous('http://img.b.com:8080/x.html')).status).toBe(403);
    expect((await anonymous(A_PAGE)).status).toBe(200);
    expect((await anonymous()).status).toBe(200);
  });

  it('judges pre-signed URLs by their Referer too', async () => {
    await put({ Status: 'Enabled', RefererType: 'White-List', DomainList: { Domains: ['example.com'] }, EmptyReferConfiguration: 'Deny' });
    expect((await presigned('http://example.com:8080/page.html')).status).toBe(200);
    const refused = await presigned(B_PAGE);
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('<Code>AccessDenied</Code>');
    expect((await presigned()).status).toBe(403);
  });

  it('does not referer-check a request signed in its Authorization header', async () => {
    const got = await h.cos.getObject({ ...b, Key: '1.jpg', Headers: { Referer: B_PAGE } });
    expect(got.Body.toString()).toBe('image bytes');
    expect((await h.cos.headObject({ ...b, Key: '1.jpg' })).statusCode).toBe(200); // no Referer at all
  });

  it('leaves writes and listings alone, and stops when Status is Disabled', async () => {
    await h.cos.putObject({ ...b, Key: '2.jpg', Body: 'x', Headers: { Referer: B_PAGE } });
    await put({ Status: 'Disabled', RefererType: 'White-List', DomainList: { Domains: ['example.com'] } });
    expect((await anonymous(B_PAGE)).status).toBe(200);
    expect((await anonymous()).status).toBe(200);
  });
});
