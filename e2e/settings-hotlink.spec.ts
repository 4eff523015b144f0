// The hotlink protection section end to end: on a fresh bucket holding a public-read PNG, protection
// is switched on through the UI as an allow-list naming allowed.localhost; the tester's verdicts on the
// draft; the lock-out warning (the console itself, on 127.0.0.1, is not on the list) is accepted; then
// cos-local enforces it: an <img> on a page served from http://allowed.localhost loads, the same
// <img> from http://other.localhost is refused. The entry has no port on purpose: an entry without a
// port covers every port (src/shared/referer/match.ts, 436/13319), and the browser's Referer here is
// `http://allowed.localhost:<port>/` (the console's Referrer-Policy is strict-origin).
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { en } from '../src/console/i18n/en';
import { parseRefererXml } from '../src/shared/xml/referer';
import { expectAccessible } from './axe';
import { expect, test } from './capture';
import { E2E_ADMIN_PASSWORD, E2E_COS_PORT, E2E_PORT } from './playwright.config';
import { createBucket, openSection, readSubresource, REGION, rootCos, uniqueBucket } from './settings-steps';
import { createConsoleAccount, signInAs, signInAsAdmin } from './steps';

const KEY = 'pixel.png';
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const h = en.bucketSettings.hotlink;

/**
 * Opens `http://<host>:<console port>/login` in a fresh context (its own cache, so nothing is served
 * without asking COS), injects an <img> of the object and waits for its load or error event.
 */
async function imageFrom(browser: Browser, host: string, bucket: string): Promise<{ loaded: boolean; width: number }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`http://${host}:${E2E_PORT}/login`);
    const src = `http://${bucket}.cos.${REGION}.localhost:${E2E_COS_PORT}/${KEY}`;
    return await page.evaluate(
      (url) =>
        new Promise<{ loaded: boolean; width: number }>((resolve) => {
          const img = document.createElement('img');
          img.addEventListener('load', () => resolve({ loaded: true, width: img.naturalWidth }));
          img.addEventListener('error', () => resolve({ loaded: false, width: img.naturalWidth }));
          img.alt = '';
          img.src = url;
          document.body.append(img);
        }),
      src,
    );
  } finally {
    await context.close();
  }
}

