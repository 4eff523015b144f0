import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCosClient } from '../../../cos/cos-client-context';
import { objectQueries, type BucketRef } from '../../../cos/object-queries';
import { overwrites } from '../model/upload-state';
import { uploadStore } from './upload-store';

export interface FolderUpload {
  /** Files picked or dropped: queued at once, or held for confirmation when some would overwrite. */
  add: (files: readonly File[]) => void;
  /** Names that would replace listed objects; the held files wait for confirm or dismiss. */
  pendingOverwrites: string[];
  confirmOverwrite: () => void;
  dismissOverwrite: () => void;
}

/** Uploads into one folder of one bucket, with temporary keys for that folder (task-client.ts). */
export function useFolderUpload(bucket: BucketRef, prefix: string, existingNames: ReadonlySet<string>): FolderUpload {
  const cos = useCosClient();
  const queryClient = useQueryClient();
  const [held, setHeld] = useState<{ files: File[]; names: string[] } | null>(null);

  const enqueue = (files: readonly File[]): void => {
    if (files.length === 0) return;
    const client = cos.forTask({ kind: 'upload', bucket: bucket.name, region: bucket.region, prefix });
    // Narrow invalidation: only this folder's listing shows the new object (object-queries.ts).
    const onDone = (): void => void queryClient.invalidateQueries({ queryKey: objectQueries.listKey(bucket, prefix) });
    uploadStore.enqueue(
      files.map((file) => ({ bucket: bucket.name, region: bucket.region, prefix, key: prefix + file.name, name: file.name, body: file, client, onDone })),
    );
  };

  return {
    add(files) {
      const names = overwrites(files.map((f) => f.name), existingNames);
      if (names.length > 0) setHeld({ files: [...files], names });
      else enqueue(files);
    },
    pendingOverwrites: held?.names ?? [],
    confirmOverwrite() {
      if (held) enqueue(held.files);
      setHeld(null);
    },
    dismissOverwrite() {
      setHeld(null);
    },
  };
}
