// Multipart uploads by cos-js-sdk-v5 in Chromium (uploadFile / sliceUploadFile, src/advance.js):
// identical bytes, the multipart ETag, progress to 100 %, and an upload interrupted and resumed
// without re-sending the parts cos-local already stored — once in the same page (the SDK's
// localStorage UploadId cache) and once from a fresh browser context (ListMultipartUploads +
// ListParts, whose ETags and sizes the SDK re-hashes and compares).
import type BrowserCos from 'cos-js-sdk-v5';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  REGION, bytes, isUploadPart, md5hex, ok, startBrowserHarness,
  type BrowserHarness, type Outcome, type SeenRequest,
} from './harness';

declare global {
  interface Window {
    /** State an interrupted upload keeps between page.evaluate calls. */
    resume?: { cos: BrowserCos; file: File; taskId?: string; progress: number[] };
  }
}

const MiB = 1024 * 1024;
let h: BrowserHarness;
let Bucket: string;
let b: { Bucket: string; Region: string };

beforeAll(async () => {
  h = await startBrowserHarness();
  Bucket = await h.createBucket('upload');
  b = { Bucket, Region: REGION };
});
afterAll(() => h?.close());
afterEach(() => expect(h?.serverErrors ?? []).toEqual([]));

const forKey = (key: string) => (r: SeenRequest): boolean =>
  r.host.startsWith(`${Bucket}.`) && decodeURIComponent(r.url.split('?')[0] ?? '') === `/${key}`;
const partNumbers = (key: string): number[] => h.requests.filter((r) => forKey(key)(r) && isUploadPart(r)).map((r) => Number(r.query.get('partNumber')));
const count = (key: string, predicate: (r: SeenRequest) => boolean): number => h.requests.filter((r) => forKey(key)(r) && predicate(r)).length;
const isInitiate = (r: SeenRequest): boolean => r.method === 'POST' && r.query.has('uploads');
const isComplete = (r: SeenRequest): boolean => r.method === 'POST' && r.query.has('uploadId');
const isListParts = (r: SeenRequest): boolean => r.method === 'GET' && r.query.has('uploadId');

