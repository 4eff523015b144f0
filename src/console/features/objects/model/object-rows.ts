// The rows of the object table: folders (CommonPrefixes) first, then files, named relative to the
// current folder. Keys stay exactly as COS returned them; only display names are derived.
import type { ListObjectsPage } from '../../../cos/cos-client';

export type FolderRow = { kind: 'folder'; id: string; prefix: string; name: string };
export type FileRow = {
  kind: 'file';
  id: string;
  key: string;
  name: string;
  size: number;
  lastModified: string;
  storageClass: string;
};
export type ObjectRow = FolderRow | FileRow;

/** `key` without the current folder's prefix ('docs/a.txt' in 'docs/' → 'a.txt'). */
export function relativeName(key: string, prefix: string): string {
  return key.startsWith(prefix) ? key.slice(prefix.length) : key;
}

export function toObjectRows(pages: readonly ListObjectsPage[], prefix: string): ObjectRow[] {
  const folders: FolderRow[] = [];
  const files: FileRow[] = [];
  const seen = new Set<string>();
  for (const page of pages) {
    for (const p of page.prefixes) {
      if (seen.has(p)) continue;
      seen.add(p);
      folders.push({ kind: 'folder', id: `d:${p}`, prefix: p, name: relativeName(p, prefix) });
    }
    for (const o of page.objects) {
      // A zero-byte object named like the folder itself is the folder's marker, not a file in it.
      if (o.key === prefix) continue;
      files.push({ kind: 'file', id: `f:${o.key}`, key: o.key, name: relativeName(o.key, prefix), size: o.size, lastModified: o.lastModified, storageClass: o.storageClass });
    }
  }
  return [...folders, ...files];
}
