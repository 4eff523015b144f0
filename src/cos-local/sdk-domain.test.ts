// Custom domains through cos-nodejs-sdk-v5: PUT/GET/DELETE Bucket domain round-trip exactly as the SDK
// suite's BucketDomain group expects, a name bound to another bucket is refused (409) unless taken
// over with ForcedReplacement, and an ENABLED domain serves its bucket by Host — REST like the
// bucket's own host (the SDK's `Domain` option signs with it), WEBSITE like its website host.
import type COS from 'cos-nodejs-sdk-v5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPID, REGION, failure, startHarness, type Harness } from './sdk-harness';
import { rawRequest } from './website/raw-http';

let h: Harness;
const A = { Bucket: `doma-${APPID}`, Region: REGION };
const B = { Bucket: `domb-${APPID}`, Region: REGION };

beforeAll(async () => {
  h = await startHarness();
  for (const b of [A, B]) await h.cos.putBucket(b);
  await h.cos.putObject({ ...A, Key: 'hello.txt', Body: 'from A' });
  await h.cos.putObject({ ...A, Key: 'index.html', Body: '<h1>A</h1>', ACL: 'public-read' });
});
afterAll(() => h.close());

const rule = (Name: string, Type: COS.DomainRule['Type'] = 'REST', Status: COS.DomainRule['Status'] = 'ENABLED', extra: Partial<COS.DomainRule> = {}): COS.DomainRule =>
  ({ Status, Name, Type, ...extra });
const put = (b: typeof A, DomainRule: COS.DomainRule[]) => h.cos.putBucketDomain({ ...b, DomainRule });
const get = (host: string, path: string, method = 'GET') => rawRequest({ port: h.server.port, host, path, method });

describe('PUT/GET/DELETE Bucket domain as the SDK suite expects', () => {
  it('has none at first: 404 NoSuchDomainConfiguration', async () => {
    expect(await failure(h.cos.getBucketDomain(A))).toMatchObject({ statusCode: 404, code: 'NoSuchDomainConfiguration' });
  });

  it('returns the rules exactly as put (the suite binds a DISABLED WEBSITE name without a website)', async () => {
    // cos-nodejs-sdk-v5 test/test.js group BucketDomain.
    const rules = [rule('www.testDomain1.com', 'REST', 'DISABLED'), rule('www.testDomain2.com', 'WEBSITE', 'DISABLED')];
    await put(A, rules);
    expect((await h.cos.getBucketDomain(A)).DomainRule).toEqual(rules);
  });

  it('keeps ForcedReplacement and replaces the whole configuration on PUT', async () => {
    const rules = [rule('www.testDomain1.com', 'REST', 'DISABLED', { ForcedReplacement: 'CNAME' })];
    await put(A, rules);
    expect((await h.cos.getBucketDomain(A)).DomainRule).toEqual(rules);
  });

  it.each([
    ['an unknown Status', [{ Status: 'ON', Name: 'a.example.com', Type: 'REST' } as unknown as COS.DomainRule], 'MalformedXML'],
    ['an unknown Type', [{ Status: 'ENABLED', Name: 'a.example.com', Type: 'CDN' } as unknown as COS.DomainRule], 'MalformedXML'],
    ['no rule at all', [], 'MalformedXML'],
    ['a name that is not a host name', [rule('bad_name!.com')], 'InvalidArgument'],
    ['the same name twice', [rule('x.example.com'), rule('X.example.com', 'WEBSITE')], 'InvalidArgument'],
    ['21 rules', Array.from({ length: 21 }, (_, i) => rule(`d${i}.example.com`)), 'InvalidArgument'],
  ])('refuses %s', async (_name, rules, code) => {
    expect(await failure(put(A, rules))).toMatchObject({ statusCode: 400, code });
  });

  it('refuses a bucket that does not exist', async () => {
    expect(await failure(put({ Bucket: `nope-${APPID}`, Region: REGION }, [rule('a.example.com')]))).toMatchObject({ statusCode: 404, code: 'NoSuchBucket' });
  });

  it('DELETE answers 204, then GET is 404 again', async () => {
    expect((await h.cos.deleteBucketDomain(A)).statusCode).toBe(204);
    expect(await failure(h.cos.getBucketDomain(A))).toMatchObject({ statusCode: 404 });
    expect((await h.cos.deleteBucketDomain(A)).statusCode).toBe(204);
  });
});

