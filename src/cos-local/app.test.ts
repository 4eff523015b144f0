// The pipeline's own guarantees, through a real node:http server: injected clock and ids, common
// headers on every response, unexpected exceptions become InternalError (logged, no crash).
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { signRequest } from '../shared/signature/sign';
import { defaultAccounts } from './accounts';
import { createCosLocal, type CosLocalOptions } from './app';
import { sequentialIds } from './ids';
import type { FsBlobStore } from './store/fs-blobs';
import { openStore } from './store/open-store';

const NOW = Date.UTC(2024, 0, 2, 3, 4, 5);
let server: Server | undefined;

async function serve(over: Partial<CosLocalOptions> = {}): Promise<string> {
  const app = createCosLocal({
    store: await openStore({ memory: true }), accounts: defaultAccounts('AKIDAPP', 'KEY'), clock: { now: () => NOW }, ids: sequentialIds('t-'), ...over,
  });
  server = createServer(app.handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe('cos-local pipeline', () => {
  it('stamps every response with the injected clock and ids', async () => {
    const url = await serve();
    const res = await fetch(`${url}/`);
    expect(res.status).toBe(403);
    expect(res.headers.get('date')).toBe('Tue, 02 Jan 2024 03:04:05 GMT');
    expect(res.headers.get('x-cos-request-id')).toBe('t-req-1');
    expect(res.headers.get('server')).toBe('tencent-cos');
    expect(await res.text()).toContain('<RequestId>t-req-1</RequestId><TraceId>t-trace-1</TraceId>');
  });

  it('answers RequestTimeTooSkewed (with the server Date) to a signature from the future', async () => {
    const url = await serve();
    const start = NOW / 1000 + 3600;
    const host = new URL(url).host;
    const auth = signRequest({ secretId: 'AKIDAPP', secretKey: 'KEY', method: 'GET', pathname: '/', headers: { host }, keyTime: `${start};${start + 900}` });
    const res = await fetch(`${url}/`, { headers: { authorization: auth } });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>RequestTimeTooSkewed</Code>');
    expect(res.headers.get('date')).toBe('Tue, 02 Jan 2024 03:04:05 GMT');
  });

  it('turns an unexpected exception into a logged InternalError and keeps serving', async () => {
    const logged: string[] = [];
    const store = await openStore({ memory: true });
    store.meta.getBucket = () => {
      throw new Error('disk on fire');
    };
    const url = await serve({ store, log: (message, error) => logged.push(`${message}: ${String(error)}`) });
    const res = await fetch(`${url}/b-1250000000/k`);
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('<Code>InternalError</Code>');
    expect(logged.join()).toContain('disk on fire');
    expect((await fetch(`${url}/`)).status).toBe(403); // still up
  });

  it('answers a malformed path with InvalidURI, not a 5xx', async () => {
    const url = await serve();
    const res = await fetch(`${url}/b-1250000000/%E4%B8`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<Code>InvalidURI</Code>');
  });
});

describe('blob lifecycle through the API (file store)', () => {
  it('an overwrite or a delete leaves no unreferenced blob behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cos-local-app-'));
    const store = await openStore({ dataDir: dir });
    const url = await serve({ store, clock: { now: () => Date.now() } });
    const host = new URL(url).host;
    const send = (method: string, path: string, signed: string, body?: string): Promise<Response> => {
      const now = Math.floor(Date.now() / 1000);
      const authorization = signRequest({
        secretId: 'AKIDAPP', secretKey: 'KEY', method, pathname: signed, headers: { host }, keyTime: `${now - 1};${now + 900}`,
      });
      return fetch(`${url}${path}`, { method, headers: { authorization }, ...(body === undefined ? {} : { body }) });
    };
    const blobs = (): Promise<string[]> => (store.blobs as FsBlobStore).list();
    try {
      expect((await send('PUT', '/life-1250000000/', '/')).status).toBe(200);
      expect((await send('PUT', '/life-1250000000/k', '/k', 'one')).status).toBe(200);
      const first = await blobs();
      expect(first).toHaveLength(1);
      expect((await send('PUT', '/life-1250000000/k', '/k', 'two')).status).toBe(200);
      const second = await blobs();
      expect(second).toHaveLength(1);
      expect(second).not.toEqual(first);
      expect(await (await send('GET', '/life-1250000000/k', '/k')).text()).toBe('two');
      expect((await send('DELETE', '/life-1250000000/k', '/k')).status).toBe(204);
      expect(await blobs()).toEqual([]);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
