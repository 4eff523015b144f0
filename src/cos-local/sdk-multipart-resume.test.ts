// A cos-nodejs-sdk-v5 sliceUploadFile interrupted after three acknowledged parts and run again on the
// same file resumes: it finds the UploadId (GET ?uploads, then GET ?uploadId: sdk/advance.js getUploadIdAndPartList),
// re-sends none of the finished parts and the object is the file. The test's own HTTP server wraps
// cos-local's handler to see every Upload Part and to cut the first run short: when part 4 arrives
// (parts go one at a time, so 1-3 have been answered) it cancels the SDK task and drops the request.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, rmSync, utimesSync, writeSync, closeSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import COS from 'cos-nodejs-sdk-v5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAccounts } from './accounts';
import { createCosLocal, type CosLocal } from './app';
import { APPID, REGION, SECRET_ID, SECRET_KEY, keepSdkUploadCacheInMemory } from './sdk-harness';
import { openStore } from './store/open-store';

const MiB = 1024 * 1024;
const b = { Bucket: `resume-${APPID}`, Region: REGION };

interface Seen {
  op: 'init' | 'part';
  uploadId?: string;
  partNumber?: number;
}

let app: CosLocal;
let server: Server;
let cos: COS;
let dir: string;
/** Multipart requests that reached the server, in order. */
const seen: Seen[] = [];
/** Called for each Upload Part before cos-local sees it; true = the test answered it. */
let onPart: ((part: Seen, req: IncomingMessage) => boolean) | undefined;

function observe(req: IncomingMessage): Seen | undefined {
  const q = new URL(req.url ?? '/', 'http://local').searchParams;
  if (req.method === 'POST' && q.has('uploads')) return { op: 'init' };
  const uploadId = q.get('uploadId');
  if (req.method === 'PUT' && uploadId !== null && q.has('partNumber')) return { op: 'part', uploadId, partNumber: Number(q.get('partNumber')) };
  return undefined;
}

beforeAll(async () => {
  keepSdkUploadCacheInMemory();
  dir = mkdtempSync(join(tmpdir(), 'cos-local-resume-'));
  app = createCosLocal({ store: await openStore({ memory: true }), accounts: defaultAccounts(SECRET_ID, SECRET_KEY), log: () => undefined });
  server = createServer((req, res) => {
    const s = observe(req);
    if (s) seen.push(s);
    if (s?.op === 'part' && onPart?.(s, req)) return;
    app.handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // One part at a time: when part 4 is sent, parts 1-3 have been answered.
  cos = new COS({ SecretId: SECRET_ID, SecretKey: SECRET_KEY, Protocol: 'http:', Ip: `127.0.0.1:${port}`, ChunkParallelLimit: 1 });
  await cos.putBucket(b);
});

afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const md5 = (data: Buffer): string => createHash('md5').update(data).digest('hex');

/** Starts sliceUploadFile and cancels its task when part `stopAt` reaches the server; resolves with the UploadId. */
function interruptedUpload(Key: string, FilePath: string, stopAt: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let taskId = '';
    onPart = (part, req) => {
      if (part.partNumber !== stopAt) return false;
      onPart = undefined;
      cos.cancelTask(taskId); // also aborts the SDK's request for this part
      req.socket.destroy();
      resolve(part.uploadId ?? '');
      return true;
    };
    cos.sliceUploadFile(
      { ...b, Key, FilePath, ChunkSize: MiB, onTaskReady: (id) => { taskId = id; } },
      (err) => reject(err ?? new Error('the first run was expected to be cancelled, not to finish')),
    );
  });
}

/** 4.5 MiB: five slices of 1 MiB, the last one half full. */
function newFile(name: string): { FilePath: string; data: Buffer } {
  const FilePath = join(dir, name);
  const data = randomBytes(4.5 * MiB);
  writeFileSync(FilePath, data);
  return { FilePath, data };
}

async function partsStored(Key: string, UploadId: string): Promise<string[]> {
  return (await cos.multipartListPart({ ...b, Key, UploadId })).Part.map((p) => String(p.PartNumber));
}

/** Interrupts a first run after parts 1-3, runs again; returns the first UploadId and what the second run sent. */
async function interruptAndResume(Key: string, FilePath: string, between: () => void = () => undefined) {
  const first = await interruptedUpload(Key, FilePath, 4);
  expect(await partsStored(Key, first)).toEqual(['1', '2', '3']);
  between();
  seen.length = 0;
  // The result carries the UploadId it completed (advance.js 'upload_complete'); the typings omit it.
  const done = (await cos.sliceUploadFile({ ...b, Key, FilePath, ChunkSize: MiB })) as COS.SliceUploadFileResult & { UploadId: string };
  return { first, done, sent: seen.filter((s) => s.op === 'part'), inits: seen.filter((s) => s.op === 'init').length };
}

async function expectObjectIs(Key: string, data: Buffer): Promise<void> {
  const got = await cos.getObject({ ...b, Key });
  expect(md5(got.Body)).toBe(md5(data));
  expect(got.ETag).toMatch(/^"[0-9a-f]{32}-5"$/);
}

describe('sliceUploadFile interrupted and resumed', () => {
  it('reuses the UploadId and sends only the missing parts (the SDK remembers the UploadId)', async () => {
    const Key = 'resume/remembered.bin';
    const { FilePath, data } = newFile('remembered.bin');
    const { first, done, sent, inits } = await interruptAndResume(Key, FilePath);
    expect(inits).toBe(0);
    expect(sent).toEqual([{ op: 'part', uploadId: first, partNumber: 4 }, { op: 'part', uploadId: first, partNumber: 5 }]);
    expect(done.UploadId).toBe(first);
    await expectObjectIs(Key, data);
  });

  it('with nothing remembered, it checks each listed part\'s ETag against the file slice and resumes', async () => {
    const Key = 'resume/checked.bin';
    const { FilePath, data } = newFile('checked.bin');
    // Another mtime = another SDK file id: its UploadId cache misses, so it must trust ListParts' ETags.
    const later = new Date(Date.now() + 86_400_000);
    const { first, done, sent, inits } = await interruptAndResume(Key, FilePath, () => utimesSync(FilePath, later, later));
    expect(inits).toBe(0);
    expect(sent.map((s) => [s.uploadId, s.partNumber])).toEqual([[first, 4], [first, 5]]);
    expect(done.UploadId).toBe(first);
    await expectObjectIs(Key, data);
  });

  it('starts over when a stored part no longer matches the file (so the check above is real)', async () => {
    const Key = 'resume/changed.bin';
    const { FilePath } = newFile('changed.bin');
    const later = new Date(Date.now() + 2 * 86_400_000);
    const { first, done, sent, inits } = await interruptAndResume(Key, FilePath, () => {
      const fd = openSync(FilePath, 'r+');
      writeSync(fd, Buffer.from('changed'), 0, 7, 10); // inside part 1, same size
      closeSync(fd);
      utimesSync(FilePath, later, later);
    });
    expect(inits).toBe(1);
    expect(done.UploadId).not.toBe(first);
    expect(sent.map((s) => s.partNumber)).toEqual([1, 2, 3, 4, 5]);
    expect(sent.every((s) => s.uploadId === done.UploadId)).toBe(true);
    await expectObjectIs(Key, readFileSync(FilePath));
  });
});
