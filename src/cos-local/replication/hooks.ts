// Where client writes meet replication (PUT Bucket replication, 436/19223; docs/cos-behaviour.md
// "Replication"): a new object version or delete marker of a bucket with an enabled rule for its key is
// queued in the transaction that commits it, and the replicator is woken. Only client writes come
// through here: the replicator writes replicas straight to the store, so a replica is never queued
// again and A→B plus B→A rules do not loop (replication is not transitive and replicas are not
// replicated again: tencentcloud 436/19923).
import { parseDestination, replicatesDeleteMarkers, rulesFor } from '../../shared/replication/validate';
import type { ReplicationConfiguration } from '../../shared/xml/replication';
import type { DeleteObjectResult, MetaStore, ObjectRecord, ReplicationTask, VersioningMode } from '../store/types';

export const REPLICATION_CONFIG = 'replication';

/** Reported on GET/HEAD Object: PENDING, COMPLETED or FAILED on a source version, REPLICA on a copy. */
export const REPLICATION_STATUS = 'x-cos-replication-status';

export function loadReplication(meta: MetaStore, bucket: string): ReplicationConfiguration | undefined {
  const json = meta.getConfig(bucket, REPLICATION_CONFIG);
  return json === undefined ? undefined : (JSON.parse(json) as ReplicationConfiguration);
}

// Wake-ups, per store: the replicator of that store listens; a write signals after its commit.
const listeners = new WeakMap<MetaStore, Set<() => void>>();

export function onReplicationQueued(meta: MetaStore, listener: () => void): () => void {
  let set = listeners.get(meta);
  if (!set) listeners.set(meta, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** Deferred: the replicator never runs inside the caller's transaction or ahead of its response. */
function signal(meta: MetaStore): void {
  const set = listeners.get(meta);
  if (set && set.size > 0) setImmediate(() => set.forEach((l) => l()));
}

/**
 * The copies a write of `key` (version `versionId`) owes. Only versioned writes replicate: the source
 * must have versioning enabled (436/19223), and a write while it is suspended (version "null") is not
 * copied.
 */
export function replicationTasks(meta: MetaStore, bucket: string, key: string, versionId: string, kind: ReplicationTask['kind'], now: number): ReplicationTask[] {
  if (versionId === 'null') return [];
  const config = loadReplication(meta, bucket);
  if (!config) return [];
  return rulesFor(config, key)
    .filter(({ rule }) => kind === 'object' || replicatesDeleteMarkers(rule))
    .flatMap(({ rule, key: ruleId }) => {
      const dest = parseDestination(rule.destination.bucket);
      if (!dest) return [];
      const task: ReplicationTask = { bucket, key, versionId, kind, ruleId, destination: dest.bucket, role: config.role, enqueuedAt: now };
      if (rule.destination.storageClass !== undefined) task.storageClass = rule.destination.storageClass;
      return [task];
    });
}

/** Marks a record about to be written as PENDING when it will be copied (and drops a status it was copied with). */
export function markPending(record: ObjectRecord, tasks: readonly ReplicationTask[]): void {
  const headers = { ...record.headers };
  delete headers[REPLICATION_STATUS];
  if (tasks.length > 0) headers[REPLICATION_STATUS] = 'PENDING';
  record.headers = headers;
}

/** Runs a write's commit and queues its copies in one transaction; wakes the replicator after the commit. */
export function commitWithReplication<T extends { ok: boolean }>(meta: MetaStore, tasks: readonly ReplicationTask[], commit: () => T): T {
  if (tasks.length === 0) return commit();
  const result = meta.batch(() => {
    const r = commit();
    if (r.ok) meta.enqueueReplication(tasks);
    return r;
  });
  if (result.ok) signal(meta);
  return result;
}

/** DELETE Object without a versionId, queueing the delete marker it creates when a rule replicates markers. */
export function deleteWithReplication(meta: MetaStore, bucket: string, key: string, mode: VersioningMode, markerVersionId: string, now: number): DeleteObjectResult {
  const tasks = mode === 'enabled' ? replicationTasks(meta, bucket, key, markerVersionId, 'delete-marker', now) : [];
  const result = commitWithReplication(meta, tasks, () => {
    const r = meta.deleteObject(bucket, key, mode, markerVersionId, now);
    return { ok: r.marker?.versionId === markerVersionId, r };
  });
  return result.r;
}
