// Runs cos-nodejs-sdk-v5's own mocha suite (`test/test.js` of a checkout of
// github.com/tencentyun/cos-nodejs-sdk-v5) against cos-local, unmodified: docs/cos-behaviour.md "How
// fidelity is judged". Not part of `npm test`; nothing is downloaded but mocha (npx).
//
//   npx tsx scripts/sdk-suite/run-node-suite.ts <checkout>/test/test.js [--all] [--trace FILE] [--keep] [-- <mocha args>]
//
// What it sets up around the suite (whose code is never copied into this repository):
// - cos-local in memory on free ports (HTTP and HTTPS), with an accounts file holding the suite's
//   key, UIN and APPID, and the suite's bucket created beforehand (its first groups need it);
// - the STS helper the suite expects at `nodejssdkStsUrl` (an environment variable its test/test.js
//   reads): `GET /sts` → a temporary key from cos-local's GetFederationToken, allowed on
//   `<bucket>/nodejs-sdk/test/*` only (the suite's tempCOSPrefix; its "没有权限" test needs other keys
//   refused), and `GET /uploadSign` → `{ signMap: { PutObject } }`, a root signature for `PUT /1.txt`;
// - a work folder laid out like the checkout: `index.js` → this repo's cos-nodejs-sdk-v5,
//   `test/test.js` (copied), `demo/util.js` (copied, or a one-function stand-in), and `request`
//   resolved to cos-request (the SDK's own fork of request, same API), so nothing else is installed;
// - cos-hosts-preload.mjs (`node --import`), which sends connections for production COS hosts to
//   cos-local without changing the requests (Host header and signatures stay production's).
// By default the groups that need Tencent-side services (data processing, select, restore,
// inventory, logging, accelerate, origin; docs/cos-behaviour.md "How fidelity is judged") are left out
// with mocha's --grep/--invert; `--all` runs every group. The exit code is mocha's.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import COS from 'cos-nodejs-sdk-v5';
import STS from 'qcloud-cos-sts';
import type { AccountsFile } from '../../src/cos-local/accounts';
import { startCosLocal } from '../../src/cos-local/app';
import { UsageError } from '../../src/cos-local/cli-args';
import { parseSuiteArgs, SUITE_USAGE, type SuiteArgs } from './args';

const HERE = dirname(fileURLToPath(import.meta.url));

// The suite's configuration (its env variables). The bucket name ends in the APPID, as the suite
// expects (`config.Bucket.match(/^(.+)-(\d+)$/)`).
const APPID = '1250000000';
const UIN = '100000000001';
const REGION = 'ap-guangzhou';
const BUCKET = `sdk-suite-${APPID}`;
const KEY = { secretId: 'AKIDsdksuite000000000000000000000000', secretKey: 'sdksuitesecretkey000000000000000' };
const TEMP_PREFIX = 'nodejs-sdk/test/';

/**
 * Groups that need Tencent-side services (docs/cos-behaviour.md "How fidelity is judged"), by their
 * describe() titles: select, restore, inventory, logging, accelerate, origin, and data processing
 * (`request`: pic-operations and ci-process; `RawBody error`: the ci.* and tencentcos.cn hosts).
 */
export const TENCENT_SIDE_GROUPS = [
  'selectObjectContent(),selectObjectContentStream()', 'restoreObject()', 'BucketInventory', 'BucketLogging',
  'getBucketAccelerate', 'BucketOrigin', 'request', 'RawBody error',
];

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Args = Omit<SuiteArgs, 'help'>;

/** The checkout's layout around the suite: what its require()s of `../index`, `../demo/util` and `request` need. */
function layOut(args: Args): string {
  const work = mkdtempSync(join(tmpdir(), 'cos-node-suite-'));
  const require = createRequire(import.meta.url);
  const sdkMain = require.resolve('cos-nodejs-sdk-v5');
  const cosRequest = dirname(createRequire(sdkMain).resolve('cos-request/package.json'));
  mkdirSync(join(work, 'test'));
  mkdirSync(join(work, 'demo'));
  mkdirSync(join(work, 'node_modules'));
  copyFileSync(args.suite, join(work, 'test', 'test.js'));
  writeFileSync(join(work, 'index.js'), `module.exports = require(${JSON.stringify(sdkMain)});\n`);
  symlinkSync(cosRequest, join(work, 'node_modules', 'request'), 'dir');
  const util = join(dirname(args.suite), '..', 'demo', 'util.js');
  if (existsSync(util)) copyFileSync(util, join(work, 'demo', 'util.js'));
  else {
    // The one helper the suite uses: createFile(path, size, callback) makes a zero-filled file
    // unless it exists.
    writeFileSync(join(work, 'demo', 'util.js'), [
      "const fs = require('fs');",
      'exports.createFile = (path, size, cb) => {',
      '  if (!fs.existsSync(path)) fs.writeFileSync(path, Buffer.alloc(size));',
      '  if (cb) cb();',
      '};',
      '',
    ].join('\n'));
  }
  return work;
}

