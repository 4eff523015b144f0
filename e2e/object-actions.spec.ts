// Uploads and deletes in the object browser (bulk work on scoped temporary keys:
// docs/architecture.md "How a request flows"). The browser
// asks /api/sts for keys narrowed to the folder and signs COS requests itself (x-cos-security-token on
// each); deletes go in DELETE Multiple Objects batches with keys for DeleteObject. A restricted console
// account does the same inside its prefix, and a session on a temporary key (which cannot get keys
// of its own) falls back to /api/sign (409 StsUnavailable). Everything runs against cos-local; nothing is mocked.
import type { Page, Request } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, test } from './capture';
import { E2E_ADMIN_PASSWORD, E2E_COS_PORT } from './playwright.config';
import { createConsoleAccount, openSeededPhotos, signInAs, signInAsAdmin } from './steps';

const BUCKET = 'photos-1250000000';
const MiB = 1024 * 1024;
const run = Date.now().toString(36);

const objectsUrl = (prefix: string): string =>
  `/buckets/${BUCKET}/objects?${new URLSearchParams({ ...(prefix ? { prefix } : {}), region: 'ap-guangzhou' }).toString()}`;

interface FileSpec {
  name: string;
  mimeType: string;
  buffer: Buffer;
}
const textFile = (name: string, text = `hello from ${name}\n`): FileSpec => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
// Above the console's slice size (UPLOAD_SLICE_SIZE, 4 MiB): a multipart upload of three parts.
const bigFile = (name: string): FileSpec => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.alloc(9 * MiB, 7) });

/** Every request the page sends to cos-local, with its headers. */
function recordCos(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).port === String(E2E_COS_PORT)) seen.push(r);
  });
  return seen;
}

