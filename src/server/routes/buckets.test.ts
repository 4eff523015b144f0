// GET /api/buckets by kind of session: a restricted console account sees only the buckets its grants name.
import { afterEach, describe, expect, it } from 'vitest';
import type { BucketSummary, CosGateway } from '../cos/cos-gateway';
import { signIn, testApp, type TestApp } from '../test-support';
import { unusedBucketWrites } from '../test-support';

const ALL: BucketSummary[] = ['photos-1250000000', 'documents-1250000000', 'logs-1250000000', 'secret-1250000000']
  .map((name) => ({ name, region: 'ap-guangzhou', creationDate: '2026-01-01T00:00:00Z' }));

const gateway: CosGateway = {
  listBuckets: () => Promise.resolve(ALL.map((b) => ({ ...b }))),
  verifyCredential: () => Promise.resolve({ valid: true, canListBuckets: true }),
  ...unusedBucketWrites,
};

let t: TestApp | undefined;
afterEach(async () => {
  await t?.app.close();
  t = undefined;
});

async function names(app: TestApp['app'], cookie: string): Promise<string[]> {
  const res = await app.inject({ method: 'GET', url: '/api/buckets', headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return (res.json() as { buckets: BucketSummary[] }).buckets.map((b) => b.name);
}

describe('GET /api/buckets', () => {
  it('lists every bucket for an admin', async () => {
    t = await testApp({}, { gateway });
    const { cookie } = await signIn(t.app);
    expect(await names(t.app, cookie)).toEqual(['documents-1250000000', 'logs-1250000000', 'photos-1250000000', 'secret-1250000000']);
  });

  it('lists only the buckets named in a restricted account\'s grants', async () => {
    t = await testApp({}, { gateway });
    await t.users.create('carol', 'user', 'carol-password-123', [
      { bucket: 'photos-1250000000', prefix: 'carol/', permissions: ['list', 'read'] },
      { bucket: 'logs-1250000000', prefix: '', permissions: ['read'] },
      { bucket: 'gone-1250000000', prefix: '', permissions: ['list'] },
    ]);
    const { cookie } = await signIn(t.app, 'carol', 'carol-password-123');
    expect(await names(t.app, cookie)).toEqual(['logs-1250000000', 'photos-1250000000']);
  });

  it('lists nothing for an account without grants', async () => {
    t = await testApp({}, { gateway });
    await t.users.create('dave', 'user', 'dave-password-123');
    const { cookie } = await signIn(t.app, 'dave', 'dave-password-123');
    expect(await names(t.app, cookie)).toEqual([]);
  });
});
