// Static website through cos-nodejs-sdk-v5 (PUT/GET/DELETE Bucket website round-trip exactly as the
// SDK suite's BucketWebsite group expects) and its effect on the website host
// `<bucket>.cos-website.<region>.<suffix>`: index documents, AutoAddressing, the error document with
// OriginalHttpStatus (404, and the single-page-app 200), routing rules, RedirectAllRequestsTo, HTML
// errors, GET/HEAD only.
import type COS from 'cos-nodejs-sdk-v5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPID, REGION, failure, startHarness, type Harness } from './sdk-harness';
import { rawRequest, type RawResponse } from './website/raw-http';

let h: Harness;
const Bucket = `site-${APPID}`;
const b = { Bucket, Region: REGION };
const SITE = `${Bucket}.cos-website.${REGION}.myqcloud.com`;

const PAGES: Record<string, string> = {
  'index.html': '<h1>home</h1>',
  'dir/index.html': '<h1>dir</h1>',
  'about.html': '<h1>about</h1>',
  '404.html': '<h1>not here</h1>',
  'docs/a.html': 'old docs',
};

beforeAll(async () => {
  h = await startHarness();
  await h.cos.putBucket({ ...b, ACL: 'public-read' });
  for (const [Key, Body] of Object.entries(PAGES)) await h.cos.putObject({ ...b, Key, Body, ContentType: 'text/html' });
});
afterAll(() => h.close());

const site = (path: string, method = 'GET', host = SITE, headers: Record<string, string> = {}): Promise<RawResponse> =>
  rawRequest({ port: h.server.port, host, path, method, headers });
const put = (config: object) => h.cos.putBucketWebsite({ ...b, WebsiteConfiguration: config as COS.WebsiteConfiguration });

describe('PUT/GET/DELETE Bucket website as the SDK suite expects', () => {
  // cos-nodejs-sdk-v5 test/test.js group BucketWebsite.
  const routingRules = [
    { Condition: { HttpErrorCodeReturnedEquals: '404' }, Redirect: { Protocol: 'https', ReplaceKeyWith: '404.html', URLRedirect: 'Enabled' } },
    { Condition: { KeyPrefixEquals: 'docs/' }, Redirect: { Protocol: 'https', ReplaceKeyPrefixWith: 'documents/', URLRedirect: 'Enabled' } },
    { Condition: { KeyPrefixEquals: 'img/' }, Redirect: { Protocol: 'https', ReplaceKeyWith: 'picture.jpg', URLRedirect: 'Enabled' } },
  ];
  const base = { IndexDocument: { Suffix: 'index.html' }, RedirectAllRequestsTo: { Protocol: 'https' }, ErrorDocument: { Key: 'error.html' } };

  it('has none at first: 404 NoSuchWebsiteConfiguration, which the SDK turns into {}', async () => {
    expect(await h.cos.getBucketWebsite(b)).toMatchObject({ WebsiteConfiguration: {}, statusCode: 404 });
  });

  it('returns the configuration exactly as put, with and without routing rules', async () => {
    await put(base);
    expect((await h.cos.getBucketWebsite(b)).WebsiteConfiguration).toEqual(base);
    await put({ ...base, RoutingRules: routingRules });
    expect((await h.cos.getBucketWebsite(b)).WebsiteConfiguration).toEqual({ ...base, RoutingRules: routingRules });
  });

  it('keeps AutoAddressing, Charity404 and OriginalHttpStatus verbatim', async () => {
    const config = { IndexDocument: { Suffix: 'index.html' }, AutoAddressing: { Status: 'Enabled' }, ErrorDocument: { Key: 'index.html', Charity404: 'Disabled', OriginalHttpStatus: 'Disabled' } };
    await put(config);
    expect((await h.cos.getBucketWebsite(b)).WebsiteConfiguration).toEqual(config);
  });

  it.each([
    ['no IndexDocument', { ErrorDocument: { Key: 'e.html' } }, 'MalformedXML'],
    ['a 5xx HttpErrorCodeReturnedEquals', { IndexDocument: { Suffix: 'index.html' }, RoutingRules: [{ Condition: { HttpErrorCodeReturnedEquals: '500' }, Redirect: { ReplaceKeyWith: 'x' } }] }, 'MalformedXML'],
    ['ReplaceKeyPrefixWith on an error code', { IndexDocument: { Suffix: 'index.html' }, RoutingRules: [{ Condition: { HttpErrorCodeReturnedEquals: '404' }, Redirect: { ReplaceKeyPrefixWith: 'x/' } }] }, 'MalformedXML'],
    ['RedirectAllRequestsTo http', { IndexDocument: { Suffix: 'index.html' }, RedirectAllRequestsTo: { Protocol: 'http' } }, 'MalformedXML'],
    ['101 routing rules', { IndexDocument: { Suffix: 'index.html' }, RoutingRules: Array.from({ length: 101 }, (_, i) => ({ Condition: { KeyPrefixEquals: `p${i}/` }, Redirect: { ReplaceKeyWith: 'x' } })) }, 'XMLSizeLimit'],
  ])('refuses %s', async (_name, config, code) => {
    expect(await failure(put(config))).toMatchObject({ statusCode: 400, code });
  });

  it('refuses a bucket that does not exist, and a call without a configuration (SDK-side)', async () => {
    expect(await failure(h.cos.putBucketWebsite({ Bucket: `nope-${APPID}`, Region: REGION, WebsiteConfiguration: base }))).toMatchObject({ statusCode: 404, code: 'NoSuchBucket' });
    await expect(h.cos.putBucketWebsite(b as COS.PutBucketWebsiteParams)).rejects.toBeTruthy();
  });

  it('DELETE answers 204 and GET is empty again', async () => {
    expect((await h.cos.deleteBucketWebsite(b)).statusCode).toBe(204);
    expect(await h.cos.getBucketWebsite(b)).toMatchObject({ WebsiteConfiguration: {}, statusCode: 404 });
  });
});

