// Crash safety of cos-local's file store (issue: "kill -9 at any moment never leaves a visible
// partial object or a row without bytes"). The real CLI serves concurrent PUT Object uploads (and,
// in the last round, multipart uploads through sliceUploadFile) from cos-nodejs-sdk-v5; it is
// SIGKILLed once a seeded number of uploads were acknowledged, with others in flight — right
// then, or at the next moment an upload is writing its body (a file appears in blobs/tmp), or at the
// next rename of a blob into place (its row not committed yet: what the start-up sweep is for) —
// then restarted on the same data dir. Then every acknowledged object reads back with its MD5, every
// key holds one of the versions written to it (never partial bytes), the listing agrees, and after
// a clean stop the blob files match the rows exactly (no orphan, no row without bytes, tmp empty).
// CRASH_SEED=<n> replays the choices (sizes, keys, kill moments) of a run.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import COS from 'cos-nodejs-sdk-v5';
import { afterAll, describe, expect, it } from 'vitest';
import { compare, inspectDisk, killAll, killHard, killerOn, prng, spawnCosLocal, stopGracefully, type CosLocalProcess } from './crash-support';

const SEED = Number(process.env['CRASH_SEED'] ?? 20_250_611);
const BUCKET = 'crash-1250000000';
const REGION = 'ap-guangzhou';
const IN_FLIGHT = 8;
const MiB = 1024 * 1024;
const SHARED_KEYS = 10;

const root = mkdtempSync(join(tmpdir(), 'cos-local-crash-'));
const dataDir = join(root, 'data');
const sources = mkdtempSync(join(root, 'src-'));
afterAll(() => {
  killAll();
  rmSync(root, { recursive: true, force: true });
});

interface Round {
  name: string;
  /** The kill is armed once this many uploads of the round were acknowledged (inclusive range). */
  killAfter: [number, number];
  /**
   * Then it happens: at once ('ack'), when the next temp file appears ('body': an upload is
   * receiving bytes), or when the next one leaves blobs/tmp ('rename': renamed into place, the
   * row's commit and the fsync of the shard directory still to come).
   */
  at: 'ack' | 'body' | 'rename';
  /** Share of uploads made with sliceUploadFile (multipart) instead of PUT Object. */
  multipart: number;
}

const ROUNDS: Round[] = [
  { name: 'early, on an ack', killAfter: [1, 4], at: 'ack', multipart: 0 },
  { name: 'middle, mid-body', killAfter: [12, 24], at: 'body', multipart: 0 },
  { name: 'late, after a rename', killAfter: [30, 40], at: 'rename', multipart: 0 },
  { name: 'multipart, after a rename', killAfter: [6, 12], at: 'rename', multipart: 0.5 },
];

/** Bodies are slices of one random buffer: cheap to make, so the client keeps the server busy. */
const POOL = randomBytes(6 * MiB);

/** One write of a key: what it would make the key hold, and when it started and was acknowledged. */
interface Write {
  md5: string;
  etag: string;
  size: number;
  start: number;
  ack?: number;
}

/** Event order (not wall time): writes started after an acknowledgement committed after it. */
let clock = 0;
const tick = (): number => ++clock;
const history = new Map<string, Write[]>();

const md5 = (b: Buffer): string => createHash('md5').update(b).digest('hex');

/** COS's multipart ETag: MD5 of the parts' binary MD5s, then `-<parts>`. */
function multipartEtag(body: Buffer, chunk: number): string {
  const digests: Buffer[] = [];
  for (let at = 0; at < body.length; at += chunk) digests.push(createHash('md5').update(body.subarray(at, at + chunk)).digest());
  return `"${md5(Buffer.concat(digests))}-${digests.length}"`;
}

/**
 * What a key may hold after the crash: the version of any write still in flight (it may have
 * committed just before the kill, or never), and any acknowledged write not provably followed by
 * another acknowledged one (one that started only after it was acknowledged committed later).
 */
function possible(writes: Write[]): Write[] {
  const acked = writes.filter((w) => w.ack !== undefined);
  return writes.filter((w) => w.ack === undefined || !acked.some((a) => a.start > (w.ack ?? 0)));
}

function client(p: CosLocalProcess): COS {
  return new COS({ SecretId: p.secretId, SecretKey: p.secretKey, Protocol: 'http:', Ip: `127.0.0.1:${p.port}`, ConfCwd: root });
}

interface Failure {
  statusCode?: number;
  code?: string;
  message?: string;
}

interface Load {
  /** Acknowledged uploads when the kill was armed, and in all (in-flight ones can still be acknowledged). */
  armedAt: number;
  acked: number;
  unexpected: string[];
}

