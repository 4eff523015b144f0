// Blobs in memory, for --memory and tests. Same contract as the file store.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { BlobStore, ByteRange } from './types';

export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, Buffer>();

  async write(source: AsyncIterable<Uint8Array>): Promise<{ id: string; size: number }> {
    const chunks: Buffer[] = [];
    for await (const chunk of source) chunks.push(Buffer.from(chunk));
    const id = randomBytes(16).toString('hex');
    const data = Buffer.concat(chunks);
    this.blobs.set(id, data);
    return { id, size: data.length };
  }

  async open(id: string, range?: ByteRange): Promise<Readable | undefined> {
    const data = this.blobs.get(id);
    if (!data) return undefined;
    const slice = range ? data.subarray(range.start, range.end + 1) : data;
    return Readable.from(slice.length > 0 ? [slice] : []);
  }

  async remove(id: string): Promise<void> {
    this.blobs.delete(id);
  }

  /** For tests: ids of the stored blobs. */
  async list(): Promise<string[]> {
    return [...this.blobs.keys()].sort();
  }

  async close(): Promise<void> {
    this.blobs.clear();
  }
}