async function chooseFiles(page: Page, files: FileSpec[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await (await chooser).setFiles(files);
}

const uploads = (page: Page) => page.getByRole('region', { name: 'Uploads' });
const fileCell = (page: Page, name: string) => page.getByRole('cell', { name, exact: true });

async function expectUploaded(page: Page, done: number, total: number): Promise<void> {
  await expect(uploads(page)).toContainText(`Done: ${done} of ${total}`, { timeout: 30_000 });
}

/** From the keyboard: the row's checkbox takes the focus and Space toggles it. */
async function selectRow(page: Page, name: string): Promise<void> {
  const box = page.getByRole('checkbox', { name: `Select ${name}`, exact: true });
  await box.focus();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
}

async function deleteSelected(page: Page, expectedCount: number): Promise<void> {
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete objects' });
  await expect(dialog).toContainText(`Objects to delete: ${expectedCount}`);
  await expectAccessible(page, 'the delete dialog');
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog).toContainText(`Deleted: ${expectedCount}`);
  await expect(dialog).not.toContainText('Not deleted');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('admin uploads a small and a multipart file on temporary keys, then deletes them', async ({ page }) => {
  const cos = recordCos(page);
  await signInAsAdmin(page, E2E_ADMIN_PASSWORD);
  await openSeededPhotos(page);

  const small = textFile(`e2e-small-${run}.txt`);
  const big = bigFile(`e2e-big-${run}.bin`);
  const sts = page.waitForResponse((r) => r.url().endsWith('/api/sts') && r.request().method() === 'POST');
  await chooseFiles(page, [small, big]);
  const stsResponse = await sts;
  expect(stsResponse.status()).toBe(200);
  expect(stsResponse.request().postDataJSON()).toMatchObject({ bucket: BUCKET, region: 'ap-guangzhou', prefix: '', actions: expect.arrayContaining(['name/cos:PutObject', 'name/cos:UploadPart']) });
  await expectUploaded(page, 2, 2);
  await expect(fileCell(page, small.name)).toBeVisible();
  await expect(fileCell(page, big.name)).toBeVisible();
  await expectAccessible(page, 'the upload panel');

  // Every upload request carried the temporary key's token; the big file went up in parts.
  const puts = cos.filter((r) => r.method() === 'PUT');
  const parts = puts.filter((r) => new URL(r.url()).searchParams.has('partNumber'));
  expect(parts.length).toBe(3);
  expect(puts.some((r) => new URL(r.url()).pathname.endsWith(`/${small.name}`) && !new URL(r.url()).searchParams.has('partNumber'))).toBe(true);
  for (const r of puts) expect(r.headers()['x-cos-security-token'], r.url()).toBeTruthy();

  // Uploading the same name again asks first.
  await chooseFiles(page, [textFile(small.name, 'second version\n')]);
  const overwrite = page.getByRole('dialog', { name: 'Replace existing objects?' });
  await expect(overwrite).toContainText(small.name);
  await expectAccessible(page, 'the overwrite dialog');
  await overwrite.getByRole('button', { name: 'Replace' }).click();
  await expectUploaded(page, 3, 3);

  await selectRow(page, small.name);
  await selectRow(page, big.name);
  await expect(page.getByText('Selected: 2')).toBeVisible();
  const deleteSts = page.waitForResponse((r) => r.url().endsWith('/api/sts') && r.request().postDataJSON()?.actions?.includes('name/cos:DeleteObject'));
  await deleteSelected(page, 2);
  expect((await deleteSts).status()).toBe(200);
  const batch = cos.find((r) => r.method() === 'POST' && new URL(r.url()).searchParams.has('delete'));
  expect(batch?.headers()['x-cos-security-token']).toBeTruthy();
  await expect(fileCell(page, small.name)).toHaveCount(0);
  await expect(fileCell(page, big.name)).toHaveCount(0);
  await expect(page.getByText('README.md')).toBeVisible();
});

test('a folder is deleted with everything under it', async ({ page }) => {
  await signInAsAdmin(page, E2E_ADMIN_PASSWORD);
  await openSeededPhotos(page);
  const folder = `e2e-folder-${run}/`;
  await page.goto(objectsUrl(folder));
  await chooseFiles(page, [textFile('one.txt'), textFile('two.txt')]);
  await expectUploaded(page, 2, 2);
  // A new page load (the folder does not exist yet, so there is no link to it) starts a new upload list.
  await page.goto(objectsUrl(`${folder}deeper/`));
  await chooseFiles(page, [textFile('three.txt')]);
  await expectUploaded(page, 1, 1);
  await expect(fileCell(page, 'three.txt')).toBeVisible();

  await page.goto(objectsUrl(''));
  await expect(page.getByRole('link', { name: folder })).toBeVisible();
  await selectRow(page, folder);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete objects' });
  await expect(dialog).toContainText('Folders are deleted with everything in them');
  await expectAccessible(page, 'the delete dialog of a folder');
  await expect(dialog).toContainText('Objects to delete: 3');
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog).toContainText('Deleted: 3');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByRole('link', { name: folder })).toHaveCount(0);
  await page.goto(objectsUrl(`${folder}deeper/`));
  await expect(page.getByText('This folder is empty.')).toBeVisible();
});