/** Uploads until the process is killed; reports what went wrong other than the kill. */
async function load(p: CosLocalProcess, round: Round, roundIndex: number, rnd: () => number): Promise<Load> {
  const cos = client(p);
  const armAt = round.killAfter[0] + Math.floor(rnd() * (round.killAfter[1] - round.killAfter[0] + 1));
  let acked = 0;
  let killed = false;
  let started = 0;
  const unexpected: string[] = [];
  /** Keys with a sliceUploadFile in flight. */
  const slicing = new Set<string>();
  // blobs/tmp is recreated at start-up, so it is watched only now.
  const killer = round.at === 'ack' ? undefined : killerOn(join(dataDir, 'blobs', 'tmp'), p.child, round.at === 'body' ? 'appear' : 'leave');
  void p.exited.then(() => {
    killed = true;
  });
  killer?.fired.catch((e: unknown) => unexpected.push(`the killer thread failed: ${String(e)}`));

  /** One upload; false once the connection failed (the server is gone). */
  async function one(): Promise<boolean> {
    const n = started++;
    const shared = rnd() < 0.35;
    let key = shared ? `shared/k${Math.floor(rnd() * SHARED_KEYS)}` : `r${roundIndex}/u${n}`;
    const multipart = rnd() < round.multipart;
    // sliceUploadFile resumes an upload of the same key that has no part yet, even one another call
    // of the same client has just initiated: two concurrent ones would share an UploadId and fail
    // with InvalidPart (as on COS). One multipart upload per key at a time, then.
    if (multipart && slicing.has(key)) key = `r${roundIndex}/u${n}`;
    if (multipart) slicing.add(key);
    const size = multipart ? Math.floor(MiB * (2 + rnd() * 2)) : Math.floor(rnd() * (2 * MiB + 1));
    const offset = Math.floor(rnd() * (POOL.length - size));
    const body = POOL.subarray(offset, offset + size);
    const write: Write = { md5: md5(body), etag: multipart ? multipartEtag(body, MiB) : `"${md5(body)}"`, size, start: tick() };
    history.set(key, [...(history.get(key) ?? []), write]);
    try {
      let res: { statusCode?: number; ETag: string };
      if (multipart) {
        const FilePath = join(sources, `${roundIndex}-${n}.bin`);
        writeFileSync(FilePath, body);
        try {
          res = await cos.sliceUploadFile({ Bucket: BUCKET, Region: REGION, Key: key, FilePath, SliceSize: MiB, ChunkSize: MiB });
        } finally {
          slicing.delete(key);
          rmSync(FilePath, { force: true });
        }
      } else {
        res = await cos.putObject({ Bucket: BUCKET, Region: REGION, Key: key, Body: body });
      }
      write.ack = tick();
      if (res.statusCode !== 200 || res.ETag !== write.etag) {
        unexpected.push(`${key}: acknowledged with ${res.statusCode ?? '?'} and ETag ${res.ETag}, expected 200 and ${write.etag}`);
      }
      if (++acked === armAt) {
        if (killer) killer.arm();
        else killHard(p.child);
      }
      return true;
    } catch (e) {
      const f = e as Failure;
      // An HTTP error is a server fault. A failed connection is the kill's doing (a live cos-local
      // that drops a connection logs why, and errorsOf() below finds it).
      if (f.statusCode === undefined) return false;
      unexpected.push(`${key}: ${f.statusCode} ${f.code ?? ''} ${f.message ?? String(e)}`);
      return true;
    }
  }
  const worker = async (): Promise<void> => {
    while (!killed && (await one()));
  };
  try {
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    await p.exited;
  } finally {
    await killer?.close();
  }
  return { armedAt: armAt, acked, unexpected };
}

async function listAll(cos: COS): Promise<Map<string, { etag: string; size: number }>> {
  const out = new Map<string, { etag: string; size: number }>();
  let Marker = '';
  for (;;) {
    const page = await cos.getBucket({ Bucket: BUCKET, Region: REGION, Marker, MaxKeys: 1000 });
    for (const c of page.Contents) out.set(c.Key, { etag: c.ETag, size: Number(c.Size) });
    if (page.IsTruncated !== 'true') return out;
    Marker = page.NextMarker ?? page.Contents.at(-1)?.Key ?? '';
  }
}

