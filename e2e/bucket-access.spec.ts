// Bucket access from the browser: a bucket without a CORS rule for the console shows the
// reason and a one-click fix instead of a bare network error; admins create buckets (with the rule
// by default) and land in them; anyone allowed to share gets a pre-signed link that works without a
// session. Everything runs against cos-local; the expected bytes are read with the Node SDK.
import { cosRequest } from '../test/support/cos-request';
import COS from 'cos-nodejs-sdk-v5';
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, registerSecret, test } from './capture';
import { E2E_ADMIN_PASSWORD, E2E_COS_PORT, E2E_COS_SECRET_ID, E2E_COS_SECRET_KEY, E2E_PORT } from './playwright.config';
import { signInAsAdmin } from './steps';

const ORIGIN = `http://127.0.0.1:${E2E_PORT}`;
const REGION = 'ap-guangzhou';

async function createBucket(page: Page, name: string, allowConsole: boolean): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
  await page.getByRole('button', { name: 'Create bucket' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a bucket' });
  await expect(dialog).toBeVisible();
  // Focus starts in the dialog, on the name.
  await expect(dialog.getByLabel('Bucket name')).toBeFocused();
  await expect(dialog.getByLabel('Region')).toHaveValue(REGION);
  // The -<APPID> rule is explained and enforced before anything is sent.
  await dialog.getByLabel('Bucket name').fill(name.replace(/-\d+$/, ''));
  await expect(dialog.getByText('end the name with -1250000000')).toBeVisible();
  await expectAccessible(page, 'the create-bucket dialog with an error');
  await dialog.getByLabel('Bucket name').fill(name);
  const cors = dialog.getByRole('checkbox', { name: 'Allow this console to reach it (CORS)' });
  await expect(cors).toBeChecked();
  if (!allowConsole) {
    await dialog.getByText('Allow this console to reach it (CORS)').click();
    await expect(cors).not.toBeChecked();
  }
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === `/buckets/${name}/objects` && url.searchParams.get('region') === REGION);
}

