// Blobs as files under <data>/blobs/<aa>/<id>, named by a random id (never by the object key, so
// no key can address a path). A write goes to blobs/tmp, is fsynced, then renamed into place and
// the shard directory fsynced; the caller commits the metadata row only after that, and removes
// replaced blobs after the commit. A crash leaves at worst files no row refers to: blobs/tmp is
// dropped at create(), and the start-up sweep (sweep.ts) removes unreferenced files via scan().
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobStore, ByteRange } from './types';

const ID = /^[0-9a-f]{32}$/;

/** A blob id as this store makes them (32 lower-case hex digits). */
export const isBlobId = (id: string): boolean => ID.test(id);

/**
 * Makes the entries of a directory (a rename or create into it) durable. fsyncing a file persists
 * its bytes, not its name: after a power loss the rename into blobs/<aa>/ could be undone while the
 * metadata row that points at it survived (the row would point at a file left in blobs/tmp, which
 * create() drops). A process crash (kill -9) never needs it (the page cache survives); power loss
 * does. Windows cannot open a directory for fsync; NTFS journals renames, so it is skipped there.
 */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** What a scan of the blob directory found. */
export interface BlobScan {
  /** Ids of the files at blobs/<aa>/<id> with <aa> the id's first two digits. */
  ids: string[];
  /** Paths (relative to the blob root, '/'-separated) of anything else, except blobs/tmp. */
  strays: string[];
}

export class FsBlobStore implements BlobStore {
  private readonly tmp: string;
  /** Shard directories known to exist durably (a failed creation is forgotten, to be retried). */
  private readonly shards = new Map<string, Promise<void>>();

  private constructor(private readonly root: string) {
    this.tmp = join(root, 'tmp');
  }

  /**
   * Creates the directories and drops temp files left by an interrupted write (never renamed, so no
   * row can refer to them). Only one process may use a blob directory: this would drop the temp
   * files of another one's uploads in flight.
   */
  static async create(root: string): Promise<FsBlobStore> {
    const store = new FsBlobStore(root);
    await rm(store.tmp, { recursive: true, force: true });
    await mkdir(store.tmp, { recursive: true });
    return store;
  }

  private path(id: string): string {
    if (!ID.test(id)) throw new Error(`invalid blob id ${id}`);
    return join(this.root, id.slice(0, 2), id);
  }

  async write(source: AsyncIterable<Uint8Array>): Promise<{ id: string; size: number }> {
    const id = randomBytes(16).toString('hex');
    const temp = join(this.tmp, id);
    let size = 0;
    try {
      await pipeline(
        Readable.from(source),
        async function* (chunks: AsyncIterable<Uint8Array>) {
          for await (const chunk of chunks) {
            size += chunk.length;
            yield chunk;
          }
        },
        createWriteStream(temp, { flags: 'wx' }),
      );
      const fh = await open(temp, 'r+');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
      const shard = join(this.root, id.slice(0, 2));
      await this.shardReady(shard);
      await rename(temp, this.path(id));
      await syncDir(shard);
      return { id, size };
    } catch (e) {
      // If the rename happened and only the directory fsync failed, the renamed file is left for
      // the start-up sweep: no row refers to it, since the caller never got the id.
      await rm(temp, { force: true });
      throw e;
    }
  }

  /** Creates a shard directory once; a new one's own entry in blobs/ is made durable as well. */
  private shardReady(shard: string): Promise<void> {
    let ready = this.shards.get(shard);
    if (!ready) {
      ready = mkdir(shard, { recursive: true }).then((created) => (created === undefined ? undefined : syncDir(this.root)));
      ready.catch(() => this.shards.delete(shard));
      this.shards.set(shard, ready);
    }
    return ready;
  }

  async open(id: string, range?: ByteRange): Promise<Readable | undefined> {
    // Open first, so an overwrite racing with this read cannot unlink the file between the
    // metadata lookup and the first byte (an open descriptor survives unlink).
    let fh: FileHandle;
    try {
      fh = await open(this.path(id), 'r');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    return createReadStream('', { fd: fh, start: range?.start, end: range?.end, autoClose: true });
  }

  async remove(id: string): Promise<void> {
    await rm(this.path(id), { force: true });
  }

  /** For tests: ids of the stored blobs. */
  async list(): Promise<string[]> {
    return (await this.scan()).ids;
  }

  /** Every blob file, and whatever else lies in the blob directory (blobs/tmp aside). Sorted. */
  async scan(): Promise<BlobScan> {
    const ids: string[] = [];
    const strays: string[] = [];
    for (const shard of await readdir(this.root, { withFileTypes: true })) {
      if (shard.name === 'tmp' && shard.isDirectory()) continue;
      if (!shard.isDirectory() || !/^[0-9a-f]{2}$/.test(shard.name)) {
        strays.push(shard.name);
        continue;
      }
      for (const f of await readdir(join(this.root, shard.name), { withFileTypes: true })) {
        if (f.isFile() && ID.test(f.name) && f.name.startsWith(shard.name)) ids.push(f.name);
        else strays.push(`${shard.name}/${f.name}`);
      }
    }
    return { ids: ids.sort(), strays: strays.sort() };
  }

  async close(): Promise<void> {
    // Nothing is held open between calls.
  }
}