async function chooseLanguage(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.getByLabel(en.language.label).first().click();
  await page.getByRole('listitem').filter({ hasText: lang === 'en' ? en.language.en : en.language.zhCN }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

async function tryReferer(page: Page, referer: string, verdict: string, reason: string): Promise<void> {
  await page.getByLabel(h.tester.referer).fill(referer);
  const result = page.getByTestId('hotlink-verdict');
  await expect(result).toContainText(verdict);
  await expect(result).toContainText(reason);
}

test('hotlink protection: an allow-list saved through the UI is what COS enforces', async ({ page, browser }) => {
  // Several browser contexts, two axe scans and two languages: longer than the default 60 s allows on a busy machine.
  test.slow();
  mkdirSync('/tmp/shots', { recursive: true });
  const cos = rootCos();
  const bucket = uniqueBucket('hotlink');
  await createBucket(cos, bucket);
  await cos.putObject({ Bucket: bucket, Region: REGION, Key: KEY, Body: PNG, ContentType: 'image/png', ACL: 'public-read' });

  // Without protection any page may embed the image (so the refusal below is the configuration's doing).
  expect(await imageFrom(browser, 'other.localhost', bucket)).toEqual({ loaded: true, width: 1 });

  await openSection(page, bucket, 'hotlink');
  await expect(page.getByRole('heading', { level: 2, name: h.title })).toBeVisible();
  const toggle = page.getByRole('switch', { name: h.status });
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await tryReferer(page, 'https://anyone.example/', h.tester.allowed, h.tester.decidedBy.disabled);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('radio', { name: h.whiteList })).toBeChecked();
  await page.getByRole('button', { name: h.addDomain }).click();
  await page.getByLabel('Website 1', { exact: true }).fill('allowed.localhost');

  // A wrong entry is named with its reason, and blocks the save until removed.
  await page.getByRole('button', { name: h.addDomain }).click();
  await page.getByLabel('Website 2', { exact: true }).fill('https://allowed.localhost/page');
  await expect(page.getByText(h.errors.scheme)).toBeVisible();
  await expect(page.getByLabel('Website 2', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Remove website 2' }).click();

  // The tester judges the draft, before anything is saved.
  await tryReferer(page, `http://allowed.localhost:${E2E_PORT}/login`, h.tester.allowed, 'It matches allow-list entry 1, “allowed.localhost”.');
  await tryReferer(page, `http://other.localhost:${E2E_PORT}/login`, h.tester.refused, h.tester.decidedBy.missWhite);
  await tryReferer(page, '', h.tester.refused, h.tester.decidedBy.emptyDeny);
  await tryReferer(page, `http://allowed.localhost:${E2E_PORT}/login`, h.tester.allowed, 'allowed.localhost');

  await expectAccessible(page, 'hotlink section (en)');
  await page.screenshot({ path: '/tmp/shots/hotlink-en.png', fullPage: true });

  // The console itself (127.0.0.1) is not on the list: the warning says so and offers to add it.
  await page.getByRole('button', { name: en.bucketSettings.common.save, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: h.lockout.title });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Referer http://127.0.0.1:${E2E_PORT}/`);
  await expect(dialog.getByRole('button', { name: `Add 127.0.0.1:${E2E_PORT} and save` })).toBeVisible();
  await expectAccessible(page, 'hotlink lock-out warning (en)');
  await page.screenshot({ path: '/tmp/shots/hotlink-lockout-en.png' });
  await dialog.getByRole('button', { name: h.lockout.saveAnyway }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(h.saved)).toBeVisible();

  // What COS holds is what was entered.
  const stored = await readSubresource(cos, bucket, 'referer');
  if (!('body' in stored)) throw new Error(`GET ?referer failed: ${stored.code}`);
  expect(parseRefererXml(stored.body)).toEqual({
    ok: true,
    value: { status: 'Enabled', refererType: 'White-List', domains: ['allowed.localhost'], emptyReferConfiguration: 'Deny' },
  });

  // cos-local enforces it: the listed site's page shows the image, another site's does not.
  expect(await imageFrom(browser, 'allowed.localhost', bucket)).toEqual({ loaded: true, width: 1 });
  expect(await imageFrom(browser, 'other.localhost', bucket)).toEqual({ loaded: false, width: 0 });

  // After the save the editor shows the saved configuration; the tester still agrees.
  await expect(page.getByLabel('Website 1', { exact: true })).toHaveValue('allowed.localhost');
  await tryReferer(page, `http://other.localhost:${E2E_PORT}/`, h.tester.refused, h.tester.decidedBy.missWhite);

  await chooseLanguage(page, 'zh-CN');
  await expect(page.getByRole('heading', { level: 2, name: '防盗链' })).toBeVisible();
  await expectAccessible(page, 'hotlink section (zh-CN)');
  await page.screenshot({ path: '/tmp/shots/hotlink-zh-CN.png', fullPage: true });
  await page.getByRole('button', { name: '添加网站' }).click();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('内容为空：请填写域名或 IP 地址，或删除该条目。')).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/hotlink-zh-CN-invalid.png', fullPage: true });
});

test('hotlink protection, read-only: a list-only account sees the configuration and the tester, no editing controls', async ({ page, browser }) => {
  const cos = rootCos();
  const bucket = uniqueBucket('hotlink-ro');
  await createBucket(cos, bucket);
  await cos.putBucketReferer({
    Bucket: bucket, Region: REGION,
    RefererConfiguration: { Status: 'Enabled', RefererType: 'Black-List', DomainList: { Domains: ['*.evil.example', 'bad.example:8080'] } },
  });

  await signInAsAdmin(page, E2E_ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: en.buckets.title })).toBeVisible();
  const name = `hotlink-ro-${Date.now().toString(36)}`;
  const password = `ro-password-${Math.random().toString(36).slice(2)}`;
  await createConsoleAccount(page, name, password, [{ bucket, prefix: '', permissions: ['list', 'read'] }]);
  const reader = await signInAs(browser, name, password);
  await reader.goto(`/buckets/${bucket}/settings/hotlink?region=${REGION}`);
  await expect(reader.getByRole('heading', { level: 2, name: h.title })).toBeVisible();
  await expect(reader.getByText(/Read-only/)).toBeVisible();

  const section = reader.locator('section.settings-section');
  await expect(section).toContainText(h.blackList);
  await expect(section.getByRole('listitem')).toHaveText(['*.evil.example', 'bad.example:8080']);
  await expect(section).toContainText(h.emptyDefault);
  await expect(section.getByRole('switch')).toHaveCount(0);
  await expect(section.getByRole('radio')).toHaveCount(0);
  await expect(section.getByRole('button')).toHaveCount(0);

  // The tester judges the saved configuration.
  await expect(section).toContainText(h.tester.helpSaved);
  await tryReferer(reader, 'https://www.evil.example/x', h.tester.refused, 'It matches block-list entry 1, “*.evil.example”.');
  await tryReferer(reader, 'http://bad.example:9090/', h.tester.allowed, h.tester.decidedBy.missBlack);
  await tryReferer(reader, '', h.tester.refused, h.tester.decidedBy.emptyDenyDefault);
  await expectAccessible(reader, 'hotlink section, read-only (en)');
  await reader.screenshot({ path: '/tmp/shots/hotlink-readonly-en.png', fullPage: true });
  await reader.context().close();
});

