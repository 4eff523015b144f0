// Hotlink protection, static website and custom domain settings through cos-js-sdk-v5 in Chromium
// (every subresource round-trips through both SDKs, including their "empty config on 404"
// cases). The effects are tested in hotlink.test.ts and src/cos-local/sdk-{referer,website,domain}.test.ts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REGION, failed, ok, startBrowserHarness, type BrowserHarness } from './harness';

let h: BrowserHarness;
let Bucket: string;

beforeAll(async () => {
  h = await startBrowserHarness();
  Bucket = await h.createBucket('settings-rwd');
});
afterAll(() => h?.close());
afterEach(() => expect(h?.serverErrors ?? []).toEqual([]));

describe('bucket settings from the browser', () => {
  it('referer: empty on 404, then exactly what was put', async () => {
    const config = { Status: 'Enabled', RefererType: 'White-List', DomainList: { Domains: ['*.qq.com', '*.qcloud.com'] }, EmptyReferConfiguration: 'Allow' };
    const r = await h.page.evaluate(async ({ bucket, config }) => {
      const { t } = window;
      const cb = { Bucket: bucket, Region: t.region };
      const before = await t.settle(t.vhost.getBucketReferer(cb));
      const put = await t.settle(t.vhost.putBucketReferer({ ...cb, RefererConfiguration: config as Parameters<typeof t.vhost.putBucketReferer>[0]['RefererConfiguration'] }));
      const after = await t.settle(t.vhost.getBucketReferer(cb));
      return { before, put, after };
    }, { bucket: Bucket, config });
    expect(ok(r.before).statusCode).toBe(404);
    ok(r.put);
    expect(ok(r.after)['RefererConfiguration']).toEqual(config);
  });

  it('website: empty on 404, exactly what was put (routing rules included), empty again after DELETE', async () => {
    const config = {
      IndexDocument: { Suffix: 'index.html' }, RedirectAllRequestsTo: { Protocol: 'https' }, AutoAddressing: { Status: 'Enabled' },
      ErrorDocument: { Key: 'error.html', OriginalHttpStatus: 'Disabled' },
      RoutingRules: [
        { Condition: { HttpErrorCodeReturnedEquals: '404' }, Redirect: { Protocol: 'https', ReplaceKeyWith: '404.html' } },
        { Condition: { KeyPrefixEquals: 'docs/' }, Redirect: { Protocol: 'https', ReplaceKeyPrefixWith: 'documents/' } },
      ],
    };
    const r = await h.page.evaluate(async ({ bucket, config }) => {
      const { t } = window;
      const cb = { Bucket: bucket, Region: t.region };
      const before = await t.settle(t.vhost.getBucketWebsite(cb));
      const put = await t.settle(t.vhost.putBucketWebsite({ ...cb, WebsiteConfiguration: config as unknown as Parameters<typeof t.vhost.putBucketWebsite>[0]['WebsiteConfiguration'] }));
      const after = await t.settle(t.vhost.getBucketWebsite(cb));
      const del = await t.settle(t.vhost.deleteBucketWebsite(cb));
      const gone = await t.settle(t.vhost.getBucketWebsite(cb));
      return { before, put, after, del, gone };
    }, { bucket: Bucket, config });
    expect(ok(r.before)).toMatchObject({ WebsiteConfiguration: {}, statusCode: 404 });
    ok(r.put);
    expect(ok(r.after)['WebsiteConfiguration']).toEqual(config);
    expect(ok(r.del).statusCode).toBe(204);
    expect(ok(r.gone)).toMatchObject({ WebsiteConfiguration: {}, statusCode: 404 });
  });

  it('domain: 404 before, exactly what was put, 404 after DELETE', async () => {
    const rules = [
      { Status: 'DISABLED', Name: 'www.testDomain1.com', Type: 'REST' },
      { Status: 'ENABLED', Name: 'site.example.com', Type: 'WEBSITE', ForcedReplacement: 'CNAME' },
    ];
    const r = await h.page.evaluate(async ({ bucket, rules }) => {
      const { t } = window;
      const cb = { Bucket: bucket, Region: t.region };
      const before = await t.settle(t.vhost.getBucketDomain(cb));
      const first = await t.settle(t.vhost.putBucketDomain({ ...cb, DomainRule: rules.slice(0, 1) as Parameters<typeof t.vhost.putBucketDomain>[0]['DomainRule'] }));
      // ForcedReplacement needs the name to be bound already (436/35868): bind it, then take it over.
      const bind = await t.settle(t.vhost.putBucketDomain({ ...cb, DomainRule: [rules[0], { ...rules[1], ForcedReplacement: undefined }] as Parameters<typeof t.vhost.putBucketDomain>[0]['DomainRule'] }));
      const put = await t.settle(t.vhost.putBucketDomain({ ...cb, DomainRule: rules as Parameters<typeof t.vhost.putBucketDomain>[0]['DomainRule'] }));
      const after = await t.settle(t.vhost.getBucketDomain(cb));
      const del = await t.settle(t.vhost.deleteBucketDomain(cb));
      const gone = await t.settle(t.vhost.getBucketDomain(cb));
      return { before, first, bind, put, after, del, gone };
    }, { bucket: Bucket, rules });
    expect(failed(r.before).statusCode).toBe(404);
    ok(r.first);
    ok(r.bind);
    ok(r.put);
    expect(ok(r.after)['DomainRule']).toEqual(rules);
    expect(ok(r.del).statusCode).toBe(204);
    expect(failed(r.gone).statusCode).toBe(404);
    await expect(h.node.getBucketDomain({ Bucket, Region: REGION })).rejects.toMatchObject({ statusCode: 404 });
  });
});
