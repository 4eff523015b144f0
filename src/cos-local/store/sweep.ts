// The start-up sweep of a data directory: a crash (kill -9, power loss) between a blob's rename
// into place and its row's commit, or between a commit and the removal of the blobs it replaced,
// leaves files that no row refers to. They can never be served, only waste space: the sweep removes
// them. It runs before the server accepts requests (an upload in flight has a renamed file but no
// row yet, so sweeping under traffic would delete it). A row whose file is missing is reported,
// never deleted: GET answers NoSuchKey for it rather than a truncated body, and the row is evidence.
import { isBlobId, type FsBlobStore } from './fs-blobs';
import type { MetaStore } from './types';

export interface SweepResult {
  /** Blob files removed because no row referred to them. */
  orphansRemoved: number;
  /** Ids rows refer to whose file is missing (kept, to be looked at). */
  missingBlobs: string[];
  /** Entries of the blob directory that are not blob files (left alone). */
  strays: string[];
}

export async function sweepBlobs(meta: Pick<MetaStore, 'referencedBlobIds'>, blobs: FsBlobStore): Promise<SweepResult> {
  // Read the rows first: nothing writes meanwhile, so a file absent from this set is unreferenced.
  const referenced = meta.referencedBlobIds();
  const scan = await blobs.scan();
  let orphansRemoved = 0;
  for (const id of scan.ids) {
    if (referenced.has(id)) continue;
    await blobs.remove(id);
    orphansRemoved++;
  }
  const present = new Set(scan.ids);
  // Ids of another shape (none is written by FsBlobStore) cannot be a file of this store.
  const missingBlobs = [...referenced].filter((id) => isBlobId(id) && !present.has(id)).sort();
  return { orphansRemoved, missingBlobs, strays: scan.strays };
}

/** One line for the log, or undefined when there was nothing to say. */
export function describeSweep(r: SweepResult): string | undefined {
  const parts: string[] = [];
  if (r.orphansRemoved > 0) parts.push(`removed ${r.orphansRemoved} unreferenced blob file(s) left by an interrupted write`);
  if (r.missingBlobs.length > 0) {
    const some = r.missingBlobs.slice(0, 5).join(', ');
    parts.push(`${r.missingBlobs.length} stored object(s) or part(s) have no blob file (GET answers NoSuchKey): ${some}${r.missingBlobs.length > 5 ? ', …' : ''}`);
  }
  if (r.strays.length > 0) parts.push(`left ${r.strays.length} unexpected entr(y/ies) in the blob directory alone: ${r.strays.slice(0, 5).join(', ')}`);
  return parts.length > 0 ? `cos-local start-up sweep: ${parts.join('; ')}` : undefined;
}
