// The upload queue as data: every file's state and progress, and which waiting files may start.
// Pure (a reducer and selectors); hooks/upload-store.ts runs it against the SDK.

export type UploadStatus = 'waiting' | 'uploading' | 'done' | 'failed' | 'cancelled';

export interface UploadItem {
  id: string;
  bucket: string;
  region: string;
  /** The folder it goes into (the listing to refresh when it is done). */
  prefix: string;
  key: string;
  /** The file's own name, for display. */
  name: string;
  size: number;
  status: UploadStatus;
  loaded: number;
  /** Bytes per second while uploading. */
  speed: number;
  error?: { code: string; message: string };
}

export type UploadAction =
  | { type: 'add'; items: Omit<UploadItem, 'status' | 'loaded' | 'speed'>[] }
  | { type: 'start'; id: string }
  | { type: 'progress'; id: string; loaded: number; speed: number }
  | { type: 'done'; id: string }
  | { type: 'failed'; id: string; code: string; message: string }
  | { type: 'cancel'; id: string }
  | { type: 'retry'; id: string }
  | { type: 'clearFinished' };

export const UPLOAD_CONCURRENCY = 3;

const ACTIVE: ReadonlySet<UploadStatus> = new Set(['waiting', 'uploading']);

export const isActive = (item: UploadItem): boolean => ACTIVE.has(item.status);

function update(items: readonly UploadItem[], id: string, change: (item: UploadItem) => UploadItem | undefined): UploadItem[] {
  return items.map((item) => (item.id === id ? (change(item) ?? item) : item));
}

export function uploadReducer(items: readonly UploadItem[], action: UploadAction): UploadItem[] {
  switch (action.type) {
    case 'add':
      return [...items, ...action.items.map((i): UploadItem => ({ ...i, status: 'waiting', loaded: 0, speed: 0 }))];
    case 'start':
      return update(items, action.id, (i) => (i.status === 'waiting' ? { ...i, status: 'uploading', loaded: 0, speed: 0 } : undefined));
    case 'progress':
      // Late progress of a cancelled or finished upload must not bring it back.
      return update(items, action.id, (i) => (i.status === 'uploading' ? { ...i, loaded: Math.min(action.loaded, i.size), speed: action.speed } : undefined));
    case 'done':
      return update(items, action.id, (i) => (i.status === 'uploading' ? { ...i, status: 'done', loaded: i.size, speed: 0 } : undefined));
    case 'failed':
      return update(items, action.id, (i) =>
        i.status === 'uploading' ? { ...i, status: 'failed', speed: 0, error: { code: action.code, message: action.message } } : undefined,
      );
    case 'cancel':
      return update(items, action.id, (i) => (isActive(i) ? { ...i, status: 'cancelled', speed: 0 } : undefined));
    case 'retry':
      return update(items, action.id, (i) => {
        if (i.status !== 'failed' && i.status !== 'cancelled') return undefined;
        const { error: _error, ...rest } = i;
        return { ...rest, status: 'waiting', loaded: 0, speed: 0 };
      });
    case 'clearFinished':
      return items.filter(isActive);
  }
}

/** The waiting uploads that may start now, oldest first, keeping at most `limit` running. */
export function startable(items: readonly UploadItem[], limit = UPLOAD_CONCURRENCY): UploadItem[] {
  const running = items.filter((i) => i.status === 'uploading').length;
  return items.filter((i) => i.status === 'waiting').slice(0, Math.max(0, limit - running));
}

/** 0..100, whole numbers; an empty file is done at 100. */
export function percentOf(item: UploadItem): number {
  if (item.status === 'done') return 100;
  if (item.size === 0) return 0;
  return Math.floor((item.loaded / item.size) * 100);
}

export interface UploadSummary {
  total: number;
  active: number;
  done: number;
  failed: number;
}

export function summarize(items: readonly UploadItem[]): UploadSummary {
  return {
    total: items.length,
    active: items.filter(isActive).length,
    done: items.filter((i) => i.status === 'done').length,
    failed: items.filter((i) => i.status === 'failed').length,
  };
}

/** Names of files that would replace an object already listed in the folder. */
export function overwrites(fileNames: readonly string[], existingNames: ReadonlySet<string>): string[] {
  return [...new Set(fileNames.filter((n) => existingNames.has(n)))];
}
