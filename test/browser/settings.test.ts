// Bucket settings and the remaining object operations through cos-js-sdk-v5 in Chromium: CORS
// (whose effect the page feels at once), versioning + ListObjectVersions, PUT Object - Copy,
// DELETE Multiple Objects, object and bucket tagging, and temporary keys from cos-local's STS
// handed to getAuthorization.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signedStsForm } from '../../src/cos-local/sts/test-form';
import {
  EXPOSED_HEADERS, REGION, SECRET_ID, SECRET_KEY, failed, md5hex, ok, startBrowserHarness, type BrowserHarness,
} from './harness';

let h: BrowserHarness;
let Bucket: string;
let b: { Bucket: string; Region: string };

beforeAll(async () => {
  h = await startBrowserHarness();
  Bucket = await h.createBucket('settings');
  b = { Bucket, Region: REGION };
});
afterAll(() => h?.close());
afterEach(() => expect(h?.serverErrors ?? []).toEqual([]));

describe('bucket CORS from the browser', () => {
  it('puts rules that come back verbatim; their ExposeHeaders decide what the page can read; deleting them cuts the page off', async () => {
    const bucket = await h.createBucket('cors-edit');
    const r = await h.page.evaluate(async ({ bucket, origin, exposed }) => {
      const { t } = window;
      const cb = { Bucket: bucket, Region: t.region };
      const rules = [
        { ID: 'page', AllowedOrigin: [origin], AllowedMethod: ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'], AllowedHeader: ['*'], ExposeHeader: exposed.filter((x) => x !== 'ETag'), MaxAgeSeconds: 600 },
        { AllowedOrigin: ['https://*.example.com'], AllowedMethod: ['GET'], AllowedHeader: ['x-cos-meta-*'], ExposeHeader: ['x-cos-request-id'] },
      ];
      const put = await t.settle(t.vhost.putBucketCors({ ...cb, CORSRules: rules }));
      const got = await t.settle(t.vhost.getBucketCors(cb));
      // ETag is no longer exposed: the response has it, the page cannot see it.
      const withoutEtag = await t.settle(t.vhost.putObject({ ...cb, Key: 'no-etag.txt', Body: 'hidden etag' }));
      const del = await t.settle(t.vhost.deleteBucketCors(cb));
      const after = await t.settle(t.vhost.getBucketCors(cb));
      return { put, got, withoutEtag, del, after };
    }, { bucket, origin: h.origin, exposed: EXPOSED_HEADERS });
    ok(r.put);
    expect(ok(r.got)['CORSRules']).toEqual([
      { ID: 'page', AllowedOrigins: [h.origin], AllowedMethods: ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'], AllowedHeaders: ['*'], ExposeHeaders: EXPOSED_HEADERS.filter((x) => x !== 'ETag'), MaxAgeSeconds: '600' },
      { AllowedOrigins: ['https://*.example.com'], AllowedMethods: ['GET'], AllowedHeaders: ['x-cos-meta-*'], ExposeHeaders: ['x-cos-request-id'] },
    ]);
    expect(ok(r.withoutEtag).ETag).toBe('');
    expect(ok(r.withoutEtag).headers?.['etag']).toBeUndefined();
    expect(ok(r.withoutEtag)['RequestId']).toMatch(/\S/);
    expect((await h.node.headObject({ Bucket: bucket, Region: REGION, Key: 'no-etag.txt' })).ETag).toBe(`"${md5hex('hidden etag')}"`);
    expect(ok(r.del).statusCode).toBe(204);
    expect(failed(r.after).message).toBe('CORS blocked or network error');
    expect(await h.node.getBucketCors({ Bucket: bucket, Region: REGION })).toMatchObject({ CORSRules: [], statusCode: 404 });
  });
});

describe('versioning from the browser', () => {
  it('enables versioning; VersionId and DeleteMarker are readable; listObjectVersions shows every version', async () => {
    const bucket = await h.createBucket('versions');
    const r = await h.page.evaluate(async (bucket) => {
      const { t } = window;
      const vb = { Bucket: bucket, Region: t.region };
      const Key = 'doc/日記 v.txt';
      const enable = await t.settle(t.vhost.putBucketVersioning({ ...vb, VersioningConfiguration: { Status: 'Enabled' } }));
      const status = await t.settle(t.vhost.getBucketVersioning(vb));
      const v1 = await t.settle(t.vhost.putObject({ ...vb, Key, Body: 'one' }));
      const v2 = await t.settle(t.vhost.putObject({ ...vb, Key, Body: 'two' }));
      const del = await t.settle(t.vhost.deleteObject({ ...vb, Key }));
      const head = await t.settle(t.vhost.headObject({ ...vb, Key }));
      const firstId = v1.ok ? String(v1.data['VersionId']) : '';
      const old = await t.settle(t.vhost.getObject({ ...vb, Key, VersionId: firstId }));
      const versions = await t.settle(t.vhost.listObjectVersions({ ...vb, Prefix: 'doc/' }));
      return { enable, status, v1, v2, del, head, old, versions };
    }, bucket);
    ok(r.enable);
    expect(ok(r.status)['VersioningConfiguration']).toEqual({ Status: 'Enabled' });
    const id1 = String(ok(r.v1)['VersionId']);
    const id2 = String(ok(r.v2)['VersionId']);
    expect(id1).toMatch(/\S/);
    expect(id2).toMatch(/\S/);
    expect(id1).not.toBe(id2);
    expect(ok(r.del)).toMatchObject({ statusCode: 204, DeleteMarker: 'true' });
    const markerId = String(ok(r.del)['VersionId']);
    expect(markerId).toMatch(/\S/);
    expect(failed(r.head).statusCode).toBe(404);
    expect(ok(r.old)).toMatchObject({ Body: 'one', VersionId: id1 });
    const listed = ok(r.versions);
    const versions = listed['Versions'] as { Key: string; VersionId: string; IsLatest: string; ETag: string }[];
    const markers = listed['DeleteMarkers'] as { Key: string; VersionId: string; IsLatest: string }[];
    expect(versions.map((v) => [v.Key, v.VersionId, v.IsLatest, v.ETag])).toEqual([
      ['doc/日記 v.txt', id2, 'false', `"${md5hex('two')}"`],
      ['doc/日記 v.txt', id1, 'false', `"${md5hex('one')}"`],
    ]);
    expect(markers.map((m) => [m.Key, m.VersionId, m.IsLatest])).toEqual([['doc/日記 v.txt', markerId, 'true']]);
  });
});

describe('putObjectCopy from the browser', () => {
  it('copies a unicode key, keeping or replacing metadata', async () => {
    await h.node.putObject({ ...b, Key: 'copy/源 file+1.txt', Body: 'copied body', ContentType: 'text/markdown', Headers: { 'x-cos-meta-author': 'alice' } });
    const r = await h.page.evaluate(async (b) => {
      const { t } = window;
      const source = `${b.Bucket}.cos.${b.Region}.myqcloud.com/${encodeURIComponent('copy/源 file+1.txt').replace(/%2F/g, '/')}`;
      return {
        keep: await t.settle(t.vhost.putObjectCopy({ ...b, Key: 'copy/kept 目标.txt', CopySource: source })),
        replace: await t.settle(t.vhost.putObjectCopy({
          ...b, Key: 'copy/replaced 目标.txt', CopySource: source, MetadataDirective: 'Replaced',
          ContentType: 'text/plain', Headers: { 'x-cos-meta-author': 'bob' },
        })),
        missing: await t.settle(t.vhost.putObjectCopy({ ...b, Key: 'copy/x.txt', CopySource: `${b.Bucket}.cos.${b.Region}.myqcloud.com/copy/none.txt` })),
      };
    }, b);
    expect(ok(r.keep)).toMatchObject({ statusCode: 200, ETag: `"${md5hex('copied body')}"` });
    expect(ok(r.keep)['Location']).toBe(`${Bucket}.cos.${REGION}.localhost:${h.cosPort}/copy/kept%20%E7%9B%AE%E6%A0%87.txt`);
    expect(ok(r.keep)['LastModified']).toMatch(/^\d{4}-\d\d-\d\dT/);
    ok(r.replace);
    expect(failed(r.missing)).toMatchObject({ statusCode: 404, code: 'NoSuchKey' });
    const kept = await h.node.headObject({ ...b, Key: 'copy/kept 目标.txt' });
    expect(kept.headers).toMatchObject({ 'x-cos-meta-author': 'alice', 'content-type': 'text/markdown' });
    const replaced = await h.node.headObject({ ...b, Key: 'copy/replaced 目标.txt' });
    expect(replaced.headers).toMatchObject({ 'x-cos-meta-author': 'bob', 'content-type': 'text/plain' });
    expect((await h.nodeGet(Bucket, 'copy/replaced 目标.txt')).toString()).toBe('copied body');
  });
});

describe('deleteMultipleObject from the browser', () => {
  it('deletes awkward keys in one request; a missing key is reported deleted', async () => {
    const keys = ['multi/日落 sunset.png', 'multi/a+b%c#d?e', 'multi/🙂.txt'];
    for (const Key of keys) await h.node.putObject({ ...b, Key, Body: Key });
    await h.node.putObject({ ...b, Key: 'multi/kept.txt', Body: 'kept' });
    const r = await h.page.evaluate(async ({ b, keys }) => {
      const { t } = window;
      return t.settle(t.vhost.deleteMultipleObject({ ...b, Objects: [...keys, 'multi/missing.txt'].map((Key) => ({ Key })) }));
    }, { b, keys });
    const data = ok(r);
    expect((data['Deleted'] as { Key: string }[]).map((d) => d.Key).sort()).toEqual([...keys, 'multi/missing.txt'].sort());
    expect(data['Error']).toEqual([]);
    expect((await h.node.getBucket({ ...b, Prefix: 'multi/' })).Contents.map((c) => c.Key)).toEqual(['multi/kept.txt']);
  });
});

describe('tagging from the browser', () => {
  it('puts, reads and deletes object tags; x-cos-tagging-count is readable', async () => {
    const r = await h.page.evaluate(async (b) => {
      const { t } = window;
      const Key = 'tags/photo 照片.jpg';
      await t.vhost.putObject({ ...b, Key, Body: 'tagged' });
      const put = await t.settle(t.vhost.putObjectTagging({ ...b, Key, Tags: [{ Key: 'project', Value: '月亮 moon' }, { Key: 'env', Value: 'test' }] }));
      const got = await t.settle(t.vhost.getObjectTagging({ ...b, Key }));
      const head = await t.settle(t.vhost.headObject({ ...b, Key }));
      const del = await t.settle(t.vhost.deleteObjectTagging({ ...b, Key }));
      const after = await t.settle(t.vhost.getObjectTagging({ ...b, Key }));
      return { put, got, head, del, after };
    }, b);
    ok(r.put);
    expect(ok(r.got)['Tags']).toEqual([{ Key: 'project', Value: '月亮 moon' }, { Key: 'env', Value: 'test' }]);
    expect(ok(r.head).headers?.['x-cos-tagging-count']).toBe('2');
    expect(ok(r.del).statusCode).toBe(204);
    expect(ok(r.after)['Tags']).toEqual([]);
  });

  it('puts, reads and deletes bucket tags', async () => {
    const r = await h.page.evaluate(async (b) => {
      const { t } = window;
      const put = await t.settle(t.vhost.putBucketTagging({ ...b, Tags: [{ Key: 'team', Value: 'storage' }, { Key: 'cost-center', Value: '42' }] }));
      const got = await t.settle(t.vhost.getBucketTagging(b));
      const del = await t.settle(t.vhost.deleteBucketTagging(b));
      const after = await t.settle(t.vhost.getBucketTagging(b));
      return { put, got, del, after };
    }, b);
    ok(r.put);
    expect(ok(r.got)['Tags']).toEqual([{ Key: 'team', Value: 'storage' }, { Key: 'cost-center', Value: '42' }]);
    expect(ok(r.del).statusCode).toBe(204);
    expect(ok(r.after)['Tags']).toEqual([]);
  });
});

describe('temporary keys from cos-local\'s STS in getAuthorization', () => {
  interface FederationToken {
    Response: { Credentials?: { TmpSecretId: string; TmpSecretKey: string; Token: string }; ExpiredTime?: number; Error?: { Code: string; Message: string } };
  }

  it('signs in the page with {TmpSecretId, TmpSecretKey, SecurityToken, StartTime, ExpiredTime} within the session policy', async () => {
    const host = `127.0.0.1:${h.cosPort}`;
    const policy = {
      version: '2.0',
      statement: [{
        effect: 'allow', action: ['name/cos:PutObject', 'name/cos:GetObject', 'name/cos:HeadObject'],
        resource: [`qcs::cos:${REGION}:uid/1250000000:${Bucket}/sts/*`],
      }],
    };
    const res = await fetch(`${h.cosUrl}/`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: signedStsForm({ secretId: SECRET_ID, secretKey: SECRET_KEY, host, policy, durationSeconds: 1800 }),
    });
    const token = (await res.json()) as FederationToken;
    const credentials = token.Response.Credentials;
    expect(token.Response.Error).toBeUndefined();
    if (!credentials || token.Response.ExpiredTime === undefined) throw new Error(`no credentials: ${JSON.stringify(token)}`);
    const tmp = {
      TmpSecretId: credentials.TmpSecretId, TmpSecretKey: credentials.TmpSecretKey, SecurityToken: credentials.Token,
      StartTime: Math.floor(Date.now() / 1000), ExpiredTime: token.Response.ExpiredTime,
    };
    const r = await h.page.evaluate(async ({ b, tmp }) => {
      const { t } = window;
      const before = t.authorizationCalls();
      const cos = t.client({ tmp });
      const put = await t.settle(cos.putObject({ ...b, Key: 'sts/临时 key.txt', Body: 'temporary' }));
      const get = await t.settle(cos.getObject({ ...b, Key: 'sts/临时 key.txt' }));
      const outside = await t.settle(cos.putObject({ ...b, Key: 'elsewhere.txt', Body: 'denied' }));
      const list = await t.settle(cos.getBucket({ ...b, Prefix: 'sts/' }));
      return { put, get, outside, list, authorizationCalls: t.authorizationCalls() - before };
    }, { b, tmp });
    expect(ok(r.put).ETag).toBe(`"${md5hex('temporary')}"`);
    expect(ok(r.get).Body).toBe('temporary');
    expect(failed(r.outside)).toMatchObject({ statusCode: 403, code: 'AccessDenied' });
    expect(failed(r.list)).toMatchObject({ statusCode: 403, code: 'AccessDenied' });
    // The SDK caches temporary keys: one getAuthorization call for the whole sequence.
    expect(r.authorizationCalls).toBe(1);
    const sent = h.requests.filter((x) => x.origin === h.origin && x.method === 'PUT' && x.url === '/sts/%E4%B8%B4%E6%97%B6%20key.txt');
    expect(sent.map((x) => x.headers['x-cos-security-token'])).toEqual([credentials.Token]);
    expect(sent[0]?.headers.authorization).toContain(`q-ak=${credentials.TmpSecretId}&`);
  });
});
