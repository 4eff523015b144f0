// Steps the local and the cloud-mode e2e share: sign in as admin, see the seeded buckets, open the
// photos bucket (scripts/seed-demo.ts).
import type { Page } from '@playwright/test';
import { expect } from './capture';

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
  await page.getByRole('link', { name: 'photos-1250000000', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'photos-1250000000' })).toBeVisible();
  await expect(page.getByText('README.md')).toBeVisible();
}
