// The same cases against both stores: SQLite file + file blobs, and SQLite :memory: + memory blobs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './open-store';
import type { ObjectRecord, Store } from './types';

async function* bytes(...parts: string[]): AsyncIterable<Uint8Array> {
  for (const p of parts) yield Buffer.from(p);
}

async function readAll(s: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!s) return '<missing>';
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks).toString();
}

const bucket = { name: 'b-1250000000', region: 'ap-guangzhou', appId: '1250000000', createdAt: 1_700_000_000_000 };
const obj = (key: string, blobId = 'x'.repeat(32)): ObjectRecord => ({
  bucket: bucket.name, key, size: 0, etag: '"e"', crc64: '0', lastModified: 1_700_000_000_000, storageClass: 'STANDARD',
  headers: { 'content-type': 'text/plain' }, meta: { 'x-cos-meta-a': 'b' }, blobId, versionId: 'null',
});
const list = (store: Store, q: Partial<{ prefix: string; delimiter: string; marker: string; maxKeys: number }>) =>
  store.meta.listObjects(bucket.name, { prefix: '', delimiter: '', marker: '', maxKeys: 1000, ...q });

const kinds = [
  ['memory', async () => ({ store: await openStore({ memory: true }), dir: undefined })],
  ['files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cos-local-store-'));
    return { store: await openStore({ dataDir: dir }), dir };
  }],
] as const;

