// Sign-in with a COS API key against a real cos-local (README.md "Signing in"): the console checks the
// key with GET Service through the Node SDK, keeps it encrypted at rest, acts with it (not with its own
// credential), and never sends it back — every response and log line of this file is scanned.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, multiAccounts, PHOTOS, REGION, SECRET_ID, SECRET_KEY, startHarness, type Harness } from '../../src/cos-local/sdk-harness';
import { deriveTmpSecretKey, issueToken } from '../../src/cos-local/sts/token';
import { AuditLog } from '../../src/server/audit/audit-log';
import { SECRET_FILE } from '../../src/server/auth/credential-box';
import { signInWithKey, testApp, type TestApp } from '../../src/server/test-support';

const OTHER = 'other-1250000001';
const TMP_ID = 'AKIDtmpconsolelogin00000000000000000';

let h: Harness;
let dir: string;
let dataDir: string;
let dbFile: string;
const apps: TestApp[] = [];
/** Every response body and header block, and every log line, of every app in this file. */
const seen: string[] = [];

let tmpKey: { secretId: string; secretKey: string; token: string };
const secrets = (): string[] => [SECRET_KEY, KEYS.alice.secretKey, KEYS.bob.secretKey, KEYS.rootB.secretKey, tmpKey.secretKey, tmpKey.token];

/** A console app on the shared database file and DATA_DIR (so its console-secret.key), recording everything it says. */
async function consoleApp(config: { consoleSecret?: Buffer } = {}): Promise<TestApp> {
  const t = await testApp(
    { secretId: SECRET_ID, secretKey: SECRET_KEY, ip: `127.0.0.1:${h.server.port}` },
    {
      now: Date.now,
      logger: true,
      logStream: { write: (line: string) => void seen.push(line) },
      config: { sessionIdleSeconds: 600, sessionAbsoluteSeconds: 3600, signSeconds: 900, secureCookies: false, dataDir, ...config },
    },
    { dbFile },
  );
  t.app.addHook('onSend', async (_request, reply, payload) => {
    seen.push(`${JSON.stringify(reply.getHeaders())}\n${typeof payload === 'string' ? payload : ''}`);
    return payload;
  });
  apps.push(t);
  return t;
}

beforeAll(async () => {
  h = await startHarness({ accounts: multiAccounts() });
  await h.cos.putBucket({ Bucket: PHOTOS, Region: REGION });
  await h.clientAs(KEYS.rootB).putBucket({ Bucket: OTHER, Region: REGION });
  const policy = { version: '2.0', statement: [{ effect: 'allow', action: ['name/cos:GetService'], resource: ['*'] }] };
  const token = issueToken({ v: 1, parentSecretId: SECRET_ID, tmpSecretId: TMP_ID, exp: Math.floor(Date.now() / 1000) + 3600, policy: JSON.stringify(policy) }, SECRET_KEY);
  tmpKey = { secretId: TMP_ID, secretKey: deriveTmpSecretKey(SECRET_KEY, TMP_ID), token };
  dir = mkdtempSync(join(tmpdir(), 'console-api-key-'));
  dataDir = join(dir, 'data');
  dbFile = join(dataDir, 'console.db');
});

afterAll(async () => {
  for (const t of apps) await t.app.close();
  await h?.close();
  // The scan covers every test above: no SecretKey or token in any response or log line.
  // The capture works: bodies (the SecretId is not a secret) and log lines are in it.
  expect(seen.some((text) => text.includes(`"name":"${SECRET_ID}"`))).toBe(true);
  expect(seen.some((text) => text.includes('signed in with an API key'))).toBe(true);
  for (const text of seen) for (const secret of secrets()) expect(text.includes(secret), `a secret in: ${text.slice(0, 200)}`).toBe(false);
  rmSync(dir, { recursive: true, force: true });
});

