// "An expired lifecycle rule deletes only what it should": the runner against a store, with objects
// inside and outside each rule's prefix and tags, just before and at the day boundary, in a bucket
// without versioning and in one with versioning, and incomplete multipart uploads.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseLifecycleXml } from '../../shared/xml/lifecycle';
import { LIFECYCLE_CONFIG } from '../ops/lifecycle';
import { openStore } from '../store/open-store';
import type { MemoryBlobStore } from '../store/memory-blobs';
import type { ObjectRecord, Store, VersioningMode } from '../store/types';
import { VERSIONING_CONFIG } from '../versioning';
import { runLifecycle } from './run';

const at = (iso: string): number => Date.parse(iso);
async function* bytes(text: string): AsyncIterable<Uint8Array> {
  yield Buffer.from(text);
}
const clock = (iso: string) => ({ now: () => at(iso) });

let store: Store;
beforeEach(async () => {
  store = await openStore({ memory: true });
});
afterEach(() => store.close());

function bucket(name: string, versioning?: 'Enabled'): string {
  store.meta.createBucket({ name, region: 'ap-guangzhou', appId: '1250000000', createdAt: 0 });
  if (versioning) store.meta.putConfig(name, VERSIONING_CONFIG, versioning);
  return name;
}

function lifecycle(name: string, rules: string): void {
  const parsed = parseLifecycleXml(`<LifecycleConfiguration>${rules}</LifecycleConfiguration>`);
  if (!parsed.ok) throw new Error(parsed.reason);
  store.meta.putConfig(name, LIFECYCLE_CONFIG, JSON.stringify(parsed.value));
}

async function put(name: string, key: string, iso: string, opts: { versionId?: string; tags?: Record<string, string>; mode?: VersioningMode } = {}): Promise<ObjectRecord> {
  const blob = await store.blobs.write(bytes(key));
  const record: ObjectRecord = {
    bucket: name, key, size: blob.size, etag: '"e"', crc64: '0', lastModified: at(iso), storageClass: 'STANDARD', headers: {}, meta: {},
    blobId: blob.id, versionId: opts.versionId ?? 'null',
    ...(opts.tags ? { tagging: JSON.stringify(Object.entries(opts.tags).map(([key, value]) => ({ key, value }))) } : {}),
  };
  const r = store.meta.putObject(record, opts.mode ?? (opts.versionId ? 'enabled' : 'unversioned'));
  if (!r.ok) throw new Error('put failed');
  return record;
}

const keys = (name: string): string[] => store.meta.listObjects(name, { prefix: '', delimiter: '', marker: '', maxKeys: 1000 }).contents.map((o) => o.key);
const history = (name: string, key: string): string[] =>
  store.meta.listVersions(name, { prefix: key, delimiter: '', keyMarker: '', versionIdMarker: '', maxKeys: 1000 }).versions
    .filter((v) => v.key === key).map((v) => (v.deleteMarker ? `marker:${v.versionId}` : v.versionId));
const blobCount = (): Promise<number> => (store.blobs as MemoryBlobStore).list().then((l) => l.length);

