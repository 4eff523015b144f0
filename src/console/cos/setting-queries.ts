import { queryOptions } from '@tanstack/react-query';
import { listHistory } from '../api/history-api';
import type { TrackedSetting } from '../../shared/settings/codecs';
import type { BucketTarget, CosClient } from './cos-client';

// Keys from general to specific: a saved setting invalidates its own value and the bucket's history;
// a settings document applied to a bucket invalidates settingQueries.all(bucket).
export const settingQueries = {
  all: (b: BucketTarget) => ['settings', b.region, b.bucket] as const,
  valueKey: (b: BucketTarget, name: TrackedSetting) => [...settingQueries.all(b), 'value', name] as const,
  value: <K extends TrackedSetting>(cos: CosClient, b: BucketTarget, name: K) =>
    queryOptions({
      queryKey: settingQueries.valueKey(b, name),
      queryFn: () => cos.getSetting(b, name),
      // A refusal (AccessDenied) is an answer to show, not a hiccup to retry.
      retry: false,
    }),
  historyAll: (b: BucketTarget) => [...settingQueries.all(b), 'history'] as const,
  historyKey: (b: BucketTarget, name?: TrackedSetting) => [...settingQueries.historyAll(b), name ?? '*'] as const,
  history: (b: BucketTarget, name?: TrackedSetting) =>
    queryOptions({
      queryKey: settingQueries.historyKey(b, name),
      queryFn: () => listHistory(b.bucket, b.region, name),
      retry: false,
    }),
};