describe('one name, one bucket', () => {
  it('refuses to bind a name another bucket has (case-insensitively), whatever its status', async () => {
    await put(A, [rule('static.example.com'), rule('old.example.com', 'REST', 'DISABLED')]);
    const conflict = await failure(put(B, [rule('STATIC.example.com')]));
    expect(conflict).toMatchObject({ statusCode: 409, code: 'DomainConflict' });
    expect(await failure(put(B, [rule('old.example.com')]))).toMatchObject({ statusCode: 409 });
    expect(await failure(h.cos.getBucketDomain(B))).toMatchObject({ statusCode: 404 }); // nothing stored
    await put(A, [rule('static.example.com'), rule('old.example.com', 'REST', 'DISABLED')]); // re-binding its own names is fine
  });

  it('ForcedReplacement takes a name over; for an unbound name it is 409', async () => {
    expect(await failure(put(B, [rule('new.example.com', 'REST', 'ENABLED', { ForcedReplacement: 'CNAME' })]))).toMatchObject({ statusCode: 409 });
    await put(B, [rule('old.example.com', 'REST', 'ENABLED', { ForcedReplacement: 'TXT' })]);
    expect((await h.cos.getBucketDomain(A)).DomainRule).toEqual([rule('static.example.com')]);
    expect((await h.cos.getBucketDomain(B)).DomainRule.map((r) => r.Name)).toEqual(['old.example.com']);
  });
});

describe('routing by Host', () => {
  it('serves the bucket through an ENABLED REST domain, signed with that Host by the SDK', async () => {
    await put(A, [rule('static.example.com'), rule('off.example.com', 'REST', 'DISABLED'), rule('www.example.com', 'WEBSITE')]);
    const viaDomain = h.client({ Domain: 'static.example.com' });
    const got = await viaDomain.getObject({ ...A, Key: 'hello.txt' });
    expect(got.Body.toString()).toBe('from A');
    await viaDomain.putObject({ ...A, Key: 'via-domain.txt', Body: 'written through the domain' });
    expect((await h.cos.getObject({ ...A, Key: 'via-domain.txt' })).Body.toString()).toBe('written through the domain');
    const listed = await viaDomain.getBucket(A);
    expect(listed.Contents.map((c) => c.Key)).toContain('via-domain.txt');
    // Anonymous: the bucket is private, the REST domain answers in XML.
    const res = await get('static.example.com:80', '/hello.txt');
    expect([res.status, res.body.includes('<Code>AccessDenied</Code>')]).toEqual([403, true]);
    expect((await get('static.example.com', '/index.html')).body).toBe('<h1>A</h1>');
  });

  it('does not route a DISABLED rule', async () => {
    const res = await get('off.example.com', '/hello.txt');
    expect(res.status).not.toBe(200);
    expect(res.body).not.toContain('from A');
  });

  it('serves a WEBSITE domain like the website host', async () => {
    const none = await get('www.example.com', '/');
    expect([none.status, none.headers['content-type'], none.body.includes('NoSuchWebsiteConfiguration')]).toEqual([404, 'text/html; charset=utf-8', true]);
    await h.cos.putBucketWebsite({ ...A, WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' } } });
    expect(await get('WWW.Example.com', '/')).toMatchObject({ status: 200, body: '<h1>A</h1>' });
    expect((await get('www.example.com', '/hello.txt')).status).toBe(403); // private object
    expect((await get('www.example.com', '/', 'PUT')).status).toBe(405);
  });

  it('stops routing once the configuration is deleted', async () => {
    await h.cos.deleteBucketDomain(A);
    expect((await get('static.example.com', '/index.html')).body).not.toBe('<h1>A</h1>');
    expect((await get('www.example.com', '/')).body).not.toBe('<h1>A</h1>');
  });
});