describe('lifecycle runner, bucket without versioning', () => {
  const B = 'plain-1250000000';
  beforeEach(async () => {
    bucket(B);
    lifecycle(B, `
      <Rule><ID>tmp</ID><Filter><Prefix>tmp/</Prefix></Filter><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule>
      <Rule><ID>tagged</ID><Filter><Tag><Key>expire</Key><Value>yes</Value></Tag></Filter><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule>
      <Rule><ID>off</ID><Filter><Prefix>keep/</Prefix></Filter><Status>Disabled</Status><Expiration><Days>1</Days></Expiration></Rule>
      <Rule><ID>cold</ID><Filter><Prefix>cold/</Prefix></Filter><Status>Enabled</Status><Transition><Days>1</Days><StorageClass>STANDARD_IA</StorageClass></Transition></Rule>
      <Rule><ID>frozen</ID><Filter><Prefix>frozen/</Prefix></Filter><Status>Enabled</Status><Transition><Days>1</Days><StorageClass>ARCHIVE</StorageClass></Transition></Rule>
      <Rule><ID>uploads</ID><Filter><Prefix>big/</Prefix></Filter><Status>Enabled</Status><AbortIncompleteMultipartUpload><DaysAfterInitiation>1</DaysAfterInitiation></AbortIncompleteMultipartUpload></Rule>`);
    // Written 05-01 10:00 UTC: one day later, rounded to the next midnight, is 05-03 00:00 UTC.
    for (const key of ['tmp/a', 'keep/b', 'tmpx', 'cold/c', 'frozen/f']) await put(B, key, '2024-05-01T10:00:00Z');
    await put(B, 'tagged/yes', '2024-05-01T10:00:00Z', { tags: { expire: 'yes', team: 'a' } });
    await put(B, 'tagged/no', '2024-05-01T10:00:00Z', { tags: { expire: 'no' } });
    await put(B, 'tmp/new', '2024-05-02T10:00:00Z');
    for (const [uploadId, key] of [['u1', 'big/a'], ['u2', 'small/a']] as const) {
      store.meta.createUpload({ uploadId, bucket: B, key, initiated: at('2024-05-01T10:00:00Z'), storageClass: 'STANDARD', headers: {}, meta: {}, initiator: 'x' });
      const part = await store.blobs.write(bytes('part'));
      store.meta.putPart({ uploadId, partNumber: 1, size: part.size, etag: '"p"', lastModified: 0, blobId: part.id });
    }
  });

  it('does nothing before the day boundary', async () => {
    const report = await runLifecycle(store, clock('2024-05-02T23:59:59Z'));
    expect(report).toEqual({ expired: 0, noncurrentExpired: 0, markersRemoved: 0, transitioned: 0, uploadsAborted: 0 });
    expect(keys(B)).toHaveLength(8);
  });

  it('at the boundary deletes only matching objects, transitions, and aborts only matching uploads', async () => {
    const blobsBefore = await blobCount();
    const report = await runLifecycle(store, clock('2024-05-03T00:00:00Z'));
    expect(report).toEqual({ expired: 2, noncurrentExpired: 0, markersRemoved: 0, transitioned: 1, uploadsAborted: 1 });
    expect(keys(B)).toEqual(['cold/c', 'frozen/f', 'keep/b', 'tagged/no', 'tmp/new', 'tmpx']);
    expect(store.meta.getObject(B, 'cold/c')?.storageClass).toBe('STANDARD_IA');
    // Archive classes need a restore cos-local does not emulate: not applied.
    expect(store.meta.getObject(B, 'frozen/f')?.storageClass).toBe('STANDARD');
    expect(store.meta.getUpload('u1')).toBeUndefined();
    expect(store.meta.getUpload('u2')).toBeDefined();
    // Two objects and one part are gone, bytes included; a second run changes nothing.
    expect(await blobCount()).toBe(blobsBefore - 3);
    expect(await runLifecycle(store, clock('2024-05-03T00:00:00Z'))).toEqual({ expired: 0, noncurrentExpired: 0, markersRemoved: 0, transitioned: 0, uploadsAborted: 0 });
    // The object written a day later follows a day later.
    await runLifecycle(store, clock('2024-05-04T00:00:00Z'));
    expect(keys(B)).not.toContain('tmp/new');
  });

  it('does nothing once the configuration is gone', async () => {
    store.meta.deleteConfig(B, LIFECYCLE_CONFIG);
    expect((await runLifecycle(store, clock('2030-01-01T00:00:00Z'))).expired).toBe(0);
    expect(keys(B)).toHaveLength(8);
  });
});