test('a console account granted one prefix uploads and deletes inside it', async ({ page, browser }) => {
  await signInAsAdmin(page, E2E_ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
  const name = `team-${run}`;
  const password = `team-password-${run}`;
  await createConsoleAccount(page, name, password, [{ bucket: BUCKET, prefix: 'team/', permissions: ['list', 'read', 'write', 'delete'] }]);

  const member = await signInAs(browser, name, password);
  try {
    const cos = recordCos(member);
    await member.goto(objectsUrl('team/'));
    await expect(member.getByRole('heading', { level: 1, name: BUCKET })).toBeVisible();
    const small = textFile(`member-${run}.txt`);
    const big = bigFile(`member-${run}.bin`);
    const sts = member.waitForResponse((r) => r.url().endsWith('/api/sts'));
    await chooseFiles(member, [small, big]);
    expect((await sts).status()).toBe(200);
    await expectUploaded(member, 2, 2);
    await expect(fileCell(member, small.name)).toBeVisible();
    await expect(fileCell(member, big.name)).toBeVisible();
    const puts = cos.filter((r) => r.method() === 'PUT');
    expect(puts.length).toBeGreaterThanOrEqual(4);
    for (const r of puts) expect(r.headers()['x-cos-security-token'], r.url()).toBeTruthy();

    await selectRow(member, small.name);
    await selectRow(member, big.name);
    await deleteSelected(member, 2);
    await expect(fileCell(member, small.name)).toHaveCount(0);

    // Outside its prefix the console offers the folder it may use and no upload (e2e/restricted-landing.spec.ts);
    // the server refuses keys for it all the same.
    await member.goto(objectsUrl(''));
    await expect(member.getByRole('region', { name: 'Your account may not list this folder' }).getByRole('link', { name: 'team/' })).toBeVisible();
    await expect(member.getByRole('button', { name: 'Upload', exact: true })).toBeDisabled();
    await expectAccessible(member, 'the folders a restricted account may use');
    const { csrfToken } = (await (await member.request.get('/api/session')).json()) as { csrfToken: string };
    const outside = await member.request.post('/api/sts', {
      headers: { 'x-csrf-token': csrfToken },
      data: { bucket: BUCKET, region: 'ap-guangzhou', prefix: '', actions: ['name/cos:PutObject'] },
    });
    expect(outside.status()).toBe(403);
  } finally {
    await member.context().close();
  }
});

test('a session on a temporary key (no STS for it) uploads with per-request signatures', async ({ page, browser }) => {
  await signInAsAdmin(page, E2E_ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
  // A temporary key that may list and write one folder, then a session signed in with it: GetFederationToken
  // takes permanent keys only, so its /api/sts answers 409 StsUnavailable (src/server/routes/sts.ts).
  const folder = `tempkey-${run}/`;
  const session = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  const issued = await page.request.post('/api/sts', {
    headers: { 'x-csrf-token': session.csrfToken },
    data: { bucket: BUCKET, region: 'ap-guangzhou', prefix: folder, actions: ['name/cos:GetBucket', 'name/cos:PutObject'] },
  });
  expect(issued.status()).toBe(200);
  const key = (await issued.json()) as { TmpSecretId: string; TmpSecretKey: string; SecurityToken: string };

  const context = await browser.newContext();
  const keyPage = await context.newPage();
  try {
    const cos = recordCos(keyPage);
    await keyPage.goto('/');
    await keyPage.getByText('COS API key', { exact: true }).click();
    await keyPage.getByLabel('SecretId').fill(key.TmpSecretId);
    await keyPage.getByLabel('SecretKey').fill(key.TmpSecretKey);
    await keyPage.getByLabel('Security token (optional)').fill(key.SecurityToken);
    await expectAccessible(keyPage, 'the API-key sign-in');
    await keyPage.getByRole('button', { name: 'Sign in' }).click();
    await expect(keyPage.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();

    await keyPage.goto(objectsUrl(folder));
    await expect(keyPage.getByText('This folder is empty.')).toBeVisible();
    const file = textFile(`tempkey-${run}.txt`);
    const sts = keyPage.waitForResponse((r) => r.url().endsWith('/api/sts'));
    const sign = keyPage.waitForResponse((r) => r.url().endsWith('/api/sign') && r.request().postDataJSON()?.Method?.toUpperCase() === 'PUT');
    await chooseFiles(keyPage, [file]);
    const stsResponse = await sts;
    expect(stsResponse.status()).toBe(409);
    expect(((await stsResponse.json()) as { error: { code: string } }).error.code).toBe('StsUnavailable');
    expect((await sign).status()).toBe(200);
    await expectUploaded(keyPage, 1, 1);
    await expect(fileCell(keyPage, file.name)).toBeVisible();
    // Signed by the server for this session's own (temporary) key: its token, not a task key's.
    const put = cos.find((r) => r.method() === 'PUT' && new URL(r.url()).pathname.endsWith(`/${folder}${file.name}`));
    expect(put?.headers()['x-cos-security-token']).toBe(key.SecurityToken);
  } finally {
    await context.close();
  }
});
