// The thin slice end to end: sign in, see the seeded buckets, open one, enter folders, go back with
// the breadcrumb, switch language. The browser's COS requests go straight to cos-local (cross-origin,
// signed through /api/sign), which this test checks by watching the network.
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, test } from './capture';
import { E2E_ADMIN_PASSWORD, E2E_COS_PORT } from './playwright.config';
import { openSeededPhotos, signInAsAdmin } from './steps';

const signIn = (page: Page, password = E2E_ADMIN_PASSWORD): Promise<void> => signInAsAdmin(page, password);

test('a wrong password is refused with a message', async ({ page }) => {
  await signIn(page, 'not-the-password');
  await expect(page.getByRole('alert')).toContainText('Incorrect username or password');
  await expect(page).toHaveURL(/\/login/);
  await expectAccessible(page, 'the sign-in page with its refusal');
});

test('browse seeded buckets and folders, then switch language', async ({ page }) => {
  const cosRequests: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).port === String(E2E_COS_PORT)) cosRequests.push(`${r.method()} ${r.url()}`);
  });

  await signIn(page);
  await openSeededPhotos(page);
  await page.getByRole('link', { name: '2025/' }).or(page.getByRole('button', { name: '2025/' })).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('prefix') === '2025/');
  await page.getByRole('link', { name: 'summer/' }).or(page.getByRole('button', { name: 'summer/' })).click();
  await expect(page.getByText('beach.png')).toBeVisible();
  await expect(page.getByText('日落 sunset.png')).toBeVisible();
  await expect(page).toHaveURL((url) => url.searchParams.get('prefix') === '2025/summer/');
  await expectAccessible(page, 'a folder');
  // The listing came from cos-local directly, virtual-hosted (the signed Host names the bucket), not
  // through the console; nothing went to cos-local path-style.
  expect(cosRequests.some((r) => r.startsWith(`GET http://photos-1250000000.cos.ap-guangzhou.localhost:${E2E_COS_PORT}/?`) && r.includes('prefix=2025%2Fsummer%2F'))).toBe(true);
  expect(cosRequests.filter((r) => r.includes(`//127.0.0.1:${E2E_COS_PORT}/`))).toEqual([]);

  const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
  await breadcrumb.getByRole('link', { name: 'photos-1250000000' }).click();
  await expect(page.getByText('README.md')).toBeVisible();
  await expect(page.getByText('beach.png')).toHaveCount(0);

  await page.getByLabel('Language / 语言').first().click();
  await page.getByText('简体中文').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.goto('/buckets');
  await expect(page.getByRole('heading', { level: 1, name: '存储桶列表' })).toBeVisible();
  await expectAccessible(page, 'the bucket list in Chinese');
});
