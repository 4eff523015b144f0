// Cross-bucket replication through cos-nodejs-sdk-v5 (PUT/GET/DELETE Bucket replication, 436/19223,
// 436/19222, 436/19221; docs/cos-behaviour.md "Replication"): the configuration round-trips and is validated against the
// buckets; the replicator copies new objects and delete markers within seconds, never loops between two
// buckets replicating to each other, and finishes its queue after a restart.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import COS from 'cos-nodejs-sdk-v5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReplicationProgressXml, type ReplicationRuleProgress } from '../shared/xml/replication';
import { defaultAccounts } from './accounts';
import { startCosLocal } from './app';
import { APPID, KEYS, REGION, SECRET_ID, SECRET_KEY, failure, multiAccounts, startHarness, type Harness } from './sdk-harness';

const OWNER = 'qcs::cam::uin/100000000001:uin/100000000001';
const BOB = 'qcs::cam::uin/100000000001:uin/100000000012'; // a sub-user that may not write objects
const at = (Bucket: string, Region = REGION) => ({ Bucket, Region });
const arn = (Bucket: string, Region: string) => `qcs::cos:${Region}::${Bucket}`;

type ReplicationParams = COS.PutBucketReplicationParams;
const configure = (cos: COS, bucket: { Bucket: string; Region: string }, ReplicationConfiguration: unknown) =>
  cos.putBucketReplication({ ...bucket, ReplicationConfiguration } as ReplicationParams);

async function versioned(cos: COS, bucket: { Bucket: string; Region: string }): Promise<void> {
  await cos.putBucket(bucket);
  await cos.putBucketVersioning({ ...bucket, VersioningConfiguration: { Status: 'Enabled' } });
}

/** Polls `probe` until it gives a value (a condition, not a fixed sleep), failing after `ms`. */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const head = (cos: COS, bucket: { Bucket: string; Region: string }, Key: string) =>
  cos.headObject({ ...bucket, Key }).then((r) => r.headers ?? {}, () => undefined);
const status = async (cos: COS, bucket: { Bucket: string; Region: string }, Key: string) => (await head(cos, bucket, Key))?.['x-cos-replication-status'];

async function progress(cos: COS, bucket: { Bucket: string; Region: string }): Promise<ReplicationRuleProgress[]> {
  const r = await cos.request({ ...bucket, Method: 'GET', Action: 'replication', Query: { progress: '' }, RawBody: true } as COS.RequestParams);
  const parsed = parseReplicationProgressXml(String((r as { Body?: unknown }).Body));
  if (!parsed.ok) throw new Error(`not a progress document: ${parsed.reason}`);
  return parsed.value;
}

