// HTTP fuzz test: thousands of generated requests (fuzz/generate.ts, seeded: COS_FUZZ_SEED and
// COS_FUZZ_COUNT replay or widen a run) against a real cos-local over raw keep-alive connections.
// Every request must get a complete answer in time; none may be a 5xx other than 501
// NotImplemented (how cos-local answers features it lacks); every error must carry
// x-cos-request-id and, off website hosts, an XML body with <Code> (436/7730); and the server must
// still answer afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../shared/signature/sign';
import { defaultAccounts } from './accounts';
import { startCosLocal, type RunningCosLocal } from './app';
import { TEMPLATES } from './fuzz/bodies';
import { describeRequest, generate, serialize, type FuzzContext, type FuzzRequest } from './fuzz/generate';
import { Rng } from './fuzz/prng';
import { RawConnection, RawFailure, type RawResponse } from './fuzz/raw-client';

const ID = 'AKIDfuzzfuzzfuzzfuzzfuzzfuzzfuzz0000';
const KEY = 'fuzzfuzzfuzzfuzzfuzzfuzzfuzz0000';
const BUCKET = 'fuzz-1250000000';
/** Never named by the generator: still there, whatever the fuzzed requests did to BUCKET. */
const SENTINEL = 'sentinel-1250000000';
const SEED = Number(process.env['COS_FUZZ_SEED'] ?? 0x5eed2024);
const COUNT = Number(process.env['COS_FUZZ_COUNT'] ?? 5000);
const CONCURRENCY = 8;
const TIMEOUT_MS = 5000;

let server: RunningCosLocal;
const logged: string[] = [];

function signed(method: string, path: string, query: Record<string, string> = {}, init: RequestInit = {}): Promise<Response> {
  const now = Math.floor(Date.now() / 1000);
  const authorization = signRequest({ secretId: ID, secretKey: KEY, method, pathname: path, query, keyTime: `${now - 1};${now + 900}` });
  const qs = Object.entries(query).map(([k, v]) => (v === '' ? k : `${k}=${encodeURIComponent(v)}`)).join('&');
  return fetch(`${server.url}${path}${qs ? `?${qs}` : ''}`, { ...init, method, headers: { authorization }, signal: AbortSignal.timeout(TIMEOUT_MS) });
}

async function ok(res: Promise<Response>): Promise<string> {
  const r = await res;
  const text = await r.text();
  if (!r.ok) throw new Error(`setup request failed: ${r.status} ${text}`);
  return text;
}

let uploadId = '';

beforeAll(async () => {
  server = await startCosLocal({
    memory: true, port: 0, accounts: defaultAccounts(ID, KEY), lifecycleIntervalMs: 0,
    log: (message, error) => logged.push(`${message} ${error instanceof Error ? (error.stack ?? error.message) : String(error ?? '')}`),
  });
  await ok(signed('PUT', `/${SENTINEL}/`));
  await ok(signed('PUT', `/${BUCKET}/`));
  for (const key of ['k', 'obj.txt', 'dir/a', 'index.html', 'error.html', 'docs/x']) await ok(signed('PUT', `/${BUCKET}/${key}`, {}, { body: `body of ${key}` }));
  await ok(signed('PUT', `/${BUCKET}/`, { website: '' }, { body: TEMPLATES['website']?.[0] ?? '' }));
  const initiated = await ok(signed('POST', `/${BUCKET}/mp`, { uploads: '' }));
  uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(initiated)?.[1] ?? '';
  expect(uploadId).not.toBe('');
});
afterAll(() => server.close());

/** What is wrong with `res` as the answer to `req` (nothing: []). */
function problems(req: FuzzRequest, res: RawResponse): string[] {
  const found: string[] = [];
  if (res.status >= 500 && res.status !== 501) found.push(`status ${res.status}`);
  if (res.status >= 400) {
    if (!res.headers['x-cos-request-id']) found.push(`${res.status} without x-cos-request-id`);
    const head = req.method === 'HEAD';
    if (!head && !req.htmlAllowed && !/<Code>[^<]+<\/Code>/.test(res.body.toString('utf8'))) found.push(`${res.status} without an XML <Code> body`);
  }
  return found;
}

function report(req: FuzzRequest, what: string, res?: RawResponse): string {
  const answer = res ? `\n  answer: ${res.status} ${JSON.stringify(res.headers)}\n  ${JSON.stringify(res.body.subarray(0, 300).toString('utf8'))}` : '';
  return `${what}\n${describeRequest(req)}${answer}`;
}

describe('HTTP fuzz', () => {
  it(`answers ${COUNT} generated requests completely and without 5xx (seed ${SEED})`, async () => {
    const ctx: FuzzContext = { port: server.port, bucket: BUCKET, secretId: ID, secretKey: KEY, uploadId, nowS: Math.floor(Date.now() / 1000) };
    const rng = new Rng(SEED);
    const requests = Array.from({ length: COUNT }, (_, i) => generate(rng, ctx, i));
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const started = Date.now();
    const worker = async (): Promise<void> => {
      const connection = new RawConnection(server.port);
      try {
        // The request before on the same connection: a failure may be its leftover.
        let previous: FuzzRequest | undefined;
        for (let req = requests[next++]; req !== undefined; req = requests[next++]) {
          try {
            const res = await connection.send(serialize(req), { head: req.method === 'HEAD', timeoutMs: TIMEOUT_MS });
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            for (const p of problems(req, res)) failures.push(report(req, p, res));
          } catch (e) {
            if (!(e instanceof RawFailure)) throw e;
            const before = previous && connection.reusedLast ? `\n  after, on the same connection:\n${describeRequest(previous)}` : '';
            failures.push(report(req, e.message) + before);
          }
          previous = req;
        }
      } finally {
        connection.close();
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const summary = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(`fuzz seed ${SEED}: ${COUNT} requests in ${Date.now() - started} ms; statuses ${summary}`);
    const shown = failures.slice(0, 25).join('\n\n');
    const logs = logged.slice(0, 10).join('\n');
    expect(failures, `seed ${SEED}: ${failures.length} failing requests (first 25):\n\n${shown}\n\nserver log:\n${logs}`).toEqual([]);
  }, 120_000);

  it('still answers a signed GET Service and HEAD Bucket', async () => {
    const service = await signed('GET', '/');
    expect(service.status).toBe(200);
    expect(await service.text()).toContain(SENTINEL);
    expect((await signed('HEAD', `/${SENTINEL}/`)).status).toBe(200);
  });
});