test('a bucket without the console\'s CORS rule explains why, and an admin lets the console in', async ({ page }) => {
  const bucket = 'nocors-1250000000';
  await signInAsAdmin(page, E2E_ADMIN_PASSWORD);
  await createBucket(page, bucket, false);

  const alert = page.getByRole('alert').filter({ hasText: 'The browser cannot reach this bucket' });
  await expect(alert).toContainText(`This bucket's CORS rules do not allow requests from ${ORIGIN}, so the browser blocks them.`);
  await expect(page.getByText('This bucket is empty.')).toHaveCount(0);
  await expectAccessible(page, 'a bucket the browser cannot reach');

  await alert.getByRole('button', { name: 'Allow this console' }).click();
  const dialog = page.getByRole('dialog', { name: `Allow this console to reach ${bucket}?` });
  // What will be added, before it is added.
  await expect(dialog).toContainText(ORIGIN);
  await expect(dialog).toContainText('GET, PUT, POST, DELETE, HEAD');
  await expect(dialog).toContainText('ETag');
  await expectAccessible(page, 'the CORS confirmation');
  await dialog.getByRole('button', { name: 'Add the rule' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByText('This bucket is empty.')).toBeVisible();
  await expect(alert).toHaveCount(0);
});

test('an admin creates a bucket that the console can reach at once', async ({ page }) => {
  const bucket = 'withcors-1250000000';
  await signInAsAdmin(page, E2E_ADMIN_PASSWORD);
  await createBucket(page, bucket, true);
  await expect(page.getByText('This bucket is empty.')).toBeVisible();
  await expect(page.getByText('The browser cannot reach this bucket')).toHaveCount(0);
  await page.goto('/buckets');
  await expect(page.getByRole('link', { name: bucket, exact: true })).toBeVisible();
});

test('a share link opens the file without a session, and carries the validity chosen', async ({ page }) => {
  await signInAsAdmin(page, E2E_ADMIN_PASSWORD);
  await page.getByRole('link', { name: 'photos-1250000000', exact: true }).click();
  await page.getByRole('button', { name: 'Share README.md' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share README.md' });
  await expect(dialog).toBeVisible();
  await dialog.getByText('2 hours').click();
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const link = dialog.getByLabel('Share link');
  await expect(link).toHaveValue(/q-signature=/);
  const url = await link.inputValue();
  await expect(dialog).toContainText('Anyone with this link can download the file until');
  await expectAccessible(page, 'the share dialog with its link');
  // Copy puts exactly the link on the clipboard.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  // Escape closes the dialog and gives focus back to the row's Share button.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Share README.md' })).toBeFocused();

  // The signature's own validity is the one chosen (the maximum, 2 h).
  const keyTime = /q-key-time=(\d+)(?:;|%3B)(\d+)/i.exec(url);
  expect(keyTime).not.toBeNull();
  expect(Number(keyTime?.[2]) - Number(keyTime?.[1])).toBe(7200);
  // Virtual-hosted: the link's Host names its bucket, and the signature covers the Host.
  const host = `photos-1250000000.cos.${REGION}.localhost:${E2E_COS_PORT}`;
  expect(url.startsWith(`http://${host}/README.md?`)).toBe(true);

  // A client with no cookies at all gets exactly the object's bytes. (Node's HTTP client, with the
  // link's Host: Node does not resolve `*.localhost` as Chromium does.)
  const get = (link: string, withHost = host) => {
    const u = new URL(link);
    return cosRequest({ port: Number(u.port), host: withHost, path: `${u.pathname}${u.search}` });
  };
  const res = await get(url);
  expect(res.status).toBe(200);
  const cos = new COS({ SecretId: E2E_COS_SECRET_ID, SecretKey: E2E_COS_SECRET_KEY, Protocol: 'http:', Ip: `127.0.0.1:${E2E_COS_PORT}` });
  const original = await cos.getObject({ Bucket: 'photos-1250000000', Region: REGION, Key: 'README.md' });
  expect(res.text).toBe(Buffer.from(original.Body).toString('utf8'));
  // The signature is bound to this object: another key with it is refused …
  expect((await get(url.replace('/README.md?', '/2025/README.md?'))).status).toBe(403);
  // … and so is the same key in another bucket, virtual-hosted or path-style.
  expect((await get(url, `documents-1250000000.cos.${REGION}.localhost:${E2E_COS_PORT}`)).code).toBe('SignatureDoesNotMatch');
  const pathStyle = new URL(url);
  expect((await cosRequest({ port: E2E_COS_PORT, host: `127.0.0.1:${E2E_COS_PORT}`, path: `/documents-1250000000${pathStyle.pathname}${pathStyle.search}` })).code).toBe('SignatureDoesNotMatch');
});

test('a console account without the right to fix or share is told whom to ask, and what', async ({ page, browser }) => {
  // A bucket made behind the console's back, without any CORS rule.
  const bucket = 'blocked-1250000000';
  const cos = new COS({ SecretId: E2E_COS_SECRET_ID, SecretKey: E2E_COS_SECRET_KEY, Protocol: 'http:', Ip: `127.0.0.1:${E2E_COS_PORT}` });
  await cos.putBucket({ Bucket: bucket, Region: REGION });
  // viewer may list that bucket and list and read photos — but not share, and is no administrator.
  await signInAsAdmin(page, E2E_ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
  const session = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  registerSecret(test.info(), 'viewer-password-123');
  const created = await page.request.post('/api/admin/users', {
    headers: { 'x-csrf-token': session.csrfToken },
    data: {
      name: 'viewer', role: 'user', password: 'viewer-password-123',
      grants: [{ bucket, prefix: '', permissions: ['list'] }, { bucket: 'photos-1250000000', prefix: '', permissions: ['list', 'read'] }],
    },
  });
  expect(created.status()).toBe(201);

  const context = await browser.newContext();
  try {
    const viewer = await context.newPage();
    await viewer.goto('/login');
    await viewer.getByLabel('Username').fill('viewer');
    await viewer.getByLabel('Password').fill('viewer-password-123');
    await viewer.getByRole('button', { name: 'Sign in' }).click();
    await expect(viewer.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
    await expect(viewer.getByRole('button', { name: 'Create bucket' })).toHaveCount(0);

    await viewer.getByRole('link', { name: bucket, exact: true }).click();
    const alert = viewer.getByRole('alert').filter({ hasText: 'The browser cannot reach this bucket' });
    await expect(alert).toContainText(`do not allow requests from ${ORIGIN}`);
    await expect(alert).toContainText('Ask an administrator');
    // The rule to pass on, spelled out.
    const rule = alert.getByLabel('CORS rule for this console');
    await expect(rule).toContainText(ORIGIN);
    await expect(rule).toContainText('GET, PUT, POST, DELETE, HEAD');
    await expect(rule).toContainText('x-cos-request-id');
    await expect(alert.getByRole('button', { name: 'Allow this console' })).toHaveCount(0);
    await expectAccessible(viewer, 'the CORS rule to ask for');

    // Without `share` the Share button is disabled and says why (e2e/restricted-landing.spec.ts); the
    // server refuses the share signature all the same, naming the permission.
    await viewer.goto('/buckets/photos-1250000000/objects');
    const share = viewer.getByRole('button', { name: 'Share README.md' });
    await expect(share).toBeDisabled();
    await expect(share).toHaveAccessibleDescription(/“share” permission/);
    await expectAccessible(viewer, 'a bucket without the share permission');
    const { csrfToken } = (await (await viewer.request.get('/api/session')).json()) as { csrfToken: string };
    const signed = await viewer.request.post('/api/sign', {
      headers: { 'x-csrf-token': csrfToken },
      data: { Method: 'get', Pathname: '/README.md', Query: {}, Headers: { Host: `photos-1250000000.cos.${REGION}.localhost:${E2E_COS_PORT}` }, Bucket: 'photos-1250000000', Region: REGION, Key: 'README.md', Expires: 900 },
    });
    expect(signed.status()).toBe(403);
    expect(((await signed.json()) as { error: { message: string } }).error.message).toContain('needs share on photos-1250000000/README.md');
  } finally {
    await context.close();
  }
});
