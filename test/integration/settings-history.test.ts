// The settings history against a real cos-local: the server reads a setting before and after the
// browser's write with the session's own authority, records who changed what, and refuses sessions
// that may not change (or read) the setting — whatever the browser claims.
import { createHash } from 'node:crypto';
import COS from 'cos-nodejs-sdk-v5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountsFile } from '../../src/cos-local/accounts';
import { startCosLocal, type RunningCosLocal } from '../../src/cos-local/app';
import { signIn, signInWithKey, testApp, type TestApp } from '../../src/server/test-support';
import type { HistoryEntry } from '../../src/shared/api/history';
import { buildCorsXml, type CorsConfiguration } from '../../src/shared/xml/cors';

const ROOT = { secretId: 'AKIDhistoryhistoryhistory000000001', secretKey: 'historyhistoryhistoryhistory00001' };
const CORS_ONLY = { secretId: 'AKIDhistorycorsonly00000000000001', secretKey: 'historycorsonlysecretkey000000001' };
const REGION = 'ap-guangzhou';
const BUCKET = 'hist-1250000000';
const OTHER = 'other-1250000000';
const ACCOUNTS: AccountsFile = {
  accounts: [{
    uin: '100000000001', appId: '1250000000', ...ROOT,
    subUsers: [{
      uin: '100000000031', name: 'corsonly', ...CORS_ONLY,
      policies: [{ version: '2.0', statement: [{ effect: 'allow', action: ['name/cos:GetBucketCORS', 'name/cos:PutBucketCORS'], resource: [`qcs::cos:${REGION}:uid/1250000000:${BUCKET}/*`] }] }],
    }],
  }],
};
const HOST = 'console.localhost:3000';
const ORIGIN = `http://${HOST}`;
const RULES = (origin: string): CorsConfiguration => ({ rules: [{ allowedOrigins: [origin], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] });

let cosLocal: RunningCosLocal;
let t: TestApp;
let cos: COS;
type Who = { cookie: string; csrf: string };
let admin: Who;

beforeAll(async () => {
  cosLocal = await startCosLocal({ memory: true, port: 0, accounts: ACCOUNTS, log: () => undefined });
  t = await testApp({ ...ROOT, ip: `127.0.0.1:${cosLocal.port}` }, { now: Date.now });
  cos = new COS({ SecretId: ROOT.secretId, SecretKey: ROOT.secretKey, Protocol: 'http:', Ip: `127.0.0.1:${cosLocal.port}` });
  await cos.putBucket({ Bucket: BUCKET, Region: REGION });
  await cos.putBucket({ Bucket: OTHER, Region: REGION });
  admin = await signIn(t.app);
  const accounts: [string, { bucket: string; prefix: string; permissions: string[] }[]][] = [
    ['settler', [{ bucket: BUCKET, prefix: '', permissions: ['settings'] }]],
    ['viewer', [{ bucket: BUCKET, prefix: '', permissions: ['list'] }]],
    ['prefixed', [{ bucket: BUCKET, prefix: 'a/', permissions: ['settings', 'list'] }]],
  ];
  for (const [name, grants] of accounts) {
    const r = await post('/api/admin/users', { name, role: 'user', password: `${name}-password-1`, grants });
    expect(r.statusCode).toBe(201);
  }
});
afterAll(async () => {
  await t.app.close();
  await cosLocal.close();
});

function post(url: string, payload: object, who: Who = admin) {
  return t.app.inject({ method: 'POST', url, payload, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, origin: ORIGIN, host: HOST } });
}
const get = (url: string, who: Who = admin) => t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie, host: HOST } });
const as = (name: string) => signIn(t.app, name, `${name}-password-1`);

/** What the browser does between open and confirm: write the setting at COS itself. */
async function putCors(config: CorsConfiguration, bucket = BUCKET): Promise<void> {
  const body = buildCorsXml(config);
  await cos.request({
    Method: 'PUT', Bucket: bucket, Region: REGION, Action: 'cors', Body: body,
    Headers: { 'Content-Type': 'application/xml', 'Content-MD5': createHash('md5').update(body).digest('base64') },
  } as COS.RequestParams);
}

const open = (who: Who, payload: object, bucket = BUCKET) => post(`/api/buckets/${bucket}/history`, { region: REGION, kind: 'change', ...payload }, who);
const confirm = (who: Who, id: number, bucket = BUCKET) => post(`/api/buckets/${bucket}/history/${id}/confirm`, {}, who);

