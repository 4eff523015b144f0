// The start-up sweep: what a crash leaves behind (renamed but uncommitted blobs, replaced blobs not
// yet removed, temp files) is gone after reopening; referenced blobs stay; a row whose file is
// missing is reported, kept, and never served as a truncated object.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FsBlobStore } from './fs-blobs';
import { openStore } from './open-store';
import { describeSweep, sweepBlobs } from './sweep';
import type { ObjectRecord, Store } from './types';

async function* bytes(text: string): AsyncIterable<Uint8Array> {
  yield Buffer.from(text);
}

const bucket = { name: 'sweep-1250000000', region: 'ap-guangzhou', appId: '1250000000', createdAt: 1_700_000_000_000 };
const md5 = (text: string): string => `"${createHash('md5').update(text).digest('hex')}"`;

function record(key: string, blob: { id: string; size: number }, text: string, versionId = 'null'): ObjectRecord {
  return {
    bucket: bucket.name, key, size: blob.size, etag: md5(text), crc64: '0', lastModified: 1_700_000_000_000,
    storageClass: 'STANDARD', headers: {}, meta: {}, blobId: blob.id, versionId,
  };
}

let dir: string;
let blobDir: string;
let store: Store | undefined;
let logged: string[];

const open = async (): Promise<Store> => {
  store = await openStore({ dataDir: dir }, { log: (l) => logged.push(l) });
  return store;
};
/** Closes without any cleanup, as a crash would leave the directory (SQLite commits are kept). */
const crash = async (): Promise<void> => {
  await store?.close();
  store = undefined;
};
/** Every file under blobs/ but blobs/tmp, by name. */
async function files(): Promise<string[]> {
  const entries = await readdir(blobDir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && !e.parentPath.endsWith('tmp')).map((e) => e.name).sort();
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cos-local-sweep-'));
  blobDir = join(dir, 'blobs');
  logged = [];
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('sweepBlobs', () => {
  it('removes exactly the unreferenced files and reports missing ones and strays', async () => {
    const blobs = await FsBlobStore.create(blobDir);
    const kept = await blobs.write(bytes('kept'));
    const orphan = await blobs.write(bytes('orphan'));
    await writeFile(join(blobDir, 'README'), 'not a blob');
    await mkdir(join(blobDir, kept.id.slice(0, 2), 'sub'));
    const missing = 'f'.repeat(32);
    const result = await sweepBlobs({ referencedBlobIds: () => new Set([kept.id, missing, '']) }, blobs);
    expect(result).toEqual({ orphansRemoved: 1, missingBlobs: [missing], strays: [`${kept.id.slice(0, 2)}/sub`, 'README'].sort() });
    expect(await blobs.list()).toEqual([kept.id]);
    expect(await blobs.open(orphan.id)).toBeUndefined();
    expect(describeSweep(result)).toMatch(/removed 1 unreferenced blob file.*1 stored object\(s\) or part\(s\) have no blob file.*ffff.*2 unexpected/);
  });

  it('says nothing when the directory is clean', async () => {
    const blobs = await FsBlobStore.create(blobDir);
    const a = await blobs.write(bytes('a'));
    const result = await sweepBlobs({ referencedBlobIds: () => new Set([a.id]) }, blobs);
    expect(result).toEqual({ orphansRemoved: 0, missingBlobs: [], strays: [] });
    expect(describeSweep(result)).toBeUndefined();
  });
});

describe('openStore on a data dir left by a crash', () => {
  it('drops a blob renamed into place whose row never committed', async () => {
    const s = await open();
    s.meta.createBucket(bucket);
    const committed = await s.blobs.write(bytes('committed'));
    expect(s.meta.putObject(record('k', committed, 'committed'), 'unversioned')).toMatchObject({ ok: true });
    const uncommitted = await s.blobs.write(bytes('uncommitted')); // the crash hits here
    await crash();
    expect(await files()).toEqual([committed.id, uncommitted.id].sort());

    const reopened = await open();
    expect(await files()).toEqual([committed.id]);
    expect(logged).toEqual([expect.stringContaining('removed 1 unreferenced blob file')]);
    expect(reopened.meta.getObject(bucket.name, 'k')?.blobId).toBe(committed.id);
  });

  it('drops a replaced blob whose removal the crash prevented', async () => {
    const s = await open();
    s.meta.createBucket(bucket);
    const first = await s.blobs.write(bytes('first'));
    s.meta.putObject(record('k', first, 'first'), 'unversioned');
    const second = await s.blobs.write(bytes('second'));
    const put = s.meta.putObject(record('k', second, 'second'), 'unversioned');
    expect(put).toEqual({ ok: true, garbage: [first.id] }); // the caller would remove it now; it crashes instead
    await crash();

    await open();
    expect(await files()).toEqual([second.id]);
  });

  it('drops temp files of interrupted writes', async () => {
    await open();
    await crash();
    await writeFile(join(blobDir, 'tmp', 'a'.repeat(32)), 'half an upload');
    await open();
    expect(await readdir(join(blobDir, 'tmp'))).toEqual([]);
    expect(logged).toEqual([]);
  });

  it('keeps the blobs of noncurrent versions and of parts of uploads in progress', async () => {
    const s = await open();
    s.meta.createBucket(bucket);
    const v1 = await s.blobs.write(bytes('v1'));
    const v2 = await s.blobs.write(bytes('v2'));
    s.meta.putObject(record('k', v1, 'v1', 'v1id'), 'enabled');
    s.meta.putObject(record('k', v2, 'v2', 'v2id'), 'enabled');
    const part = await s.blobs.write(bytes('part'));
    const upload = {
      uploadId: 'u1', bucket: bucket.name, key: 'big', initiated: 1_700_000_000_000, storageClass: 'STANDARD', headers: {}, meta: {},
      initiator: 'qcs::cam::uin/100000000001:uin/100000000001',
    };
    expect(s.meta.createUpload(upload)).toBe(true);
    expect(s.meta.putPart({ uploadId: 'u1', partNumber: 1, size: part.size, etag: md5('part'), lastModified: 1_700_000_000_000, blobId: part.id })).toMatchObject({ ok: true });
    await crash();

    await open();
    expect(await files()).toEqual([v1.id, v2.id, part.id].sort());
    expect(logged).toEqual([]);
  });

  it('reports, keeps and never serves a row whose blob file is missing', async () => {
    const s = await open();
    s.meta.createBucket(bucket);
    const blob = await s.blobs.write(bytes('gone'));
    s.meta.putObject(record('k', blob, 'gone'), 'unversioned');
    await crash();
    await rm(join(blobDir, blob.id.slice(0, 2), blob.id)); // e.g. lost by the disk, or deleted by hand

    const reopened = await open();
    expect(logged).toEqual([expect.stringContaining(`1 stored object(s) or part(s) have no blob file (GET answers NoSuchKey): ${blob.id}`)]);
    expect(reopened.meta.getObject(bucket.name, 'k')?.blobId).toBe(blob.id);
    expect(await reopened.blobs.open(blob.id)).toBeUndefined(); // GET Object answers NoSuchKey on this
  });
});
