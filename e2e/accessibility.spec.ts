// Accessibility of every screen, in English and in Simplified Chinese: axe-core's WCAG 2.1 A/AA rules
// (e2e/axe.ts) find no serious or critical violation on the sign-in page (both sign-in modes, and its
// error), the bucket list, the create-bucket dialog, the file browser, the share dialog, the upload
// panel, the delete dialog, the console accounts page, the account dialog and the audit log. The
// language is chosen with the `Language / 语言` select and persists for the rest of the test; every
// name the test looks for comes from the console's own catalogs.
import type { Page } from '@playwright/test';
import { en, type Catalog } from '../src/console/i18n/en';
import { zhCN } from '../src/console/i18n/zh-CN';
import { expectAccessible } from './axe';
import { expect, test } from './capture';
import { E2E_ADMIN_PASSWORD } from './playwright.config';

const BUCKET = 'photos-1250000000';
const run = Date.now().toString(36);
const LANGUAGES: { lang: 'en' | 'zh-CN'; text: Catalog }[] = [
  { lang: 'en', text: en },
  { lang: 'zh-CN', text: zhCN },
];

/** A catalog string with its {{placeholders}} filled. */
const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

/** The switcher's label is the same in every language. */
async function chooseLanguage(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.getByLabel(en.language.label).first().click();
  await page.getByRole('listitem').filter({ hasText: lang === 'en' ? en.language.en : en.language.zhCN }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** The sign-in page in `lang`, then admin's credentials: the bucket list. */
async function signIn(page: Page, lang: 'en' | 'zh-CN', text: Catalog): Promise<void> {
  await page.goto('/login');
  await chooseLanguage(page, lang);
  await page.getByLabel(text.auth.username, { exact: true }).fill('admin');
  await page.getByLabel(text.auth.password, { exact: true }).fill(E2E_ADMIN_PASSWORD);
  await page.getByRole('button', { name: text.auth.signIn }).click();
  await expect(page.getByRole('heading', { level: 1, name: text.buckets.title })).toBeVisible();
}

const objectsUrl = (prefix: string): string =>
  `/buckets/${BUCKET}/objects?${new URLSearchParams({ ...(prefix ? { prefix } : {}), region: 'ap-guangzhou' }).toString()}`;

for (const { lang, text } of LANGUAGES) {
  test.describe(`accessibility (${lang})`, () => {
    test('the sign-in page, both modes and a refusal', async ({ page }) => {
      await page.goto('/login');
      await chooseLanguage(page, lang);
      await expect(page.getByRole('heading', { level: 1, name: text.app.productName })).toBeVisible();
      await expectAccessible(page, `sign-in, console account (${lang})`);

      // A name that does not exist: the refusal counts against no real account's sign-in limit.
      await page.getByLabel(text.auth.username, { exact: true }).fill(`nobody-${run}`);
      await page.getByLabel(text.auth.password, { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: text.auth.signIn }).click();
      await expect(page.getByRole('alert')).toContainText(text.auth.errors.invalidCredentials);
      await expectAccessible(page, `sign-in refused (${lang})`);

      await page.getByText(text.auth.mode.apiKey, { exact: true }).click();
      await expect(page.getByLabel(text.auth.secretId, { exact: true })).toBeVisible();
      await expectAccessible(page, `sign-in, COS API key (${lang})`);

      // The choice persists: a new page load is still in this language.
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
    });

    test('the bucket list and the create-bucket dialog', async ({ page }) => {
      await signIn(page, lang, text);
      await expect(page.getByRole('link', { name: BUCKET, exact: true })).toBeVisible();
      await expectAccessible(page, `bucket list (${lang})`);

      await page.getByRole('button', { name: text.bucketCreate.open }).click();
      const dialog = page.getByRole('dialog', { name: text.bucketCreate.title });
      await expect(dialog).toBeVisible();
      await expectAccessible(page, `create-bucket dialog (${lang})`);
      await dialog.getByRole('button', { name: text.bucketCreate.cancel }).click();
      await expect(dialog).toBeHidden();
    });

    test('the file browser, the share dialog, the upload panel and the delete dialog', async ({ page }) => {
      await signIn(page, lang, text);
      await page.getByRole('link', { name: BUCKET, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: BUCKET })).toBeVisible();
      await expect(page.getByRole('link', { name: '2025/' })).toBeVisible();
      await expect(page.getByText('README.md')).toBeVisible();
      await expectAccessible(page, `file browser, bucket root (${lang})`);
      await page.getByRole('link', { name: '2025/' }).click();
      await page.getByRole('link', { name: 'summer/' }).click();
      await expect(page.getByText('日落 sunset.png')).toBeVisible();
      await expectAccessible(page, `file browser, a folder (${lang})`);

      await page.getByRole('button', { name: fill(text.share.actionLabel, { name: 'beach.png' }) }).click();
      const share = page.getByRole('dialog', { name: fill(text.share.title, { name: 'beach.png' }) });
      await expect(share).toBeVisible();
      await expectAccessible(page, `share dialog (${lang})`);
      await share.getByRole('button', { name: text.share.create }).click();
      await expect(share.getByLabel(text.share.link)).toBeVisible();
      await expectAccessible(page, `share dialog with its link (${lang})`);
      await share.getByRole('button', { name: text.share.close }).click();
      await expect(share).toBeHidden();

      // A folder of this test's own: the upload, then its deletion.
      const name = `a11y-${run}.txt`;
      await page.goto(objectsUrl(`a11y-${run}-${lang}/`));
      await expect(page.getByText(text.objects.emptyFolder)).toBeVisible();
      await expectAccessible(page, `file browser, an empty folder (${lang})`);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: text.upload.button, exact: true }).click();
      await (await chooser).setFiles([{ name, mimeType: 'text/plain', buffer: Buffer.from('accessibility\n') }]);
      const uploads = page.getByRole('region', { name: text.upload.panelTitle });
      await expect(uploads).toContainText(fill(text.upload.summary, { done: 1, total: 1 }), { timeout: 30_000 });
      await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
      await expectAccessible(page, `upload panel (${lang})`);

      // The row's checkbox from the keyboard, as in e2e/object-actions.spec.ts.
      const box = page.getByRole('checkbox', { name: fill(text.deleteObjects.selectRow, { name }), exact: true });
      await box.focus();
      await page.keyboard.press('Space');
      await expect(box).toBeChecked();
      await page.getByRole('button', { name: text.deleteObjects.button, exact: true }).click();
      const remove = page.getByRole('dialog', { name: text.deleteObjects.title });
      await expect(remove).toContainText(fill(text.deleteObjects.total, { count: 1 }));
      await expectAccessible(page, `delete dialog (${lang})`);
      await remove.getByRole('button', { name: text.deleteObjects.confirm, exact: true }).click();
      await expect(remove).toContainText(fill(text.deleteObjects.deleted, { count: 1 }));
      await expectAccessible(page, `delete dialog, done (${lang})`);
      await remove.getByRole('button', { name: text.deleteObjects.close, exact: true }).click();
      await expect(remove).toBeHidden();
    });

    test('the console accounts page, the account dialog and the audit log', async ({ page }) => {
      await signIn(page, lang, text);
      const nav = page.getByRole('navigation', { name: text.admin.nav.label });
      await nav.getByRole('link', { name: text.admin.nav.users }).click();
      await expect(page.getByRole('heading', { level: 1, name: text.admin.users.title })).toBeVisible();
      await expect(page.getByRole('row').filter({ hasText: 'admin' }).first()).toContainText(text.admin.role.admin);
      await expectAccessible(page, `console accounts (${lang})`);

      await page.getByRole('button', { name: text.admin.users.create }).click();
      const dialog = page.getByRole('dialog', { name: text.admin.users.createTitle });
      await expect(dialog.getByLabel(text.admin.users.name)).toBeFocused();
      await expectAccessible(page, `account dialog (${lang})`);
      // Its other states: a chosen password, and the errors shown next to the fields.
      await dialog.getByText(text.admin.password.choose, { exact: true }).click();
      await dialog.getByRole('button', { name: text.admin.users.createSubmit, exact: true }).click();
      await expect(dialog.getByText(text.admin.form.errors.nameRequired)).toBeVisible();
      await expectAccessible(page, `account dialog with errors (${lang})`);
      await dialog.getByRole('button', { name: text.admin.common.cancel }).click();
      await expect(dialog).toBeHidden();

      await nav.getByRole('link', { name: text.admin.nav.audit }).click();
      await expect(page.getByRole('heading', { level: 1, name: text.admin.audit.title })).toBeVisible();
      await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
      await expectAccessible(page, `audit log (${lang})`);
    });
  });
}