describe('replication configuration', () => {
  let h: Harness;
  const src = at(`conf-src-${APPID}`);
  const dst = at(`conf-dst-${APPID}`, 'ap-beijing');
  const rule = (more: Record<string, unknown> = {}) => ({ ID: 'r1', Status: 'Enabled', Prefix: 'sync/', Destination: { Bucket: arn(dst.Bucket, dst.Region) }, ...more });
  beforeAll(async () => {
    h = await startHarness({ accounts: multiAccounts() });
    await versioned(h.cos, src);
    await versioned(h.cos, dst);
  });
  afterAll(() => h.close());

  it('has none at first: a 404 the SDK reports as an error, as the official suite expects of COS', async () => {
    expect(await failure(h.cos.getBucketReplication(src))).toMatchObject({ statusCode: 404, code: 'ReplicationConfigurationNotFoundError' });
  });

  it('returns the configuration exactly as put, and forgets it on DELETE', async () => {
    const config = {
      Role: OWNER,
      Rules: [
        rule({ Destination: { Bucket: arn(dst.Bucket, dst.Region), StorageClass: 'Standard' } }),
        { ID: 'r2', Status: 'Disabled', Prefix: 'logs/', Destination: { Bucket: arn(dst.Bucket, dst.Region) }, DeleteMarkerReplication: { Status: 'Disabled' } },
      ],
    };
    await configure(h.cos, src, config);
    const got = await h.cos.getBucketReplication(src);
    expect(got.ReplicationConfiguration).toEqual(config);
    await h.cos.deleteBucketReplication(src);
    expect(await failure(h.cos.getBucketReplication(src))).toMatchObject({ statusCode: 404, code: 'ReplicationConfigurationNotFoundError' });
  });

  it('refuses to suspend versioning while a rule is enabled (436/19889), and allows it once the rules are off', async () => {
    const suspend = () => h.cos.putBucketVersioning({ ...src, VersioningConfiguration: { Status: 'Suspended' } });
    await configure(h.cos, src, { Role: OWNER, Rules: [rule()] });
    expect(await failure(suspend())).toMatchObject({ statusCode: 400, code: 'InvalidRequest' });
    expect((await h.cos.getBucketVersioning(src)).VersioningConfiguration.Status).toBe('Enabled');
    await configure(h.cos, src, { Role: OWNER, Rules: [rule({ Status: 'Disabled' })] });
    await suspend();
    expect((await h.cos.getBucketVersioning(src)).VersioningConfiguration.Status).toBe('Suspended');
    await h.cos.putBucketVersioning({ ...src, VersioningConfiguration: { Status: 'Enabled' } });
    await h.cos.deleteBucketReplication(src);
  });

  it('accepts the qcs:id/0:cos:<Region>:appid/<APPID>:<BucketName> form, answers it verbatim and replicates with it', async () => {
    const short = dst.Bucket.slice(0, -`-${APPID}`.length);
    const Bucket = `qcs:id/0:cos:${dst.Region}:appid/${APPID}:${short}`;
    const config = { Role: OWNER, Rules: [{ ID: 'sdk-form', Status: 'Enabled', Prefix: 'idform/', Destination: { Bucket } }] };
    await configure(h.cos, src, config);
    try {
      expect((await h.cos.getBucketReplication(src)).ReplicationConfiguration).toEqual(config);
      await h.cos.putObject({ ...src, Key: 'idform/new.txt', Body: 'via the resource form' });
      await h.server.replicationIdle();
      expect(await status(h.cos, dst, 'idform/new.txt')).toBe('REPLICA');
      expect(String((await h.cos.getObject({ ...dst, Key: 'idform/new.txt' })).Body)).toBe('via the resource form');
    } finally {
      await h.cos.deleteBucketReplication(src);
    }
  });

  it('refuses the resource form with the full name (it takes the short name) or a wrong APPID', async () => {
    for (const Bucket of [`qcs:id/0:cos:${dst.Region}:appid/${APPID}:${dst.Bucket}`, `qcs:id/0:cos:${dst.Region}:appid/1250000009:conf-dst`]) {
      expect(await failure(configure(h.cos, src, { Role: OWNER, Rules: [rule({ Destination: { Bucket } })] }))).toMatchObject({ code: 'InvalidRequest' });
    }
    expect(await failure(configure(h.cos, src, { Role: OWNER, Rules: [rule({ Destination: { Bucket: `qcs:id/0:cos:${dst.Region}:appid/x:conf-dst` } })] })))
      .toMatchObject({ code: 'InvalidArgument' });
  });

  it.each([
    ['an unversioned source', 'plain', () => ({ Role: OWNER, Rules: [rule()] }), 'InvalidRequest'],
    ['an unversioned destination', 'src', () => ({ Role: OWNER, Rules: [rule({ Destination: { Bucket: arn(`conf-plain-${APPID}`, REGION) } })] }), 'InvalidRequest'],
    ['a missing destination', 'src', () => ({ Role: OWNER, Rules: [rule({ Destination: { Bucket: arn(`conf-none-${APPID}`, REGION) } })] }), 'InvalidRequest'],
    ['a destination in another region than named', 'src', () => ({ Role: OWNER, Rules: [rule({ Destination: { Bucket: arn(dst.Bucket, 'ap-shanghai') } })] }), 'InvalidRequest'],
    ['the source as destination', 'src', () => ({ Role: OWNER, Rules: [rule({ Destination: { Bucket: arn(src.Bucket, REGION) } })] }), 'InvalidRequest'],
    ['overlapping prefixes', 'src', () => ({ Role: OWNER, Rules: [rule(), rule({ ID: 'r2', Prefix: 'sync/deeper/' })] }), 'InvalidArgument'],
    ['a malformed destination', 'src', () => ({ Role: OWNER, Rules: [rule({ Destination: { Bucket: dst.Bucket } })] }), 'InvalidArgument'],
    ['a role of another account', 'src', () => ({ Role: 'qcs::cam::uin/100000000002:uin/100000000002', Rules: [rule()] }), 'InvalidArgument'],
    ['a role that may not write the destination', 'src', () => ({ Role: BOB, Rules: [rule()] }), 'AccessDenied'],
    ['a bad rule status', 'src', () => ({ Role: OWNER, Rules: [rule({ Status: 'Yes' })] }), 'MalformedXML'],
  ])('refuses %s', async (_name, which, config, code) => {
    const plain = at(`conf-plain-${APPID}`);
    await h.cos.putBucket(plain).catch(() => undefined);
    const target = which === 'plain' ? plain : src;
    expect(await failure(configure(h.cos, target, config()))).toMatchObject({ code });
    expect(await failure(h.cos.getBucketReplication(target))).toMatchObject({ statusCode: 404 });
  });

  it('accepts a sub-user role once the destination\'s bucket policy lets it write', async () => {
    await h.cos.putBucketPolicy({
      ...dst,
      Policy: {
        version: '2.0',
        statement: [{
          principal: { qcs: [BOB] }, effect: 'allow', action: ['name/cos:PutObject'],
          resource: [`qcs::cos:${dst.Region}:uid/${APPID}:${dst.Bucket}/*`],
        }],
      },
    } as COS.PutBucketPolicyParams);
    await configure(h.cos, src, { Role: BOB, Rules: [rule()] });
    expect((await h.cos.getBucketReplication(src)).ReplicationConfiguration.Role).toBe(BOB);
    // The copies are then made as that sub-user.
    await h.cos.putObject({ ...src, Key: 'sync/as-bob', Body: 'b' });
    expect(await waitFor('the copy made as the sub-user', () => status(h.cos, dst, 'sync/as-bob'))).toBe('REPLICA');
  });

  it('refuses a sub-user without GetBucketReplication (AccessDenied)', async () => {
    expect(await failure(h.clientAs(KEYS.bob).getBucketReplication(src))).toMatchObject({ code: 'AccessDenied' });
  });
});