function listen(server: Server): Promise<number> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port));
  });
}

/** The suite's STS helper (`nodejssdkStsUrl`): `/sts` and `/uploadSign`, backed by cos-local. */
function stsHelper(httpsPort: number): Server {
  const policy = {
    version: '2.0',
    statement: [{
      effect: 'allow', action: ['name/cos:*'],
      resource: [`qcs::cos:${REGION}:uid/${APPID}:${BUCKET}/${TEMP_PREFIX}*`],
    }],
  };
  return createServer((req, res) => {
    const reply = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/sts') {
      STS.getCredential({ ...KEY, policy, durationSeconds: 1800, host: `127.0.0.1:${httpsPort}` }).then(
        (data) => reply(200, data),
        (e: unknown) => reply(500, { error: String(e) }),
      );
    } else if (path === '/uploadSign') {
      const PutObject = COS.getAuthorization({ SecretId: KEY.secretId, SecretKey: KEY.secretKey, Method: 'put', Key: '1.txt', Expires: 3600 });
      reply(200, { signMap: { PutObject } });
    } else reply(404, { error: 'not found' });
  });
}

async function main(): Promise<number> {
  const args = parseSuiteArgs(process.argv.slice(2));
  if (args.help) {
    console.log(SUITE_USAGE);
    return 0;
  }
  if (!existsSync(args.suite)) throw new UsageError(`${args.suite} does not exist: give the path of the suite's test/test.js`);
  const accounts: AccountsFile = { accounts: [{ uin: UIN, appId: APPID, ...KEY, subUsers: [] }] };
  const cosLocal = await startCosLocal({ memory: true, port: 0, httpsPort: 0, accounts });
  const certificate = cosLocal.certificatePath ?? '';
  const httpsPort = cosLocal.httpsPort ?? 0;
  // qcloud-cos-sts (in this process) has no CA option; it uses the global agent.
  https.globalAgent.options.ca = readFileSync(certificate);
  const sts = stsHelper(httpsPort);
  const stsPort = await listen(sts);
  const work = layOut(args);
  try {
    const admin = new COS({ SecretId: KEY.secretId, SecretKey: KEY.secretKey, Protocol: 'http:', Ip: `127.0.0.1:${cosLocal.port}` });
    await admin.putBucket({ Bucket: BUCKET, Region: REGION });
    console.log(`cos-local: ${cosLocal.url} and ${cosLocal.httpsUrl ?? ''}; STS helper on 127.0.0.1:${stsPort}; suite copied to ${work}`);

    const mochaArgs = ['--yes', 'mocha@10', 'test/test.js', '--timeout', '120000', '--exit'];
    if (args.trace !== undefined) {
      writeFileSync(args.trace, '');
      mochaArgs.push('--require', join(HERE, 'trace-hooks.mjs'));
    }
    if (!args.all) mochaArgs.push('--grep', `^(${TENCENT_SIDE_GROUPS.map(escapeRegExp).join('|')}) `, '--invert');
    mochaArgs.push(...args.mocha);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SecretId: KEY.secretId, SecretKey: KEY.secretKey, Bucket: BUCKET, Region: REGION, Uin: UIN,
      nodejssdkStsUrl: `http://127.0.0.1:${stsPort}`,
      COS_SUITE_HTTP_PORT: String(cosLocal.port), COS_SUITE_HTTPS_PORT: String(httpsPort), COS_SUITE_CA: certificate,
      NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import ${join(HERE, 'cos-hosts-preload.mjs')}`.trim(),
      ...(args.trace === undefined ? {} : { COS_SUITE_TRACE: args.trace }),
    };
    // The suite's proxy settings are its own (`Proxy: ''`); an inherited proxy would take the
    // requests elsewhere.
    for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']) delete env[name];
    const child = spawn('npx', mochaArgs, { cwd: work, env, stdio: 'inherit' });
    return await new Promise<number>((done) => child.on('exit', (code) => done(code ?? 1)));
  } finally {
    await new Promise<void>((done) => sts.close(() => done()));
    await cosLocal.close();
    if (!args.keep) rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof UsageError ? `run-node-suite: ${e.message}\n\n${SUITE_USAGE}` : e instanceof Error ? e.message : e);
    process.exit(2);
  },
);
