// POST Object (436/14690) as browsers send it: multipart/form-data with the policy + q-* fields of
// the official recipe (cos-js-sdk-v5 demo/common/cos-auth.js CosAuthPolicy), or the Signature field
// of cos-wx-sdk-v5; answers 204/200/201/303; policy conditions enforced.
import { createHash } from 'node:crypto';
import COS from 'cos-nodejs-sdk-v5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postPolicySignature } from '../shared/post-policy/post-policy';
import { APPID, REGION, SECRET_ID, SECRET_KEY, startHarness, type Harness } from './sdk-harness';

let h: Harness;
const Bucket = `forms-${APPID}`;
const at = { Bucket, Region: REGION };

beforeAll(async () => {
  h = await startHarness();
  await h.cos.putBucket(at);
});
afterAll(() => h.close());

/** The policy fields of CosAuthPolicy for `conditions`, valid for `seconds`. */
function policyFields(conditions: unknown[], seconds = 900, secretKey = SECRET_KEY): Record<string, string> {
  const now = Math.round(Date.now() / 1000);
  const keyTime = `${now - 1};${now + seconds}`;
  const policy = JSON.stringify({
    expiration: new Date((now + seconds) * 1000).toISOString(),
    conditions: [{ 'q-sign-algorithm': 'sha1' }, { 'q-ak': SECRET_ID }, { 'q-sign-time': keyTime }, { bucket: Bucket }, ...conditions],
  });
  return {
    'q-sign-algorithm': 'sha1', 'q-ak': SECRET_ID, 'q-key-time': keyTime,
    'q-signature': postPolicySignature(secretKey, keyTime, policy), policy: Buffer.from(policy).toString('base64'),
  };
}

/** POSTs the form to the bucket host (the file field last, as COS requires). */
async function post(fields: Record<string, string>, file = 'hello form', filename = 'photo.png'): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([file], { type: 'image/png' }), filename);
  // fetch cannot set Host: use path-style on the loopback address instead of the bucket host.
  return fetch(`${h.server.url}/${Bucket}`, { method: 'POST', body: form });
}

const md5 = (s: string): string => createHash('md5').update(s).digest('hex');
const errorCode = async (r: Response): Promise<string> => /<Code>([^<]+)<\/Code>/.exec(await r.text())?.[1] ?? '';

