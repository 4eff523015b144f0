import { useMutation, useQuery } from '@tanstack/react-query';
import type { HistoryEntry, HistoryKind } from '../../../api/history-api';
import type { BucketTarget } from '../../../cos/cos-client';
import { useCosClient } from '../../../cos/cos-client-context';
import { settingQueries } from '../../../cos/setting-queries';
import { useCurrentSession } from '../../../session/use-current-session';
import { settingAccess, type SettingAccess } from '../../../../shared/access/setting-access';
import { sameSetting, type TrackedSetting, type TrackedSettings } from '../../../../shared/settings/codecs';
import { useRecordedWrite } from './use-recorded-write';

export interface SaveInput<K extends TrackedSetting> {
  /** The whole new value (COS replaces a setting), or null to delete it. */
  value: TrackedSettings[K];
  kind?: HistoryKind;
  /** For a rollback: the history entry whose "before" is restored. */
  rollbackOf?: number;
}

/**
 * One setting of one bucket: its value from COS, what this session may do with it, whether it was
 * changed outside the console (it differs from the last "after" the history recorded), and `save`,
 * which records the change in the history around the write:
 *   1. POST …/history: the server reads the value before, with the session's own authority;
 *   2. the browser PUTs (or DELETEs) the setting at COS, signed per request by /api/sign;
 *   3. POST …/history/:id/confirm: the server reads it back and records it as "after".
 * If 2 fails, the opened entry stays pending and the history does not show it as a change. The write is
 * use-recorded-write.ts's, which rollbacks and settings documents use too.
 */
export function useSetting<K extends TrackedSetting>(target: BucketTarget, name: K) {
  const { access, value } = useSettingValue(target, name);
  const history = useQuery({ ...settingQueries.history(target, name), enabled: access.kind !== 'none' });

  const lastRecorded: HistoryEntry | undefined = history.data?.find((e) => e.state === 'confirmed');
  const changedOutside =
    value.isSuccess && lastRecorded !== undefined && !sameSetting(name, value.data, lastRecorded.after ?? null);

  const write = useRecordedWrite();
  const save = useMutation({
    mutationFn: ({ value: next, kind = 'change', rollbackOf }: SaveInput<K>): Promise<HistoryEntry> =>
      write({ target, setting: name, value: next, kind, ...(rollbackOf ? { rollbackOf } : {}) }),
  });

  return { access, value, history, lastRecorded, changedOutside, save };
}

/**
 * Only what a setting is and what the session may do with it, for the places that show a setting
 * without editing it (the overview, another section's warning): no history is read.
 */
export function useSettingValue<K extends TrackedSetting>(target: BucketTarget, name: K) {
  const cos = useCosClient();
  const session = useCurrentSession();
  const access: SettingAccess = settingAccess(session?.user.grants, target.bucket, name);
  const value = useQuery({ ...settingQueries.value(cos, target, name), enabled: access.kind !== 'none' });
  return { access, value };
}

export type SettingState<K extends TrackedSetting> = ReturnType<typeof useSetting<K>>;