describe('replicator', () => {
  let h: Harness;
  const src = at(`repl-src-${APPID}`);
  const dst = at(`repl-dst-${APPID}`, 'ap-beijing');
  beforeAll(async () => {
    h = await startHarness();
    await versioned(h.cos, src);
    await versioned(h.cos, dst);
    await configure(h.cos, src, {
      Role: OWNER,
      Rules: [
        { ID: 'sync', Status: 'Enabled', Prefix: 'sync/', Destination: { Bucket: arn(dst.Bucket, dst.Region), StorageClass: 'Standard_IA' } },
        { ID: 'keep', Status: 'Enabled', Prefix: 'keep/', Destination: { Bucket: arn(dst.Bucket, dst.Region) }, DeleteMarkerReplication: { Status: 'Disabled' } },
      ],
    });
  });
  afterAll(() => h.close());

  it('copies a new object with its metadata and tags within seconds; the source goes PENDING → COMPLETED', async () => {
    const put = await h.cos.putObject({
      ...src, Key: 'sync/a.txt', Body: 'hello', ContentType: 'text/plain', Headers: { 'x-cos-meta-owner': 'me', 'x-cos-tagging': 'team=a' },
    });
    const copy = await waitFor('the replica', () => head(h.cos, dst, 'sync/a.txt'));
    expect(copy).toMatchObject({
      'x-cos-replication-status': 'REPLICA', 'x-cos-meta-owner': 'me', 'content-type': 'text/plain', etag: put.ETag,
      'x-cos-version-id': put.headers?.['x-cos-version-id'], 'x-cos-storage-class': 'STANDARD_IA', 'x-cos-tagging-count': '1',
    });
    expect(String((await h.cos.getObject({ ...dst, Key: 'sync/a.txt' })).Body)).toBe('hello');
    expect(await waitFor('COMPLETED', async () => ((await status(h.cos, src, 'sync/a.txt')) === 'COMPLETED' ? true : undefined))).toBe(true);
  });

  it('does not copy objects outside every rule, nor mark them', async () => {
    await h.cos.putObject({ ...src, Key: 'other/b.txt', Body: 'x' });
    await h.server.replicationIdle();
    expect(await head(h.cos, dst, 'other/b.txt')).toBeUndefined();
    expect(await status(h.cos, src, 'other/b.txt')).toBeUndefined();
  });

  it('copies a delete marker within seconds (DeleteMarkerReplication defaults to Enabled)', async () => {
    await waitFor('the replica', () => head(h.cos, dst, 'sync/a.txt'));
    const del = await h.cos.deleteObject({ ...src, Key: 'sync/a.txt' });
    const markerId = del.headers?.['x-cos-version-id'];
    const gone = await waitFor('the replicated delete marker', async () => {
      const f = await failure(h.cos.headObject({ ...dst, Key: 'sync/a.txt' })).catch(() => undefined);
      return f?.statusCode === 404 ? f : undefined;
    });
    expect(gone.statusCode).toBe(404);
    const versions = await h.cos.listObjectVersions({ ...dst, Prefix: 'sync/a.txt' });
    expect(versions.DeleteMarkers.map((m) => m.VersionId)).toEqual([markerId]);
    expect(versions.Versions).toHaveLength(1); // the copy is kept under the marker
  });

  it('does not copy delete markers of a rule with DeleteMarkerReplication Disabled', async () => {
    await h.cos.putObject({ ...src, Key: 'keep/c.txt', Body: 'c' });
    await waitFor('the replica', () => head(h.cos, dst, 'keep/c.txt'));
    await h.cos.deleteObject({ ...src, Key: 'keep/c.txt' });
    await h.server.replicationIdle();
    expect(await head(h.cos, dst, 'keep/c.txt')).toBeDefined();
  });

  it('reports per-rule progress (GET /?replication&progress), as the console reads it', async () => {
    await h.server.replicationIdle();
    const p = await progress(h.cos, src);
    expect(p.map(({ id, pending, completed, failed }) => ({ id, pending, completed, failed }))).toEqual([
      { id: 'sync', pending: 0, completed: 2, failed: 0 },
      { id: 'keep', pending: 0, completed: 1, failed: 0 },
    ]);
    expect(p[0]?.lastCompleted).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(h.server.replicationProgress(src.Bucket)).toEqual(p);
  });

  it('marks a copy FAILED when the destination can no longer take it', async () => {
    await h.cos.putBucketVersioning({ ...dst, VersioningConfiguration: { Status: 'Suspended' } });
    try {
      await h.cos.putObject({ ...src, Key: 'sync/late.txt', Body: 'late' });
      expect(await waitFor('FAILED', async () => ((await status(h.cos, src, 'sync/late.txt')) === 'FAILED' ? true : undefined))).toBe(true);
      expect(await head(h.cos, dst, 'sync/late.txt')).toBeUndefined();
      expect((await progress(h.cos, src)).find((r) => r.id === 'sync')?.failed).toBe(1);
    } finally {
      await h.cos.putBucketVersioning({ ...dst, VersioningConfiguration: { Status: 'Enabled' } });
    }
  });
});

