// The lifecycle runner: applies every bucket's Enabled lifecycle rules (PUT Bucket lifecycle, 436/8280) as
// of `clock.now()` — what is due is decided by src/shared/lifecycle/evaluate.ts (timing rules there).
// startCosLocal runs it periodically; tests call it with a clock set days ahead.
//
// Effects, through the same store operations as the API:
// - expiration of a current version: DELETE Object semantics of the bucket's versioning state (removed
//   when never versioned, a delete marker when enabled, the "null" version replaced by a "null" marker
//   when suspended; 436/19883);
// - noncurrent expiration and expired-delete-marker cleanup: the version is removed for good;
// - transitions: the version's storage class changes. Archive classes (ARCHIVE, DEEP_ARCHIVE) are read
//   only after a restore, which cos-local does not emulate (PUT Object with them answers NotImplemented),
//   so transitions into them are kept in the configuration but not applied;
// - AbortIncompleteMultipartUpload: the upload and its parts go.
// Lifecycle deletions are not replicated (they do not pass through the client write path), as S3 does
// not replicate lifecycle actions.
import { storageClassKind } from '../../shared/cos/storage-class';
import { planKey, uploadExpired, type LifecycleAction, type VersionFacts } from '../../shared/lifecycle/evaluate';
import type { LifecycleConfiguration, LifecycleRule } from '../../shared/xml/lifecycle';
import type { Clock } from '../context';
import { LIFECYCLE_CONFIG } from '../ops/lifecycle';
import { dropGarbageBlobs } from '../store/garbage';
import type { MetaStore, Store, VersionRecord } from '../store/types';
import { tagsFromJson } from '../tags';
import { newVersionId, versioningMode } from '../versioning';

export interface LifecycleReport {
  /** Current versions expired (deleted, or hidden behind a delete marker). */
  expired: number;
  /** Noncurrent versions removed. */
  noncurrentExpired: number;
  /** Expired object delete markers removed. */
  markersRemoved: number;
  transitioned: number;
  uploadsAborted: number;
}

const PAGE = 1000;

const facts = (v: VersionRecord): VersionFacts => ({
  versionId: v.versionId, lastModified: v.lastModified, deleteMarker: v.deleteMarker, storageClass: v.storageClass, tags: tagsFromJson(v.tagging),
});

/** No version of `key` other than `markerId` is left. */
function onlyVersion(meta: MetaStore, bucket: string, key: string, markerId: string): boolean {
  const latest = meta.latestVersion(bucket, key);
  if (latest?.versionId !== markerId || !latest.deleteMarker) return false;
  const rest = meta.listVersions(bucket, { prefix: key, delimiter: '', keyMarker: key, versionIdMarker: markerId, maxKeys: 1 });
  return rest.versions[0]?.key !== key;
}

/** Applies one action; returns the blobs it made garbage, or undefined when the key changed meanwhile. */
function apply(meta: MetaStore, bucket: string, key: string, a: LifecycleAction, now: number, report: LifecycleReport): string[] | undefined {
  switch (a.kind) {
    case 'expire-current': {
      const current = meta.latestVersion(bucket, key);
      if (current?.versionId !== a.versionId || current.deleteMarker) return undefined;
      const mode = versioningMode(meta, bucket);
      report.expired++;
      return meta.deleteObject(bucket, key, mode, mode === 'enabled' ? newVersionId(now) : 'null', now).garbage;
    }
    case 'delete-version': {
      const r = meta.deleteVersion(bucket, key, a.versionId);
      if (r.removed) report.noncurrentExpired++;
      return r.garbage;
    }
    case 'remove-marker': {
      if (!onlyVersion(meta, bucket, key, a.versionId)) return undefined;
      report.markersRemoved++;
      return meta.deleteVersion(bucket, key, a.versionId).garbage;
    }
    case 'transition': {
      if (storageClassKind(a.storageClass) !== 'readable') return undefined;
      if (meta.patchVersion(bucket, key, a.versionId, { storageClass: a.storageClass })) report.transitioned++;
      return [];
    }
  }
}

async function runKey(store: Store, bucket: string, rules: readonly LifecycleRule[], history: readonly VersionRecord[], now: number, report: LifecycleReport): Promise<void> {
  const key = history[0]?.key;
  if (key === undefined) return;
  const garbage: string[] = [];
  for (const action of planKey(rules, key, history.map(facts), now)) garbage.push(...(apply(store.meta, bucket, key, action, now, report) ?? []));
  await dropGarbageBlobs(store, garbage);
}

/**
 * Pages through the bucket's versions key by key. A page's last key may continue on the next page, so it
 * is kept back until complete; the keys before it are done before the next page is read, which starts
 * after that kept-back (and so unchanged) entry.
 */
async function runVersions(store: Store, bucket: string, rules: readonly LifecycleRule[], now: number, report: LifecycleReport): Promise<void> {
  let keyMarker = '';
  let versionIdMarker = '';
  let pending: VersionRecord[] = [];
  for (;;) {
    const page = store.meta.listVersions(bucket, { prefix: '', delimiter: '', keyMarker, versionIdMarker, maxKeys: PAGE });
    for (const v of page.versions) {
      if (pending.length > 0 && pending[0]?.key !== v.key) {
        await runKey(store, bucket, rules, pending, now, report);
        pending = [];
      }
      pending.push(v);
    }
    const last = page.versions.at(-1);
    if (!page.isTruncated || !last) break;
    keyMarker = last.key;
    versionIdMarker = last.versionId;
  }
  await runKey(store, bucket, rules, pending, now, report);
}

async function runUploads(store: Store, bucket: string, rules: readonly LifecycleRule[], now: number, report: LifecycleReport): Promise<void> {
  if (!rules.some((r) => r.abortIncompleteMultipartUpload)) return;
  const expired: string[] = [];
  let keyMarker = '';
  let uploadIdMarker = '';
  for (;;) {
    const page = store.meta.listUploads(bucket, { prefix: '', delimiter: '', keyMarker, uploadIdMarker, maxUploads: PAGE });
    for (const u of page.uploads) if (uploadExpired(rules, u.key, u.initiated, now)) expired.push(u.uploadId);
    if (!page.isTruncated || page.nextKeyMarker === undefined) break;
    keyMarker = page.nextKeyMarker;
    uploadIdMarker = page.nextUploadIdMarker ?? '';
  }
  for (const id of expired) {
    const r = store.meta.abortUpload(id);
    if (!r) continue;
    report.uploadsAborted++;
    await dropGarbageBlobs(store, r.garbage);
  }
}

export async function runLifecycle(store: Store, clock: Clock): Promise<LifecycleReport> {
  const report: LifecycleReport = { expired: 0, noncurrentExpired: 0, markersRemoved: 0, transitioned: 0, uploadsAborted: 0 };
  const now = clock.now();
  for (const { bucket, value } of [...store.meta.configsNamed(LIFECYCLE_CONFIG)]) {
    const rules = (JSON.parse(value) as LifecycleConfiguration).rules.filter((r) => r.status === 'Enabled');
    if (rules.length === 0 || !store.meta.getBucket(bucket)) continue;
    await runVersions(store, bucket, rules, now, report);
    await runUploads(store, bucket, rules, now, report);
  }
  return report;
}
