// Object keys never address files: a blob's path comes from a random id, so keys like `../x`,
// `/etc/passwd` or `a/../../b`, PUT through the Node SDK into a file-backed cos-local, create nothing
// outside the data directory (nor any file named after them inside it), and read back as stored.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import COS from 'cos-nodejs-sdk-v5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAccounts } from './accounts';
import { startCosLocal, type RunningCosLocal } from './app';
import { APPID, REGION, SECRET_ID, SECRET_KEY } from './sdk-harness';

const root = mkdtempSync(join(tmpdir(), 'cos-local-keys-'));
const data = join(root, 'data');
/** A sibling of the data dir that a `../`-walking key could reach. */
const outside = join(root, 'outside');
/** The same directory from the file system root, without the leading separator. */
const outsideFromRoot = relative('/', outside).split(sep).join('/');

const KEYS = [
  '../x',
  '..%2Fx',
  '..%2F..%2Fx',
  '/etc/passwd',
  'a/../../b',
  '..',
  './.',
  '../meta.sqlite',
  '../account.json',
  '../../outside/dotdot',
  `${'../'.repeat(24)}${outsideFromRoot}/deep`,
  `/${outsideFromRoot}/absolute`,
  '..\\..\\outside\\backslash',
  'blobs/tmp/../../x',
];

const Bucket = `keys-${APPID}`;
let server: RunningCosLocal;
let cos: COS;
const passwd = existsSync('/etc/passwd') ? statSync('/etc/passwd') : undefined;

beforeAll(async () => {
  mkdirSync(outside);
  server = await startCosLocal({ dataDir: data, port: 0, accounts: defaultAccounts(SECRET_ID, SECRET_KEY), log: () => undefined });
  // UseRawKey: the SDK would drop a key's leading `/`. ObjectKeySimplifyCheck off: it refuses to GET
  // keys that simplify to `/` (`..`, `./.`).
  cos = new COS({
    SecretId: SECRET_ID, SecretKey: SECRET_KEY, Protocol: 'http:', Ip: `127.0.0.1:${server.port}`, UseRawKey: true, ObjectKeySimplifyCheck: false,
  });
  await cos.putBucket({ Bucket, Region: REGION });
});
afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Every file and directory under `dir`, relative, '/'-separated. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((p) => p.split(sep).join('/')).sort();
}

const body = (key: string): Buffer =>
  // For /etc/passwd its own bytes: even a broken store writing there would change nothing but mtime.
  key === '/etc/passwd' && existsSync('/etc/passwd') ? readFileSync('/etc/passwd') : Buffer.from(`the bytes of ${key}`);
const md5 = (b: Buffer): string => `"${createHash('md5').update(b).digest('hex')}"`;

describe('object keys stay inside the data directory', () => {
  it.each(KEYS)('PUT and GET %s', async (Key) => {
    const put = await cos.putObject({ Bucket, Region: REGION, Key, Body: body(Key) });
    expect(put.ETag).toBe(md5(body(Key)));
    const got = await cos.getObject({ Bucket, Region: REGION, Key });
    expect(got.Body.equals(body(Key))).toBe(true);
  });

  it('lists every key as sent, less the leading / and ./ a key cannot start with (436/13324, route.ts)', async () => {
    const listed = await cos.getBucket({ Bucket, Region: REGION });
    expect(listed.Contents.map((c) => c.Key).sort()).toEqual(KEYS.map((k) => k.replace(/^(?:\.?\/)+/, '')).sort());
  });

  it('created nothing outside the data directory, and no file named by a key inside it', () => {
    expect(readdirSync(root).sort()).toEqual(['data', 'outside']);
    expect(tree(outside)).toEqual([]);
    if (passwd) {
      const now = statSync('/etc/passwd');
      expect({ ino: now.ino, mtimeMs: now.mtimeMs, size: now.size }).toEqual({ ino: passwd.ino, mtimeMs: passwd.mtimeMs, size: passwd.size });
    }
    // Inside: the SQLite files at the top, blobs only as blobs/<aa>/<32 hex digits>.
    const unexpected = tree(data).filter(
      (p) => !/^meta\.sqlite(-wal|-shm|-journal)?$/.test(p) && !/^blobs(\/tmp|\/[0-9a-f]{2}(\/[0-9a-f]{32})?)?$/.test(p),
    );
    expect(unexpected).toEqual([]);
    const blobFiles = tree(data).filter((p) => /^blobs\/[0-9a-f]{2}\/[0-9a-f]{32}$/.test(p));
    expect(blobFiles).toHaveLength(KEYS.length);
  });
});
