import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError } from '../../../api/http';
import { confirmChange, openChange, type HistoryEntry, type HistoryKind } from '../../../api/history-api';
import type { BucketTarget } from '../../../cos/cos-client';
import { useCosClient } from '../../../cos/cos-client-context';
import { CosClientError } from '../../../cos/cos-error';
import { settingQueries } from '../../../cos/setting-queries';
import { useCurrentSession } from '../../../session/use-current-session';
import type { TrackedSetting, TrackedSettings } from '../../../../shared/settings/codecs';

export interface RecordedWrite<K extends TrackedSetting = TrackedSetting> {
  target: BucketTarget;
  setting: K;
  /** The whole new value, or null to DELETE the setting. */
  value: TrackedSettings[K];
  kind: HistoryKind;
  rollbackOf?: number;
}

/**
 * A write of any setting of any bucket, recorded in the settings history the way useSetting's save
 * records one (open → PUT or DELETE at COS from the browser → confirm), for the sections that change
 * settings other than their own: a rollback from the history, a settings document applied to buckets.
 */
export function useRecordedWrite(): <K extends TrackedSetting>(write: RecordedWrite<K>) => Promise<HistoryEntry> {
  const cos = useCosClient();
  const session = useCurrentSession();
  const queryClient = useQueryClient();
  const csrf = session?.csrfToken ?? '';
  return useCallback(
    async <K extends TrackedSetting>({ target, setting, value, kind, rollbackOf }: RecordedWrite<K>): Promise<HistoryEntry> => {
      try {
        const entry = await openChange({ bucket: target.bucket, region: target.region, setting, kind, ...(rollbackOf ? { rollbackOf } : {}) }, csrf);
        if (value === null) await cos.deleteSetting(target, setting);
        else await cos.putSetting(target, setting, value as NonNullable<TrackedSettings[K]>);
        return await confirmChange(target.bucket, entry.id, csrf);
      } finally {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: settingQueries.valueKey(target, setting) }),
          queryClient.invalidateQueries({ queryKey: settingQueries.historyAll(target) }),
        ]);
      }
    },
    [cos, csrf, queryClient],
  );
}

/** The code and message of a failed write, for a per-setting result (COS's code, or the console server's). */
export function describeWriteError(error: unknown): { code: string; message: string } {
  if (error instanceof CosClientError || error instanceof ApiError) return { code: error.code, message: error.message };
  return { code: 'Error', message: error instanceof Error ? error.message : String(error) };
}
