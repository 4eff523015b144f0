// Cloud-mode e2e (README.md "Cloud mode"): the console in cloud mode (COS_SECRET_ID/COS_SECRET_KEY)
// against cos-local behind the production hostnames. Chromium resolves every *.myqcloud.com name to
// cos-local's HTTPS port (--host-resolver-rules), so the SPA's cos-js-sdk-v5 calls
// https://<bucket>.cos.<region>.myqcloud.com exactly as in production; the server side is wired in
// e2e/cloud-stack.ts. cos-local's certificate is self-signed, so the browser context ignores
// certificate errors (ignoreHTTPSErrors).
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './chromium';
import { CLOUD, CLOUD_RUN } from './cloud-settings';

export default defineConfig({
  testDir: '.',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'] ?? `../.tmp/reports/playwright-cloud${CLOUD_RUN}.json` }]],
  outputDir: `../test-results/cloud${CLOUD_RUN}`,
  metadata: {
    // Read by e2e/capture.ts and e2e/secret-scan.spec.ts (paths relative to the repository root).
    captureDir: CLOUD.captureDir,
    serverLog: CLOUD.serverLog,
    consoleSecretFile: `${CLOUD.dataDir}/console/console-secret.key`,
    secrets: [CLOUD.adminPassword, CLOUD.secretKey],
  },
  use: {
    baseURL: `http://127.0.0.1:${CLOUD.port}`,
    browserName: 'chromium',
    headless: true,
    locale: 'en-US',
    ignoreHTTPSErrors: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_EXECUTABLE,
      args: [...CHROMIUM_ARGS,
        `--host-resolver-rules=MAP *.myqcloud.com 127.0.0.1:${CLOUD.cosHttpsPort}`],
    },
  },
  projects: [
    { name: 'cloud', testMatch: 'cloud/**/*.spec.ts' },
    { name: 'secret-scan', testMatch: 'secret-scan.spec.ts', dependencies: ['cloud'] },
  ],
  webServer: {
    command: `mkdir -p .tmp/e2e-logs && rm -rf ${CLOUD.captureDir} && npx tsx e2e/cloud-stack.ts`,
    cwd: '..',
    url: `http://127.0.0.1:${CLOUD.port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGINT', timeout: 10_000 },
  },
});
