// Issue 5, Done when 4: an API-key session of a CAM sub-user whose policy allows one prefix can do
// exactly that in the console. alice (e2e/fixtures/cos-local-accounts.json) may list and read
// photos-1250000000 under 2025/ only, and may not list buckets: she opens the bucket by name, sees
// 2025/, and is refused — with COS's own error — at the bucket root and under 2024/.
import type { Page } from '@playwright/test';
import { expect, test } from './capture';
import { E2E_ALICE_SECRET_ID, E2E_ALICE_SECRET_KEY } from './playwright.config';

const BUCKET = 'photos-1250000000';

async function signInWithKey(page: Page, secretKey = E2E_ALICE_SECRET_KEY): Promise<void> {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await page.getByText('COS API key', { exact: true }).click();
  await page.getByLabel('SecretId').fill(E2E_ALICE_SECRET_ID);
  await page.getByLabel('SecretKey').fill(secretKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const objectsUrl = (prefix: string): string =>
  `/buckets/${BUCKET}/objects?${new URLSearchParams({ ...(prefix ? { prefix } : {}), region: 'ap-guangzhou' }).toString()}`;

test('a wrong API key is refused with a message', async ({ page }) => {
  await signInWithKey(page, 'not-the-secret-key-0000000000000000');
  await expect(page.getByRole('alert')).toContainText('COS did not accept this SecretId and SecretKey');
  await expect(page).toHaveURL(/\/login/);
});

test('a sub-user limited to 2025/ sees that prefix and is refused elsewhere', async ({ page }) => {
  await signInWithKey(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
  await expect(page.getByText(E2E_ALICE_SECRET_ID)).toBeVisible();
  await expect(page.getByText('API key', { exact: true })).toBeVisible();
  // She may not list buckets: no list, a form to open one by name instead.
  await expect(page.getByRole('heading', { name: 'Open a bucket by name' })).toBeVisible();
  await expect(page.getByRole('link', { name: BUCKET, exact: true })).toHaveCount(0);
  await page.getByLabel('Bucket name').fill(BUCKET);
  await expect(page.getByLabel('Region')).toHaveValue('ap-guangzhou');
  await page.getByRole('button', { name: 'Open' }).click();

  // The bucket root is outside her prefix: COS's refusal is shown, and none of the root's objects.
  await expect(page).toHaveURL((url) => url.pathname === `/buckets/${BUCKET}/objects` && url.searchParams.get('region') === 'ap-guangzhou');
  await expect(page.getByRole('heading', { level: 1, name: BUCKET })).toBeVisible();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not list the objects');
  await expect(alert).toContainText('AccessDenied');
  await expect(page.getByText('README.md')).toHaveCount(0);

  // 2025/ is hers.
  await page.goto(objectsUrl('2025/'));
  await page.getByRole('link', { name: 'summer/' }).or(page.getByRole('button', { name: 'summer/' })).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('prefix') === '2025/summer/');
  await expect(page.getByText('beach.png')).toBeVisible();
  await expect(page.getByText('日落 sunset.png')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // 2024/ is not.
  await page.goto(objectsUrl('2024/'));
  await expect(page.getByRole('alert')).toContainText('AccessDenied');
  await expect(page.getByText('spring/')).toHaveCount(0);
  await expect(page.getByText('cherry-blossom.png')).toHaveCount(0);
});