test('hotlink protection: the lock-out warning adds the console to the allow-list, and the console can load the file again', async ({ page, browser }) => {
  const cos = rootCos();
  const bucket = uniqueBucket('hotlink-fix');
  await createBucket(cos, bucket);
  await cos.putObject({ Bucket: bucket, Region: REGION, Key: KEY, Body: PNG, ContentType: 'image/png', ACL: 'public-read' });

  await openSection(page, bucket, 'hotlink');
  await page.getByRole('switch', { name: h.status }).click();
  await page.getByRole('button', { name: h.addDomain }).click();
  await page.getByLabel('Website 1', { exact: true }).fill('*.allowed.localhost');
  await page.getByRole('radiogroup', { name: h.emptyReferer }).getByText(h.emptyAllow, { exact: true }).click();
  await expect(page.getByRole('radio', { name: h.emptyAllow, exact: true })).toBeChecked();
  await page.getByRole('button', { name: en.bucketSettings.common.save, exact: true }).click();

  const dialog = page.getByRole('dialog', { name: h.lockout.title });
  // Requests without a Referer are allowed: only the console's own previews are named.
  await expect(dialog.getByRole('listitem')).toHaveCount(1);
  await dialog.getByRole('button', { name: `Add 127.0.0.1:${E2E_PORT} and save` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(h.saved)).toBeVisible();
  await expect(page.getByLabel('Website 2', { exact: true })).toHaveValue(`127.0.0.1:${E2E_PORT}`);

  const stored = await readSubresource(cos, bucket, 'referer');
  if (!('body' in stored)) throw new Error(`GET ?referer failed: ${stored.code}`);
  expect(parseRefererXml(stored.body)).toEqual({
    ok: true,
    value: { status: 'Enabled', refererType: 'White-List', domains: ['*.allowed.localhost', `127.0.0.1:${E2E_PORT}`], emptyReferConfiguration: 'Allow' },
  });
  // The console's own pages, the wildcard's apex, and no other site.
  expect(await imageFrom(browser, '127.0.0.1', bucket)).toEqual({ loaded: true, width: 1 });
  expect(await imageFrom(browser, 'allowed.localhost', bucket)).toEqual({ loaded: true, width: 1 });
  expect(await imageFrom(browser, 'other.localhost', bucket)).toEqual({ loaded: false, width: 0 });

  // Denying requests without a Referer: the console gets through, direct share links would not, and the warning says only that.
  await page.getByRole('radiogroup', { name: h.emptyReferer }).getByText(h.emptyDeny, { exact: true }).click();
  await page.getByRole('button', { name: en.bucketSettings.common.save, exact: true }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveCount(1);
  await expect(dialog).toContainText(h.lockout.directFix);
  await dialog.getByRole('button', { name: en.bucketSettings.common.cancel }).click();
  await expect(dialog).toBeHidden();
});
