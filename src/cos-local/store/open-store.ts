// Opens the store: SQLite metadata + file blobs under a data dir, or everything in memory.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FsBlobStore } from './fs-blobs';
import { MemoryBlobStore } from './memory-blobs';
import { SqliteMetaStore } from './sqlite-meta';
import type { Store } from './types';

export type StoreLocation = { memory: true } | { dataDir: string };

export async function openStore(location: StoreLocation): Promise<Store> {
  if ('memory' in location) {
    return assemble(new SqliteMetaStore(':memory:'), new MemoryBlobStore());
  }
  await mkdir(location.dataDir, { recursive: true });
  const blobs = await FsBlobStore.create(join(location.dataDir, 'blobs'));
  return assemble(new SqliteMetaStore(join(location.dataDir, 'meta.sqlite')), blobs);
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
