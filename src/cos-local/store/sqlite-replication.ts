// The replicator's durable queue and per-rule counters (schema v3). Methods run inside the caller's
// transaction: a write enqueues in the transaction that commits it, and a copy dequeues in the one that
// commits the replica, so a crash never loses or duplicates a task.
import type Database from 'better-sqlite3';
import type { QueuedReplication, ReplicationOutcome, ReplicationRuleStats, ReplicationTask } from './types';

interface QueueRow {
  seq: number;
  bucket: string;
  key: string;
  version_id: string;
  kind: string;
  rule_id: string;
  destination: string;
  storage_class: string | null;
  role: string;
  enqueued_at: number;
}

interface StatsRow {
  rule_id: string;
  completed: number;
  failed: number;
  last_completed_at: number | null;
}

function prepare(db: Database.Database) {
  return {
    insert: db.prepare(
      `INSERT INTO replication_queue (bucket, key, version_id, kind, rule_id, destination, storage_class, role, enqueued_at)
       VALUES (@bucket, @key, @version_id, @kind, @rule_id, @destination, @storage_class, @role, @enqueued_at)`,
    ),
    next: db.prepare<[number], QueueRow>('SELECT * FROM replication_queue WHERE seq > ? ORDER BY seq LIMIT 1'),
    remove: db.prepare<[number], QueueRow>('DELETE FROM replication_queue WHERE seq = ? RETURNING *'),
    count: db.prepare(
      `INSERT INTO replication_stats (bucket, rule_id, completed, failed, last_completed_at) VALUES (@bucket, @rule_id, @completed, @failed, @at)
       ON CONFLICT (bucket, rule_id) DO UPDATE SET completed = completed + @completed, failed = failed + @failed,
         last_completed_at = COALESCE(@at, last_completed_at)`,
    ),
    stats: db.prepare<[string], StatsRow>('SELECT rule_id, completed, failed, last_completed_at FROM replication_stats WHERE bucket = ?'),
    pending: db.prepare<[string], { rule_id: string; n: number }>('SELECT rule_id, COUNT(*) AS n FROM replication_queue WHERE bucket = ? GROUP BY rule_id'),
    dropStats: db.prepare<[string]>('DELETE FROM replication_stats WHERE bucket = ?'),
  };
}

const toTask = (r: QueueRow): QueuedReplication => ({
  seq: r.seq, bucket: r.bucket, key: r.key, versionId: r.version_id, kind: r.kind === 'delete-marker' ? 'delete-marker' : 'object',
  ruleId: r.rule_id, destination: r.destination, role: r.role, enqueuedAt: r.enqueued_at, ...(r.storage_class === null ? {} : { storageClass: r.storage_class }),
});

export class ReplicationQueue {
  private readonly q: ReturnType<typeof prepare>;

  constructor(db: Database.Database) {
    this.q = prepare(db);
  }

  enqueue(tasks: readonly ReplicationTask[]): void {
    for (const t of tasks) {
      this.q.insert.run({
        bucket: t.bucket, key: t.key, version_id: t.versionId, kind: t.kind, rule_id: t.ruleId, destination: t.destination,
        storage_class: t.storageClass ?? null, role: t.role, enqueued_at: t.enqueuedAt,
      });
    }
  }

  next(afterSeq: number): QueuedReplication | undefined {
    const row = this.q.next.get(afterSeq);
    return row && toTask(row);
  }

  /** Removes the task and counts its outcome; false when it was gone already. */
  finish(seq: number, outcome: ReplicationOutcome, at: number): boolean {
    const row = this.q.remove.get(seq);
    if (!row) return false;
    if (outcome === 'dropped') return true;
    const done = outcome === 'completed';
    this.q.count.run({ bucket: row.bucket, rule_id: row.rule_id, completed: done ? 1 : 0, failed: done ? 0 : 1, at: done ? at : null });
    return true;
  }

  stats(bucket: string): ReplicationRuleStats[] {
    const byRule = new Map<string, ReplicationRuleStats>();
    const entry = (ruleId: string): ReplicationRuleStats => {
      let s = byRule.get(ruleId);
      if (!s) byRule.set(ruleId, (s = { ruleId, pending: 0, completed: 0, failed: 0 }));
      return s;
    };
    for (const r of this.q.stats.all(bucket)) {
      const s = entry(r.rule_id);
      s.completed = r.completed;
      s.failed = r.failed;
      if (r.last_completed_at !== null) s.lastCompletedAt = r.last_completed_at;
    }
    for (const r of this.q.pending.all(bucket)) entry(r.rule_id).pending = r.n;
    return [...byRule.values()];
  }

  /** A deleted bucket's counters go with it (a new bucket of that name starts from zero). */
  dropBucket(bucket: string): void {
    this.q.dropStats.run(bucket);
  }
}