describe('replication between two buckets both ways (A↔B)', () => {
  let h: Harness;
  const a = at(`mutual-a-${APPID}`);
  const b = at(`mutual-b-${APPID}`, 'ap-shanghai');
  beforeAll(async () => {
    h = await startHarness();
    await versioned(h.cos, a);
    await versioned(h.cos, b);
    await configure(h.cos, a, { Role: OWNER, Rules: [{ ID: 'to-b', Status: 'Enabled', Prefix: '', Destination: { Bucket: arn(b.Bucket, b.Region) } }] });
    await configure(h.cos, b, { Role: OWNER, Rules: [{ ID: 'to-a', Status: 'Enabled', Prefix: '', Destination: { Bucket: arn(a.Bucket, a.Region) } }] });
  });
  afterAll(() => h.close());

  it('copies each write once to the other bucket and never back', async () => {
    await h.cos.putObject({ ...a, Key: 'from-a', Body: 'a' });
    await h.cos.putObject({ ...b, Key: 'from-b', Body: 'b' });
    expect(await waitFor('A → B', () => status(h.cos, b, 'from-a'))).toBe('REPLICA');
    expect(await waitFor('B → A', () => status(h.cos, a, 'from-b'))).toBe('REPLICA');
    await h.server.replicationIdle();
    for (const bucket of [a, b]) {
      const versions = await h.cos.listObjectVersions(bucket);
      expect(versions.Versions.map((v) => v.Key).sort()).toEqual(['from-a', 'from-b']);
    }
    expect(await status(h.cos, a, 'from-a')).toBe('COMPLETED');
    expect(await status(h.cos, b, 'from-b')).toBe('COMPLETED');
    expect((await progress(h.cos, a)).map((r) => [r.id, r.pending, r.completed])).toEqual([['to-b', 0, 1]]);
    expect((await progress(h.cos, b)).map((r) => [r.id, r.pending, r.completed])).toEqual([['to-a', 0, 1]]);
  });
});

