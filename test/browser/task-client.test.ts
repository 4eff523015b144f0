// The console's task client (src/console/cos/task-client.ts, bundled as is) in Chromium against
// cos-local: it signs a task's requests with the temporary keys its requestTempKeys returns — keys
// issued by cos-local's STS for the policy the console server would build (taskPolicy of the same
// task) — and asks /sign (the harness's stand-in for /api/sign) only for what the keys do not cover
// (ListMultipartUploads), or for everything after a 409 StsUnavailable.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signedStsForm } from '../../src/cos-local/sts/test-form';
import { taskPolicy } from '../../src/shared/access/sts-policy';
import type { ApiError } from '../../src/console/api/http';
import type { CosTask } from '../../src/console/cos/cos-client';
import type { createTaskClient } from '../../src/console/cos/task-client';
import { tempKeyTaskOf } from '../../src/console/cos/task-credentials';
import { REGION, SECRET_ID, SECRET_KEY, startBrowserHarness, type BrowserHarness } from './harness';

interface Keys { TmpSecretId: string; TmpSecretKey: string; SecurityToken: string; StartTime: number; ExpiredTime: number }

/** What the page reports back. */
interface Report {
  sts: number;
  signed: string[];
  outcome: { ok: true; value?: unknown } | { ok: false; code?: string; message: string };
}

interface TaskClientBundle {
  createTaskClient: typeof createTaskClient;
  ApiError: typeof ApiError;
}

declare global {
  interface Window {
    TaskClientBundle?: TaskClientBundle;
  }
}

const MiB = 1024 * 1024;
let h: BrowserHarness;
let Bucket: string;

beforeAll(async () => {
  h = await startBrowserHarness();
  Bucket = await h.createBucket('task');
  // The module as the console ships it, with its dynamic import of cos-js-sdk-v5 bundled in.
  const out = await build({
    stdin: {
      contents: "export { createTaskClient } from './src/console/cos/task-client'; export { ApiError } from './src/console/api/http';",
      resolveDir: fileURLToPath(new URL('../..', import.meta.url)),
      loader: 'ts',
    },
    bundle: true, format: 'iife', globalName: 'TaskClientBundle', platform: 'browser', write: false, logLevel: 'silent',
  });
  await h.page.addScriptTag({ content: out.outputFiles[0]?.text ?? '' });
}, 60_000);
afterAll(() => h?.close());
afterEach(() => expect(h?.serverErrors ?? []).toEqual([]));

/** Keys from cos-local's STS for exactly the policy /api/sts would issue for this task (admin scope). */
async function keysFor(task: CosTask): Promise<Keys> {
  const policy = taskPolicy(tempKeyTaskOf(task));
  if (!policy.ok) throw new Error(policy.message);
  const res = await fetch(`${h.cosUrl}/`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: signedStsForm({ secretId: SECRET_ID, secretKey: SECRET_KEY, host: `127.0.0.1:${h.cosPort}`, policy: policy.json, durationSeconds: 1800 }),
  });
  const body = (await res.json()) as { Response: { Credentials?: { TmpSecretId: string; TmpSecretKey: string; Token: string }; ExpiredTime?: number } };
  const c = body.Response.Credentials;
  if (!c || body.Response.ExpiredTime === undefined) throw new Error(JSON.stringify(body));
  return { TmpSecretId: c.TmpSecretId, TmpSecretKey: c.TmpSecretKey, SecurityToken: c.Token, StartTime: body.Response.ExpiredTime - 1800, ExpiredTime: body.Response.ExpiredTime };
}

type Job = { kind: 'upload'; key: string; size: number } | { kind: 'delete'; keys: string[] };

/** Runs one job with a task client in the page; `keys` null = /api/sts answers 409 StsUnavailable. */
function runInPage(task: CosTask, keys: Keys | null, job: Job): Promise<Report> {
  return h.page.evaluate(async ({ task, keys, job, cosPort }) => {
    const bundle = window.TaskClientBundle;
    if (!bundle) throw new Error('no bundle');
    const report: Report = { sts: 0, signed: [], outcome: { ok: true } };
    const client = bundle.createTaskClient({
      domain: `{Bucket}.cos.{Region}.localhost:${cosPort}`, protocol: 'http:', task, sliceSize: 1024 * 1024,
      requestTempKeys: async () => {
        report.sts += 1;
        if (!keys) throw new bundle.ApiError(409, 'StsUnavailable', 'temporary key session');
        return keys;
      },
      sign: async (r) => {
        report.signed.push(`${r.Method.toUpperCase()} ${Object.keys(r.Query).sort().join('&')}`);
        const res = await fetch('/sign', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(r) });
        return { Authorization: ((await res.json()) as { Authorization: string }).Authorization };
      },
    });
    try {
      if (job.kind === 'upload') {
        const body = new Blob([new Uint8Array(job.size).fill(3)]);
        await client.upload({ key: job.key, body, onProgress: () => {} }).done;
      } else {
        report.outcome = { ok: true, value: await client.deleteBatch(job.keys) };
      }
    } catch (e) {
      const error = e as { code?: string; message: string };
      report.outcome = { ok: false, code: error.code, message: error.message };
    }
    return report;
  }, { task, keys, job, cosPort: h.cosPort });
}