describe('settings history', () => {
  it('records the value before and after, both read from COS, and who changed it', async () => {
    const opened = await open(admin, { setting: 'cors' });
    expect(opened.statusCode).toBe(201);
    const entry = opened.json() as HistoryEntry;
    expect(entry).toMatchObject({ setting: 'cors', actor: 'admin', state: 'pending', before: null, kind: 'change' });
    await putCors(RULES('https://a.example'));
    const confirmed = await confirm(admin, entry.id);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ state: 'confirmed', changed: true, after: RULES('https://a.example') });

    // A confirmed entry is listed; a pending one is not.
    const pending = (await open(admin, { setting: 'website' })).json() as HistoryEntry;
    const list = (await get(`/api/buckets/${BUCKET}/history?region=${REGION}`)).json() as { entries: HistoryEntry[] };
    expect(list.entries.map((e) => e.id)).toEqual([entry.id]);
    expect(list.entries.map((e) => e.id)).not.toContain(pending.id);

    const audit = (await get('/api/admin/audit?event=settings.cors')).json() as { entries: { detail?: string; actor: string }[] };
    expect(audit.entries[0]).toMatchObject({ actor: 'admin', detail: expect.stringContaining(`history #${entry.id}`) });
  });

  it('says so when the write did not change anything', async () => {
    const entry = (await open(admin, { setting: 'cors' })).json() as HistoryEntry;
    expect(entry.before).toEqual(RULES('https://a.example'));
    expect((await confirm(admin, entry.id)).json()).toMatchObject({ changed: false, after: RULES('https://a.example') });
  });

  it('records a rollback of a recorded change, and refuses a rollback of anything else', async () => {
    const list = (await get(`/api/buckets/${BUCKET}/history?region=${REGION}&setting=cors`)).json() as { entries: HistoryEntry[] };
    const first = list.entries.at(-1)!;
    const rollback = await open(admin, { setting: 'cors', kind: 'rollback', rollbackOf: first.id });
    expect(rollback.statusCode).toBe(201);
    await cos.deleteBucketCors({ Bucket: BUCKET, Region: REGION });
    expect((await confirm(admin, (rollback.json() as HistoryEntry).id)).json()).toMatchObject({ kind: 'rollback', rollbackOf: first.id, after: null, changed: true });
    // Not a cors entry, not this bucket, not a number that exists.
    for (const [setting, rollbackOf, bucket] of [['website', first.id, BUCKET], ['cors', first.id, OTHER], ['cors', 999999, BUCKET]] as const) {
      const r = await open(admin, { setting, kind: 'rollback', rollbackOf }, bucket);
      expect(r.statusCode, `${setting} ${rollbackOf} ${bucket}`).toBe(400);
    }
  });

  it('lets only the session that opened a change confirm it, once', async () => {
    const settler = await as('settler');
    const entry = (await open(settler, { setting: 'cors' })).json() as HistoryEntry;
    expect(entry.actor).toBe('settler');
    expect((await confirm(admin, entry.id)).statusCode).toBe(404);
    expect((await confirm(settler, entry.id, OTHER)).statusCode).toBe(404);
    expect((await confirm(settler, entry.id)).statusCode).toBe(200);
    expect((await confirm(settler, entry.id)).statusCode).toBe(409);
  });

  it('refuses a change to an account without settings on the whole bucket, and lets a lister read the history', async () => {
    const viewer = await as('viewer');
    const refused = await open(viewer, { setting: 'cors' });
    expect(refused.statusCode).toBe(403);
    expect((refused.json() as { error: { message: string } }).error.message).toContain('settings permission');
    expect((await get(`/api/buckets/${BUCKET}/history?region=${REGION}&setting=cors`, viewer)).statusCode).toBe(200);
    // The policy and the ACL name who may do what: not for a lister.
    expect((await get(`/api/buckets/${BUCKET}/history?region=${REGION}&setting=policy`, viewer)).statusCode).toBe(403);
    const prefixed = await as('prefixed');
    expect((await open(prefixed, { setting: 'cors' })).statusCode).toBe(403);
    expect((await open(await as('settler'), { setting: 'cors' }, OTHER)).statusCode).toBe(403);
    expect((await get(`/api/buckets/${OTHER}/history?region=${REGION}`, viewer)).statusCode).toBe(403);
    const audit = (await get('/api/admin/audit?outcome=refused')).json() as { entries: { actor: string; event: string }[] };
    expect(audit.entries.some((e) => e.actor === 'viewer' && e.event === 'settings.cors')).toBe(true);
  });

  it('reads with an API-key session\'s own key, so COS decides what it may record', async () => {
    const key = await signInWithKey(t.app, CORS_ONLY);
    const opened = await open(key, { setting: 'cors' });
    expect(opened.statusCode).toBe(201);
    expect((opened.json() as HistoryEntry).actor).toBe(`api-key:${CORS_ONLY.secretId}`);
    const website = await open(key, { setting: 'website' });
    expect(website.statusCode).toBe(403);
    expect((website.json() as { error: { code: string } }).error.code).toBe('AccessDenied');
  });
});
