// e2e: the real console (scripts/start.ts, exactly what `npm start` runs) with cos-local and seeded
// demo data, on test ports and a fresh data directory, driven in Debian's Chromium (never a
// downloaded browser: README "Quick start").
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './chromium';

export const E2E_PORT = Number(process.env['E2E_PORT'] ?? 3100);
export const E2E_COS_PORT = Number(process.env['E2E_COS_PORT'] ?? 9100);
export const E2E_ADMIN_PASSWORD = 'e2e-admin-password';
// Given, not generated, so that the start banner never prints it and the secret scan can look for it.
export const E2E_COS_SECRET_ID = 'AKIDe2eLocalRootKey000000000000000001';
export const E2E_COS_SECRET_KEY = 'e2eLocalRootSecretKey000000000001';
// cos-local's accounts (COS_LOCAL_ACCOUNTS): the root key above and the sub-user alice, whose CAM
// policy allows listing and reading photos-1250000000 under 2025/ only (e2e/api-key.spec.ts; the
// policy's cos:prefix value is URL-encoded, `2025%2F*`, as COS requires).
const ACCOUNTS_FILE = 'e2e/fixtures/cos-local-accounts.json';
export const E2E_ALICE_SECRET_ID = 'AKIDe2eLocalAliceKey00000000000000001';
export const E2E_ALICE_SECRET_KEY = 'e2eLocalAliceSecretKey00000000001';
// A run on other ports (E2E_PORT set) keeps its state apart, so two runs can share a checkout.
const RUN = process.env['E2E_PORT'] ? `-${E2E_PORT}` : '';
const DATA_DIR = `.tmp/e2e-data${RUN}`;
const SERVER_LOG = `.tmp/e2e-logs/local-server${RUN}.log`;
const CAPTURE_DIR = `.tmp/e2e-capture/local${RUN}`;

export default defineConfig({
  testDir: '.',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'] ?? `../.tmp/reports/playwright${RUN}.json` }]],
  outputDir: `../test-results${RUN}`,
  metadata: {
    // Read by e2e/capture.ts and e2e/secret-scan.spec.ts (paths relative to the repository root).
    captureDir: CAPTURE_DIR,
    serverLog: SERVER_LOG,
    consoleSecretFile: `${DATA_DIR}/console-secret.key`,
    secrets: [E2E_ADMIN_PASSWORD, E2E_COS_SECRET_KEY, E2E_ALICE_SECRET_KEY],
  },
  projects: [
    { name: 'e2e', testMatch: '*.spec.ts', testIgnore: ['secret-scan.spec.ts', 'cloud/**'] },
    // Last: scans what the other specs captured and the server's log (README.md "Quick start").
    { name: 'secret-scan', testMatch: 'secret-scan.spec.ts', dependencies: ['e2e'] },
  ],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    browserName: 'chromium',
    headless: true,
    locale: 'en-US',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_EXECUTABLE,
      args: [...CHROMIUM_ARGS],
    },
  },
  webServer: {
    // The server's output also goes to SERVER_LOG (request logs on) for the secret scan.
    command: `rm -rf ${DATA_DIR} ${CAPTURE_DIR} && mkdir -p .tmp/e2e-logs && npx tsx scripts/start.ts 2>&1 | tee ${SERVER_LOG}`,
    cwd: '..',
    env: {
      PORT: String(E2E_PORT),
      COS_LOCAL_PORT: String(E2E_COS_PORT),
      DATA_DIR,
      CONSOLE_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      COS_LOCAL_SECRET_ID: E2E_COS_SECRET_ID,
      COS_LOCAL_SECRET_KEY: E2E_COS_SECRET_KEY,
      COS_LOCAL_ACCOUNTS: ACCOUNTS_FILE,
      LOG_REQUESTS: '1',
    },
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGINT', timeout: 10_000 },
  },
});
