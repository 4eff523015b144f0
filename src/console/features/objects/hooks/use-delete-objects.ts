import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { CosClient, DeleteFailure } from '../../../cos/cos-client';
import { useCosClient } from '../../../cos/cos-client-context';
import { CosClientError } from '../../../cos/cos-error';
import { objectQueries, OBJECT_PAGE_SIZE, type BucketRef } from '../../../cos/object-queries';
import { DELETE_BATCH_SIZE } from '../../../cos/task-client';
import { batches, commonPrefix, uniqueKeys, type DeleteSelection } from '../model/delete-plan';

export type DeletePhase =
  | { phase: 'idle' }
  /** Listing the selected folders recursively. */
  | { phase: 'counting'; selection: DeleteSelection }
  | { phase: 'confirm'; selection: DeleteSelection; keys: string[] }
  | { phase: 'deleting'; keys: string[]; done: number }
  | { phase: 'result'; deleted: number; failed: DeleteFailure[] }
  | { phase: 'error'; error: Error };

/** Every key under a prefix (no delimiter), page by page. */
async function keysUnder(cos: CosClient, bucket: BucketRef, prefix: string, alive: () => boolean): Promise<string[]> {
  const keys: string[] = [];
  let marker: string | undefined;
  do {
    const page = await cos.listObjects({ bucket: bucket.name, region: bucket.region, prefix, marker, maxKeys: OBJECT_PAGE_SIZE });
    keys.push(...page.objects.map((o) => o.key));
    marker = page.isTruncated ? page.nextMarker : undefined;
  } while (marker !== undefined && alive());
  return keys;
}

const failureOf = (key: string, error: unknown): DeleteFailure =>
  error instanceof CosClientError
    ? { key, code: error.code, message: error.message }
    : { key, code: 'Error', message: error instanceof Error ? error.message : String(error) };

/**
 * Deleting a selection: folders are listed first so the confirmation can say how many objects go;
 * then DELETE Multiple Objects in batches of 1000 with temporary keys for DeleteObject under the keys'
 * common prefix (request-scope.ts BATCH_DELETE_NOTE: /api/sign refuses batch deletes to accounts with grants).
 */
export function useDeleteObjects(bucket: BucketRef, onDeleted: () => void) {
  const cos = useCosClient();
  const queryClient = useQueryClient();
  const [state, setState] = useState<DeletePhase>({ phase: 'idle' });
  // Bumped by close(): a listing still running for a closed dialog must not reopen it.
  const run = useRef(0);

  async function start(selection: DeleteSelection): Promise<void> {
    const id = ++run.current;
    const alive = () => run.current === id;
    setState({ phase: 'counting', selection });
    try {
      const folderKeys: string[][] = [];
      for (const folder of selection.folders) folderKeys.push(await keysUnder(cos, bucket, folder, alive));
      if (!alive()) return;
      setState({ phase: 'confirm', selection, keys: uniqueKeys([selection.keys, ...folderKeys]) });
    } catch (error) {
      if (alive()) setState({ phase: 'error', error: error instanceof Error ? error : new Error(String(error)) });
    }
  }

  async function confirm(): Promise<void> {
    if (state.phase !== 'confirm') return;
    const { keys } = state;
    const id = ++run.current;
    setState({ phase: 'deleting', keys, done: 0 });
    const client = cos.forTask({ kind: 'delete', bucket: bucket.name, region: bucket.region, prefix: commonPrefix(keys) });
    let deleted = 0;
    const failed: DeleteFailure[] = [];
    for (const batch of batches(keys, DELETE_BATCH_SIZE)) {
      try {
        const result = await client.deleteBatch(batch);
        deleted += result.deleted.length;
        failed.push(...result.failed);
      } catch (error) {
        // The whole request failed (refused keys, network): every key of the batch is still there.
        failed.push(...batch.map((key) => failureOf(key, error)));
      }
      if (run.current === id) setState({ phase: 'deleting', keys, done: deleted + failed.length });
    }
    // Folders may have gone too, so every listing of the bucket (and nothing else) is stale.
    void queryClient.invalidateQueries({ queryKey: objectQueries.lists(bucket) });
    onDeleted();
    if (run.current === id) setState({ phase: 'result', deleted, failed });
  }

  function close(): void {
    if (state.phase === 'deleting') return; // the batches run to the end; the result follows
    run.current++;
    setState({ phase: 'idle' });
  }

  return { state, start, confirm, close };
}
