// COS_ALLOWED_REGIONS across the API (src/server/region-policy.ts): listings leave other regions out;
// signatures, temporary keys, bucket creation and the console's CORS rule are refused there (403
// RegionNotAllowed naming the allowed regions, audited) — for admins, console accounts and API-key
// sessions alike; /api/config tells the console which regions it may offer.
import { afterEach, describe, expect, it } from 'vitest';
import type { BucketSummary, CosGateway, CosKey } from '../cos/cos-gateway';
import { fakeStsProvider, type FakeStsProvider } from '../sts/fake-provider';
import { signIn, signInWithKey, testApp, type TestApp } from '../test-support';

const ALLOWED = ['ap-guangzhou', 'ap-shanghai'];
const IN = 'photos-1250000000';
const OUT = 'beijing-1250000000';
const BUCKETS: BucketSummary[] = [
  { name: IN, region: 'ap-guangzhou', creationDate: '2026-01-01T00:00:00Z' },
  { name: 'logs-1250000000', region: 'ap-shanghai', creationDate: '2026-01-01T00:00:00Z' },
  { name: OUT, region: 'ap-beijing', creationDate: '2026-01-01T00:00:00Z' },
];

interface Recorder extends CosGateway { writes: string[] }

function recordingGateway(): Recorder {
  const writes: string[] = [];
  return {
    writes,
    listBuckets: () => Promise.resolve(BUCKETS.map((b) => ({ ...b }))),
    verifyCredential: () => Promise.resolve({ valid: true, canListBuckets: true }),
    readSetting: () => Promise.reject(new Error('readSetting is not used here')),
    createBucket: (name: string, region: string) => {
      writes.push(`create ${name} ${region}`);
      return Promise.resolve();
    },
    ensureConsoleCors: (bucket: string, region: string, _origin: string, key?: CosKey) => {
      writes.push(`cors ${bucket} ${region}${key ? ' own-key' : ''}`);
      return Promise.resolve('added' as const);
    },
    consoleCorsReachable: (bucket: string, region: string) => {
      writes.push(`check ${bucket} ${region}`);
      return Promise.resolve(true);
    },
  };
}

let t: TestApp | undefined;
let gateway: Recorder;
let sts: FakeStsProvider;
afterEach(async () => {
  await t?.app.close();
  t = undefined;
});

/** `null`: no list (every region). */
async function app(allowedRegions: readonly string[] | null = ALLOWED): Promise<TestApp> {
  gateway = recordingGateway();
  sts = fakeStsProvider();
  t = await testApp(allowedRegions ? { allowedRegions } : {}, { gateway, sts });
  await t.users.create('carol', 'user', 'carol-password-1', [
    { bucket: IN, prefix: '', permissions: ['list', 'read', 'write'] },
    { bucket: OUT, prefix: '', permissions: ['list', 'read', 'write'] },
  ]);
  return t;
}

type Session = { cookie: string; csrf: string };
const sessions = async (a: TestApp): Promise<[string, Session][]> => [
  ['admin', await signIn(a.app)],
  ['console account', await signIn(a.app, 'carol', 'carol-password-1')],
  ['API-key session', await signInWithKey(a.app, { secretId: 'AKIDsessionkey', secretKey: 'session-secret-key' })],
];