/** The requests (not CORS preflights) cos-local received for one object. */
const sent = (path: string) => h.requests.filter((r) => r.host.startsWith(`${Bucket}.`) && r.method !== 'OPTIONS' && r.url.split('?')[0] === path);

describe('task client', () => {
  it('uploads a multipart file on the task\'s temporary keys; only ListMultipartUploads is signed per request', async () => {
    const task: CosTask = { kind: 'upload', bucket: Bucket, region: REGION, prefix: 'up/' };
    const keys = await keysFor(task);
    const report = await runInPage(task, keys, { kind: 'upload', key: 'up/big.bin', size: 3 * MiB + 5 });
    expect(report.outcome).toEqual({ ok: true });
    expect(report.sts).toBe(1);
    expect(report.signed).toEqual(['GET prefix&uploads']);
    const requests = sent('/up/big.bin');
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(4);
    for (const r of requests) {
      expect(r.headers['x-cos-security-token']).toBe(keys.SecurityToken);
      expect(r.headers.authorization).toContain(`q-ak=${keys.TmpSecretId}&`);
    }
    expect((await h.nodeGet(Bucket, 'up/big.bin')).length).toBe(3 * MiB + 5);
  });

  it('refuses, through COS, an upload outside the keys\' prefix', async () => {
    const task: CosTask = { kind: 'upload', bucket: Bucket, region: REGION, prefix: 'up/' };
    const report = await runInPage(task, await keysFor(task), { kind: 'upload', key: 'elsewhere.txt', size: 10 });
    expect(report.outcome).toMatchObject({ ok: false, code: 'AccessDenied' });
  });

  it('deletes a batch on DeleteObject keys: COS checks each key against them', async () => {
    await h.node.putObject({ Bucket, Region: REGION, Key: 'del/a.txt', Body: 'a' });
    await h.node.putObject({ Bucket, Region: REGION, Key: 'del/b.txt', Body: 'b' });
    await h.node.putObject({ Bucket, Region: REGION, Key: 'keep.txt', Body: 'k' });
    const task: CosTask = { kind: 'delete', bucket: Bucket, region: REGION, prefix: 'del/' };
    const keys = await keysFor(task);
    const report = await runInPage(task, keys, { kind: 'delete', keys: ['del/a.txt', 'del/b.txt', 'keep.txt'] });
    expect(report.sts).toBe(1);
    expect(report.signed).toEqual([]);
    expect(report.outcome).toMatchObject({ ok: true, value: { deleted: ['del/a.txt', 'del/b.txt'], failed: [{ key: 'keep.txt', code: 'AccessDenied' }] } });
    const batch = h.requests.filter((r) => r.host.startsWith(`${Bucket}.`) && r.method === 'POST' && r.query.has('delete'));
    expect(batch.at(-1)?.headers['x-cos-security-token']).toBe(keys.SecurityToken);
  });

  it('after 409 StsUnavailable signs every request with /api/sign, and asks for keys only once', async () => {
    await h.node.putObject({ Bucket, Region: REGION, Key: 'fallback/x.txt', Body: 'x' });
    const task: CosTask = { kind: 'delete', bucket: Bucket, region: REGION, prefix: 'fallback/' };
    const report = await runInPage(task, null, { kind: 'delete', keys: ['fallback/x.txt'] });
    expect(report.sts).toBe(1);
    expect(report.signed).toEqual(['POST delete']);
    expect(report.outcome).toMatchObject({ ok: true, value: { deleted: ['fallback/x.txt'], failed: [] } });
    const batch = h.requests.filter((r) => r.host.startsWith(`${Bucket}.`) && r.method === 'POST' && r.query.has('delete'));
    expect(batch.at(-1)?.headers['x-cos-security-token']).toBeUndefined();
    expect(batch.at(-1)?.headers.authorization).toContain(`q-ak=${SECRET_ID}&`);
  });
});