describe('replication across a restart', () => {
  it('keeps its queue durable: copies queued before a stop are made after the next start', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cos-local-repl-'));
    const start = (replicate: boolean) => startCosLocal({
      dataDir: dir, port: 0, accounts: defaultAccounts(SECRET_ID, SECRET_KEY), log: () => undefined, replicate,
    });
    const client = (port: number) => new COS({ SecretId: SECRET_ID, SecretKey: SECRET_KEY, Protocol: 'http:', Ip: `127.0.0.1:${port}` });
    const src = at(`restart-src-${APPID}`);
    const dst = at(`restart-dst-${APPID}`, 'ap-beijing');
    try {
      // First run: the replicator is off, so every copy stays queued.
      const first = await start(false);
      const cos1 = client(first.port);
      try {
        await versioned(cos1, src);
        await versioned(cos1, dst);
        await configure(cos1, src, { Role: OWNER, Rules: [{ ID: 'all', Status: 'Enabled', Prefix: '', Destination: { Bucket: arn(dst.Bucket, dst.Region) } }] });
        for (const Key of ['one', 'two', 'three']) await cos1.putObject({ ...src, Key, Body: Key });
        await cos1.deleteObject({ ...src, Key: 'three' });
        expect(await status(cos1, src, 'one')).toBe('PENDING');
        expect((await progress(cos1, src)).map((r) => [r.id, r.pending, r.completed])).toEqual([['all', 4, 0]]);
      } finally {
        await first.close();
      }
      // Second run on the same data: the queue is worked off without any new write.
      const second = await start(true);
      const cos2 = client(second.port);
      try {
        await waitFor('the queued copies', async () => {
          const p = await progress(cos2, src);
          return p[0]?.pending === 0 ? p : undefined;
        });
        expect((await progress(cos2, src)).map((r) => [r.id, r.pending, r.completed, r.failed])).toEqual([['all', 0, 4, 0]]);
        expect((await cos2.getBucket(dst)).Contents.map((c) => c.Key)).toEqual(['one', 'two']);
        const three = await cos2.listObjectVersions({ ...dst, Prefix: 'three' });
        expect([three.Versions.length, three.DeleteMarkers.length]).toEqual([1, 1]);
        expect(await status(cos2, src, 'one')).toBe('COMPLETED');
        expect(await status(cos2, dst, 'two')).toBe('REPLICA');
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
