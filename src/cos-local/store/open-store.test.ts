import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openStore } from './open-store';

it('refuses a second cos-local on the same data directory before touching its files', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cos-local-lock-'));
  const first = await openStore({ dataDir: dir });
  try {
    const blob = await first.blobs.write((async function* () {
      yield Buffer.from('in flight, not yet committed');
    })());
    await expect(openStore({ dataDir: dir })).rejects.toThrow(/locked/);
    // The first store's uncommitted blob survived the refused second open (no sweep ran).
    expect((await readdir(join(dir, 'blobs', blob.id.slice(0, 2))))).toContain(blob.id);
  } finally {
    await first.close();
  }
  const again = await openStore({ dataDir: dir }); // released on close
  await again.close();
  await rm(dir, { recursive: true, force: true });
});
