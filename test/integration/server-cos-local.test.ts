// The console server against a real cos-local (no mocked COS): what /api/sign returns is accepted by
// COS for exactly the request it was made for, and refused for any other; /api/buckets and
// /api/health talk to cos-local through the Node SDK.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAccounts } from '../../src/cos-local/accounts';
import { startCosLocal, type RunningCosLocal } from '../../src/cos-local/app';
import { startHarness } from '../../src/cos-local/sdk-harness';
import { signIn, testApp, type TestApp } from '../../src/server/test-support';
import { bucketHost, cosRequest, type CosAnswer } from '../support/cos-request';

const SECRET_ID = 'AKIDserverintegration000000000000000';
const SECRET_KEY = 'server-integration-secret-key-000';
const BUCKET = 'signing-1250000000';

let cosLocal: RunningCosLocal;
let t: TestApp;
let session: { cookie: string; csrf: string };

beforeAll(async () => {
  cosLocal = await startCosLocal({ memory: true, port: 0, accounts: defaultAccounts(SECRET_ID, SECRET_KEY), log: () => undefined });
  t = await testApp({ secretId: SECRET_ID, secretKey: SECRET_KEY, ip: `127.0.0.1:${cosLocal.port}` }, { now: Date.now });
  session = await signIn(t.app);
  // Create the bucket and an object through the server's own signatures, virtual-hosted as the browser does.
  expect((await cosFetch('PUT', '/', '')).status).toBe(200);
  expect((await cosFetch('PUT', '/hello.txt', '', 'hi')).status).toBe(200);
});
afterAll(async () => {
  await t?.app.close();
  await cosLocal?.close();
});

/** The bucket's virtual-hosted host: what the browser signs and sends (docs/security.md). */
const host = (bucket = BUCKET): string => bucketHost(bucket, 'ap-guangzhou', cosLocal.port);
/** A response as the tests read it. */
const answer = (a: CosAnswer) => ({ status: a.status, text: async () => a.text });
const send = async (method: string, path: string, headers: Record<string, string>, body?: string, h = host()) =>
  answer(await cosRequest({ port: cosLocal.port, host: h, method, path, headers, ...(body === undefined ? {} : { body }) }));

async function sign(method: string, pathname: string, query: Record<string, string>, headers: Record<string, string> = {}): Promise<string> {
  const res = await t.app.inject({
    method: 'POST', url: '/api/sign', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    payload: { Method: method, Pathname: pathname, Query: query, Headers: { Host: host(), ...headers }, Bucket: BUCKET, Region: 'ap-guangzhou' },
  });
  expect(res.statusCode).toBe(200);
  return (res.json() as { Authorization: string }).Authorization;
}

/** Signs with /api/sign and sends the request to cos-local virtual-hosted (the browser's Domain template). */
async function cosFetch(method: string, pathname: string, search: string, body?: string, authorization?: string) {
  const query = Object.fromEntries(new URLSearchParams(search));
  const headers: Record<string, string> = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
  const auth = authorization ?? (await sign(method, pathname, query, headers));
  return send(method, `${pathname}${search ? `?${search}` : ''}`, { authorization: auth }, body);
}

describe('console server signing against cos-local', () => {
  it('a signature from /api/sign is accepted for its own request', async () => {
    const res = await cosFetch('GET', '/', 'prefix=&delimiter=%2F');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<Key>hello.txt</Key>');
  });

  it.each([
    ['another method', 'DELETE', '/hello.txt', ''],
    ['another key', 'GET', '/other.txt', ''],
    ['another query', 'GET', '/hello.txt', 'response-content-type=text%2Fhtml'],
  ])('cannot be replayed for %s', async (_case, method, pathname, search) => {
    const auth = await sign('GET', '/hello.txt', {});
    const res = await cosFetch(method, pathname, search, undefined, auth);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    // The object is still there: the replayed DELETE did nothing.
    expect((await cosFetch('GET', '/hello.txt', '')).status).toBe(200);
  });

  it('a listing signature cannot be turned into a subresource request', async () => {
    const auth = await sign('GET', '/', {});
    const res = await cosFetch('GET', '/', 'cors', undefined, auth);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('covers the signed headers: changing one breaks the signature', async () => {
    const auth = await sign('PUT', '/meta.txt', {}, { 'content-length': '2', 'x-cos-meta-owner': 'alice' });
    const put = (owner: string) => send('PUT', '/meta.txt', { authorization: auth, 'x-cos-meta-owner': owner }, 'hi');
    const changed = await put('mallory');
    expect(changed.status).toBe(403);
    expect(await changed.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    expect((await put('alice')).status).toBe(200);
  });

  it('a restricted account\'s signature (made with its scoped temporary key) cannot be replayed either', async () => {
    await t.users.create('dora', 'user', 'dora-password-1', [{ bucket: BUCKET, prefix: '', permissions: ['list', 'read', 'delete'] }]);
    const dora = await signIn(t.app, 'dora', 'dora-password-1');
    const res = await t.app.inject({
      method: 'POST', url: '/api/sign', headers: { cookie: dora.cookie, 'x-csrf-token': dora.csrf },
      payload: { Method: 'GET', Pathname: '/hello.txt', Headers: { Host: host() }, Bucket: BUCKET, Region: 'ap-guangzhou' },
    });
    expect(res.statusCode).toBe(200);
    const { Authorization, SecurityToken } = res.json() as { Authorization: string; SecurityToken: string };
    const call = (method: string, path: string) => send(method, path, { authorization: Authorization, 'x-cos-security-token': SecurityToken });
    expect((await call('GET', '/hello.txt')).status).toBe(200);
    for (const [method, path] of [['DELETE', '/hello.txt'], ['GET', '/other.txt'], ['GET', '/hello.txt?acl']] as const) {
      const replay = await call(method, path);
      expect(replay.status).toBe(403);
      expect(await replay.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    }
    expect((await cosFetch('GET', '/hello.txt', '')).status).toBe(200);
  });

  it('cannot be replayed against another bucket', async () => {
    const auth = await sign('GET', '/', {});
    // Virtual-hosted: the signed Host names this bucket.
    const res = await send('GET', '/', { authorization: auth }, undefined, host('other-1250000000'));
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    // Path-style, where the SDKs would sign `/` without the bucket: the signed Host still differs.
    const pathStyle = await send('GET', '/other-1250000000/', { authorization: auth }, undefined, `127.0.0.1:${cosLocal.port}`);
    expect(pathStyle.status).toBe(403);
  });

  it('lists buckets server-side through the Node SDK', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/buckets', headers: { cookie: session.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ buckets: [{ name: BUCKET, region: 'ap-guangzhou', creationDate: expect.any(String) }] });
  });

  it('reports health from the COS endpoint', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok', mode: 'local' });
  });
});

describe('health without COS', () => {
  it('is 503 when the COS endpoint does not answer', async () => {
    const harness = await startHarness();
    const port = harness.server.port;
    await harness.close();
    const down = await testApp({ ip: `127.0.0.1:${port}` });
    const res = await down.app.inject({ method: 'GET', url: '/api/health' });
    await down.app.close();
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'cos-unavailable', mode: 'local' });
  });
});
