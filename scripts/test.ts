// `npm test`: type check, lint, unit and integration tests (vitest), build, then Playwright e2e (local
// mode, then cloud mode against cos-local behind the production hostnames) in
// Debian's Chromium. Provisions Chromium when missing (README "Quick start"), never downloads a browser build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { noArguments } from '../src/cos-local/cli-args';

noArguments('npm test', `usage: npm test

Type check, lint, unit and integration tests (vitest), build, then the end-to-end tests (Playwright,
local and cloud mode) in Chromium; a summary at the end. It takes no arguments (for a part, run
npx vitest run <files> or npx playwright test -c e2e/playwright.config.ts).

  -h, --help  show this help`);

// Absolute: Playwright resolves relative report paths against its config folder (e2e/).
const REPORTS = resolve('.tmp/reports');
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

function run(title: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n=== ${title}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function findChromium(): string | undefined {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium'].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p));
}

function provisionChromium(): string {
  const found = findChromium();
  if (found) return found;
  if (process.getuid?.() !== 0) {
    console.error('Chromium not found. Install Debian\'s chromium and fonts-noto-cjk (apt-get install chromium fonts-noto-cjk), or set CHROMIUM_PATH.');
    process.exit(1);
  }
  console.log('Chromium not found; installing Debian\'s chromium and fonts-noto-cjk with apt-get…');
  const ok =
    run('apt-get update', 'apt-get', ['update', '-qq']) &&
    run('apt-get install', 'apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'], { DEBIAN_FRONTEND: 'noninteractive' });
  const path = findChromium();
  if (!ok || !path) {
    console.error('Installing Chromium failed; see the apt-get output above.');
    process.exit(1);
  }
  return path;
}

interface Counts { passed: number; failed: number; skipped: number }

function vitestCounts(): Counts | undefined {
  try {
    const r = JSON.parse(readFileSync(`${REPORTS}/vitest.json`, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
    return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
  } catch {
    return undefined;
  }
}

function playwrightCounts(report: string): Counts | undefined {
  try {
    const r = JSON.parse(readFileSync(`${REPORTS}/${report}`, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
    return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
  } catch {
    return undefined;
  }
}

const chromium = provisionChromium();
const results: Record<string, boolean> = {};
results['typecheck'] = run('type check', 'npx', ['tsc', '--noEmit', '-p', '.']);
results['lint'] = run('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
results['unit+integration'] = run('unit and integration tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/vitest.json`]);
results['build'] = run('build', 'npx', ['vite', 'build']);
results['e2e'] = results['build'] && run('end-to-end tests', 'npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts'], {
  CHROMIUM_PATH: chromium,
  PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/playwright.json`,
});
// Cloud mode against cos-local behind the production hostnames (e2e/cloud.config.ts; README.md "Cloud
// mode").
results['e2e cloud mode'] = results['build'] && run('end-to-end tests, cloud mode', 'npx', ['playwright', 'test', '-c', 'e2e/cloud.config.ts'], {
  CHROMIUM_PATH: chromium,
  PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/playwright-cloud.json`,
});

const v = vitestCounts() ?? { passed: 0, failed: 1, skipped: 0 };
const pLocal = playwrightCounts('playwright.json') ?? { passed: 0, failed: 1, skipped: 0 };
const pCloud = playwrightCounts('playwright-cloud.json') ?? { passed: 0, failed: 1, skipped: 0 };
const p = { passed: pLocal.passed + pCloud.passed, failed: pLocal.failed + pCloud.failed, skipped: pLocal.skipped + pCloud.skipped };
console.log('\n=== summary');
for (const [step, ok] of Object.entries(results)) console.log(`${ok ? 'ok  ' : 'FAIL'} ${step}`);
console.log(`vitest: ${v.passed} passed, ${v.failed} failed, ${v.skipped} skipped`);
console.log(`playwright: ${p.passed} passed, ${p.failed} failed, ${p.skipped} skipped (local mode ${pLocal.passed}/${pLocal.failed}, cloud mode ${pCloud.passed}/${pCloud.failed} passed/failed)`);
const failed = v.failed + p.failed + Object.values(results).filter((ok) => !ok).length;
console.log(`total: ${v.passed + p.passed} passed, ${failed} failed`);
process.exit(Object.values(results).every(Boolean) ? 0 : 1);
