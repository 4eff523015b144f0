// A restricted console account lands in the prefixes it may use, never in a dead end (docs/architecture.md
// "Rules the code keeps").
// The admin creates an account through the admin API with two grants — photos 2025/ (list, read) and
// the whole documents bucket (list, read, write) — and that account, in a browser of its own, is led
// by its grants: bucket links open the granted prefix, the photos root by URL offers the usable
// folders instead of COS's refusal, crumbs above the grant are not links, and the toolbar disables
// what the grant does not allow, saying which permission is missing. Against cos-local; nothing mocked.
import { expectAccessible } from './axe';
import { expect, test } from './capture';
import { E2E_ADMIN_PASSWORD } from './playwright.config';
import { createConsoleAccount, signInAs, signInAsAdmin } from './steps';

const PHOTOS = 'photos-1250000000';
const DOCUMENTS = 'documents-1250000000';
const run = Date.now().toString(36);

test('a restricted account lands in its granted prefixes and sees only the actions its grants allow', async ({ page, browser }) => {
  await signInAsAdmin(page, E2E_ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
  const name = `landing-${run}`;
  const password = `landing-password-${run}`;
  await createConsoleAccount(page, name, password, [
    { bucket: PHOTOS, prefix: '2025/', permissions: ['list', 'read'] },
    { bucket: DOCUMENTS, prefix: '', permissions: ['list', 'read', 'write'] },
  ]);

  const member = await signInAs(browser, name, password);
  // Every refusal of /api/sign would be a dead end the console walked into: there must be none.
  const refusals: string[] = [];
  member.on('response', (r) => {
    if (r.url().endsWith('/api/sign') && r.status() === 403) refusals.push(r.request().postData() ?? '');
  });
  try {
    // Both granted buckets, nothing else; photos opens at its grant, documents (whole bucket) at its root.
    const photosLink = member.getByRole('link', { name: `${PHOTOS} › 2025/`, exact: true });
    await expect(photosLink).toBeVisible();
    await expect(member.getByRole('link', { name: DOCUMENTS, exact: true })).toBeVisible();
    await expect(member.getByRole('link', { name: PHOTOS, exact: true })).toHaveCount(0);
    await expect(member.getByText('logs-1250000000')).toHaveCount(0);
    await expectAccessible(member, 'a restricted account\'s bucket list');

    await photosLink.click();
    await expect(member).toHaveURL(/\/buckets\/photos-1250000000\/objects\?prefix=2025\//);
    await expect(member.getByRole('heading', { level: 1, name: PHOTOS })).toBeVisible();
    await expect(member.getByRole('link', { name: 'summer/' })).toBeVisible();

    // The bucket crumb is shown but is no link (it would lead to a refusal); the grant's top is the limit.
    const crumbs = member.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(crumbs).toContainText(PHOTOS);
    await expect(crumbs.getByRole('link')).toHaveCount(1);
    await expect(crumbs.getByRole('link', { name: '2025' })).toHaveAttribute('aria-current', 'page');
    await expect(member.getByRole('button', { name: 'Up one level' })).toBeDisabled();

    // list + read only: Upload and Delete are disabled and say which permission is missing.
    const upload = member.getByRole('button', { name: 'Upload', exact: true });
    await expect(upload).toBeDisabled();
    await expect(upload).toHaveAccessibleDescription('Needs the “write” permission, which your account does not have here.');
    const del = member.getByRole('button', { name: 'Delete', exact: true });
    await expect(del).toBeDisabled();
    await expect(del).toHaveAccessibleDescription(/“delete” permission/);
    await expect(member.getByRole('checkbox')).toHaveCount(0);
    await expectAccessible(member, 'a folder with disabled actions');
    // The same reason as a tooltip for pointer users.
    await upload.hover({ force: true });
    await expect(member.getByRole('tooltip').or(member.locator('.t-popup')).filter({ hasText: '“write” permission' })).toBeVisible();
    await expectAccessible(member, 'a missing permission\'s tooltip');

    // Inside the grant, folders open as usual; sharing needs `share`, which this grant lacks.
    await member.getByRole('link', { name: 'summer/' }).click();
    await expect(member.getByRole('cell', { name: 'beach.png', exact: true })).toBeVisible();
    const share = member.getByRole('button', { name: 'Share beach.png' });
    await expect(share).toBeDisabled();
    await expect(share).toHaveAccessibleDescription(/“share” permission/);
    await member.getByRole('button', { name: 'Up one level' }).click();
    await expect(member.getByRole('link', { name: 'summer/' })).toBeVisible();

    // The bucket root by URL: the usable folders instead of a refusal, and following one works.
    await member.goto(`/buckets/${PHOTOS}/objects`);
    const landing = member.getByRole('region', { name: 'Your account may not list this folder' });
    await expect(landing).toContainText('You can use these folders of this bucket:');
    await expect(member.getByRole('alert')).toHaveCount(0);
    await expectAccessible(member, 'the granted folders of a bucket');
    await landing.getByRole('link', { name: '2025/', exact: true }).click();
    await expect(member).toHaveURL(/prefix=2025\//);
    await expect(member.getByRole('link', { name: 'summer/' })).toBeVisible();

    // documents: the whole bucket with write, so Upload is enabled; Delete is not granted.
    await member.goto('/buckets');
    await member.getByRole('link', { name: DOCUMENTS, exact: true }).click();
    await expect(member.getByRole('heading', { level: 1, name: DOCUMENTS })).toBeVisible();
    await expect(member.getByRole('link', { name: 'reports/' })).toBeVisible();
    await expect(member.getByRole('button', { name: 'Upload', exact: true })).toBeEnabled();
    await expect(member.getByRole('button', { name: 'Delete', exact: true })).toHaveAccessibleDescription(/“delete” permission/);
    await expect(member.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: DOCUMENTS })).toBeVisible();
    await expectAccessible(member, 'a bucket with upload allowed');

    expect(refusals).toEqual([]);
  } finally {
    await member.context().close();
  }
});
