// The asynchronous replicator (PUT Bucket replication, 436/19223; docs/cos-behaviour.md "Replication"):
// copies queued object versions and delete markers to their destination bucket, one task at a time,
// oldest first. It is woken when a write queues a task (hooks.ts) and on start, so a queue left by a
// stopped or crashed process is finished — no polling. Each copy commits in one transaction with its
// dequeue, so a restart in the middle neither loses nor repeats one.
//
// A replica keeps the source's key, version id, last-modified time, headers, metadata, tags and ACL
// (content, metadata and version id are replicated: tencentcloud 436/19237), takes the rule's
// StorageClass (else the source's) and reports `x-cos-replication-status: REPLICA`; the source version
// goes from PENDING to COMPLETED, or FAILED when the copy cannot be made (destination gone or no longer
// versioned, the Role no longer allowed to write it, the source bytes gone) — S3's failure reasons; a
// failed copy is not retried.
import type { Logger } from '../handler';
import type { Clock, Services } from '../context';
import { dropGarbageBlobs } from '../store/garbage';
import { REPLICATION_STATUS, onReplicationQueued } from './hooks';
import { roleMay } from './role';
import type { BucketRecord, ObjectRecord, QueuedReplication, ReplicationOutcome, VersionRecord } from '../store/types';
import { versioningMode } from '../versioning';

export interface ReplicatorOptions extends Services {
  log: Logger;
}

export class Replicator {
  private readonly options: ReplicatorOptions;
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;
  private started = false;
  private unsubscribe: (() => void) | undefined;

  constructor(options: ReplicatorOptions) {
    this.options = options;
  }

  private get clock(): Clock {
    return this.options.clock;
  }

  /** Listens for queued tasks and works off what is already queued. */
  start(): void {
    this.started = true;
    this.unsubscribe = onReplicationQueued(this.options.store.meta, () => this.wake());
    this.wake();
  }

  /** Works off the queue unless already doing so (then once more afterwards). */
  wake(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((e: unknown) => this.options.log('cos-local: replication stopped on an error', e))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /**
   * Resolves when nothing is in flight and the queue holds nothing the replicator can work on now
   * (empty, or not started/closed, or a task it could not even dequeue last time).
   */
  async idle(): Promise<void> {
    let lastHead: number | undefined;
    for (;;) {
      if (this.running) {
        await this.running;
        continue;
      }
      const head = this.options.store.meta.nextReplication()?.seq;
      if (!this.started || this.closed || head === undefined || head === lastHead) return;
      lastHead = head;
      this.wake();
    }
  }

  /** Stops taking tasks; the copy in flight finishes (or is redone at the next start). */
  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe?.();
    await this.running;
  }

  private async drain(): Promise<void> {
    let after = 0;
    while (!this.closed) {
      const task = this.options.store.meta.nextReplication(after);
      if (!task) return;
      after = task.seq; // a task whose bookkeeping throws is retried at the next wake-up, not in a loop
      await this.process(task);
    }
  }

  private async process(task: QueuedReplication): Promise<void> {
    try {
      if (task.kind === 'object') await this.copyVersion(task);
      else this.copyMarker(task);
    } catch (e) {
      this.options.log(`cos-local: replication of ${task.bucket}/${task.key} (${task.versionId}) failed`, e);
      this.finish(task, 'failed');
    }
  }

  private finish(task: QueuedReplication, outcome: ReplicationOutcome): void {
    const meta = this.options.store.meta;
    meta.batch(() => {
      if (task.kind === 'object' && outcome !== 'dropped') {
        meta.patchVersion(task.bucket, task.key, task.versionId, { headers: { [REPLICATION_STATUS]: outcome === 'completed' ? 'COMPLETED' : 'FAILED' } });
      }
      meta.finishReplication(task.seq, outcome, this.clock.now());
    });
  }

  /** The destination when it can take the copy now, else undefined (the copy fails). */
  private destination(task: QueuedReplication, op: 'PutObject' | 'DeleteObject'): BucketRecord | undefined {
    const dest = this.options.store.meta.getBucket(task.destination);
    if (!dest || versioningMode(this.options.store.meta, dest.name) !== 'enabled') return undefined;
    return roleMay(this.options, task.role, op, dest, task.key) ? dest : undefined;
  }

  private source(task: QueuedReplication): VersionRecord | undefined {
    const v = this.options.store.meta.getVersion(task.bucket, task.key, task.versionId);
    return v && v.deleteMarker === (task.kind === 'delete-marker') ? v : undefined;
  }

  private async copyVersion(task: QueuedReplication): Promise<void> {
    const { store } = this.options;
    const src = this.source(task);
    if (!src) return this.finish(task, 'dropped'); // deleted by version id before it could be copied
    const dest = this.destination(task, 'PutObject');
    if (!dest) return this.finish(task, 'failed');
    if (store.meta.getVersion(dest.name, src.key, src.versionId)) return this.finish(task, 'completed');
    const body = await store.blobs.open(src.blobId);
    if (!body) return this.finish(task, 'dropped');
    const blob = await store.blobs.write(body);
    const replica: ObjectRecord = {
      bucket: dest.name, key: src.key, size: blob.size, etag: src.etag, crc64: src.crc64, lastModified: src.lastModified,
      storageClass: task.storageClass?.toUpperCase() ?? src.storageClass, headers: { ...src.headers, [REPLICATION_STATUS]: 'REPLICA' },
      meta: src.meta, blobId: blob.id, versionId: src.versionId,
      ...(src.acl === undefined ? {} : { acl: src.acl }), ...(src.tagging === undefined ? {} : { tagging: src.tagging }),
    };
    const garbage = store.meta.batch((): string[] | undefined => {
      // Checked again in the transaction: the destination may have changed while the bytes were copied.
      if (!store.meta.getBucket(dest.name) || store.meta.getVersion(dest.name, src.key, src.versionId)) return undefined;
      const put = store.meta.putObject(replica, 'enabled');
      if (!put.ok) return undefined;
      this.finish(task, 'completed');
      return put.garbage;
    });
    if (garbage === undefined) {
      await store.blobs.remove(blob.id);
      return this.finish(task, store.meta.getVersion(dest.name, src.key, src.versionId) ? 'completed' : 'failed');
    }
    await dropGarbageBlobs(store, garbage);
  }

  private copyMarker(task: QueuedReplication): void {
    const meta = this.options.store.meta;
    const src = this.source(task);
    if (!src) return this.finish(task, 'dropped'); // the marker was removed before it could be copied
    const dest = this.destination(task, 'DeleteObject');
    if (!dest) return this.finish(task, 'failed');
    meta.batch(() => {
      if (!meta.getVersion(dest.name, src.key, src.versionId)) meta.deleteObject(dest.name, src.key, 'enabled', src.versionId, src.lastModified);
      this.finish(task, 'completed');
    });
  }
}