describe('POST Object', () => {
  it('stores the file under the policy form, with the form fields as metadata (204 by default)', async () => {
    const r = await post({ key: 'form/a.png', 'Content-Type': 'image/x-test', 'x-cos-meta-from': 'form', ...policyFields([['starts-with', '$key', 'form/']]) });
    expect(r.status).toBe(204);
    expect(r.headers.get('etag')).toBe(`"${md5('hello form')}"`);
    expect(r.headers.get('x-cos-request-id')).toBeTruthy();
    const got = await h.cos.getObject({ ...at, Key: 'form/a.png' });
    expect(String(got.Body)).toBe('hello form');
    expect(got.headers?.['content-type']).toBe('image/x-test');
    expect(got.headers?.['x-cos-meta-from']).toBe('form');
  });

  it('answers 200, 201 with PostResponse, and 303 to success_action_redirect', async () => {
    expect((await post({ key: 's200', success_action_status: '200', ...policyFields([]) })).status).toBe(200);
    const created = await post({ key: 'dir/s 201+', success_action_status: '201', ...policyFields([]) });
    expect(created.status).toBe(201);
    const xml = await created.text();
    expect(xml).toContain('<PostResponse>');
    expect(xml).toContain(`<Bucket>${Bucket}</Bucket>`);
    expect(xml).toContain('<Key>dir/s 201+</Key>');
    const redirected = await fetch(`${h.server.url}/${Bucket}`, {
      method: 'POST', redirect: 'manual',
      body: (() => {
        const f = new FormData();
        for (const [k, v] of Object.entries({ key: 'r.txt', success_action_redirect: 'https://example.com/done?x=1', ...policyFields([]) })) f.append(k, v);
        f.append('file', new Blob(['r']), 'r.txt');
        return f;
      })(),
    });
    expect(redirected.status).toBe(303);
    const location = new URL(redirected.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe('https://example.com/done');
    expect(Object.fromEntries(location.searchParams)).toEqual({ x: '1', bucket: Bucket, key: 'r.txt', etag: `"${md5('r')}"` });
  });

  it('replaces ${filename} in the key with the uploaded file name', async () => {
    expect((await post({ key: 'uploads/${filename}', ...policyFields([]) }, 'x', '日落 sunset.png')).status).toBe(204);
    expect(String((await h.cos.getObject({ ...at, Key: 'uploads/日落 sunset.png' })).Body)).toBe('x');
  });

  it('enforces the policy: conditions, content-length-range, expiration and signature', async () => {
    const wrongPrefix = await post({ key: 'elsewhere/a', ...policyFields([['starts-with', '$key', 'form/']]) });
    expect(wrongPrefix.status).toBe(403);
    expect(await errorCode(wrongPrefix)).toBe('AccessDenied');
    const wrongType = await post({ key: 'form/t', 'Content-Type': 'text/html', ...policyFields([['starts-with', '$Content-Type', 'image/']]) });
    expect(await errorCode(wrongType)).toBe('AccessDenied');

    const tooBig = await post({ key: 'form/big', ...policyFields([['content-length-range', 0, 4]]) }, 'more than four bytes');
    expect(tooBig.status).toBe(400);
    expect(await errorCode(tooBig)).toBe('EntityTooLarge');
    expect((await h.cos.getBucket({ ...at, Prefix: 'form/big' })).Contents).toEqual([]);
    const tooSmall = await post({ key: 'form/small', ...policyFields([['content-length-range', 100, 200]]) }, 'tiny');
    expect(await errorCode(tooSmall)).toBe('EntityTooSmall');

    const expired = await post({ key: 'form/old', ...policyFields([], -10) });
    expect(expired.status).toBe(403);
    const forged = await post({ key: 'form/forged', ...policyFields([], 900, 'not-the-secret-key') });
    expect(await errorCode(forged)).toBe('SignatureDoesNotMatch');
    const unknownKey = await post({ key: 'form/u', ...policyFields([]), 'q-ak': 'AKIDunknown' });
    expect(await errorCode(unknownKey)).toBe('InvalidAccessKeyId');
  });

  it('accepts the Signature field of cos-wx-sdk-v5 (an ordinary Authorization for POST /)', async () => {
    const Signature = COS.getAuthorization({ SecretId: SECRET_ID, SecretKey: SECRET_KEY, Method: 'POST', Pathname: '/', Headers: {} });
    expect((await post({ key: 'wx.txt', Signature, success_action_status: '200' }, 'from wx')).status).toBe(200);
    expect(String((await h.cos.getObject({ ...at, Key: 'wx.txt' })).Body)).toBe('from wx');
    const bad = COS.getAuthorization({ SecretId: SECRET_ID, SecretKey: 'wrong', Method: 'POST', Pathname: '/', Headers: {} });
    expect(await errorCode(await post({ key: 'wx2.txt', Signature: bad }))).toBe('SignatureDoesNotMatch');
  });

  it('refuses an anonymous form on a private bucket, and accepts it on a public-read-write one', async () => {
    const refused = await post({ key: 'anon.txt' });
    expect(refused.status).toBe(403);
    expect(await errorCode(refused)).toBe('AccessDenied');
    const open = { Bucket: `open-forms-${APPID}`, Region: REGION };
    await h.cos.putBucket({ ...open, ACL: 'public-read-write' });
    const form = new FormData();
    form.append('key', 'anon.txt');
    form.append('file', new Blob(['anon']), 'anon.txt');
    const r = await fetch(`${h.server.url}/${open.Bucket}`, { method: 'POST', body: form });
    expect(r.status).toBe(204);
  });

  it('reports the version id in a versioned bucket, and refuses malformed forms', async () => {
    const b = { Bucket: `versioned-forms-${APPID}`, Region: REGION };
    await h.cos.putBucket(b);
    await h.cos.putBucketVersioning({ ...b, VersioningConfiguration: { Status: 'Enabled' } });
    const form = new FormData();
    form.append('key', 'v.txt');
    form.append('Signature', COS.getAuthorization({ SecretId: SECRET_ID, SecretKey: SECRET_KEY, Method: 'POST', Pathname: '/' }));
    form.append('file', new Blob(['v']), 'v.txt');
    const r = await fetch(`${h.server.url}/${b.Bucket}`, { method: 'POST', body: form });
    expect(r.status).toBe(204);
    expect(r.headers.get('x-cos-version-id')).toMatch(/.+/);

    const noKey = await post({ ...policyFields([]) });
    expect(await errorCode(noKey)).toBe('InvalidArgument');
    const notAForm = await fetch(`${h.server.url}/${Bucket}`, { method: 'POST', body: 'key=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(notAForm.status).toBe(400);
  });
});