describe.each(kinds)('store contract: %s', (_kind, open) => {
  let store: Store;
  let dir: string | undefined;
  beforeEach(async () => {
    ({ store, dir } = await open());
    store.meta.createBucket(bucket);
  });
  afterEach(async () => {
    await store.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('creates, finds, lists and deletes buckets', () => {
    expect(store.meta.createBucket(bucket)).toBe(false);
    expect(store.meta.getBucket(bucket.name)).toEqual(bucket);
    expect(store.meta.listBuckets('1250000000').map((b) => b.name)).toEqual([bucket.name]);
    expect(store.meta.listBuckets('1250000001')).toEqual([]);
    store.meta.putObject(obj('a'), 'unversioned');
    expect(store.meta.deleteBucket(bucket.name)).toBe('not-empty');
    store.meta.deleteObject(bucket.name, 'a', 'unversioned', 'v', 0);
    store.meta.putConfig(bucket.name, 'cors', '{}');
    expect(store.meta.deleteBucket(bucket.name)).toBe('deleted');
    expect(store.meta.deleteBucket(bucket.name)).toBe('missing');
    store.meta.createBucket(bucket);
    expect(store.meta.getConfig(bucket.name, 'cors')).toBeUndefined(); // configs went with the bucket
  });

  it('stores objects and returns the replaced blob as garbage', () => {
    expect(store.meta.putObject(obj('k', 'a'.repeat(32)), 'unversioned')).toEqual({ ok: true, garbage: [] });
    expect(store.meta.putObject(obj('k', 'b'.repeat(32)), 'unversioned')).toEqual({ ok: true, garbage: ['a'.repeat(32)] });
    expect(store.meta.getObject(bucket.name, 'k')).toEqual(obj('k', 'b'.repeat(32)));
    expect(store.meta.referencedBlobIds()).toEqual(new Set(['b'.repeat(32)]));
    const gone = store.meta.deleteObject(bucket.name, 'k', 'unversioned', 'v', 0);
    expect(gone).toEqual({ removed: obj('k', 'b'.repeat(32)), garbage: ['b'.repeat(32)] });
    expect(store.meta.deleteObject(bucket.name, 'k', 'unversioned', 'v', 0)).toEqual({ garbage: [] });
    expect(store.meta.listVersions(bucket.name, { prefix: '', delimiter: '', keyMarker: '', versionIdMarker: '', maxKeys: 10 }).versions).toEqual([]);
  });

  it('refuses an object whose bucket is gone', () => {
    expect(store.meta.putObject({ ...obj('k'), bucket: 'gone-1250000000' }, 'unversioned')).toEqual({ ok: false, reason: 'no-bucket' });
    expect(store.meta.getObject('gone-1250000000', 'k')).toBeUndefined();
  });

  it('keeps bucket configs', () => {
    store.meta.putConfig(bucket.name, 'cors', '{"a":1}');
    expect(store.meta.getConfig(bucket.name, 'cors')).toBe('{"a":1}');
    expect(store.meta.deleteConfig(bucket.name, 'cors')).toBe(true);
    expect(store.meta.deleteConfig(bucket.name, 'cors')).toBe(false);
  });

  it('lists every bucket’s document of one name, fresh after each change', () => {
    const other = { ...bucket, name: 'a-1250000000' };
    store.meta.createBucket(other);
    expect(store.meta.configsNamed('domain')).toEqual([]);
    store.meta.putConfig(bucket.name, 'domain', '1');
    store.meta.putConfig(other.name, 'domain', '2');
    store.meta.putConfig(other.name, 'cors', 'x');
    const first = store.meta.configsNamed('domain');
    expect(first).toEqual([{ bucket: other.name, value: '2' }, { bucket: bucket.name, value: '1' }]);
    expect(store.meta.configsNamed('domain')).toBe(first); // unchanged: the same array
    store.meta.putConfig(bucket.name, 'domain', '3');
    expect(store.meta.configsNamed('domain')).toEqual([{ bucket: other.name, value: '2' }, { bucket: bucket.name, value: '3' }]);
    store.meta.deleteConfig(bucket.name, 'domain');
    expect(store.meta.configsNamed('domain')).toEqual([{ bucket: other.name, value: '2' }]);
    expect(store.meta.deleteBucket(other.name)).toBe('deleted');
    expect(store.meta.configsNamed('domain')).toEqual([]);
  });

  it('writes, reads (whole and ranged) and removes blobs', async () => {
    const { id, size } = await store.blobs.write(bytes('hello ', 'world'));
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(size).toBe(11);
    expect(await readAll(await store.blobs.open(id))).toBe('hello world');
    expect(await readAll(await store.blobs.open(id, { start: 6, end: 10 }))).toBe('world');
    const empty = await store.blobs.write(bytes());
    expect(await readAll(await store.blobs.open(empty.id))).toBe('');
    await store.blobs.remove(id);
    expect(await store.blobs.open(id)).toBeUndefined();
  });

  it('gives every write a new id, whatever the content', async () => {
    const a = await store.blobs.write(bytes('same'));
    const b = await store.blobs.write(bytes('same'));
    expect(a.id).not.toBe(b.id);
  });

  it('a failed write leaves nothing behind', async () => {
    async function* failing(): AsyncIterable<Uint8Array> {
      yield Buffer.from('partial');
      throw new Error('client went away');
    }
    await expect(store.blobs.write(failing())).rejects.toThrow('client went away');
    const blobs = store.blobs as unknown as { list(): Promise<string[]> };
    expect(await blobs.list()).toEqual([]);
  });

  describe('listing', () => {
    beforeEach(() => {
      for (const k of ['a', 'a/1', 'a/2', 'a/b/1', 'b', 'b/1', 'c', '中', '🙂', '\uffff', 'z/']) store.meta.putObject(obj(k), 'unversioned');
    });
    const keys = (p: { contents: ObjectRecord[] }) => p.contents.map((c) => c.key);

    it('orders keys by UTF-8 bytes', () => {
      expect(keys(list(store, {}))).toEqual(['a', 'a/1', 'a/2', 'a/b/1', 'b', 'b/1', 'c', 'z/', '中', '\uffff', '🙂']);
    });

    it('filters by prefix and starts after the marker', () => {
      expect(keys(list(store, { prefix: 'a/' }))).toEqual(['a/1', 'a/2', 'a/b/1']);
      expect(keys(list(store, { prefix: 'a/', marker: 'a/1' }))).toEqual(['a/2', 'a/b/1']);
      expect(keys(list(store, { prefix: 'a/', marker: 'a' }))).toEqual(['a/1', 'a/2', 'a/b/1']);
      expect(keys(list(store, { prefix: 'a/', marker: 'b' }))).toEqual([]);
    });

    it('rolls keys up into common prefixes and counts them against max-keys', () => {
      const page = list(store, { delimiter: '/', maxKeys: 4 });
      expect(keys(page)).toEqual(['a', 'b']);
      expect(page.commonPrefixes).toEqual(['a/', 'b/']);
      expect(page).toMatchObject({ isTruncated: true, nextMarker: 'b/' });
      const next = list(store, { delimiter: '/', maxKeys: 4, marker: 'b/' });
      expect(keys(next)).toEqual(['c', '中', '\uffff']);
      expect(next.commonPrefixes).toEqual(['z/']);
      expect(next).toMatchObject({ isTruncated: true, nextMarker: '\uffff' });
      const last = list(store, { delimiter: '/', maxKeys: 4, marker: '\uffff' });
      expect(keys(last)).toEqual(['🙂']);
      expect(last.isTruncated).toBe(false);
    });

    it('reports truncation exactly at the end', () => {
      expect(list(store, { prefix: 'a/', maxKeys: 3 })).toMatchObject({ isTruncated: false });
      expect(list(store, { prefix: 'a/', maxKeys: 2 })).toMatchObject({ isTruncated: true, nextMarker: 'a/2' });
      expect(list(store, { maxKeys: 0 })).toMatchObject({ contents: [], commonPrefixes: [], isTruncated: true });
    });

    it('does not repeat a common prefix the marker is inside', () => {
      const page = list(store, { prefix: 'a/', delimiter: '/', marker: 'a/b/' });
      expect(page.commonPrefixes).toEqual([]);
      expect(keys(page)).toEqual([]);
    });
  });
  describe('versions', () => {
    const v = (key: string, versionId: string, blob: string): ObjectRecord => ({ ...obj(key, blob.repeat(32)), versionId });
    const history = (key: string) => store.meta.listVersions(bucket.name, { prefix: key, delimiter: '', keyMarker: '', versionIdMarker: '', maxKeys: 100 })
      .versions.map((x) => `${x.versionId}${x.deleteMarker ? ':dm' : ''}${x.isLatest ? '*' : ''}`);

    it('keeps the objects table equal to the newest live version', () => {
      expect(store.meta.putObject(v('k', 'v1', 'a'), 'enabled')).toEqual({ ok: true, garbage: [] });
      expect(store.meta.putObject(v('k', 'v2', 'b'), 'enabled')).toEqual({ ok: true, garbage: [] });
      expect(store.meta.getObject(bucket.name, 'k')?.versionId).toBe('v2');
      const del = store.meta.deleteObject(bucket.name, 'k', 'enabled', 'm1', 1_700_000_000_500);
      expect(del).toMatchObject({ removed: { versionId: 'v2' }, marker: { versionId: 'm1', deleteMarker: true, isLatest: true, lastModified: 1_700_000_000_000 }, garbage: [] });
      expect(store.meta.getObject(bucket.name, 'k')).toBeUndefined();
      expect(store.meta.latestVersion(bucket.name, 'k')?.deleteMarker).toBe(true);
      expect(history('k')).toEqual(['m1:dm*', 'v2', 'v1']);
      expect(store.meta.deleteVersion(bucket.name, 'k', 'm1')).toMatchObject({ removed: { deleteMarker: true }, garbage: [] });
      expect(store.meta.getObject(bucket.name, 'k')?.versionId).toBe('v2');
      expect(store.meta.deleteVersion(bucket.name, 'k', 'v2')).toEqual(expect.objectContaining({ garbage: ['b'.repeat(32)] }));
      expect(store.meta.getObject(bucket.name, 'k')?.versionId).toBe('v1');
      expect(store.meta.getVersion(bucket.name, 'k', 'v1')?.isLatest).toBe(true);
      expect(store.meta.deleteVersion(bucket.name, 'k', 'nope')).toEqual({ garbage: [] });
    });

    it('replaces only the null version while suspended', () => {
      store.meta.putObject(v('k', 'null', 'a'), 'unversioned');
      store.meta.putObject(v('k', 'v1', 'b'), 'enabled');
      expect(store.meta.putObject(v('k', 'null', 'c'), 'suspended')).toEqual({ ok: true, garbage: ['a'.repeat(32)] });
      expect(history('k')).toEqual(['null*', 'v1']);
      expect(store.meta.deleteObject(bucket.name, 'k', 'suspended', 'ignored', 0).garbage).toEqual(['c'.repeat(32)]);
      expect(history('k')).toEqual(['null:dm*', 'v1']);
      expect(store.meta.referencedBlobIds()).toEqual(new Set(['b'.repeat(32)]));
    });

    it('sets and clears ACL and tags per version, never on a delete marker', () => {
      store.meta.putObject(v('k', 'v1', 'a'), 'enabled');
      store.meta.putObject(v('k', 'v2', 'b'), 'enabled');
      expect(store.meta.updateObject(bucket.name, 'k', undefined, { tagging: '[]' })).toBe(true);
      expect(store.meta.getObject(bucket.name, 'k')?.tagging).toBe('[]');
      expect(store.meta.updateObject(bucket.name, 'k', 'v1', { acl: '{}' })).toBe(true);
      expect(store.meta.getVersion(bucket.name, 'k', 'v1')).toMatchObject({ acl: '{}' });
      expect(store.meta.getVersion(bucket.name, 'k', 'v1')?.tagging).toBeUndefined();
      expect(store.meta.updateObject(bucket.name, 'k', undefined, { tagging: null })).toBe(true);
      expect(store.meta.getObject(bucket.name, 'k')?.tagging).toBeUndefined();
      store.meta.deleteObject(bucket.name, 'k', 'enabled', 'm', 0);
      expect(store.meta.updateObject(bucket.name, 'k', undefined, { acl: '{}' })).toBe(false);
      expect(store.meta.updateObject(bucket.name, 'k', 'm', { acl: '{}' })).toBe(false);
    });
  });

  describe('multipart uploads', () => {
    const upload = (key: string, uploadId: string) => ({
      uploadId, bucket: bucket.name, key, initiated: 1_700_000_000_000, storageClass: 'STANDARD', headers: {}, meta: {}, initiator: 'me',
    });
    const part = (uploadId: string, partNumber: number, blob: string) => ({
      uploadId, partNumber, size: 1, etag: `"${blob}"`, lastModified: 1_700_000_000_000, blobId: blob.repeat(32),
    });

    it('keeps parts, replaces a re-sent part, completes atomically', () => {
      expect(store.meta.createUpload(upload('big', 'u1'))).toBe(true);
      expect(store.meta.createUpload({ ...upload('big', 'u2'), bucket: 'gone-1250000000' })).toBe(false);
      expect(store.meta.putPart(part('u1', 1, 'a'))).toEqual({ ok: true, garbage: [] });
      expect(store.meta.putPart(part('u1', 2, 'b'))).toEqual({ ok: true, garbage: [] });
      expect(store.meta.putPart(part('u1', 2, 'c'))).toEqual({ ok: true, garbage: ['b'.repeat(32)] });
      expect(store.meta.putPart(part('nope', 1, 'd'))).toEqual({ ok: false });
      expect(store.meta.listParts('u1', 0, 1)).toMatchObject({ isTruncated: true, nextPartNumberMarker: 1 });
      expect(store.meta.listParts('u1', 1, 1)).toMatchObject({ isTruncated: false, parts: [{ partNumber: 2, etag: '"c"' }] });
      expect(store.meta.deleteBucket(bucket.name)).toBe('not-empty');
      const done = store.meta.completeUpload('u1', obj('big', 'e'.repeat(32)), 'unversioned');
      expect(done).toEqual({ ok: true, garbage: ['a'.repeat(32), 'c'.repeat(32)] });
      expect(store.meta.getUpload('u1')).toBeUndefined();
      expect(store.meta.getObject(bucket.name, 'big')?.blobId).toBe('e'.repeat(32));
      expect(store.meta.completeUpload('u1', obj('big'), 'unversioned')).toEqual({ ok: false, reason: 'no-upload' });
    });

    it('aborts', () => {
      store.meta.createUpload(upload('k', 'u1'));
      store.meta.putPart(part('u1', 1, 'a'));
      expect(store.meta.abortUpload('u1')).toEqual({ garbage: ['a'.repeat(32)] });
      expect(store.meta.abortUpload('u1')).toBeUndefined();
      expect(store.meta.referencedBlobIds()).toEqual(new Set());
    });

    it('lists uploads by key then upload id, with markers and common prefixes', () => {
      for (const [k, id] of [['a', 'u1'], ['a', 'u2'], ['b/1', 'u3'], ['b/2', 'u4'], ['c', 'u5']] as const) store.meta.createUpload(upload(k, id));
      const page = (q: Partial<{ prefix: string; delimiter: string; keyMarker: string; uploadIdMarker: string; maxUploads: number }>) => {
        const r = store.meta.listUploads(bucket.name, { prefix: '', delimiter: '', keyMarker: '', uploadIdMarker: '', maxUploads: 1000, ...q });
        return { ids: r.uploads.map((u) => u.uploadId), prefixes: r.commonPrefixes, next: [r.nextKeyMarker, r.nextUploadIdMarker], truncated: r.isTruncated };
      };
      expect(page({ maxUploads: 1 })).toEqual({ ids: ['u1'], prefixes: [], next: ['a', 'u1'], truncated: true });
      expect(page({ keyMarker: 'a', uploadIdMarker: 'u1', maxUploads: 2 })).toEqual({ ids: ['u2', 'u3'], prefixes: [], next: ['b/1', 'u3'], truncated: true });
      expect(page({ keyMarker: 'a' }).ids).toEqual(['u3', 'u4', 'u5']);
      expect(page({ delimiter: '/' })).toEqual({ ids: ['u1', 'u2', 'u5'], prefixes: ['b/'], next: [undefined, undefined], truncated: false });
      expect(page({ prefix: 'b/' }).ids).toEqual(['u3', 'u4']);
    });
  });
});

describe('SQLite listing plan', () => {
  it('seeks the primary key and never sorts', async () => {
    const store = await openStore({ memory: true });
    const plan = (store.meta as unknown as { explainList(): string[] }).explainList().join(' | ');
    await store.close();
    expect(plan).toMatch(/SEARCH objects USING PRIMARY KEY \(bucket=\? AND key>\? AND key<\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});
