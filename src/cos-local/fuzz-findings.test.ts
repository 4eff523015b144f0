// What the HTTP fuzz test (fuzz.test.ts) found, one regression test each: requests that were never
// answered, connections left stalled, a crash, and 500s for client mistakes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../shared/signature/sign';
import { defaultAccounts } from './accounts';
import { startCosLocal, type RunningCosLocal } from './app';
import { RawConnection, type RawResponse } from './fuzz/raw-client';

const ID = 'AKIDfindingsfindingsfindings000000';
const KEY = 'findingsfindingsfindings00000000';
const BUCKET = 'findings-1250000000';
let server: RunningCosLocal;
const logged: string[] = [];

beforeAll(async () => {
  server = await startCosLocal({ memory: true, port: 0, accounts: defaultAccounts(ID, KEY), log: (m) => logged.push(m), lifecycleIntervalMs: 0 });
  expect((await fetch(`${server.url}/${BUCKET}/`, { method: 'PUT', headers: { authorization: auth('PUT', '/') } })).status).toBe(200);
});
afterAll(() => server.close());

function auth(method: string, path: string, query: Record<string, string> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  return signRequest({ secretId: ID, secretKey: KEY, method, pathname: path, query, keyTime: `${now - 1};${now + 900}` });
}

/** A raw request (head lines without the request line's CRLF) with an optional body. */
function request(head: string[], body: Buffer | string = ''): Buffer {
  const bytes = Buffer.from(body);
  const length = bytes.length > 0 ? [`Content-Length: ${bytes.length}`] : [];
  return Buffer.concat([Buffer.from(`${[...head, ...length].join('\r\n')}\r\n\r\n`), bytes]);
}

const code = (res: RawResponse): string => /<Code>([^<]*)<\/Code>/.exec(res.body.toString('utf8'))?.[1] ?? '(none)';
const opts = { head: false, timeoutMs: 1000 };

