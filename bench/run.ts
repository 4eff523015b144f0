// `npm run bench`: cos-local's GET Bucket listing at scale (target: a page in under 50 ms at
// 1,000,000 keys on this 2-core machine). Measures the store's listObjects (what a page costs before
// XML), then the same pages over HTTP through cos-nodejs-sdk-v5 (signature check, XML both ways,
// the SDK's parsing); reports medians over repeated pages. Not part of `npm test`.
// --keys (or BENCH_KEYS) sets the key count (default 1,000,000), --store file (or BENCH_STORE=file)
// uses SQLite on disk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import COS from 'cos-nodejs-sdk-v5';
import { defaultAccounts } from '../src/cos-local/accounts';
import { createCosLocal } from '../src/cos-local/app';
import { commandLineOrExit, parseCommandLine, UsageError } from '../src/cos-local/cli-args';
import { openStore } from '../src/cos-local/store/open-store';
import type { SqliteMetaStore } from '../src/cos-local/store/sqlite-meta';
import type { ListQuery, MetaStore } from '../src/cos-local/store/types';

const USAGE = `usage: npm run bench [-- --keys N] [--store memory|file]

  --keys N        how many keys to fill and list (default: BENCH_KEYS, else 1000000)
  --store memory  SQLite in memory (default: BENCH_STORE, else memory)
  --store file    SQLite in a file in a temporary folder
  -h, --help      show this help`;

const { KEYS, ON_DISK } = commandLineOrExit('bench', USAGE, () => {
  const { values } = parseCommandLine({ options: { keys: { type: 'string' }, store: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const keys = values.keys ?? process.env['BENCH_KEYS'] ?? '1000000';
  const store = values.store ?? process.env['BENCH_STORE'] ?? 'memory';
  if (!/^[1-9]\d*$/.test(keys)) throw new UsageError(`${values.keys === undefined ? 'BENCH_KEYS' : '--keys'} must be a whole number of keys, not "${keys}"`);
  if (store !== 'memory' && store !== 'file') throw new UsageError(`${values.store === undefined ? 'BENCH_STORE' : '--store'} must be memory or file, not "${store}"`);
  return { KEYS: Number(keys), ON_DISK: store === 'file' };
});
const FOLDERS = 1000;
const PER_FOLDER = Math.ceil(KEYS / FOLDERS);
const BUCKET = 'bench-1250000000';
const RUNS = 50;

const pad = (n: number): string => String(n).padStart(5, '0');

function fill(meta: MetaStore): void {
  meta.createBucket({ name: BUCKET, region: 'ap-guangzhou', appId: '1250000000', createdAt: Date.now() });
  const now = Math.floor(Date.now() / 1000) * 1000;
  for (let i = 0; i < KEYS; i++) {
    const key = `d${pad(i % FOLDERS)}/f${pad(Math.floor(i / FOLDERS))}.txt`;
    meta.putObject({ bucket: BUCKET, key, size: 1, etag: '"0"', crc64: '0', lastModified: now, storageClass: 'STANDARD', headers: {}, meta: {}, blobId: `b${i}`, versionId: 'null' }, 'unversioned');
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function measure(meta: MetaStore, name: string, query: ListQuery): void {
  let entries = 0;
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const page = meta.listObjects(BUCKET, query);
    times.push(performance.now() - t0);
    entries = page.contents.length + page.commonPrefixes.length;
  }
  console.log(`${name.padEnd(58)} median ${median(times).toFixed(2)} ms  (${entries} entries, ${RUNS} runs)`);
}

const SECRET_ID = 'AKIDbenchbenchbenchbenchbenchbench00';
const SECRET_KEY = 'benchbenchbenchbenchbenchbench00';

interface PageQuery {
  prefix: string;
  delimiter: string;
  marker: string;
}

async function measureHttp(cos: COS, name: string, q: PageQuery): Promise<void> {
  let entries = 0;
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const page = await cos.getBucket({ Bucket: BUCKET, Region: 'ap-guangzhou', Prefix: q.prefix, Delimiter: q.delimiter, Marker: q.marker, MaxKeys: 1000 });
    times.push(performance.now() - t0);
    entries = page.Contents.length + (page.CommonPrefixes ?? []).length;
  }
  console.log(`${`HTTP + SDK: ${name}`.padEnd(58)} median ${median(times).toFixed(2)} ms  (${entries} entries, ${RUNS} runs)`);
}

const dir = ON_DISK ? mkdtempSync(join(tmpdir(), 'cos-local-bench-')) : undefined;
const store = await openStore(dir ? { dataDir: dir } : { memory: true });
const t0 = performance.now();
// One transaction for the whole load (the store's per-write transactions become savepoints).
(store.meta as SqliteMetaStore).batch(() => fill(store.meta));
console.log(`cos-local listing benchmark: ${KEYS.toLocaleString('en')} keys in ${FOLDERS} folders, ${dir ? 'SQLite file' : 'SQLite in memory'}; filled in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const mid = `d${pad(FOLDERS / 2)}`;
const pages: [string, PageQuery][] = [
  ['flat page, marker deep in the keyspace', { prefix: '', delimiter: '', marker: `${mid}/f${pad(PER_FOLDER / 2)}.txt` }],
  ['prefix + delimiter, marker mid-folder', { prefix: `${mid}/`, delimiter: '/', marker: `${mid}/f${pad(PER_FOLDER / 2)}.txt` }],
  ['root with delimiter: a page of common prefixes', { prefix: '', delimiter: '/', marker: `d${pad(100)}/` }],
];
for (const [name, q] of pages) measure(store.meta, name, { ...q, maxKeys: 1000 });

// The same pages over HTTP: cos-local's handler on a loopback port, the Node SDK as the client.
const app = createCosLocal({ store, accounts: defaultAccounts(SECRET_ID, SECRET_KEY), log: () => undefined });
const server = createServer(app.handler);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const cos = new COS({ SecretId: SECRET_ID, SecretKey: SECRET_KEY, Protocol: 'http:', Ip: `127.0.0.1:${(server.address() as AddressInfo).port}` });
for (const [name, q] of pages) await measureHttp(cos, name, q);
await new Promise<void>((resolve) => server.close(() => resolve()));
await store.close();
if (dir) rmSync(dir, { recursive: true, force: true });