describe('multipart uploads from the browser', () => {
  it('uploadFile of a 3 MiB Blob with ChunkSize 1 MiB: three parts, identical bytes, ETag "…-3", progress to 100 %', async () => {
    const key = 'multipart/三 MiB blob.bin';
    const r = await h.page.evaluate(async ({ b, key, MiB }) => {
      const { t } = window;
      const progress: number[] = [];
      const finished: string[] = [];
      const outcome = await t.settle(t.vhost.uploadFile({
        ...b, Key: key, Body: new Blob([t.bytes(3 * MiB, 11)], { type: 'application/octet-stream' }),
        SliceSize: MiB, ChunkSize: MiB,
        onProgress: (p) => progress.push(p.percent),
        onFileFinish: (err) => finished.push(err ? String(err) : 'ok'),
      }));
      return { outcome, progress, finished };
    }, { b, key, MiB });
    const data = ok(r.outcome);
    expect(data.ETag).toMatch(/^"[0-9a-f]{32}-3"$/);
    expect(data['Location']).toBe(`${Bucket}.cos.${REGION}.localhost:${h.cosPort}/multipart/%E4%B8%89%20MiB%20blob.bin`);
    expect(r.progress.at(-1)).toBe(1);
    expect(r.progress.every((p, i) => i === 0 || p >= (r.progress[i - 1] ?? 0))).toBe(true);
    expect(r.finished).toEqual(['ok']);
    expect(partNumbers(key).sort()).toEqual([1, 2, 3]);
    expect(count(key, isInitiate)).toBe(1);
    expect(count(key, isComplete)).toBe(1);
    const stored = await h.nodeGet(Bucket, key);
    expect(md5hex(stored)).toBe(md5hex(bytes(3 * MiB, 11)));
    const head = await h.node.headObject({ ...b, Key: key });
    expect(head.ETag).toBe(data.ETag);
    expect(head.headers?.['content-length']).toBe(String(3 * MiB));
  });

  it('sliceUploadFile through the path-style domain, with a 1-byte last part', async () => {
    const key = 'multipart/path style.bin';
    const r = await h.page.evaluate(async ({ b, key, MiB }) => {
      const { t } = window;
      return t.settle(t.path.sliceUploadFile({ ...b, Key: key, Body: new Blob([t.bytes(2 * MiB + 1, 12)]), ChunkSize: MiB }));
    }, { b, key, MiB });
    expect(ok(r).ETag).toMatch(/^"[0-9a-f]{32}-3"$/);
    expect(md5hex(await h.nodeGet(Bucket, key))).toBe(md5hex(bytes(2 * MiB + 1, 12)));
    const parts = h.requests.filter((x) => x.host === `127.0.0.1:${h.cosPort}` && isUploadPart(x) && x.url.startsWith(`/${Bucket}/multipart/path%20style.bin?`));
    expect(parts.map((x) => x.query.get('partNumber')).sort()).toEqual(['1', '2', '3']);
  });

  it('uploadFile of a small Blob is a single PUT Object', async () => {
    const key = 'multipart/small.txt';
    const r = await h.page.evaluate(async ({ b, key, MiB }) => {
      const { t } = window;
      const progress: number[] = [];
      const outcome = await t.settle(t.vhost.uploadFile({
        ...b, Key: key, Body: new Blob(['small body']), SliceSize: MiB, onProgress: (p) => progress.push(p.percent),
      }));
      return { outcome, progress };
    }, { b, key, MiB });
    expect(ok(r.outcome).ETag).toBe(`"${md5hex('small body')}"`);
    expect(r.progress.at(-1)).toBe(1);
    expect(count(key, (x) => x.method === 'PUT' && !x.query.has('partNumber'))).toBe(1);
    expect(count(key, isInitiate)).toBe(0);
  });

  it('resumes an interrupted sliceUploadFile in the same page: same UploadId, stored parts not sent again', async () => {
    const key = 'resume/same page 续传.bin';
    const size = 5 * MiB;
    // Part 3 is kept from cos-local: parts 1 and 2 are stored by then (ChunkParallelLimit 1).
    const held = h.hold((r) => forKey(key)(r) && isUploadPart(r) && r.query.get('partNumber') === '3');
    const taskId = await h.page.evaluate(({ b, key, size, MiB }) => {
      const { t } = window;
      const cos = t.client({ options: { ChunkParallelLimit: 1, ChunkSize: MiB } });
      const file = new File([t.bytes(size, 21)], 'same-page.bin', { lastModified: 1_700_000_000_000 });
      const state: NonNullable<Window['resume']> = { cos, file, progress: [] };
      window.resume = state;
      return new Promise<string>((resolve) => {
        void cos.sliceUploadFile({ ...b, Key: key, Body: file, onTaskReady: resolve, onProgress: (p) => state.progress.push(p.percent) });
      });
    }, { b, key, size, MiB });
    const part3 = await held.arrived;
    const uploadId = part3.query.get('uploadId') ?? '';
    expect(uploadId).not.toBe('');
    const listed = await h.node.multipartListPart({ ...b, Key: key, UploadId: uploadId });
    expect(listed.Part.map((p) => [p.PartNumber, p.ETag, p.Size])).toEqual([
      ['1', `"${md5hex(bytes(size, 21).subarray(0, MiB))}"`, String(MiB)],
      ['2', `"${md5hex(bytes(size, 21).subarray(MiB, 2 * MiB))}"`, String(MiB)],
    ]);
    // The SDK keeps the UploadId in localStorage for resuming (written 400 ms after the fact).
    await h.page.waitForFunction((id) => (localStorage.getItem('cos_sdk_upload_cache') ?? '').includes(id), uploadId);

    // Interrupt: cancel the task; Chromium aborts the in-flight part, which never reaches cos-local.
    const states = await h.page.evaluate((id) => {
      const cos = window.resume?.cos;
      cos?.cancelTask(id);
      return cos?.getTaskList().map((task) => task.state);
    }, taskId);
    expect(states).toEqual(['canceled']);
    await held.clientClosed;
    held.drop();

    const second = await h.page.evaluate(async ({ b, key }) => {
      const { t } = window;
      const state = window.resume;
      if (!state) throw new Error('no interrupted upload');
      const progress: number[] = [];
      const outcome = await t.settle(state.cos.sliceUploadFile({ ...b, Key: key, Body: state.file, onProgress: (p) => progress.push(p.percent) }));
      return { outcome, progress };
    }, { b, key });
    const data = ok(second.outcome);
    expect(data.ETag).toMatch(/^"[0-9a-f]{32}-5"$/);
    expect(data['UploadId']).toBe(uploadId);
    expect(second.progress.at(-1)).toBe(1);

    // Parts 1 and 2 went up once; 3 twice (the interrupted attempt never reached cos-local); 4, 5 once.
    expect(partNumbers(key)).toEqual([1, 2, 3, 3, 4, 5]);
    const uploads = h.requests.filter((r) => forKey(key)(r) && (isUploadPart(r) || isComplete(r) || isListParts(r)));
    expect(new Set(uploads.map((r) => r.query.get('uploadId')))).toEqual(new Set([uploadId]));
    expect(count(key, isInitiate)).toBe(1);
    expect(h.requests.filter((r) => forKey(key)(r) && isComplete(r)).map((r) => r.status)).toEqual([200]);
    expect(md5hex(await h.nodeGet(Bucket, key))).toBe(md5hex(bytes(size, 21)));
    // Done: nothing is left in progress, and the SDK forgot the UploadId.
    expect((await h.node.multipartList({ ...b, Prefix: key, Delimiter: '/' })).Upload).toEqual([]);
    await h.page.waitForFunction((id) => !(localStorage.getItem('cos_sdk_upload_cache') ?? '').includes(id), uploadId);
  });

  it('resumes from a fresh browser context after the first tab closed mid-upload (remote ListParts + ETag check)', async () => {
    const key = 'resume/new tab.bin';
    const size = 4 * MiB + 100;
    const held = h.hold((r) => forKey(key)(r) && isUploadPart(r) && r.query.get('partNumber') === '3');
    const first = await h.browser.newContext();
    const firstPage = await first.newPage();
    let uploadId: string;
    try {
      await firstPage.goto(`${h.origin}/?cos=${h.cosPort}&region=${REGION}`);
      await firstPage.waitForFunction(() => window.t !== undefined);
      await firstPage.evaluate(({ b, key, size, MiB }) => {
        const { t } = window;
        const cos = t.client({ options: { ChunkParallelLimit: 1, ChunkSize: MiB } });
        void cos.sliceUploadFile({ ...b, Key: key, Body: new File([t.bytes(size, 31)], 'tab.bin', { lastModified: 1_700_000_000_000 }) });
      }, { b, key, size, MiB });
      uploadId = (await held.arrived).query.get('uploadId') ?? '';
    } finally {
      await first.close(); // the tab goes away with part 3 in flight
    }
    await held.clientClosed;
    held.drop();

    const r: Outcome = await h.page.evaluate(async ({ b, key, size, MiB }) => {
      const { t } = window;
      const cos = t.client({ options: { ChunkParallelLimit: 1, ChunkSize: MiB } });
      return t.settle(cos.sliceUploadFile({ ...b, Key: key, Body: new File([t.bytes(size, 31)], 'tab.bin', { lastModified: 1_700_000_000_000 }) }));
    }, { b, key, size, MiB });
    const data = ok(r);
    expect(data['UploadId']).toBe(uploadId);
    expect(data.ETag).toMatch(/^"[0-9a-f]{32}-5"$/);
    expect(partNumbers(key)).toEqual([1, 2, 3, 3, 4, 5]);
    expect(count(key, isInitiate)).toBe(1);
    // ListMultipartUploads (`GET /?uploads&prefix=<key>`) by each tab.
    expect(h.requests.filter((x) => x.host.startsWith(`${Bucket}.`) && x.method === 'GET' && x.query.has('uploads') && x.query.get('prefix') === key)).toHaveLength(2);
    expect(count(key, isListParts)).toBe(1); // the SDK's check of the remote parts
    expect(md5hex(await h.nodeGet(Bucket, key))).toBe(md5hex(bytes(size, 31)));
  });
});
