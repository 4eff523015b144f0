// `npm start`: local mode (cos-local in-process + console server) unless COS_SECRET_ID/KEY are set.
// Builds the SPA when stale, seeds demo data on the first run, prints the URL and how to sign in.
// Configuration: environment and CONSOLE_CONFIG, validated once by loadConfig (README "Configuration").
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultAccounts, loadAccountsFile } from '../src/cos-local/accounts';
import { startCosLocal } from '../src/cos-local/app';
import { noArguments } from '../src/cos-local/cli-args';
import { buildApp } from '../src/server/app';
import { UserRepository } from '../src/server/auth/users';
import { cloudTarget, ConfigError, loadConfig, type CosTarget } from '../src/server/config';
import { openDatabase } from '../src/server/db/database';
import { buildIfStale } from './build-if-stale';
import { localKey } from './local-key';
import { seedDemo } from './seed-demo';

const LOCAL_APPID = '1250000000';
const root = resolve(import.meta.dirname, '..');

const USAGE = `usage: npm start

Starts the console (local mode with cos-local and demo data, or cloud mode when COS_SECRET_ID and
COS_SECRET_KEY are set). It takes no arguments: settings come from the environment and the
CONSOLE_CONFIG file (README, "Configuration").

  -h, --help  show this help`;

async function main(): Promise<void> {
  noArguments('npm start', USAGE);
  const config = loadConfig();
  buildIfStale(root);
  const closers: (() => Promise<void>)[] = [];
  const lines: string[] = [];

  let cos: CosTarget;
  const scheme = config.tls ? 'https' : 'http';
  if (config.cloud) {
    const cloud = config.cloud;
    cos = cloudTarget(config);
    const hosts = cloud.domain ?? 'https://*.myqcloud.com';
    lines.push(`COS:         ${cloud.endpointIp ? `${hosts} at ${cloud.endpointIp} (COS_ENDPOINT_IP)` : hosts}, region ${config.region}, STS ${cloud.stsHost}`);
  } else {
    // COS_LOCAL_ACCOUNTS: cos-local's accounts file (docs/cos-behaviour.md "Accounts"); its first account is the one the
    // console uses and seeds. Without it, one account with the key of COS_LOCAL_SECRET_ID/KEY or a saved one.
    const accountsFile = config.cosLocalAccounts;
    const accounts = accountsFile ? await loadAccountsFile(accountsFile) : undefined;
    const first = accounts?.accounts[0];
    const key = first ? { secretId: first.secretId, secretKey: first.secretKey, generated: false } : localKey(config.dataDir, process.env);
    const appId = first?.appId ?? LOCAL_APPID;
    const local = await startCosLocal({
      host: '127.0.0.1',
      port: config.cosLocalPort,
      dataDir: join(config.dataDir, 'cos-local'),
      accounts: accounts ?? defaultAccounts(key.secretId, key.secretKey),
    });
    closers.push(() => local.close());
    const endpoint = `http://127.0.0.1:${local.port}`;
    cos = {
      mode: 'local', secretId: key.secretId, secretKey: key.secretKey, ip: `127.0.0.1:${local.port}`,
      // The browser addresses buckets virtual-hosted, as on COS, so that every signature's Host names
      // its bucket (docs/security.md); Chromium resolves `*.localhost` to loopback by itself.
      browserDomain: `{Bucket}.cos.{Region}.localhost:${local.port}`, browserServiceDomain: `http://service.cos.localhost:${local.port}`,
      protocol: 'http:', defaultRegion: config.region,
      ...(config.allowedRegions ? { allowedRegions: config.allowedRegions } : {}),
      // cos-local's STS on its plain port (docs/cos-behaviour.md "Temporary keys (STS)").
      stsEndpoint: `${endpoint}/`,
    };
    lines.push(`cos-local:   ${endpoint}  (APPID ${appId}, SecretId ${key.secretId})`);
    if (accountsFile) lines.push(`             accounts from ${accountsFile}`);
    if (key.generated) lines.push(`             SecretKey ${key.secretKey}  (generated now, saved in ${config.dataDir}; shown only once)`);

    const marker = join(config.dataDir, '.demo-seeded');
    if (!existsSync(marker)) {
      const origins = [`${scheme}://127.0.0.1:${config.port}`, `${scheme}://localhost:${config.port}`];
      const seeded = await seedDemo({ ...key, ip: cos.ip ?? '', appId, consoleOrigins: origins });
      writeFileSync(marker, new Date().toISOString());
      lines.push(`demo data:   ${seeded.buckets} buckets, ${seeded.objects} objects (first run)`);
    }
  }

  const db = openDatabase(join(config.dataDir, 'console.db'));
  const admin = await new UserRepository(db).ensureAdmin(config.adminPassword);
  const app = await buildApp({
    db, cos, config, distDir: join(root, 'dist'), logger: config.logRequests,
    ...(config.tls ? { https: { cert: config.tls.cert, key: config.tls.key } } : {}),
  });
  closers.unshift(async () => { await app.close(); db.close(); });
  await app.listen({ port: config.port, host: config.host });

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log([
    '',
    `COS Console (${cos.mode} mode) is running at ${scheme}://${config.host}:${port}`,
    ...(config.configFile ? [`config:      ${config.configFile}`] : []),
    ...(config.tls ? [`TLS:         ${config.tls.certFile}`] : []),
    ...(config.allowedRegions ? [`regions:     ${config.allowedRegions.join(', ')} only`] : []),
    ...(config.trustProxy !== false ? [`proxy:       client addresses from X-Forwarded-For (TRUST_PROXY)`] : []),
    ...lines,
    admin.generatedPassword
      ? `sign in:     user "admin", password ${admin.generatedPassword}  (generated now; shown only once — set CONSOLE_ADMIN_PASSWORD to choose one)`
      : `sign in:     user "admin" with the password printed on the first start, or CONSOLE_ADMIN_PASSWORD`,
    'Press Ctrl-C to stop.',
    '',
  ].join('\n'));

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    for (const close of closers) await close().catch((err: unknown) => console.error(err));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? `configuration error: ${err.message}` : err instanceof Error ? err.message : err);
  process.exit(1);
});
