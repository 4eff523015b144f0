// Steps the local and the cloud-mode e2e share: sign in as admin, see the seeded buckets, open the
// photos bucket (scripts/seed-demo.ts).
import type { Browser, Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, registerSecret, test } from './capture';

export const SEEDED_BUCKETS = ['photos-1250000000', 'documents-1250000000', 'logs-1250000000'];

/** From any page: the login form, then admin's credentials. */
export async function signInAsAdmin(page: Page, password: string): Promise<void> {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The bucket list shows every seeded bucket; then photos-1250000000 opens at its root. */
export async function openSeededPhotos(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
  for (const name of SEEDED_BUCKETS) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expectAccessible(page, 'the bucket list');
  await page.getByRole('link', { name: 'photos-1250000000', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'photos-1250000000' })).toBeVisible();
  await expect(page.getByText('README.md')).toBeVisible();
  await expectAccessible(page, 'the photos bucket');
}

/** A console account's sign-in in a browser context of its own; the page as the form left it. */
export async function signInInNewContext(browser: Browser, name: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/login');
  await page.getByLabel('Username').fill(name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return page;
}

/** As signInInNewContext, then the bucket list is shown. */
export async function signInAs(browser: Browser, name: string, password: string): Promise<Page> {
  const page = await signInInNewContext(browser, name, password);
  await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
  return page;
}

export interface AccountGrantSpec {
  bucket: string;
  prefix: string;
  permissions: string[];
}

/** From an admin's page: a console account (role user) with these grants, through the admin API. */
export async function createConsoleAccount(admin: Page, name: string, password: string, grants: AccountGrantSpec[]): Promise<void> {
  // A password: the secret scan looks for it in every answer, storage and log line.
  registerSecret(test.info(), password);
  const session = (await (await admin.request.get('/api/session')).json()) as { csrfToken: string };
  const created = await admin.request.post('/api/admin/users', {
    headers: { 'x-csrf-token': session.csrfToken },
    data: { name, role: 'user', password, grants },
  });
  expect(created.status()).toBe(201);
}
