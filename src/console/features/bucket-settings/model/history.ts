// What the history section shows and what a rollback would do. A rollback restores a setting as it
// was before or after one recorded change: COS replaces a setting as a whole on PUT (e.g. PUT Bucket
// cors, https://cloud.tencent.com/document/product/436/8279), so restoring is one PUT of the recorded
// value, or a DELETE when the recorded value is "none" and COS has a DELETE for the setting
// (codecs.ts `deletable`). Hotlink protection (referer) has no DELETE, versioning once enabled can
// only be suspended (https://cloud.tencent.com/document/product/436/19889) and a bucket always has an
// ACL: their "none" cannot be restored.
import { codecOf, isNone, isTrackedSetting, sameSetting, type TrackedSetting, type TrackedSettings } from '../../../../shared/settings/codecs';
import type { HistoryEntry } from '../../../../shared/api/history';

/** The changes the history lists: the confirmed ones, newest first (as the server sends them). */
export function confirmedEntries(entries: readonly HistoryEntry[]): HistoryEntry[] {
  return entries.filter((e) => e.state === 'confirmed');
}

/** The `?setting=` filter of the history URL, when it names a tracked setting. */
export function settingFilter(raw: string | null | undefined): TrackedSetting | undefined {
  return raw && isTrackedSetting(raw) ? raw : undefined;
}

/** Which recorded value a rollback restores: the one before the change, or the one it produced. */
export type RestorePoint = 'before' | 'after';

export type RollbackPlan<K extends TrackedSetting = TrackedSetting> =
  | { kind: 'put'; value: NonNullable<TrackedSettings[K]> }
  | { kind: 'delete' }
  /** The setting already has the value to restore. */
  | { kind: 'unchanged' }
  /** The value to restore is "none", and COS cannot remove this setting. */
  | { kind: 'none-not-restorable' }
  /** The entry was never confirmed: what it produced was not recorded. */
  | { kind: 'not-recorded' };

/** The recorded value a rollback to `point` of `entry` restores (null = none). */
export function restoredValue(entry: HistoryEntry, point: RestorePoint): unknown {
  return point === 'before' ? (entry.before ?? null) : (entry.after ?? null);
}

/** What restoring `entry`'s setting to `point` does, given the setting's `current` value at COS. */
export function rollbackPlan(entry: HistoryEntry, point: RestorePoint, current: unknown): RollbackPlan {
  const setting = entry.setting;
  if (point === 'after' && (entry.state !== 'confirmed' || entry.after === undefined)) return { kind: 'not-recorded' };
  const restored = restoredValue(entry, point);
  if (sameSetting(setting, current, restored)) return { kind: 'unchanged' };
  if (isNone(setting, restored)) return codecOf(setting).deletable ? { kind: 'delete' } : { kind: 'none-not-restorable' };
  return { kind: 'put', value: restored as NonNullable<TrackedSettings[typeof setting]> };
}

/** The text of a history entry's kind: a change, a rollback (of entry #n), or an applied document. */
export type EntryKindLabel = { key: 'change' } | { key: 'apply' } | { key: 'rollback'; of: number } | { key: 'rollbackUnknown' };

export function entryKindLabel(entry: HistoryEntry): EntryKindLabel {
  if (entry.kind === 'rollback') return entry.rollbackOf !== undefined ? { key: 'rollback', of: entry.rollbackOf } : { key: 'rollbackUnknown' };
  return { key: entry.kind };
}
