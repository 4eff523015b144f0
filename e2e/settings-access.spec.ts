// Every section of the bucket page, as the two kinds of people who open it:
// - a console account with `list` and `read` on the whole bucket but no `settings` sees each setting
//   read-only (the policy and the ACL not at all), and the console server refuses to sign a change or
//   to open a history entry for it even when the page is bypassed;
// - an administrator, in English and in Simplified Chinese: axe-core finds no serious or critical
//   violation in any section (e2e/axe.ts).
import type { Page } from '@playwright/test';
import { en, type Catalog } from '../src/console/i18n/en';
import { zhCN } from '../src/console/i18n/zh-CN';
import { SETTINGS_SECTIONS } from '../src/console/navigation/paths';
import { expectAccessible } from './axe';
import { expect, test } from './capture';
import { E2E_ADMIN_PASSWORD, E2E_COS_PORT } from './playwright.config';
import { createBucket, REGION, rootCos, uniqueBucket } from './settings-steps';
import { createConsoleAccount, signInAs, signInAsAdmin } from './steps';

const fill = (template: string, values: Record<string, string>): string => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');
/** The settings a `list` grant may read (read-only); the policy and the ACL need `settings`. */
const READABLE = ['cors', 'hotlink', 'website', 'domains', 'versioning', 'replication', 'lifecycle', 'tags', 'encryption'] as const;
const HIDDEN = ['policy', 'acl'] as const;

async function chooseLanguage(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.getByLabel(en.language.label).first().click();
  await page.getByRole('listitem').filter({ hasText: lang === 'en' ? en.language.en : en.language.zhCN }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

test('an account without settings sees every setting read-only, and the server refuses its changes', async ({ page, browser }) => {
  const bucket = uniqueBucket('readonly');
  await createBucket(rootCos(), bucket);
  await signInAsAdmin(page, E2E_ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
  const name = `viewer${Date.now().toString(36)}`;
  const password = `${name}-password-1`;
  await createConsoleAccount(page, name, password, [{ bucket, prefix: '', permissions: ['list', 'read'] }]);
  const viewer = await signInAs(browser, name, password);

  const readOnly = fill(en.bucketSettings.common.readOnly, { permission: en.bucketSettings.common.permission.settings });
  const noAccess = fill(en.bucketSettings.common.noAccess, { permission: en.bucketSettings.common.permission.settings });
  for (const section of READABLE) {
    await viewer.goto(`/buckets/${bucket}/settings/${section}?region=${REGION}`);
    await expect(viewer.getByText(readOnly), section).toBeVisible();
    await expect(viewer.getByRole('button', { name: en.bucketSettings.common.save, exact: true }), section).toHaveCount(0);
  }
  for (const section of HIDDEN) {
    await viewer.goto(`/buckets/${bucket}/settings/${section}?region=${REGION}`);
    await expect(viewer.getByText(noAccess), section).toBeVisible();
  }

  // The page is only a view of the rule: asked directly, the server signs no change and opens no history entry.
  const session = (await (await viewer.request.get('/api/session')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': session.csrfToken };
  const host = `${bucket}.cos.${REGION}.localhost:${E2E_COS_PORT}`;
  for (const [method, sub] of [['PUT', 'cors'], ['DELETE', 'cors'], ['PUT', 'referer'], ['PUT', 'website'], ['PUT', 'versioning'], ['GET', 'policy'], ['GET', 'acl']] as const) {
    const signed = await viewer.request.post('/api/sign', {
      headers,
      data: { Method: method, Pathname: '/', Query: { [sub]: '' }, Headers: { Host: host }, Bucket: bucket, Region: REGION, Key: '' },
    });
    expect(signed.status(), `${method} ?${sub}`).toBe(403);
  }
  // A reading it may do is signed: the refusals above are about the change, not the bucket.
  const read = await viewer.request.post('/api/sign', {
    headers, data: { Method: 'GET', Pathname: '/', Query: { cors: '' }, Headers: { Host: host }, Bucket: bucket, Region: REGION, Key: '' },
  });
  expect(read.status()).toBe(200);
  const opened = await viewer.request.post(`/api/buckets/${bucket}/history`, { headers, data: { region: REGION, setting: 'cors', kind: 'change' } });
  expect(opened.status()).toBe(403);
});

for (const [lang, text] of [['en', en], ['zh-CN', zhCN]] as [('en' | 'zh-CN'), Catalog][]) {
  test(`every section of the bucket page is accessible (${lang})`, async ({ page }) => {
    const bucket = uniqueBucket('axe');
    await createBucket(rootCos(), bucket);
    await signInAsAdmin(page, E2E_ADMIN_PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
    await chooseLanguage(page, lang);
    await page.goto(`/buckets/${bucket}/overview?region=${REGION}`);
    await expect(page.getByRole('heading', { level: 1, name: bucket })).toBeVisible();
    await expectAccessible(page, `the overview (${lang})`);
    for (const section of SETTINGS_SECTIONS) {
      await page.goto(`/buckets/${bucket}/settings/${section}?region=${REGION}`);
      const nav = page.getByRole('navigation', { name: text.bucketSettings.nav.title });
      await expect(nav.locator('[aria-current="page"]')).toBeVisible();
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await expect(page.getByRole('status')).toHaveCount(0, { timeout: 15_000 });
      await expectAccessible(page, `the ${section} section (${lang})`);
    }
  });
}
