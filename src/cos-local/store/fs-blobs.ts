// Blobs as files under <data>/blobs/<aa>/<id>, named by a random id (never by the object key, so
// no key can address a path). A write goes to blobs/tmp, is fsynced, then renamed into place; the
// caller commits the metadata row only after that, and removes replaced blobs after the commit.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobStore, ByteRange } from './types';

const ID = /^[0-9a-f]{32}$/;

export class FsBlobStore implements BlobStore {
  private readonly tmp: string;
  private readonly shards = new Set<string>();

  private constructor(private readonly root: string) {
    this.tmp = join(root, 'tmp');
  }

  /** Creates the directories and drops temp files left by an interrupted write. */
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
      if (!this.shards.has(shard)) {
        await mkdir(shard, { recursive: true });
        this.shards.add(shard);
      }
      await rename(temp, this.path(id));
      return { id, size };
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
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
    const out: string[] = [];
    for (const dir of await readdir(this.root)) {
      if (dir === 'tmp') continue;
      for (const f of await readdir(join(this.root, dir))) out.push(f);
    }
    return out.sort();
  }

  async close(): Promise<void> {
    // Nothing is held open between calls.
  }
}
