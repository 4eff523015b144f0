// e2e: the real console (scripts/start.ts, exactly what `npm start` runs) with cos-local and seeded
// demo data, on test ports and a fresh data directory, driven in Debian's Chromium (never a
// downloaded browser: toolchain.md §6).
import { defineConfig } from '@playwright/test';

export const E2E_PORT = Number(process.env['E2E_PORT'] ?? 3100);
export const E2E_COS_PORT = Number(process.env['E2E_COS_PORT'] ?? 9100);
export const E2E_ADMIN_PASSWORD = 'e2e-admin-password';
const DATA_DIR = '.tmp/e2e-data';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'] ?? '../.tmp/reports/playwright.json' }]],
  outputDir: '../test-results',
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    browserName: 'chromium',
    headless: true,
    locale: 'en-US',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    },
  },
  webServer: {
    command: `rm -rf ${DATA_DIR} && npx tsx scripts/start.ts`,
    cwd: '..',
    env: {
      PORT: String(E2E_PORT),
      COS_LOCAL_PORT: String(E2E_COS_PORT),
      DATA_DIR,
      CONSOLE_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
    },
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGINT', timeout: 10_000 },
  },
});
