// An API-key session of a CAM sub-user whose policy allows one prefix can do
// exactly that in the console. alice (e2e/fixtures/cos-local-accounts.json) may list and read
// photos-1250000000 under 2025/ only, and may not list buckets: she opens the bucket by name, sees
// 2025/, and is refused — with COS's own error — at the bucket root and under 2024/.
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, test } from './capture';
import { E2E_ALICE_SECRET_ID, E2E_ALICE_SECRET_KEY, E2E_COS_PORT } from './playwright.config';

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
  await expectAccessible(page, 'the API-key sign-in with its refusal');
});

test('a sub-user limited to 2025/ sees that prefix and is refused elsewhere', async ({ page }) => {
  await signInWithKey(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
  await expect(page.getByText(E2E_ALICE_SECRET_ID)).toBeVisible();
  await expect(page.getByText('API key', { exact: true })).toBeVisible();
  // She may not list buckets: no list, a form to open one by name instead.
  await expect(page.getByRole('heading', { name: 'Open a bucket by name' })).toBeVisible();
  await expect(page.getByRole('link', { name: BUCKET, exact: true })).toHaveCount(0);
  await expectAccessible(page, 'the open-a-bucket form');
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
  await expectAccessible(page, 'a refused listing');

  // 2025/ is hers.
  await page.goto(objectsUrl('2025/'));
  await page.getByRole('link', { name: 'summer/' }).or(page.getByRole('button', { name: 'summer/' })).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('prefix') === '2025/summer/');
  await expect(page.getByText('beach.png')).toBeVisible();
  await expect(page.getByText('日落 sunset.png')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectAccessible(page, 'a folder of the prefix');

  // 2024/ is not.
  await page.goto(objectsUrl('2024/'));
  await expect(page.getByRole('alert')).toContainText('AccessDenied');
  await expect(page.getByText('spring/')).toHaveCount(0);
  await expect(page.getByText('cherry-blossom.png')).toHaveCount(0);
});

// Her policies do not allow name/sts:GetFederationToken, so cos-local (as CAM) refuses her temporary
// keys: /api/sts answers 409 StsUnavailable and the console signs each upload request with /api/sign —
// with her own key, so COS judges it by her policy (which lets her write under 2025/).
test('a sub-user without STS permission uploads inside her prefix with per-request signatures', async ({ page }) => {
  await signInWithKey(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
  const puts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PUT' && new URL(r.url()).port === String(E2E_COS_PORT)) puts.push(r.headers()['x-cos-security-token'] ?? '');
  });
  const name = `alice-${Date.now().toString(36)}.txt`;
  await page.goto(objectsUrl('2025/summer/'));
  await expect(page.getByText('beach.png')).toBeVisible();

  const sts = page.waitForResponse((r) => r.url().endsWith('/api/sts'));
  const sign = page.waitForResponse((r) => r.url().endsWith('/api/sign') && r.request().postDataJSON()?.Method?.toUpperCase() === 'PUT');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await (await chooser).setFiles([{ name, mimeType: 'text/plain', buffer: Buffer.from('from alice\n') }]);
  const stsResponse = await sts;
  expect(stsResponse.status()).toBe(409);
  expect(((await stsResponse.json()) as { error: { code: string } }).error.code).toBe('StsUnavailable');
  expect((await sign).status()).toBe(200);
  const uploads = page.getByRole('region', { name: 'Uploads' });
  await expect(uploads).toContainText('Done: 1 of 1', { timeout: 30_000 });
  await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
  await expectAccessible(page, 'the upload panel');
  // Her permanent key signed it: no security token on the PUT.
  expect(puts).toEqual(['']);
});