describe('requests that went unanswered', () => {
  it('answers an HTTP/1.1 request without Host as COS (not with Node\'s bare 400)', async () => {
    const c = new RawConnection(server.port);
    const res = await c.send(request(['GET / HTTP/1.1']), opts);
    c.close();
    expect(res.headers['x-cos-request-id']).toBeTruthy();
    expect(code(res)).toBe('AccessDenied');
  });

  it('answers CONNECT with MethodNotAllowed instead of closing the connection', async () => {
    const c = new RawConnection(server.port);
    const res = await c.send(request([`CONNECT /${BUCKET}/k HTTP/1.1`, 'Host: 127.0.0.1']), opts);
    c.close();
    expect({ status: res.status, code: code(res), requestId: Boolean(res.headers['x-cos-request-id']) }).toEqual({ status: 405, code: 'MethodNotAllowed', requestId: true });
  });

  it('ends a CONNECT connection once its client has gone (server.close() used to wait for it forever)', async () => {
    const other = await startCosLocal({ memory: true, port: 0, accounts: defaultAccounts(ID, KEY), log: () => undefined, lifecycleIntervalMs: 0 });
    const c = new RawConnection(other.port);
    // With more bytes than fit the first read, the answered socket was left paused and half-open.
    expect((await c.send(request(['CONNECT /x HTTP/1.1', 'Host: 127.0.0.1'], 'x'.repeat(200_000)), opts)).status).toBe(405);
    c.close();
    const closed = await Promise.race([other.close().then(() => 'closed'), new Promise((resolve) => setTimeout(resolve, 2000, 'still open'))]);
    expect(closed).toBe('closed');
  });

  it('closes the connection of an Upgrade request after answering it (a later bad request on it was never answered)', async () => {
    const c = new RawConnection(server.port);
    const first = await c.send(request([`GET /${BUCKET}/ HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: Upgrade', 'Upgrade: websocket']), opts);
    expect(first.headers['connection']).toBe('close');
    const second = await c.send(request(['get / HTTP/1.1', 'Host: 127.0.0.1']), opts);
    c.close();
    expect({ status: second.status, code: code(second) }).toEqual({ status: 400, code: 'BadRequest' });
  });

  it('answers the next request on a connection whose configuration body was too large', async () => {
    const c = new RawConnection(server.port);
    const big = await c.send(request([`PUT /${BUCKET}/?cors HTTP/1.1`, 'Host: 127.0.0.1', `Authorization: ${auth('PUT', `/${BUCKET}/`, { cors: '' })}`], 'x'.repeat(2_000_000)), opts);
    expect(code(big)).toBe('EntityTooLarge');
    const next = await c.send(request([`HEAD /${BUCKET}/ HTTP/1.1`, 'Host: 127.0.0.1', `Authorization: ${auth('HEAD', `/${BUCKET}/`)}`]), { head: true, timeoutMs: 1000 });
    expect(c.reusedLast).toBe(true);
    c.close();
    expect(next.status).toBe(200);
  });
});

/** A POST Object form authorized by its Signature field (436/14690), `fields` before the file. */
function form(fields: Record<string, string>, file: string, cut = 0): { body: Buffer; boundary: string } {
  const boundary = 'findings-boundary';
  const all = { key: 'posted', Signature: auth('POST', '/'), ...fields };
  const parts = Object.entries(all).map(([n, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`);
  const text = `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n${file}\r\n--${boundary}--\r\n`;
  const body = Buffer.from(text, 'utf8');
  return { body: body.subarray(0, body.length - cut), boundary };
}

async function postForm(f: { body: Buffer; boundary: string }): Promise<RawResponse> {
  const c = new RawConnection(server.port);
  try {
    return await c.send(request([`POST /${BUCKET}/ HTTP/1.1`, 'Host: 127.0.0.1', `Content-Type: multipart/form-data; boundary=${f.boundary}`], f.body), opts);
  } finally {
    c.close();
  }
}

describe('POST Object forms', () => {
  it('answers a form cut short in its file with InvalidArgument — it used to crash the server', async () => {
    expect(code(await postForm(form({}, 'f'.repeat(3000), 40)))).toBe('InvalidArgument');
    expect(code(await postForm(form({ key: '' }, 'f'.repeat(3000), 40)))).toBe('InvalidArgument');
    expect((await fetch(`${server.url}/${BUCKET}/`, { method: 'HEAD', headers: { authorization: auth('HEAD', '/') } })).status).toBe(200);
  });

  it('refuses stored-header fields no header can carry, and stores UTF-8 metadata as PUT Object does', async () => {
    expect(code(await postForm(form({ 'Cache-Control': 'no\u0001cache' }, 'x')))).toBe('InvalidArgument');
    expect(code(await postForm(form({ 'x-cos-meta-a b': 'v' }, 'x')))).toBe('InvalidArgument');
    expect((await postForm(form({ 'x-cos-meta-city': '广州', 'Content-Disposition': 'attachment; filename="中.txt"' }, 'x'))).status).toBe(204);
    const got = await fetch(`${server.url}/${BUCKET}/posted`, { headers: { authorization: auth('GET', '/posted') } });
    expect(got.status).toBe(200);
    expect(Buffer.from(got.headers.get('x-cos-meta-city') ?? '', 'latin1').toString('utf8')).toBe('广州');
  });

  it('percent-encodes what a header cannot carry in success_action_redirect', async () => {
    const res = await postForm(form({ success_action_redirect: 'https://example.com/done page/中' }, 'x'));
    expect(res.status).toBe(303);
    expect(res.headers['location']).toMatch(/^https:\/\/example\.com\/done%20page\/%E4%B8%AD\?bucket=/);
  });
});

describe('values echoed into response headers', () => {
  it('refuses a DELETE versionId no header can carry instead of failing the answer', async () => {
    const c = new RawConnection(server.port);
    const res = await c.send(request([`DELETE /${BUCKET}/k?versionId=a%0D%0Ab HTTP/1.1`, 'Host: 127.0.0.1', `Authorization: ${auth('DELETE', '/k', { versionId: 'a\r\nb' })}`]), opts);
    c.close();
    expect({ status: res.status, code: code(res) }).toEqual({ status: 400, code: 'InvalidArgument' });
  });

  it('refuses CORS rules whose MaxAgeSeconds or ExposeHeader would break every matching answer', async () => {
    for (const rule of ['<MaxAgeSeconds>中文</MaxAgeSeconds>', '<ExposeHeader>中文</ExposeHeader>']) {
      const body = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod>${rule}</CORSRule></CORSConfiguration>`;
      const res = await fetch(`${server.url}/${BUCKET}/?cors`, { method: 'PUT', body, headers: { authorization: auth('PUT', '/', { cors: '' }) } });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('<Code>MalformedXML</Code>');
    }
  });

  it('logged no InternalError for any of it', () => {
    expect(logged).toEqual([]);
  });
});
