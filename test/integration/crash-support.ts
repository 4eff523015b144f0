// Helpers of the kill -9 crash test (crash.test.ts): the real cos-local CLI as a child process, and
// what a data directory holds on disk (blob files against the rows of meta.sqlite, read with
// better-sqlite3 directly, whatever the schema version: every table with a blob_id column counts).
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';

export interface CosLocalProcess {
  child: ChildProcess;
  port: number;
  secretId: string;
  secretKey: string;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process is gone and its output read, with its exit code or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Every child started, so afterAll can kill whatever a failed test left running. */
export const children = new Set<ChildProcess>();

/**
 * SIGKILL to the child's whole process group. tsx runs the server in a node process of its own:
 * SIGKILL to tsx alone (it cannot relay it) would leave that server running, orphaned.
 */
export function killHard(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
  }
}

export function killAll(): void {
  for (const c of children) killHard(c);
  children.clear();
}
// Even if the test runner's worker exits without running afterAll.
process.once('exit', killAll);

/** Starts `tsx src/cos-local/main.ts --data <dir> --port 0` and resolves once it serves. */
export function spawnCosLocal(dataDir: string, startTimeoutMs = 20_000): Promise<CosLocalProcess> {
  // detached: a process group of its own, for killHard.
  const child = spawn('node_modules/.bin/tsx', ['src/cos-local/main.ts', '--data', dataDir, '--port', '0', '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  });
  children.add(child);
  let out = '';
  let err = '';
  // 'close', not 'exit': the output is then read to its end (the server, tsx's child, holds the pipes too).
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('close', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      killHard(child);
      reject(new Error(`cos-local did not start in ${startTimeoutMs} ms:\n${out}\n${err}`));
    }, startTimeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    let serving = false;
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      // main.ts prints the endpoint once the server listens (a whole line: the port is complete).
      const m = serving ? null : /^endpoint: http:\/\/127\.0\.0\.1:(\d+)\r?\n/m.exec(out);
      if (!m) return;
      serving = true;
      clearTimeout(timer);
      // main.ts writes account.json before it starts serving.
      const account = (JSON.parse(readFileSync(join(dataDir, 'account.json'), 'utf8')) as { accounts: { secretId: string; secretKey: string }[] }).accounts[0];
      if (!account) return reject(new Error('account.json has no account'));
      resolve({ child, port: Number(m[1]), secretId: account.secretId, secretKey: account.secretKey, stdout: () => out, stderr: () => err, exited });
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`cos-local exited (${code ?? signal}) before serving:\n${out}\n${err}`));
    });
  });
}

/**
 * SIGTERM to tsx, which relays it to the server (to the group, the server would get it twice), and
 * the exit code (main.ts closes the store, so SQLite checkpoints its WAL).
 */
export async function stopGracefully(p: CosLocalProcess): Promise<number | null> {
  p.child.kill('SIGTERM');
  return (await p.exited).code;
}

// The killer runs on a thread of its own: the test's main thread is busy hashing and sending bodies,
// and would react to a file system event only milliseconds later — after the moment it aimed at.
const KILLER = `
const { parentPort, workerData } = require('node:worker_threads');
const { existsSync, watch } = require('node:fs');
const { join } = require('node:path');
let armed = false;
const watcher = watch(workerData.dir, (event, file) => {
  if (!armed || event !== 'rename' || file === null) return;
  // A 'rename' event names a file that appeared (it exists) or left (renamed into place, or removed).
  if (existsSync(join(workerData.dir, file)) !== (workerData.on === 'appear')) return;
  armed = false;
  try { process.kill(-workerData.pid, 'SIGKILL'); } catch {}
  watcher.close();
  parentPort.postMessage('killed');
});
parentPort.on('message', (m) => {
  if (m === 'arm') armed = true;
  else { watcher.close(); parentPort.close(); }
});
`;

export interface Killer {
  /** From now on, the next matching event kills the process group. */
  arm(): void;
  /** Resolves when the killer fired; rejects if the killer failed (the child is then killed at once). */
  fired: Promise<void>;
  close(): Promise<void>;
}

