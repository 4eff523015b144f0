// The store's part of replication and lifecycle: the durable queue with its per-rule counters, version
// patches, and `batch` (a write and the tasks it queues commit or roll back together).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './open-store';
import type { ObjectRecord, ReplicationTask, Store } from './types';

const B = 'src-1250000000';
const obj = (key: string, versionId: string): ObjectRecord => ({
  bucket: B, key, size: 0, etag: '"e"', crc64: '0', lastModified: 1_700_000_000_000, storageClass: 'STANDARD',
  headers: { 'content-type': 'text/plain' }, meta: {}, blobId: '', versionId,
});
const task = (key: string, ruleId = 'r1', kind: ReplicationTask['kind'] = 'object'): ReplicationTask => ({
  bucket: B, key, versionId: 'v1', kind, ruleId, destination: 'dst-1250000000', role: 'qcs::cam::uin/1:uin/1', enqueuedAt: 5,
});

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cos-local-queue-'));
  store = await openStore({ dataDir: dir });
  store.meta.createBucket({ name: B, region: 'ap-guangzhou', appId: '1250000000', createdAt: 0 });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('replication queue', () => {
  it('hands tasks out oldest first, after a given one, with everything they were queued with', () => {
    store.meta.enqueueReplication([{ ...task('a'), storageClass: 'Standard_IA' }, task('b', 'r2', 'delete-marker')]);
    const first = store.meta.nextReplication();
    expect(first).toMatchObject({ ...task('a'), storageClass: 'Standard_IA' });
    expect(store.meta.nextReplication(first?.seq)).toMatchObject(task('b', 'r2', 'delete-marker'));
    expect(store.meta.nextReplication(store.meta.nextReplication(first?.seq)?.seq)).toBeUndefined();
  });

  it('counts outcomes per rule; a dropped task counts neither way; a task finishes once', () => {
    store.meta.enqueueReplication([task('a'), task('b'), task('c'), task('d', 'r2')]);
    const seqs: number[] = [];
    for (let t = store.meta.nextReplication(); t; t = store.meta.nextReplication(t.seq)) seqs.push(t.seq);
    const [a, b, c] = seqs as [number, number, number, number];
    expect(store.meta.finishReplication(a, 'completed', 100)).toBe(true);
    expect(store.meta.finishReplication(a, 'completed', 200)).toBe(false);
    store.meta.finishReplication(b, 'failed', 300);
    store.meta.finishReplication(c, 'dropped', 400);
    const stats = store.meta.replicationStats(B).sort((x, y) => x.ruleId.localeCompare(y.ruleId));
    expect(stats).toEqual([
      { ruleId: 'r1', pending: 0, completed: 1, failed: 1, lastCompletedAt: 100 },
      { ruleId: 'r2', pending: 1, completed: 0, failed: 0 },
    ]);
    expect(store.meta.replicationStats('other-1250000000')).toEqual([]);
  });

  it('survives a restart', async () => {
    store.meta.enqueueReplication([task('a')]);
    await store.close();
    store = await openStore({ dataDir: dir });
    expect(store.meta.nextReplication()).toMatchObject(task('a'));
    expect(store.meta.replicationStats(B)).toEqual([{ ruleId: 'r1', pending: 1, completed: 0, failed: 0 }]);
  });

  it('commits a write and its tasks together, or neither', () => {
    expect(() => store.meta.batch(() => {
      store.meta.putObject(obj('k', 'v1'), 'enabled');
      store.meta.enqueueReplication([task('k')]);
      throw new Error('crash before commit');
    })).toThrow('crash before commit');
    expect(store.meta.getObject(B, 'k')).toBeUndefined();
    expect(store.meta.nextReplication()).toBeUndefined();
    store.meta.batch(() => {
      store.meta.putObject(obj('k', 'v1'), 'enabled');
      store.meta.enqueueReplication([task('k')]);
    });
    expect(store.meta.getObject(B, 'k')?.versionId).toBe('v1');
    expect(store.meta.nextReplication()?.key).toBe('k');
  });

  it('drops a deleted bucket\'s counters', () => {
    store.meta.enqueueReplication([task('a')]);
    const t = store.meta.nextReplication();
    if (t) store.meta.finishReplication(t.seq, 'completed', 1);
    expect(store.meta.deleteBucket(B)).toBe('deleted');
    store.meta.createBucket({ name: B, region: 'ap-guangzhou', appId: '1250000000', createdAt: 0 });
    expect(store.meta.replicationStats(B)).toEqual([]);
  });
});

describe('patchVersion', () => {
  it('changes a version\'s storage class and headers, and the current object with it', () => {
    store.meta.putObject(obj('k', 'v1'), 'enabled');
    store.meta.putObject(obj('k', 'v2'), 'enabled');
    expect(store.meta.patchVersion(B, 'k', 'v2', { storageClass: 'STANDARD_IA', headers: { 'x-cos-replication-status': 'PENDING' } })).toBe(true);
    expect(store.meta.getObject(B, 'k')).toMatchObject({ versionId: 'v2', storageClass: 'STANDARD_IA', headers: { 'content-type': 'text/plain', 'x-cos-replication-status': 'PENDING' } });
    expect(store.meta.patchVersion(B, 'k', 'v2', { headers: { 'x-cos-replication-status': null } })).toBe(true);
    expect(store.meta.getObject(B, 'k')?.headers).toEqual({ 'content-type': 'text/plain' });
    // A noncurrent version changes alone.
    store.meta.patchVersion(B, 'k', 'v1', { storageClass: 'INTELLIGENT_TIERING' });
    expect(store.meta.getVersion(B, 'k', 'v1')?.storageClass).toBe('INTELLIGENT_TIERING');
    expect(store.meta.getObject(B, 'k')?.storageClass).toBe('STANDARD_IA');
    expect(store.meta.patchVersion(B, 'k', 'nope', { storageClass: 'X' })).toBe(false);
  });
});