/** Reads every key ever written; returns the problems found. What was read becomes the new baseline. */
async function verify(p: CosLocalProcess): Promise<string[]> {
  const cos = client(p);
  const problems: string[] = [];
  const present = new Map<string, { etag: string; size: number }>();
  const keys = [...history.keys()];
  const check = async (key: string): Promise<void> => {
    const writes = history.get(key) ?? [];
    let body: Buffer;
    let etag: string;
    try {
      const got = await cos.getObject({ Bucket: BUCKET, Region: REGION, Key: key });
      body = got.Body;
      etag = got.headers?.['etag'] ?? '';
    } catch (e) {
      const f = e as Failure;
      if (f.statusCode !== 404) throw e;
      if (writes.some((w) => w.ack !== undefined)) problems.push(`${key}: acknowledged, but ${f.code ?? ''} after the restart`);
      history.set(key, []);
      return;
    }
    const sum = md5(body);
    if (!possible(writes).some((w) => w.md5 === sum && w.etag === etag && w.size === body.length)) {
      const what = writes.map((w) => `${w.md5}/${w.size}${w.ack === undefined ? ' (unacknowledged)' : ''}`).join(', ');
      problems.push(`${key}: holds ${sum}/${body.length} (ETag ${etag}), not one of the possible versions; written: ${what}`);
    }
    present.set(key, { etag, size: body.length });
    const now = tick();
    history.set(key, [{ md5: sum, etag, size: body.length, start: now, ack: now }]);
  };
  for (let i = 0; i < keys.length; i += IN_FLIGHT) await Promise.all(keys.slice(i, i + IN_FLIGHT).map(check));

  const listed = await listAll(cos);
  for (const [key, entry] of listed) {
    const read = present.get(key);
    if (!read) problems.push(`${key}: listed but not readable, or never written`);
    else if (read.etag !== entry.etag || read.size !== entry.size) problems.push(`${key}: listed as ${entry.etag}/${entry.size}, read as ${read.etag}/${read.size}`);
  }
  for (const key of present.keys()) if (!listed.has(key)) problems.push(`${key}: readable but not listed`);
  return problems;
}

/** stderr of a cos-local process, without the start-up sweep's report. */
const errorsOf = (p: CosLocalProcess): string[] =>
  p.stderr().split('\n').filter((l) => l.trim() !== '' && !l.startsWith('cos-local start-up sweep:'));

describe('kill -9 during concurrent uploads', () => {
  it(`loses no acknowledged object, shows nothing partial, leaves no orphan (seed ${SEED}, ${ROUNDS.length} kills)`, async () => {
    const rnd = prng(SEED);
    const t0 = performance.now();
    const first = await spawnCosLocal(dataDir);
    await client(first).putBucket({ Bucket: BUCKET, Region: REGION });
    let server = first;
    const report: string[] = [];

    for (const [i, round] of ROUNDS.entries()) {
      const tRound = performance.now();
      const { armedAt, acked, unexpected } = await load(server, round, i, rnd);
      expect(unexpected, `round ${round.name}: failures other than the kill`).toEqual([]);
      expect(errorsOf(server), `round ${round.name}: errors logged by the killed process`).toEqual([]);

      // As the crash left it: no row may lack its bytes even before the restart.
      const crashed = inspectDisk(dataDir, true);
      const atCrash = compare(crashed);
      expect({ missing: atCrash.missing, wrongSize: atCrash.wrongSize, sizeConflicts: crashed.sizeConflicts }).toEqual({ missing: [], wrongSize: [], sizeConflicts: [] });

      const restarted = await spawnCosLocal(dataDir);
      expect(await verify(restarted), `round ${round.name}: objects after the restart`).toEqual([]);
      expect(await stopGracefully(restarted)).toBe(0);
      expect(errorsOf(restarted)).toEqual([]);
      // The sweep reported what it removed: exactly the unreferenced files the crash left.
      if (atCrash.orphans.length > 0) expect(restarted.stderr()).toContain(`removed ${atCrash.orphans.length} unreferenced blob file(s)`);
      else expect(restarted.stderr()).not.toContain('removed');

      const after = inspectDisk(dataDir);
      expect({ ...compare(after), strays: after.strays, tmp: after.tmpFiles, sizeConflicts: after.sizeConflicts }).toEqual({
        orphans: [], missing: [], wrongSize: [], strays: [], tmp: [], sizeConflicts: [],
      });
      report.push(
        `${round.name}: armed at ${armedAt} acks, ${acked} in all; crash left ${atCrash.orphans.length} orphan(s), ${crashed.tmpFiles.length} temp file(s); ` +
          `${after.referenced.size} blobs after restart; ${((performance.now() - tRound) / 1000).toFixed(1)} s`,
      );
      if (i + 1 < ROUNDS.length) server = await spawnCosLocal(dataDir);
    }
    console.log(
      `crash test, seed ${SEED}, ${((performance.now() - t0) / 1000).toFixed(1)} s\n  ${report.join('\n  ')}`,
    );
  }, 120_000);
});