/** Watches `dir` (non-recursively) and, once armed, SIGKILLs the child's group when a file appears or leaves. */
export function killerOn(dir: string, child: ChildProcess, on: 'appear' | 'leave'): Killer {
  const worker = new Worker(KILLER, { eval: true, workerData: { dir, pid: child.pid, on } });
  const fired = new Promise<void>((resolve, reject) => {
    worker.on('message', () => resolve());
    worker.on('error', (e) => {
      killHard(child); // the round must end either way
      reject(e);
    });
  });
  return {
    arm: () => worker.postMessage('arm'),
    fired,
    close: async () => {
      worker.postMessage('stop');
      await worker.terminate();
    },
  };
}

export interface DiskState {
  /** Blob files at blobs/<aa>/<id>, id → size. */
  blobFiles: Map<string, number>;
  /** Anything else under blobs/ but blobs/tmp. */
  strays: string[];
  tmpFiles: string[];
  /** Blob ids the rows refer to, id → size the row says ('' ids, e.g. delete markers, skipped). */
  referenced: Map<string, number>;
  /** Rows of different tables naming the same blob with different sizes. */
  sizeConflicts: string[];
}

function blobDirectory(dataDir: string): Pick<DiskState, 'blobFiles' | 'strays' | 'tmpFiles'> {
  const root = join(dataDir, 'blobs');
  const blobFiles = new Map<string, number>();
  const strays: string[] = [];
  const tmpFiles = existsSync(join(root, 'tmp')) ? readdirSync(join(root, 'tmp')) : [];
  for (const shard of readdirSync(root, { withFileTypes: true })) {
    if (shard.name === 'tmp') continue;
    if (!shard.isDirectory()) {
      strays.push(shard.name);
      continue;
    }
    for (const f of readdirSync(join(root, shard.name), { withFileTypes: true })) {
      if (f.isFile() && /^[0-9a-f]{32}$/.test(f.name) && f.name.startsWith(shard.name)) {
        blobFiles.set(f.name, statSync(join(root, shard.name, f.name)).size);
      } else strays.push(`${shard.name}/${f.name}`);
    }
  }
  return { blobFiles, strays, tmpFiles };
}

function referencedBlobs(db: Database.Database): Pick<DiskState, 'referenced' | 'sizeConflicts'> {
  const referenced = new Map<string, number>();
  const sizeConflicts: string[] = [];
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
  for (const { name } of tables) {
    const columns = db.prepare<[], { name: string }>(`PRAGMA table_info("${name}")`).all().map((c) => c.name);
    if (!columns.includes('blob_id') || !columns.includes('size')) continue;
    for (const row of db.prepare<[], { blob_id: string; size: number }>(`SELECT blob_id, size FROM "${name}" WHERE blob_id <> ''`).all()) {
      const seen = referenced.get(row.blob_id);
      if (seen !== undefined && seen !== row.size) sizeConflicts.push(`${name}: ${row.blob_id} ${seen} vs ${row.size}`);
      referenced.set(row.blob_id, row.size);
    }
  }
  return { referenced, sizeConflicts };
}

/**
 * The data dir as it lies on disk. `crashed`: a killed process may have left a WAL to recover, and
 * a read-only connection cannot run recovery; the SQLite files are then copied and the copy opened,
 * so the restart still finds the directory exactly as the crash left it.
 */
export function inspectDisk(dataDir: string, crashed = false): DiskState {
  const files = blobDirectory(dataDir);
  let scratch: string | undefined;
  let dbFile = join(dataDir, 'meta.sqlite');
  if (crashed) {
    scratch = mkdtempSync(join(tmpdir(), 'cos-local-crash-db-'));
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(dbFile + suffix)) copyFileSync(dbFile + suffix, join(scratch, `meta.sqlite${suffix}`));
    }
    dbFile = join(scratch, 'meta.sqlite');
  }
  const db = new Database(dbFile, { readonly: !crashed, fileMustExist: true });
  try {
    return { ...files, ...referencedBlobs(db) };
  } finally {
    db.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

/** Files no row refers to, and rows whose file is missing or has another size. */
export function compare(state: DiskState): { orphans: string[]; missing: string[]; wrongSize: string[] } {
  const orphans = [...state.blobFiles.keys()].filter((id) => !state.referenced.has(id));
  const missing = [...state.referenced.keys()].filter((id) => !state.blobFiles.has(id));
  const wrongSize = [...state.referenced].filter(([id, size]) => state.blobFiles.has(id) && state.blobFiles.get(id) !== size).map(([id]) => id);
  return { orphans, missing, wrongSize };
}

/** mulberry32: a small seeded PRNG, so a failing run can be replayed with the same choices. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
