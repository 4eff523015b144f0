// The upload store against a task client that does what the real one promises (task-client.ts): an
// upload settles when told to, and a cancelled one never settles. COS itself is exercised by the e2e
// (e2e/object-actions.spec.ts); this covers the queue: concurrency, cancel, retry, leaving the page.
import { describe, expect, it } from 'vitest';
import type { CosTaskClient, UploadInput } from '../../../cos/cos-client';
import { CosClientError } from '../../../cos/cos-error';
import { createUploadStore, type UploadRequest } from './upload-store';

interface Pending {
  input: UploadInput;
  resolve: () => void;
  reject: (e: unknown) => void;
  cancelled: boolean;
}

function fakeClient() {
  const started: Pending[] = [];
  const client: CosTaskClient = {
    task: { kind: 'upload', bucket: 'b-1250000000', region: 'ap-guangzhou', prefix: 'p/' },
    upload(input) {
      let entry!: Pending;
      const done = new Promise<void>((resolve, reject) => {
        entry = { input, resolve, reject, cancelled: false };
      });
      started.push(entry);
      return { done, cancel: () => void (entry.cancelled = true) };
    },
    deleteBatch: () => Promise.reject(new Error('not used')),
  };
  return { client, started };
}

function fakeWindow() {
  const listeners = new Set<unknown>();
  return {
    listeners,
    addEventListener: (type: string, l: unknown) => type === 'beforeunload' && listeners.add(l),
    removeEventListener: (type: string, l: unknown) => type === 'beforeunload' && listeners.delete(l),
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function requests(client: CosTaskClient, names: string[], done: string[] = []): UploadRequest[] {
  return names.map((name) => ({
    bucket: 'b-1250000000', region: 'ap-guangzhou', prefix: 'p/', key: `p/${name}`, name,
    body: new Blob([name]), client, onDone: () => done.push(name),
  }));
}

describe('upload store', () => {
  it('runs at most `concurrency` uploads and starts the next when one ends', async () => {
    const { client, started } = fakeClient();
    const done: string[] = [];
    const store = createUploadStore({ concurrency: 2, window: fakeWindow() as unknown as Window });
    store.enqueue(requests(client, ['a', 'b', 'c'], done));
    expect(started.map((s) => s.input.key)).toEqual(['p/a', 'p/b']);
    expect(store.getSnapshot().map((i) => i.status)).toEqual(['uploading', 'uploading', 'waiting']);
    started[0]?.resolve();
    await flush();
    expect(done).toEqual(['a']);
    expect(started.map((s) => s.input.key)).toEqual(['p/a', 'p/b', 'p/c']);
    expect(store.getSnapshot().map((i) => i.status)).toEqual(['done', 'uploading', 'uploading']);
  });

  it('records progress and the COS error of a failed upload; retry uploads it again', async () => {
    const { client, started } = fakeClient();
    const store = createUploadStore({ window: fakeWindow() as unknown as Window });
    store.enqueue(requests(client, ['a']));
    started[0]?.input.onProgress({ loaded: 1, total: 1, speed: 5 });
    expect(store.getSnapshot()[0]).toMatchObject({ loaded: 1, speed: 5 });
    started[0]?.reject(new CosClientError('cos', 'AccessDenied', 'Access Denied.', 403));
    await flush();
    expect(store.getSnapshot()[0]).toMatchObject({ status: 'failed', error: { code: 'AccessDenied', message: 'Access Denied.' } });
    store.retry(store.getSnapshot()[0]?.id ?? '');
    expect(started).toHaveLength(2);
    expect(store.getSnapshot()[0]?.status).toBe('uploading');
  });

  it('cancels through the client and frees the slot', () => {
    const { client, started } = fakeClient();
    const store = createUploadStore({ concurrency: 1, window: fakeWindow() as unknown as Window });
    store.enqueue(requests(client, ['a', 'b']));
    store.cancel(store.getSnapshot()[0]?.id ?? '');
    expect(started[0]?.cancelled).toBe(true);
    expect(store.getSnapshot().map((i) => i.status)).toEqual(['cancelled', 'uploading']);
  });

  it('guards leaving the page only while uploads are active', async () => {
    const { client, started } = fakeClient();
    const win = fakeWindow();
    const store = createUploadStore({ window: win as unknown as Window });
    expect(win.listeners.size).toBe(0);
    store.enqueue(requests(client, ['a']));
    expect(win.listeners.size).toBe(1);
    const [listener] = [...win.listeners] as ((e: { preventDefault: () => void; returnValue: unknown }) => void)[];
    let prevented = false;
    listener?.({ preventDefault: () => void (prevented = true), returnValue: undefined });
    expect(prevented).toBe(true);
    started[0]?.resolve();
    await flush();
    expect(win.listeners.size).toBe(0);
  });
});