describe('the website host', () => {
  it('answers a bucket without a configuration with an HTML 404 NoSuchWebsiteConfiguration', async () => {
    const res = await site('/');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['x-cos-request-id']).toBeTruthy();
    expect(res.body).toContain('NoSuchWebsiteConfiguration');
    const unknown = await site('/', 'GET', `nope-${APPID}.cos-website.${REGION}.myqcloud.com`);
    expect([unknown.status, unknown.body.includes('NoSuchBucket')]).toEqual([404, true]);
  });

  it('serves the index document for / and dir/, and redirects dir to dir/ (302)', async () => {
    await put({ IndexDocument: { Suffix: 'index.html' } });
    expect(await site('/')).toMatchObject({ status: 200, body: PAGES['index.html'] });
    expect((await site('/')).headers['content-type']).toBe('text/html');
    expect(await site('/dir/')).toMatchObject({ status: 200, body: PAGES['dir/index.html'] });
    const dir = await site('/dir');
    expect(dir.status).toBe(302);
    expect(dir.headers['location']).toBe(`http://${SITE}/dir/`);
    expect(await site('/about.html')).toMatchObject({ status: 200, body: PAGES['about.html'] });
    const head = await site('/', 'HEAD');
    expect([head.status, head.body, head.headers['content-length']]).toEqual([200, '', String(PAGES['index.html']?.length)]);
  });

  it('falls back from index.html to index.htm for a folder, and only for that Suffix (docs/cos-behaviour.md "Static website")', async () => {
    await h.cos.putObject({ ...b, Key: 'htm/index.htm', Body: '<h1>htm</h1>', ContentType: 'text/html' });
    await h.cos.putObject({ ...b, Key: 'both/index.htm', Body: '<h1>htm</h1>', ContentType: 'text/html' });
    await h.cos.putObject({ ...b, Key: 'both/index.html', Body: '<h1>html</h1>', ContentType: 'text/html' });
    await h.cos.putObject({ ...b, Key: 'none/page.html', Body: '<h1>page</h1>', ContentType: 'text/html' });
    await put({ IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: '404.html' } });
    expect(await site('/htm/')).toMatchObject({ status: 200, body: '<h1>htm</h1>' });
    expect((await site('/htm')).status).toBe(302); // the folder has an index (htm/index.htm): to htm/
    expect(await site('/both/')).toMatchObject({ status: 200, body: '<h1>html</h1>' });
    expect(await site('/none/')).toMatchObject({ status: 404, body: PAGES['404.html'] });
    expect(await site('/htm/index.htm')).toMatchObject({ status: 200, body: '<h1>htm</h1>' }); // a key names itself
    await put({ IndexDocument: { Suffix: 'index.htm' }, AutoAddressing: { Status: 'Enabled' } });
    expect(await site('/htm/')).toMatchObject({ status: 200, body: '<h1>htm</h1>' });
    expect(await site('/both/')).toMatchObject({ status: 200, body: '<h1>htm</h1>' });
    expect(await site('/none/page')).toMatchObject({ status: 200, body: '<h1>page</h1>' }); // AutoAddressing unchanged
    for (const Key of ['htm/index.htm', 'both/index.htm', 'both/index.html', 'none/page.html']) await h.cos.deleteObject({ ...b, Key });
  });

  it('has no website effect on the default (REST) domain', async () => {
    const res = await site('/dir/', 'GET', `${Bucket}.cos.${REGION}.myqcloud.com`);
    expect(res.status).toBe(404);
    expect(res.body).toContain('<Code>NoSuchKey</Code>');
  });

  it('answers a missing page with an HTML 404 without an error document', async () => {
    const res = await site('/missing.html');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('NoSuchKey');
  });

  it('serves the error document with the original 404', async () => {
    await put({ IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: '404.html' } });
    expect(await site('/missing.html')).toMatchObject({ status: 404, body: PAGES['404.html'] });
    await put({ IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: '404.html', OriginalHttpStatus: 'Enabled' } });
    expect(await site('/missing.html', 'GET', SITE, { Range: 'bytes=0-1' })).toMatchObject({ status: 404, body: PAGES['404.html'] });
  });

  it('serves a single-page app: error document index.html answered with 200', async () => {
    await put({ IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'index.html', OriginalHttpStatus: 'Disabled' } });
    expect(await site('/app/some/route')).toMatchObject({ status: 200, body: PAGES['index.html'] });
    expect(await site('/about.html')).toMatchObject({ status: 200, body: PAGES['about.html'] });
  });

  it('AutoAddressing Enabled finds page.html for /page', async () => {
    await put({ IndexDocument: { Suffix: 'index.html' }, AutoAddressing: { Status: 'Enabled' } });
    expect(await site('/about')).toMatchObject({ status: 200, body: PAGES['about.html'] });
    await put({ IndexDocument: { Suffix: 'index.html' }, AutoAddressing: { Status: 'Disabled' } });
    expect((await site('/about')).status).toBe(404);
  });

  it('redirects by routing rule (301): KeyPrefixEquals before the lookup, HttpErrorCodeReturnedEquals after it', async () => {
    await put({
      IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'index.html' },
      RoutingRules: [
        { Condition: { KeyPrefixEquals: 'docs/' }, Redirect: { Protocol: 'https', ReplaceKeyPrefixWith: 'documents/' } },
        { Condition: { KeyPrefixEquals: 'img/' }, Redirect: { ReplaceKeyWith: 'picture.jpg' } },
        { Condition: { HttpErrorCodeReturnedEquals: '404' }, Redirect: { ReplaceKeyWith: '404.html' } },
      ],
    });
    const docs = await site('/docs/a.html'); // exists, but the prefix rule comes first
    expect([docs.status, docs.headers['location']]).toEqual([301, `https://${SITE}/documents/a.html`]);
    expect((await site('/img/cat%20one.png')).headers['location']).toBe(`http://${SITE}/picture.jpg`);
    const missing = await site('/gone.html'); // the error-code rule wins over the error document
    expect([missing.status, missing.headers['location']]).toEqual([301, `http://${SITE}/404.html`]);
    expect(await site('/about.html')).toMatchObject({ status: 200 });
  });

  it('RedirectAllRequestsTo https redirects every plain-HTTP request', async () => {
    await put({ IndexDocument: { Suffix: 'index.html' }, RedirectAllRequestsTo: { Protocol: 'https' } });
    const res = await site('/dir/a%20b.html');
    expect([res.status, res.headers['location']]).toEqual([301, `https://${SITE}/dir/a%20b.html`]);
    expect((await site('/')).headers['location']).toBe(`https://${SITE}/`);
  });

  it('takes only GET and HEAD, and no query parameters (405 in HTML)', async () => {
    await put({ IndexDocument: { Suffix: 'index.html' } });
    for (const method of ['PUT', 'POST', 'DELETE']) {
      const res = await site('/index.html', method);
      expect([res.status, res.headers['content-type']]).toEqual([405, 'text/html; charset=utf-8']);
      expect(res.body).toContain('MethodNotAllowed');
    }
    expect((await site('/index.html?v=1')).status).toBe(405);
    expect(PAGES['index.html']).toBe((await h.cos.getObject({ ...b, Key: 'index.html' })).Body.toString()); // untouched
  });

  it('answers CORS preflights on the website host', async () => {
    await h.cos.putBucketCors({ ...b, CORSRules: [{ AllowedOrigin: ['https://app.example.com'], AllowedMethod: ['GET'] }] });
    const res = await site('/index.html', 'OPTIONS', SITE, { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'GET' });
    expect([res.status, res.headers['access-control-allow-origin']]).toEqual([200, 'https://app.example.com']);
    const get = await site('/', 'GET', SITE, { Origin: 'https://app.example.com' });
    expect(get.headers['access-control-allow-origin']).toBe('https://app.example.com');
    await h.cos.deleteBucketCors(b);
  });

  it('serves only what anonymous users may read: a private bucket is 403 Access Denied, or its error document', async () => {
    await h.cos.putObjectAcl({ ...b, Key: 'about.html', ACL: 'private' });
    const res = await site('/about.html');
    expect([res.status, res.body.includes('AccessDenied')]).toEqual([403, true]);
    await put({ IndexDocument: { Suffix: 'index.html' }, RoutingRules: [{ Condition: { HttpErrorCodeReturnedEquals: '403' }, Redirect: { ReplaceKeyWith: 'index.html' } }] });
    expect((await site('/about.html')).headers['location']).toBe(`http://${SITE}/index.html`);
    await h.cos.putBucketAcl({ ...b, ACL: 'private' });
    await put({ IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: '404.html' } });
    expect((await site('/')).status).toBe(403); // the error document is not readable either
    await h.cos.putBucketAcl({ ...b, ACL: 'public-read' });
    await h.cos.putObjectAcl({ ...b, Key: 'about.html', ACL: 'default' });
  });

  it('applies hotlink protection to website reads', async () => {
    await put({ IndexDocument: { Suffix: 'index.html' } });
    await h.cos.putBucketReferer({ ...b, RefererConfiguration: { Status: 'Enabled', RefererType: 'Black-List', DomainList: { Domains: ['*.b.com'] }, EmptyReferConfiguration: 'Allow' } });
    expect((await site('/', 'GET', SITE, { Referer: 'https://b.com/x.html' })).status).toBe(403);
    expect((await site('/', 'GET', SITE, { Referer: 'https://a.com/x.html' })).status).toBe(200);
    await h.cos.putBucketReferer({ ...b, RefererConfiguration: { Status: 'Disabled', RefererType: 'Black-List', DomainList: { Domains: ['*.b.com'] } } });
  });
});