describe('lifecycle runner, bucket with versioning', () => {
  const B = 'history-1250000000';
  beforeEach(async () => {
    bucket(B, 'Enabled');
    lifecycle(B, `
      <Rule><ID>logs</ID><Filter><Prefix>logs/</Prefix></Filter><Status>Enabled</Status><Expiration><Days>1</Days></Expiration>
        <NoncurrentVersionExpiration><NoncurrentDays>2</NoncurrentDays></NoncurrentVersionExpiration></Rule>
      <Rule><ID>gone</ID><Filter><Prefix>gone/</Prefix></Filter><Status>Enabled</Status>
        <Expiration><ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker></Expiration>
        <NoncurrentVersionExpiration><NoncurrentDays>1</NoncurrentDays></NoncurrentVersionExpiration></Rule>`);
    await put(B, 'logs/x', '2024-05-01T10:00:00Z', { versionId: 'x1' });
    await put(B, 'logs/x', '2024-05-02T10:00:00Z', { versionId: 'x2' });
    await put(B, 'gone/y', '2024-05-01T10:00:00Z', { versionId: 'y1' });
    store.meta.deleteObject(B, 'gone/y', 'enabled', 'ym', at('2024-05-01T11:00:00Z'));
    await put(B, 'other/z', '2024-04-01T00:00:00Z', { versionId: 'z1' });
    await put(B, 'other/z', '2024-04-02T00:00:00Z', { versionId: 'z2' });
  });

  it('hides an expired current version behind a delete marker and removes noncurrent versions on their own schedule', async () => {
    // 05-03: x2 (written 05-02) is not due; x1 became noncurrent 05-02 10:00 → due 05-05.
    await runLifecycle(store, clock('2024-05-03T00:00:00Z'));
    expect(history(B, 'logs/x')).toEqual(['x2', 'x1']);
    // 05-04: x2 expires: a delete marker on top, both versions kept.
    const report = await runLifecycle(store, clock('2024-05-04T00:00:00Z'));
    expect(report.expired).toBe(1);
    const h = history(B, 'logs/x');
    expect(h).toHaveLength(3);
    expect(h[0]).toMatch(/^marker:/);
    expect(h.slice(1)).toEqual(['x2', 'x1']);
    expect(store.meta.getObject(B, 'logs/x')).toBeUndefined();
    // 05-05: x1 goes for good; x2 (noncurrent since 05-04) stays until 05-07.
    await runLifecycle(store, clock('2024-05-05T00:00:00Z'));
    expect(history(B, 'logs/x').slice(1)).toEqual(['x2']);
    await runLifecycle(store, clock('2024-05-07T00:00:00Z'));
    expect(history(B, 'logs/x')).toHaveLength(1);
    // Versions outside every rule are untouched.
    expect(history(B, 'other/z')).toEqual(['z2', 'z1']);
  });

  it('removes a delete marker once no older version is left', async () => {
    // y1 noncurrent since 05-01 11:00 → due 05-03; the marker then has nothing under it.
    expect(await runLifecycle(store, clock('2024-05-02T23:00:00Z'))).toMatchObject({ noncurrentExpired: 0, markersRemoved: 0 });
    expect(history(B, 'gone/y')).toEqual(['marker:ym', 'y1']);
    expect(await runLifecycle(store, clock('2024-05-03T00:00:00Z'))).toMatchObject({ noncurrentExpired: 1, markersRemoved: 1 });
    expect(history(B, 'gone/y')).toEqual([]);
  });

  it('works through histories longer than a listing page', async () => {
    const big = bucket('many-1250000000', 'Enabled');
    lifecycle(big, '<Rule><Filter/><Status>Enabled</Status><NoncurrentVersionExpiration><NoncurrentDays>1</NoncurrentDays></NoncurrentVersionExpiration></Rule>');
    for (let i = 0; i < 1005; i++) await put(big, 'k', '2024-01-01T00:00:00Z', { versionId: `v${String(i).padStart(4, '0')}` });
    await put(big, 'l', '2024-01-01T00:00:00Z', { versionId: 'l1' });
    const report = await runLifecycle(store, clock('2024-02-01T00:00:00Z'));
    expect(report.noncurrentExpired).toBe(1004);
    expect(history(big, 'k')).toEqual(['v1004']);
    expect(history(big, 'l')).toEqual(['l1']);
  });
});
