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
  headers: { 'content-type': 'text/plain' }, meta: { 'x-cos-meta-a': 'b' }, blobId,
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
    store.meta.putObject(obj('a'));
    expect(store.meta.deleteBucket(bucket.name)).toBe('not-empty');
    store.meta.deleteObject(bucket.name, 'a');
    store.meta.putConfig(bucket.name, 'cors', '{}');
    expect(store.meta.deleteBucket(bucket.name)).toBe('deleted');
    expect(store.meta.deleteBucket(bucket.name)).toBe('missing');
    store.meta.createBucket(bucket);
    expect(store.meta.getConfig(bucket.name, 'cors')).toBeUndefined(); // configs went with the bucket
  });

  it('stores objects and returns the replaced record', () => {
    expect(store.meta.putObject(obj('k', 'a'.repeat(32)))).toEqual({ ok: true, replaced: undefined });
    expect(store.meta.putObject(obj('k', 'b'.repeat(32)))).toMatchObject({ ok: true, replaced: { blobId: 'a'.repeat(32) } });
    expect(store.meta.getObject(bucket.name, 'k')).toEqual(obj('k', 'b'.repeat(32)));
    expect(store.meta.deleteObject(bucket.name, 'k')?.blobId).toBe('b'.repeat(32));
    expect(store.meta.deleteObject(bucket.name, 'k')).toBeUndefined();
  });

  it('refuses an object whose bucket is gone', () => {
    expect(store.meta.putObject({ ...obj('k'), bucket: 'gone-1250000000' })).toEqual({ ok: false, reason: 'no-bucket' });
    expect(store.meta.getObject('gone-1250000000', 'k')).toBeUndefined();
  });

  it('keeps bucket configs', () => {
    store.meta.putConfig(bucket.name, 'cors', '{"a":1}');
    expect(store.meta.getConfig(bucket.name, 'cors')).toBe('{"a":1}');
    expect(store.meta.deleteConfig(bucket.name, 'cors')).toBe(true);
    expect(store.meta.deleteConfig(bucket.name, 'cors')).toBe(false);
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
      for (const k of ['a', 'a/1', 'a/2', 'a/b/1', 'b', 'b/1', 'c', '中', '🙂', '\uffff', 'z/']) store.meta.putObject(obj(k));
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
