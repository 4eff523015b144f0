// Removing blobs a committed change made garbage, best effort: a blob that cannot be removed now is an
// unreferenced file the start-up sweep (sweep.ts) removes later, never a failed change.
import type { Store } from './types';

export async function dropGarbageBlobs(store: Store, garbage: readonly string[]): Promise<void> {
  await Promise.all(garbage.map((id) => store.blobs.remove(id).catch(() => undefined)));
}
