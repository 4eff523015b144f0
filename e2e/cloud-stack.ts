// The cloud-mode e2e stack (e2e/cloud.config.ts): cos-local plays production COS and STS, and the console
// runs exactly as `npm start` does in cloud mode (scripts/start.ts with COS_SECRET_ID/COS_SECRET_KEY),
// its Node SDK and qcloud-cos-sts reaching cos-local with production hostnames:
//   - Node SDK: COS_ENDPOINT_IP=127.0.0.1:<https port> (its `Ip` option keeps `Host: *.myqcloud.com`);
//   - qcloud-cos-sts: COS_STS_HOST=127.0.0.1:<https port>, cos-local's certificate trusted with
//     NODE_EXTRA_CA_CERTS (read at process start, hence the console runs as a child process);
//   - the browser: Chromium's --host-resolver-rules maps *.myqcloud.com to the HTTPS port (cloud.config.ts).
// Every line the console prints (stdout and stderr, request logs on) is also written to the log file
// the secret scan reads (e2e/secret-scan.spec.ts). Started and stopped by Playwright's webServer.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultAccounts } from '../src/cos-local/accounts';
import { startCosLocal } from '../src/cos-local/app';
import { seedDemo } from '../scripts/seed-demo';
import { CLOUD } from './cloud-settings';

const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(root, CLOUD.dataDir);

async function main(): Promise<void> {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const log = createWriteStream(resolve(root, CLOUD.serverLog));
  const cos = await startCosLocal({
    host: '127.0.0.1',
    port: CLOUD.cosPort,
    httpsPort: CLOUD.cosHttpsPort,
    dataDir: join(dataDir, 'cos-local'),
    accounts: defaultAccounts(CLOUD.secretId, CLOUD.secretKey),
  });
  if (!cos.certificatePath) throw new Error('cos-local started without its HTTPS certificate');
  const origin = `http://127.0.0.1:${CLOUD.port}`;
  await seedDemo({ secretId: CLOUD.secretId, secretKey: CLOUD.secretKey, ip: `127.0.0.1:${cos.port}`, appId: '1250000000', consoleOrigins: [origin] });

  // Part of the configuration comes from a CONSOLE_CONFIG file, as a deployment would have it: the
  // production endpoint templates, spelled out (COS_DOMAIN/COS_SERVICE_DOMAIN), which the browser and
  // the server's SDK both use.
  const configFile = join(dataDir, 'console.json');
  writeFileSync(configFile, JSON.stringify({ cos: { domain: '{Bucket}.cos.{Region}.myqcloud.com', serviceDomain: 'service.cos.myqcloud.com' } }));

  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      CONSOLE_CONFIG: configFile,
      PORT: String(CLOUD.port),
      DATA_DIR: join(dataDir, 'console'),
      CONSOLE_ADMIN_PASSWORD: CLOUD.adminPassword,
      COS_SECRET_ID: CLOUD.secretId,
      COS_SECRET_KEY: CLOUD.secretKey,
      COS_REGION: 'ap-guangzhou',
      COS_ENDPOINT_IP: `127.0.0.1:${cos.httpsPort}`,
      COS_STS_HOST: `127.0.0.1:${cos.httpsPort}`,
      NODE_EXTRA_CA_CERTS: cos.certificatePath,
      LOG_REQUESTS: '1',
    },
  });
  const pipe = (from: NodeJS.ReadableStream, to: NodeJS.WriteStream): void => {
    from.on('data', (chunk: Buffer) => {
      to.write(chunk);
      log.write(chunk);
    });
  };
  pipe(child.stdout, process.stdout);
  pipe(child.stderr, process.stderr);
  console.log(`cloud e2e stack: cos-local http://127.0.0.1:${cos.port} https://127.0.0.1:${cos.httpsPort} (certificate ${cos.certificatePath}); console ${origin}`);

  let stopping = false;
  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGINT');
      await exited;
    }
    await cos.close();
    await new Promise((done) => log.end(done));
    process.exit(code);
  };
  child.on('exit', (code) => void stop(code ?? 1));
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
