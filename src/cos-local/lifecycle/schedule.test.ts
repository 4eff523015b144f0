// The lifecycle runner is scheduled by cos-local itself (createCosLocal / startCosLocal): an expired
// object goes without anyone calling the runner, and closing stops the schedule.
import { describe, expect, it } from 'vitest';
import { parseLifecycleXml } from '../../shared/xml/lifecycle';
import { defaultAccounts } from '../accounts';
import { createCosLocal } from '../app';
import { LIFECYCLE_CONFIG } from '../ops/lifecycle';
import { openStore } from '../store/open-store';
import { DAY_MS } from '../../shared/lifecycle/evaluate';

async function waitFor(what: string, probe: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('lifecycle schedule', () => {
  it('applies rules periodically until closed', async () => {
    const store = await openStore({ memory: true });
    const B = 'sched-1250000000';
    store.meta.createBucket({ name: B, region: 'ap-guangzhou', appId: '1250000000', createdAt: 0 });
    const parsed = parseLifecycleXml('<LifecycleConfiguration><Rule><Filter/><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule></LifecycleConfiguration>');
    if (!parsed.ok) throw new Error(parsed.reason);
    store.meta.putConfig(B, LIFECYCLE_CONFIG, JSON.stringify(parsed.value));
    const put = (key: string, lastModified: number) => store.meta.putObject({
      bucket: B, key, size: 0, etag: '"e"', crc64: '0', lastModified, storageClass: 'STANDARD', headers: {}, meta: {}, blobId: '', versionId: 'null',
    }, 'unversioned');
    put('old', Date.now() - 3 * DAY_MS);
    put('new', Date.now());
    const app = createCosLocal({ store, accounts: defaultAccounts('AKIDx', 'secret'), lifecycleIntervalMs: 20, log: () => undefined });
    await waitFor('the scheduled run', () => store.meta.getObject(B, 'old') === undefined);
    expect(store.meta.getObject(B, 'new')).toBeDefined();
    await app.close();
  });
});