const get = (t: TestApp, url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const bucketNames = async (t: TestApp, cookie: string): Promise<string[]> => {
  const res = await get(t, '/api/buckets', cookie);
  expect(res.statusCode).toBe(200);
  return (res.json() as { buckets: { name: string }[] }).buckets.map((b) => b.name);
};

describe('API-key sign-in against cos-local', () => {
  it('accepts the root key: the session is the SecretId, and lists with that key', async () => {
    const t = await consoleApp();
    const s = await signInWithKey(t.app, { secretId: SECRET_ID, secretKey: SECRET_KEY });
    const expected = { name: SECRET_ID, kind: 'api-key', role: 'api-key', temporary: false, canListBuckets: true };
    expect(s.responses[0]?.json()).toEqual({ user: expected });
    expect(s.responses[1]?.json()).toEqual({ user: expected, csrfToken: s.csrf });
    expect(s.responses[0]?.cookies.find((c) => c.name === 'cos_console_sid')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(await bucketNames(t, s.cookie)).toEqual([PHOTOS]);
    expect(new AuditLog(t.db).list({ event: 'login' })[0]).toMatchObject({ actor: `api-key:${SECRET_ID}`, outcome: 'ok', detail: 'api key' });
  });

  it('acts with the session\'s key, not the server\'s: another account sees its own buckets', async () => {
    const t = await consoleApp();
    const s = await signInWithKey(t.app, KEYS.rootB);
    expect(await bucketNames(t, s.cookie)).toEqual([OTHER]);
  });

  it('accepts a CAM sub-user\'s key that may list buckets', async () => {
    const t = await consoleApp();
    const s = await signInWithKey(t.app, KEYS.bob);
    expect(await bucketNames(t, s.cookie)).toEqual([PHOTOS]);
  });

  it('accepts a CAM sub-user\'s key that may not list buckets, and says so', async () => {
    const t = await consoleApp();
    const s = await signInWithKey(t.app, KEYS.alice);
    expect(s.responses[0]?.json()).toEqual({ user: { name: KEYS.alice.secretId, kind: 'api-key', role: 'api-key', temporary: false, canListBuckets: false } });
    const buckets = await get(t, '/api/buckets', s.cookie);
    expect(buckets.statusCode).toBe(403);
    expect(buckets.json()).toMatchObject({ error: { code: 'AccessDenied' } });
  });

  it('accepts a temporary key with its token', async () => {
    const t = await consoleApp();
    const s = await signInWithKey(t.app, tmpKey);
    expect(s.responses[1]?.json()).toMatchObject({ user: { name: TMP_ID, temporary: true, canListBuckets: true } });
    expect(await bucketNames(t, s.cookie)).toEqual([PHOTOS]);
  });

  it.each([
    ['an unknown SecretId', { secretId: 'AKIDnobody000000000000000000000000000', secretKey: SECRET_KEY }, 'InvalidAccessKeyId'],
    ['a wrong SecretKey', { secretId: SECRET_ID, secretKey: KEYS.alice.secretKey }, 'SignatureDoesNotMatch'],
    ['a temporary key without its token', { secretId: TMP_ID, secretKey: 'x'.repeat(32) }, 'InvalidAccessKeyId'],
    ['a forged token', { secretId: TMP_ID, secretKey: 'x'.repeat(32), token: 'forged' }, 'InvalidAccessKeyId'],
  ])('refuses %s with 401 and audits COS\'s reason', async (_case, key, code) => {
    const t = await consoleApp();
    const res = await t.app.inject({ method: 'POST', url: '/api/login', payload: key });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'InvalidCredentials', message: 'COS did not accept this SecretId and SecretKey.' } });
    expect(res.cookies).toHaveLength(0);
    expect(new AuditLog(t.db).list({ event: 'login', outcome: 'failed' })[0]).toMatchObject({ actor: `api-key:${key.secretId}`, detail: `COS refused the key (${code})` });
  });

  it('locks a SecretId after 5 refused keys', async () => {
    const t = await consoleApp();
    const guess = { secretId: KEYS.bob.secretId, secretKey: 'guessed-secret-key-000000000000' };
    for (let i = 0; i < 5; i++) expect((await t.app.inject({ method: 'POST', url: '/api/login', payload: guess })).statusCode).toBe(401);
    const locked = await t.app.inject({ method: 'POST', url: '/api/login', payload: KEYS.bob });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    t.db.prepare("DELETE FROM login_throttle WHERE key LIKE 'ip:%' OR key = ?").run(`key:${KEYS.bob.secretId}`);
  });

  it('is never a console admin', async () => {
    const t = await consoleApp();
    const s = await signInWithKey(t.app, { secretId: SECRET_ID, secretKey: SECRET_KEY });
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/users', headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/audit', headers })).statusCode).toBe(403);
    const create = await t.app.inject({ method: 'POST', url: '/api/admin/users', headers, payload: { name: 'eve', role: 'admin' } });
    expect(create.statusCode).toBe(403);
  });

  it('keeps the key encrypted at rest: not in the database nor its files', async () => {
    const t = await consoleApp();
    await signInWithKey(t.app, KEYS.alice);
    const rows = t.db.prepare("SELECT * FROM sessions WHERE kind = 'api-key'").all() as { credential: string; label: string }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.credential).toMatch(/^v1\./);
    t.db.pragma('wal_checkpoint(FULL)');
    for (const file of readdirSync(dataDir).filter((f) => f.startsWith('console.db'))) {
      const bytes = readFileSync(join(dataDir, file));
      for (const secret of secrets()) expect(bytes.includes(secret), file).toBe(false);
    }
    // The key that seals them lives beside, not in, the database.
    expect(readdirSync(dataDir)).toContain(SECRET_FILE);
  });

  it('survives a restart; a different console secret refuses the old sessions instead of guessing', async () => {
    const before = await consoleApp();
    const s = await signInWithKey(before.app, KEYS.rootB);
    await before.app.close();

    const after = await consoleApp();
    expect((await get(after, '/api/session', s.cookie)).json()).toMatchObject({ user: { name: KEYS.rootB.secretId, kind: 'api-key' }, csrfToken: s.csrf });
    expect(await bucketNames(after, s.cookie)).toEqual([OTHER]);
    await after.app.close();

    const rotated = await consoleApp({ consoleSecret: randomBytes(32) });
    const count = (): unknown => rotated.db.prepare('SELECT COUNT(*) AS n FROM sessions WHERE label = ?').pluck().get(KEYS.rootB.secretId);
    const rows = count() as number;
    expect((await get(rotated, '/api/session', s.cookie)).statusCode).toBe(401);
    // The session that no longer opens is deleted, not kept around.
    expect(count()).toBe(rows - 1);
  });

  it('logout ends the session and its key with it', async () => {
    const t = await consoleApp();
    const s = await signInWithKey(t.app, KEYS.bob);
    const out = await t.app.inject({ method: 'POST', url: '/api/logout', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
    expect(out.statusCode).toBe(204);
    expect((await get(t, '/api/buckets', s.cookie)).statusCode).toBe(401);
    expect(new AuditLog(t.db).list({ event: 'logout' })[0]).toMatchObject({ actor: `api-key:${KEYS.bob.secretId}`, outcome: 'ok' });
  });
});
