// cos-local always answers: XML bodies the parser refuses (prototype names, DTDs with entity
// expansion or external entities) are 400 MalformedXML on every subresource that reads one, and a
// handler throwing after it read the body is a logged 500 InternalError — each answered at once,
// never a socket left hanging (a hang fails through the 1 s abort).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../shared/signature/sign';
import { defaultAccounts } from './accounts';
import { createCosLocal, startCosLocal, type RunningCosLocal } from './app';
import { openStore } from './store/open-store';

const ID = 'AKIDalwaysansweralwaysanswer000000';
const KEY = 'alwaysansweralwaysanswer00000000';
const BUCKET = 'always-1250000000';
let server: RunningCosLocal;

beforeAll(async () => {
  server = await startCosLocal({ memory: true, port: 0, accounts: defaultAccounts(ID, KEY), log: () => undefined });
  expect((await send('PUT', '/', { signed: true })).status).toBe(200);
});
afterAll(() => server.close());

function send(method: string, path: string, options: { signed: boolean; sub?: string; body?: string }, base = server.url, bucket = BUCKET): Promise<Response> {
  const query = options.sub ? { [options.sub]: '' } : {};
  const now = Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = options.signed
    ? { authorization: signRequest({ secretId: ID, secretKey: KEY, method, pathname: path, query, keyTime: `${now - 1};${now + 900}` }) }
    : {};
  return fetch(`${base}/${bucket}${path}${options.sub ? `?${options.sub}` : ''}`, {
    method, headers, ...(options.body === undefined ? {} : { body: options.body }),
    // A request that is never answered fails here instead of at the test timeout.
    signal: AbortSignal.timeout(1000),
  });
}

async function cosError(res: Response): Promise<{ status: number; code: string; requestId: string | null }> {
  const text = await res.text();
  return { status: res.status, code: /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? `(no code: ${text.slice(0, 80)})`, requestId: res.headers.get('x-cos-request-id') };
}

/** Subresource → method and root element of its document (436/7751). */
const SUBRESOURCES: readonly (readonly [string, 'PUT' | 'POST', string])[] = [
  ['delete', 'POST', 'Delete'], ['cors', 'PUT', 'CORSConfiguration'], ['tagging', 'PUT', 'Tagging'], ['lifecycle', 'PUT', 'LifecycleConfiguration'],
  ['website', 'PUT', 'WebsiteConfiguration'], ['referer', 'PUT', 'RefererConfiguration'], ['replication', 'PUT', 'ReplicationConfiguration'],
  ['versioning', 'PUT', 'VersioningConfiguration'], ['acl', 'PUT', 'AccessControlPolicy'], ['domain', 'PUT', 'DomainConfiguration'],
  ['encryption', 'PUT', 'ServerSideEncryptionConfiguration'],
];

const BODIES: readonly (readonly [string, (root: string) => string])[] = [
  ['a __proto__ element', (root) => `<${root}><__proto__>1</__proto__></${root}>`],
  ['a constructor element', (root) => `<${root}><constructor><prototype>1</prototype></constructor></${root}>`],
  ['billion laughs', (root) => '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
    `<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><${root}><Key>&lol3;</Key></${root}>`],
  ['an external SYSTEM entity', (root) => `<!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><${root}><Key>&xxe;</Key></${root}>`],
];

const CASES = SUBRESOURCES.flatMap(([sub, method, root]) => BODIES.map(([name, body]) => [sub, method, name, body(root)] as const));

describe('refused XML bodies', () => {
  it('the probe: an anonymous path-style ?delete with <__proto__> is 400 MalformedXML', async () => {
    expect(await cosError(await send('POST', '/', { signed: false, sub: 'delete', body: '<Delete><__proto__>1</__proto__></Delete>' }))).toMatchObject({ status: 400, code: 'MalformedXML' });
  });

  it.each(CASES)('signed %s (%s) with %s: 400 MalformedXML', async (sub, method, _name, body) => {
    const res = await cosError(await send(method, '/', { signed: true, sub, body }));
    expect(res).toMatchObject({ status: 400, code: 'MalformedXML' });
    expect(res.requestId).toBeTruthy();
  });

  it.each(CASES)('anonymous %s (%s) with %s', async (sub, method, _name, body) => {
    const res = await cosError(await send(method, '/', { signed: false, sub, body }));
    // Authorization comes before the body is read (handler.ts), so a private bucket refuses an
    // anonymous request first — except DELETE Multiple Objects, which authorizes each key it
    // names and so must parse the body before it can decide anything (ops/delete-objects.ts).
    expect(res).toMatchObject(sub === 'delete' ? { status: 400, code: 'MalformedXML' } : { status: 403, code: 'AccessDenied' });
    expect(res.requestId).toBeTruthy();
  });

  it('still expands the predefined entities keys use', async () => {
    const put = await send('PUT', '/a&b<c>', { signed: true, body: 'x' });
    expect(put.status).toBe(200);
    const res = await send('POST', '/', { signed: true, sub: 'delete', body: '<Delete><Quiet>false</Quiet><Object><Key>a&amp;b&lt;c&gt;</Key></Object></Delete>' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<Deleted><Key>a&amp;b&lt;c&gt;</Key></Deleted>');
  });
});

describe('a handler that throws', () => {
  let http: Server;
  let url: string;
  const logged: string[] = [];

  beforeAll(async () => {
    const store = await openStore({ memory: true });
    // The failure comes after the body has been read whole: the request is then `destroyed`
    // (autoDestroy), which must not be taken for a client that went away.
    const putConfig = store.meta.putConfig.bind(store.meta);
    store.meta.putConfig = (bucket, name, value) => {
      if (name === 'tagging') throw new Error('disk on fire');
      putConfig(bucket, name, value);
    };
    const app = createCosLocal({ store, accounts: defaultAccounts(ID, KEY), log: (message) => logged.push(message), lifecycleIntervalMs: 0 });
    http = createServer(app.handler);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    expect((await send('PUT', '/', { signed: true }, url)).status).toBe(200);
  });
  afterAll(() => new Promise<void>((resolve) => http.close(() => resolve())));

  it('answers a plain Error thrown after the body was read with a logged 500 InternalError in XML', async () => {
    const body = '<Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet></Tagging>';
    const res = await send('PUT', '/', { signed: true, sub: 'tagging', body }, url);
    expect(res.headers.get('content-type')).toBe('application/xml');
    expect(await cosError(res)).toMatchObject({ status: 500, code: 'InternalError' });
    expect(logged).toEqual([expect.stringMatching(/^cos-local: InternalError in request \S+ \(PUT \/always-1250000000\/\?tagging\)$/)]);
    // …and keeps serving.
    expect((await send('GET', '/', { signed: true }, url)).status).toBe(200);
  });
});
