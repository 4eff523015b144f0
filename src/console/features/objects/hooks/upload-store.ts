// The running uploads of this tab. Outside React on purpose: the object browser remounts for every
// folder, and uploads (and their panel) must carry on while the user browses elsewhere.
import { useSyncExternalStore } from 'react';
import type { CosTaskClient, RunningUpload } from '../../../cos/cos-client';
import { CosClientError } from '../../../cos/cos-error';
import { isActive, startable, uploadReducer, type UploadAction, type UploadItem } from '../model/upload-state';

export interface UploadRequest {
  bucket: string;
  region: string;
  prefix: string;
  key: string;
  name: string;
  body: Blob;
  client: CosTaskClient;
  /** Called when COS has the object (refresh the folder's listing). */
  onDone: () => void;
}

interface Job {
  body: Blob;
  client: CosTaskClient;
  onDone: () => void;
  running?: RunningUpload;
}

export interface UploadStore {
  getSnapshot(): readonly UploadItem[];
  subscribe(listener: () => void): () => void;
  enqueue(requests: readonly UploadRequest[]): void;
  cancel(id: string): void;
  retry(id: string): void;
  clearFinished(): void;
}

function errorFields(error: unknown): { code: string; message: string } {
  if (error instanceof CosClientError) return { code: error.code, message: error.message };
  return { code: 'Error', message: error instanceof Error ? error.message : String(error) };
}

export function createUploadStore(options: { concurrency?: number; window?: Pick<Window, 'addEventListener' | 'removeEventListener'> } = {}): UploadStore {
  let items: readonly UploadItem[] = [];
  const jobs = new Map<string, Job>();
  const listeners = new Set<() => void>();
  let nextId = 0;
  let guarding = false;

  // Leaving the page (reload, closing the tab, another site) would drop running uploads: ask first.
  const onBeforeUnload = (event: BeforeUnloadEvent): void => {
    event.preventDefault();
    event.returnValue = '';
  };
  function guardUnload(): void {
    const target = options.window ?? (typeof window === 'undefined' ? undefined : window);
    const active = items.some(isActive);
    if (!target || active === guarding) return;
    guarding = active;
    if (active) target.addEventListener('beforeunload', onBeforeUnload);
    else target.removeEventListener('beforeunload', onBeforeUnload);
  }

  function apply(action: UploadAction): void {
    items = uploadReducer(items, action);
    for (const listener of listeners) listener();
  }

  function start(item: UploadItem): void {
    const job = jobs.get(item.id);
    if (!job) return;
    apply({ type: 'start', id: item.id });
    const running = job.client.upload({
      key: item.key,
      body: job.body,
      onProgress: (p) => apply({ type: 'progress', id: item.id, loaded: p.loaded, speed: p.speed }),
    });
    job.running = running;
    running.done.then(
      () => {
        if (job.running !== running) return;
        dispatch({ type: 'done', id: item.id });
        job.onDone();
      },
      (error: unknown) => {
        if (job.running !== running) return;
        dispatch({ type: 'failed', id: item.id, ...errorFields(error) });
      },
    );
  }

  function dispatch(action: UploadAction): void {
    apply(action);
    for (let next = startable(items, options.concurrency); next.length > 0; next = startable(items, options.concurrency)) {
      for (const item of next) start(item);
    }
    guardUnload();
  }

  return {
    getSnapshot: () => items,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    enqueue(requests) {
      const added = requests.map((r) => {
        const id = `u${++nextId}`;
        jobs.set(id, { body: r.body, client: r.client, onDone: r.onDone });
        return { id, bucket: r.bucket, region: r.region, prefix: r.prefix, key: r.key, name: r.name, size: r.body.size };
      });
      dispatch({ type: 'add', items: added });
    },
    cancel(id) {
      const job = jobs.get(id);
      const running = job?.running;
      if (job) job.running = undefined;
      running?.cancel();
      dispatch({ type: 'cancel', id });
    },
    retry(id) {
      dispatch({ type: 'retry', id });
    },
    clearFinished() {
      dispatch({ type: 'clearFinished' });
      const kept = new Set(items.map((i) => i.id));
      for (const id of jobs.keys()) if (!kept.has(id)) jobs.delete(id);
    },
  };
}

/** The tab's one upload store. */
export const uploadStore = createUploadStore();

export function useUploadItems(): readonly UploadItem[] {
  return useSyncExternalStore(uploadStore.subscribe, uploadStore.getSnapshot);
}
