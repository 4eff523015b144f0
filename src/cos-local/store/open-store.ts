// Opens the store: SQLite metadata + file blobs under a data dir, or everything in memory. A data
// dir is swept (sweep.ts) before the store is handed out, so before the server accepts requests.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FsBlobStore } from './fs-blobs';
import { MemoryBlobStore } from './memory-blobs';
import { SqliteMetaStore } from './sqlite-meta';
import { describeSweep, sweepBlobs } from './sweep';
import type { Store } from './types';

export type StoreLocation = { memory: true } | { dataDir: string };

export interface OpenStoreOptions {
  /** Where the sweep reports what it found (only when it found something). Default: stderr. */
  log?: (line: string) => void;
}

export async function openStore(location: StoreLocation, options: OpenStoreOptions = {}): Promise<Store> {
  if ('memory' in location) {
    return assemble(new SqliteMetaStore(':memory:'), new MemoryBlobStore());
  }
  await mkdir(location.dataDir, { recursive: true });
  // Metadata first: should the database refuse a second process, it does so before the blob store
  // drops blobs/tmp and the sweep removes files that the first process's uploads in flight own.
  const meta = new SqliteMetaStore(join(location.dataDir, 'meta.sqlite'));
  try {
    const blobs = await FsBlobStore.create(join(location.dataDir, 'blobs'));
    const line = describeSweep(await sweepBlobs(meta, blobs));
    if (line !== undefined) (options.log ?? ((l: string) => console.error(l)))(line);
    return assemble(meta, blobs);
  } catch (e) {
    meta.close();
    throw e;
  }
}

function assemble(meta: SqliteMetaStore, blobs: FsBlobStore | MemoryBlobStore): Store {
  return {
    meta,
    blobs,
    async close() {
      meta.close();
      await blobs.close();
    },
  };
}
