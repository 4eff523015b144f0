// Per-rule replication progress for the console (and anyone reading `GET /?replication&progress`,
// ops/replication.ts): the rules of the current configuration in order, then rules that were replaced or
// deleted but still have copies queued or counted.
import { ruleKey } from '../../shared/replication/validate';
import type { ReplicationRuleProgress } from '../../shared/xml/replication';
import type { MetaStore } from '../store/types';
import { loadReplication } from './hooks';

export function replicationProgress(meta: MetaStore, bucket: string): ReplicationRuleProgress[] {
  const stats = new Map(meta.replicationStats(bucket).map((s) => [s.ruleId, s]));
  const configured = loadReplication(meta, bucket)?.rules.map(ruleKey) ?? [];
  const ids = [...configured, ...[...stats.keys()].filter((id) => !configured.includes(id)).sort()];
  return ids.map((id) => {
    const s = stats.get(id);
    const out: ReplicationRuleProgress = { id, pending: s?.pending ?? 0, completed: s?.completed ?? 0, failed: s?.failed ?? 0 };
    if (s?.lastCompletedAt !== undefined) out.lastCompleted = new Date(s.lastCompletedAt).toISOString();
    return out;
  });
}
