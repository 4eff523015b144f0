// The settings history on the console server (src/shared/api/history.ts): a change is opened before
// the browser writes to COS (the server reads "before"), and confirmed after (it reads "after").
import { ConfirmChange, ListHistory, OpenChange, type HistoryEntry, type HistoryKind } from '../../shared/api';
import type { TrackedSetting } from '../../shared/settings/names';
import { callApi } from './http';

export type { HistoryEntry, HistoryKind };

export interface OpenChangeInput {
  bucket: string;
  region: string;
  setting: TrackedSetting;
  kind: HistoryKind;
  rollbackOf?: number;
}

export async function openChange(input: OpenChangeInput, csrfToken: string): Promise<HistoryEntry> {
  const { bucket, ...body } = input;
  return callApi(OpenChange, { params: { bucket }, body, csrfToken });
}

export async function confirmChange(bucket: string, id: number, csrfToken: string): Promise<HistoryEntry> {
  return callApi(ConfirmChange, { params: { bucket, id }, body: {}, csrfToken });
}

/** Newest first; one setting's, or every setting's of the bucket. */
export async function listHistory(bucket: string, region: string, setting?: TrackedSetting): Promise<HistoryEntry[]> {
  return (await callApi(ListHistory, { params: { bucket }, query: { region, ...(setting ? { setting } : {}) } })).entries;
}
