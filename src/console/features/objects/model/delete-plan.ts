// What a delete touches and how it is sent (pure). The selection is files (keys) and folders
// (prefixes, deleted with everything under them: hooks list them first); COS takes at most 1000 keys
// per DELETE Multiple Objects (436/8289), and the temporary keys are narrowed to the keys' common prefix.

export interface DeleteSelection {
  keys: string[];
  folders: string[];
}

/**
 * The longest prefix every key shares: the narrowest resource a DeleteObject key can have. A `*`
 * cannot be in a task prefix (it would widen into a policy wildcard, sts-policy.ts), so the prefix
 * ends before one; a leading `/` is not a key prefix either, so then it is the whole bucket.
 */
export function commonPrefix(keys: readonly string[]): string {
  const [first, ...rest] = keys;
  if (first === undefined) return '';
  let end = first.length;
  for (const key of rest) {
    let i = 0;
    while (i < end && i < key.length && key[i] === first[i]) i++;
    end = i;
  }
  const prefix = first.slice(0, end);
  const star = prefix.indexOf('*');
  const cut = star < 0 ? prefix : prefix.slice(0, star);
  return cut.startsWith('/') ? '' : cut;
}

export function batches<T>(items: readonly T[], size = 1000): T[][] {
  if (size < 1) throw new Error('batch size must be at least 1');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Every key once, in a stable order (a folder listing may repeat a selected file). */
export function uniqueKeys(groups: readonly (readonly string[])[]): string[] {
  return [...new Set(groups.flat())];
}

/** The first few names to show in the confirmation, and how many more there are. */
export function preview(names: readonly string[], max = 5): { shown: string[]; more: number } {
  return { shown: names.slice(0, max), more: Math.max(0, names.length - max) };
}