const call = (a: TestApp, s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  a.app.inject({ method, url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, ...(payload ? { payload } : {}) });

/** A GetObject as cos-js-sdk-v5 asks for it, with the default virtual-hosted host of the region. */
const getObject = (bucket: string, region: string, host = `${bucket}.cos.${region}.myqcloud.com`) => ({
  Method: 'GET', Pathname: '/a.txt', Query: {}, Headers: { Host: host }, Bucket: bucket, Region: region, Key: 'a.txt',
});

const refusedWith = (body: string): void => {
  expect(JSON.parse(body)).toEqual({ error: { code: 'RegionNotAllowed', message: expect.stringContaining('allowed: ap-guangzhou, ap-shanghai') } });
};

describe('GET /api/config', () => {
  it('exposes the allowed regions, and none when every region is allowed', async () => {
    let a = await app();
    expect((await a.app.inject({ method: 'GET', url: '/api/config' })).json()).toMatchObject({ defaultRegion: 'ap-guangzhou', allowedRegions: ALLOWED });
    await a.app.close();
    a = await app(null);
    expect((await a.app.inject({ method: 'GET', url: '/api/config' })).json()).not.toHaveProperty('allowedRegions');
  });
});

describe('GET /api/buckets', () => {
  it('lists only buckets of allowed regions, for every kind of session', async () => {
    const a = await app();
    for (const [kind, s] of await sessions(a)) {
      const res = await call(a, s, 'GET', '/api/buckets');
      expect(res.statusCode, kind).toBe(200);
      const names = (res.json() as { buckets: BucketSummary[] }).buckets.map((b) => b.name);
      expect(names, kind).not.toContain(OUT);
      expect(names, kind).toContain(IN);
    }
  });

  it('lists every region without a list', async () => {
    const a = await app(null);
    const res = await call(a, await signIn(a.app), 'GET', '/api/buckets');
    expect((res.json() as { buckets: BucketSummary[] }).buckets.map((b) => b.name)).toContain(OUT);
  });
});

describe('POST /api/sign', () => {
  it('signs inside the allowed regions and refuses outside, for every kind of session, auditing the refusal', async () => {
    const a = await app();
    for (const [kind, s] of await sessions(a)) {
      const inside = await call(a, s, 'POST', '/api/sign', getObject(IN, 'ap-guangzhou'));
      expect(inside.statusCode, `${kind}: ${inside.body}`).toBe(200);
      const outside = await call(a, s, 'POST', '/api/sign', getObject(OUT, 'ap-beijing'));
      expect(outside.statusCode, kind).toBe(403);
      refusedWith(outside.body);
    }
    const refused = a.db.prepare("SELECT actor, outcome, detail FROM audit WHERE event = 'sign' AND outcome = 'refused' ORDER BY id").all() as { actor: string; detail: string }[];
    expect(refused.map((r) => r.actor)).toEqual(['admin', 'carol', 'api-key:AKIDsessionkey']);
    expect(refused[0]?.detail).toMatch(/Region ap-beijing is not allowed/);
  });

  it('checks the region the signed Host reaches, and a copy\'s source, not only the declared Region', async () => {
    const a = await app();
    const admin = await signIn(a.app);
    // Declared Guangzhou, addressed to Beijing: the signature would work there.
    const lying = await call(a, admin, 'POST', '/api/sign', getObject(IN, 'ap-guangzhou', `${IN}.cos.ap-beijing.myqcloud.com`));
    expect(lying.statusCode).toBe(403);
    expect(lying.json()).toMatchObject({ error: { message: expect.stringContaining('ap-beijing') } });
    const copy = await call(a, admin, 'POST', '/api/sign', {
      ...getObject(IN, 'ap-guangzhou'), Method: 'PUT', Headers: { Host: `${IN}.cos.ap-guangzhou.myqcloud.com`, 'x-cos-copy-source': `${OUT}.cos.ap-beijing.myqcloud.com/a.txt` },
    });
    expect(copy.statusCode).toBe(403);
    // Without a region anywhere (a path-style host, no Region), a bucket request cannot be checked.
    const unnamed = await call(a, admin, 'POST', '/api/sign', { ...getObject(IN, ''), Headers: { Host: 'cos.example.internal' } });
    expect(unnamed.statusCode).toBe(403);
    expect(unnamed.json()).toMatchObject({ error: { code: 'RegionNotAllowed' } });
    // Listing buckets (GET Service) is not regional.
    const service = await call(a, admin, 'POST', '/api/sign', { Method: 'GET', Pathname: '/', Query: {}, Headers: { Host: 'service.cos.myqcloud.com' }, Bucket: '', Region: '' });
    expect(service.statusCode).toBe(200);
  });

  it('signs for any region without a list', async () => {
    const a = await app(null);
    expect((await call(a, await signIn(a.app), 'POST', '/api/sign', getObject(OUT, 'ap-beijing'))).statusCode).toBe(200);
  });
});

describe('POST /api/sts', () => {
  it('issues keys inside the allowed regions and refuses outside without asking STS, auditing the refusal', async () => {
    const a = await app();
    const task = { bucket: IN, region: 'ap-guangzhou', prefix: 'x/', actions: ['name/cos:PutObject'] };
    for (const [kind, s] of await sessions(a)) {
      const before = sts.calls.length;
      const outside = await call(a, s, 'POST', '/api/sts', { ...task, bucket: OUT, region: 'ap-beijing' });
      expect(outside.statusCode, kind).toBe(403);
      refusedWith(outside.body);
      expect(sts.calls.length, kind).toBe(before);
      expect((await call(a, s, 'POST', '/api/sts', task)).statusCode, kind).toBe(200);
    }
    const refused = a.db.prepare("SELECT actor FROM audit WHERE event = 'sts' AND outcome = 'refused' ORDER BY id").all();
    expect(refused).toEqual([{ actor: 'admin' }, { actor: 'carol' }, { actor: 'api-key:AKIDsessionkey' }]);
  });
});

describe('bucket creation and the console\'s CORS rule', () => {
  it('refuses another region before calling COS, audited; allows the listed ones', async () => {
    const a = await app();
    const admin = await signIn(a.app);
    const outside = await call(a, admin, 'POST', '/api/buckets', { name: 'new-1250000000', region: 'ap-beijing' });
    expect(outside.statusCode).toBe(403);
    refusedWith(outside.body);
    expect((await call(a, admin, 'POST', '/api/buckets', { name: 'new-1250000000', region: 'ap-shanghai' })).statusCode).toBe(201);

    const corsOut = await call(a, admin, 'POST', `/api/buckets/${OUT}/console-cors`, { region: 'ap-beijing' });
    expect(corsOut.statusCode).toBe(403);
    refusedWith(corsOut.body);
    expect((await call(a, admin, 'POST', `/api/buckets/${IN}/console-cors`, { region: 'ap-guangzhou' })).statusCode).toBe(200);

    const checkOut = await call(a, admin, 'GET', `/api/buckets/${OUT}/console-cors?region=ap-beijing`);
    expect(checkOut.statusCode).toBe(403);
    refusedWith(checkOut.body);
    expect((await call(a, admin, 'GET', `/api/buckets/${IN}/console-cors?region=ap-guangzhou`)).statusCode).toBe(200);

    expect(gateway.writes).toEqual(['create new-1250000000 ap-shanghai', `cors ${IN} ap-guangzhou`, `check ${IN} ap-guangzhou`]);
    const refused = a.db.prepare("SELECT event, resource FROM audit WHERE outcome = 'refused' ORDER BY id").all();
    expect(refused).toEqual([
      { event: 'bucket.create', resource: 'new-1250000000' },
      { event: 'settings.cors', resource: OUT },
      { event: 'settings.cors.check', resource: OUT },
    ]);
  });

  it('refuses an API-key session\'s CORS fix in another region too', async () => {
    const a = await app();
    const s = await signInWithKey(a.app, { secretId: 'AKIDsessionkey', secretKey: 'session-secret-key' });
    expect((await call(a, s, 'POST', `/api/buckets/${OUT}/console-cors`, { region: 'ap-beijing' })).statusCode).toBe(403);
    expect((await call(a, s, 'POST', `/api/buckets/${IN}/console-cors`, { region: 'ap-guangzhou' })).statusCode).toBe(200);
    expect(gateway.writes).toEqual([`cors ${IN} ap-guangzhou own-key`]);
  });
});
