// Client mistakes get a 4xx COS error with an XML body and x-cos-request-id — never a 5xx, never a
// crash: unparsable HTTP, oversized headers and bodies, malformed XML/JSON, wrong digests, bad
// parameters (docs/security.md "cos-local always answers").
import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../shared/signature/sign';
import { defaultAccounts } from './accounts';
import { startCosLocal, type RunningCosLocal } from './app';

const ID = 'AKIDbadinputbadinputbadinput000000';
const KEY = 'badinputbadinputbadinput00000000';
const BUCKET = 'bad-1250000000';
let server: RunningCosLocal;

beforeAll(async () => {
  server = await startCosLocal({ memory: true, port: 0, accounts: defaultAccounts(ID, KEY), log: () => undefined });
  expect((await send('PUT', '/')).status).toBe(200);
});
afterAll(() => server.close());

/** A signed path-style request; `sub` is a subresource (`?cors`). */
function send(method: string, path: string, options: { sub?: string; body?: string; headers?: Record<string, string>; query?: Record<string, string> } = {}): Promise<Response> {
  const now = Math.floor(Date.now() / 1000);
  const query = { ...(options.sub ? { [options.sub]: '' } : {}), ...options.query };
  const authorization = signRequest({ secretId: ID, secretKey: KEY, method, pathname: path, query, keyTime: `${now - 1};${now + 900}` });
  const qs = Object.entries(query).map(([k, v]) => (v === '' ? k : `${k}=${encodeURIComponent(v)}`)).join('&');
  return fetch(`${server.url}/${BUCKET}${path}${qs ? `?${qs}` : ''}`, {
    method, headers: { authorization, ...options.headers }, ...(options.body === undefined ? {} : { body: options.body }),
  });
}

async function cosError(res: Response): Promise<{ status: number; code: string; requestId: string | null }> {
  const text = await res.text();
  return { status: res.status, code: /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? `(no code: ${text.slice(0, 80)})`, requestId: res.headers.get('x-cos-request-id') };
}

/** Raw bytes on a socket, for requests fetch refuses to send. */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.end(bytes));
    let out = '';
    socket.setEncoding('utf8').on('data', (c: string) => (out += c)).on('end', () => resolve(out)).on('error', reject);
  });
}

describe('bad input', () => {
  it('answers oversized headers with RequestHeaderSectionTooLarge in XML', async () => {
    const reply = await raw(`GET /${BUCKET}/k HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply).toContain('<Code>RequestHeaderSectionTooLarge</Code>');
    expect(reply).toMatch(/x-cos-request-id: \S+/);
  });

  it('answers a request that is not HTTP with BadRequest', async () => {
    const reply = await raw('HELLO THERE\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply).toContain('<Code>BadRequest</Code>');
  });

  it.each([
    ['cors', '<CORSConfiguration><CORSRule>'],
    ['versioning', '<VersioningConfiguration><Status>Maybe</Status></VersioningConfiguration>'],
    ['tagging', 'not xml at all'],
    ['delete', '<Delete></Delete>'],
  ])('answers malformed ?%s XML with MalformedXML', async (sub, body) => {
    const method = sub === 'delete' ? 'POST' : 'PUT';
    const res = await cosError(await send(method, '/', { sub, body }));
    expect(res).toMatchObject({ status: 400, code: 'MalformedXML' });
    expect(res.requestId).toBeTruthy();
  });

  it('answers a configuration body over 64 KB with EntityTooLarge', async () => {
    const body = `<Tagging><TagSet>${'<Tag><Key>k</Key><Value>v</Value></Tag>'.repeat(3000)}</TagSet></Tagging>`;
    expect(await cosError(await send('PUT', '/', { sub: 'tagging', body }))).toMatchObject({ status: 400, code: 'EntityTooLarge' });
  });

  it('answers a wrong or malformed Content-MD5 with BadDigest / InvalidDigest', async () => {
    const wrong = createHash('md5').update('other').digest('base64');
    expect(await cosError(await send('PUT', '/k', { body: 'data', headers: { 'content-md5': wrong } }))).toMatchObject({ status: 400, code: 'BadDigest' });
    expect(await cosError(await send('PUT', '/k', { body: 'data', headers: { 'content-md5': 'nope' } }))).toMatchObject({ status: 400, code: 'InvalidDigest' });
    expect((await send('GET', '/k')).status).toBe(404); // nothing was stored
  });

  it.each([
    ['max-keys', { 'max-keys': 'ten' }, 'InvalidArgument'],
    ['encoding-type', { 'encoding-type': 'base64' }, 'InvalidArgument'],
  ])('answers a bad %s with %s', async (_name, query, code) => {
    expect(await cosError(await send('GET', '/', { query }))).toMatchObject({ status: 400, code });
  });

  it('answers bad object headers with 4xx codes', async () => {
    expect(await cosError(await send('PUT', '/k', { body: 'x', headers: { 'x-cos-storage-class': 'GOLD' } }))).toMatchObject({ status: 400, code: 'InvalidArgument' });
    expect(await cosError(await send('PUT', '/k', { body: 'x', headers: { 'x-cos-tagging': 'a=1&a=2' } }))).toMatchObject({ status: 400, code: 'InvalidTag' });
    expect(await cosError(await send('PUT', '/k', { body: 'x', headers: { 'x-cos-meta-big': 'v'.repeat(3000) } }))).toMatchObject({ status: 400, code: 'MetadataTooLarge' });
    expect(await cosError(await send('PUT', `/${'k'.repeat(900)}`, { body: 'x' }))).toMatchObject({ status: 400, code: 'KeyTooLong' });
    expect(await cosError(await send('GET', '/k', { headers: { range: 'bytes=5-1' } }))).toMatchObject({ status: 404 });
    expect(await cosError(await send('PUT', '/k', { body: 'x', headers: { 'x-cos-copy-source': 'not a source' } }))).toMatchObject({ status: 400, code: 'InvalidArgument' });
  });

  it('stays up after all of it', async () => {
    expect((await send('GET', '/')).status).toBe(200);
  });
});
