// The lifecycle, bucket tags and encryption sections of the bucket page, each on a fresh bucket of its
// own: what is entered in the UI is what COS (cos-local) keeps, read back with the root key through
// cos-nodejs-sdk-v5; the summary sentence of a rule; the form's refusals; the confirmations before a
// DELETE; axe scans and screenshots in English and Simplified Chinese.
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import type COS from 'cos-nodejs-sdk-v5';
import { en } from '../src/console/i18n/en';
import { buildEncryptionXml, parseEncryptionXml } from '../src/shared/xml/encryption';
import { parseLifecycleXml, type LifecycleConfiguration } from '../src/shared/xml/lifecycle';
import { parseTaggingXml } from '../src/shared/xml/tagging';
import { expectAccessible } from './axe';
import { expect, test } from './capture';
import { createBucket, openSection, readSubresource, rootCos, uniqueBucket } from './settings-steps';
import { createConsoleAccount, signInAs } from './steps';

async function chooseLanguage(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.getByLabel(en.language.label).first().click();
  await page.getByRole('listitem').filter({ hasText: lang === 'en' ? en.language.en : en.language.zhCN }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

async function fresh(stem: string): Promise<string> {
  const bucket = uniqueBucket(stem);
  await createBucket(rootCos(), bucket);
  return bucket;
}

test('lifecycle: a rule made in the form is the rule COS keeps, with its summary', async ({ page }) => {
  const bucket = await fresh('lc');
  await openSection(page, bucket, 'lifecycle');
  const section = page.getByRole('region', { name: 'Lifecycle' });
  await expect(section.getByText('No lifecycle rules')).toBeVisible();

  await section.getByRole('button', { name: 'Add rule' }).click();
  const form = page.getByRole('form', { name: 'New lifecycle rule' });
  // A rule without an action is refused with its reason, before anything is sent.
  await form.getByRole('button', { name: 'Save rule' }).click();
  await expect(form.getByText('A rule needs at least one action')).toBeVisible();

  await form.getByLabel('Rule ID').fill('archive-logs');
  await form.getByText('A prefix', { exact: true }).click();
  await expect(form.getByRole('radio', { name: 'A prefix', exact: true })).toBeChecked();
  await form.getByLabel('Prefix', { exact: true }).fill('logs/');
  await form.getByRole('button', { name: 'Add transition' }).click();
  await form.getByLabel('Days after upload, transition 1').fill('30');
  await expect(form.getByLabel('Storage class, transition 1')).toHaveValue('Standard IA');
  await form.getByText('Delete after days', { exact: true }).click();
  await form.getByLabel('Days after upload before deletion').fill('365');
  await form.getByLabel('Abort incomplete multipart uploads after (days)').fill('7');
  const sentence = 'Objects under logs/ move to Standard IA after 30 days and are deleted after 365 days; incomplete multipart uploads are aborted after 7 days.';
  await expect(form.getByTestId('lifecycle-preview')).toHaveText(sentence);
  await expectAccessible(page, 'lifecycle rule form (en)');
  await page.screenshot({ path: '/tmp/shots/lifecycle-form-en.png', fullPage: true });

  await form.getByRole('button', { name: 'Save rule' }).click();
  await expect(section.getByRole('status')).toHaveText('Lifecycle saved.');
  await expect(form).toBeHidden();
  const row = section.getByRole('row').filter({ hasText: 'archive-logs' });
  await expect(row).toContainText(sentence);
  await expect(row).toContainText('Enabled');

  // Exactly as entered, in the XML COS keeps and through the SDK.
  const expected: LifecycleConfiguration = {
    rules: [{
      id: 'archive-logs', filter: { kind: 'prefix', prefix: 'logs/' }, status: 'Enabled',
      transitions: [{ days: '30', storageClass: 'STANDARD_IA' }], expiration: { days: '365' },
      noncurrentVersionTransitions: [], abortIncompleteMultipartUpload: { daysAfterInitiation: '7' },
    }],
  };
  const raw = await readSubresource(rootCos(), bucket, 'lifecycle');
  if (!('body' in raw)) throw new Error(`GET Bucket lifecycle answered ${raw.code}`);
  expect(parseLifecycleXml(raw.body)).toEqual({ ok: true, value: expected });
  const viaSdk = await rootCos().getBucketLifecycle({ Bucket: bucket, Region: 'ap-guangzhou' });
  // The SDK gives a single Transition as an object, several as an array.
  const sdkRules = viaSdk.Rules.map((r) => ({ ...r, Transition: [r.Transition].flat() }));
  expect(sdkRules).toEqual([{
    ID: 'archive-logs', Filter: { Prefix: 'logs/' }, Status: 'Enabled',
    Transition: [{ Days: '30', StorageClass: 'STANDARD_IA' }], Expiration: { Days: '365' },
    AbortIncompleteMultipartUpload: { DaysAfterInitiation: '7' },
  }]);
  await page.screenshot({ path: '/tmp/shots/lifecycle-en.png', fullPage: true });

  // Disable, then the same sentence marked disabled.
  await row.getByRole('button', { name: 'Disable “archive-logs”' }).click();
  await expect(row).toContainText(sentence.replace(/\.$/, ' (disabled).'));
  const disabled = await readSubresource(rootCos(), bucket, 'lifecycle');
  expect('body' in disabled && parseLifecycleXml(disabled.body)).toEqual({ ok: true, value: { rules: [{ ...expected.rules[0], status: 'Disabled' }] } });
  await row.getByRole('button', { name: 'Enable “archive-logs”' }).click();
  await expect(row).toContainText(sentence);

  await chooseLanguage(page, 'zh-CN');
  const zhSection = page.getByRole('region', { name: '生命周期' });
  await expect(zhSection.getByRole('row').filter({ hasText: 'archive-logs' }))
    .toContainText('logs/ 下的对象在 30 天后转为低频存储，365 天后删除；未完成的分块上传在 7 天后中止。');
  await expectAccessible(page, 'lifecycle rules (zh-CN)');
  await zhSection.getByRole('button', { name: '编辑“archive-logs”' }).click();
  const zhForm = page.getByRole('form', { name: '编辑“archive-logs”' });
  await expect(zhForm.getByLabel('前缀', { exact: true })).toHaveValue('logs/');
  await expectAccessible(page, 'lifecycle rule form (zh-CN)');
  await page.screenshot({ path: '/tmp/shots/lifecycle-form-zh.png', fullPage: true });
  await zhForm.getByRole('button', { name: '取消' }).click();
  await page.screenshot({ path: '/tmp/shots/lifecycle-zh.png', fullPage: true });

  // Remove all: confirmed, then the configuration is gone.
  await zhSection.getByRole('button', { name: '删除全部规则' }).click();
  const dialog = page.getByRole('dialog', { name: '删除全部生命周期规则？' });
  await dialog.getByRole('button', { name: '删除全部规则' }).click();
  await expect(zhSection.getByRole('status')).toHaveText('生命周期已移除。');
  expect(await readSubresource(rootCos(), bucket, 'lifecycle')).toEqual({ code: 'NoSuchLifecycleConfiguration' });
});

test('bucket tags: two tags added in the table are the tag set COS keeps', async ({ page }) => {
  const bucket = await fresh('tags');
  await openSection(page, bucket, 'tags');
  const section = page.getByRole('region', { name: 'Bucket tags' });
  await section.getByRole('button', { name: 'Add tag' }).click();
  await section.getByRole('button', { name: 'Add tag' }).click();
  await section.getByLabel('Key of tag 1').fill('team');
  await section.getByLabel('Value of tag 1').fill('storage');
  await section.getByLabel('Key of tag 2').fill('team');
  await section.getByLabel('Value of tag 2').fill('prod test');
  await section.getByRole('button', { name: 'Save' }).click();
  await expect(section.getByText('Another tag has this key.')).toBeVisible();
  await section.getByLabel('Key of tag 2').fill('env');
  await expect(section.getByText('Another tag has this key.')).toBeHidden();
  await expectAccessible(page, 'bucket tags (en)');
  await section.getByRole('button', { name: 'Save' }).click();
  await expect(section.getByRole('status')).toHaveText('Bucket tags saved.');
  await page.screenshot({ path: '/tmp/shots/lifecycle-tags-en.png', fullPage: true });

  const tags = [{ Key: 'team', Value: 'storage' }, { Key: 'env', Value: 'prod test' }];
  expect((await rootCos().getBucketTagging({ Bucket: bucket, Region: 'ap-guangzhou' })).Tags).toEqual(tags);
  const raw = await readSubresource(rootCos(), bucket, 'tagging');
  expect('body' in raw && parseTaggingXml(raw.body)).toEqual({ ok: true, value: [{ key: 'team', value: 'storage' }, { key: 'env', value: 'prod test' }] });

  await chooseLanguage(page, 'zh-CN');
  const zhSection = page.getByRole('region', { name: '存储桶标签' });
  await expect(zhSection.getByLabel('标签 2 的值')).toHaveValue('prod test');
  await expectAccessible(page, 'bucket tags (zh-CN)');
  await page.screenshot({ path: '/tmp/shots/lifecycle-tags-zh.png', fullPage: true });

  // Removing every row and saving deletes the tag set, after a confirmation.
  await zhSection.getByRole('button', { name: '删除标签 2' }).click();
  await zhSection.getByRole('button', { name: '删除标签 1' }).click();
  await zhSection.getByRole('button', { name: '保存' }).click();
  await page.getByRole('dialog', { name: '删除全部标签？' }).getByRole('button', { name: '删除全部标签' }).click();
  await expect(zhSection.getByRole('status')).toHaveText('存储桶标签已移除。');
  expect(await readSubresource(rootCos(), bucket, 'tagging')).toMatchObject({ code: expect.stringMatching(/^NoSuchTagSet/) });
});

test('encryption: SSE-COS switched on is AES256 at COS; switched off (confirmed) is none', async ({ page }) => {
  const bucket = await fresh('sse');
  await openSection(page, bucket, 'encryption');
  const section = page.getByRole('region', { name: 'Encryption' });
  await expect(section.getByText('Off: new objects are stored as their upload asks.')).toBeVisible();
  const toggle = section.getByRole('switch', { name: 'Encrypt new objects with SSE-COS (AES256)' });
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expectAccessible(page, 'encryption (en)');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await section.getByRole('button', { name: 'Save' }).click();
  await expect(section.getByRole('status')).toHaveText('Encryption saved.');
  await expect(section.getByText('On: new objects are encrypted at rest with SSE-COS (AES256).')).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/lifecycle-encryption-en.png', fullPage: true });

  const sdk = await rootCos().getBucketEncryption({ Bucket: bucket, Region: 'ap-guangzhou' });
  const rules = [sdk.ServerSideEncryptionConfiguration.Rule].flat() as { ApplyServerSideEncryptionByDefault?: { SSEAlgorithm?: string } }[];
  expect(rules.map((r) => r.ApplyServerSideEncryptionByDefault?.SSEAlgorithm)).toEqual(['AES256']);
  const raw = await readSubresource(rootCos(), bucket, 'encryption');
  expect('body' in raw && parseEncryptionXml(raw.body)).toEqual({ ok: true, value: { rules: [{ applyByDefault: { sseAlgorithm: 'AES256' } }] } });

  await chooseLanguage(page, 'zh-CN');
  const zhSection = page.getByRole('region', { name: '服务端加密' });
  const zhToggle = zhSection.getByRole('switch', { name: '使用 SSE-COS（AES256）加密新对象' });
  await expect(zhToggle).toHaveAttribute('aria-checked', 'true');
  await expectAccessible(page, 'encryption (zh-CN)');
  await zhToggle.click();
  await zhSection.getByRole('button', { name: '保存' }).click();
  const dialog = page.getByRole('dialog', { name: '关闭默认加密？' });
  await expectAccessible(page, 'encryption off confirmation (zh-CN)');
  await page.screenshot({ path: '/tmp/shots/lifecycle-encryption-zh.png', fullPage: true });
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(zhSection.getByRole('status')).toHaveText('服务端加密已移除。');
  await expect(zhToggle).toHaveAttribute('aria-checked', 'false');
  expect(await readSubresource(rootCos(), bucket, 'encryption')).toEqual({ code: 'NoSuchEncryptionConfiguration' });
});

test('read-only: with list on the whole bucket the three sections show their values and no editing controls', async ({ page, browser }) => {
  const bucket = await fresh('ro');
  const cos = rootCos();
  await cos.putBucketLifecycle({ Bucket: bucket, Region: 'ap-guangzhou', Rules: [{ ID: 'old', Status: 'Enabled', Filter: { Prefix: 'tmp/' }, Expiration: { Days: '3' } }] });
  await cos.putBucketTagging({ Bucket: bucket, Region: 'ap-guangzhou', Tags: [{ Key: 'team', Value: 'storage' }] });
  // Raw PUT: the Node SDK's typings name the rule's child ApplySideEncryptionConfiguration (src/shared/xml/encryption.ts).
  const sse = buildEncryptionXml({ rules: [{ applyByDefault: { sseAlgorithm: 'AES256' } }] });
  await cos.request({
    Method: 'PUT', Bucket: bucket, Region: 'ap-guangzhou', Action: 'encryption', Body: sse,
    Headers: { 'Content-Type': 'application/xml', 'Content-MD5': createHash('md5').update(sse).digest('base64') },
  } as COS.RequestParams);
  await openSection(page, bucket, 'lifecycle');
  const name = `reader-${Date.now().toString(36)}`;
  const password = `Pw-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
  await createConsoleAccount(page, name, password, [{ bucket, prefix: '', permissions: ['list'] }]);
  const reader = await signInAs(browser, name, password);

  await reader.goto(`/buckets/${bucket}/settings/lifecycle?region=ap-guangzhou`);
  const lifecycle = reader.getByRole('region', { name: 'Lifecycle' });
  await expect(lifecycle.getByText('Objects under tmp/ are deleted after 3 days.')).toBeVisible();
  await expect(lifecycle.getByText(/^Read-only/)).toBeVisible();
  await expect(lifecycle.getByRole('button')).toHaveCount(0);

  await reader.goto(`/buckets/${bucket}/settings/tags?region=ap-guangzhou`);
  const tags = reader.getByRole('region', { name: 'Bucket tags' });
  await expect(tags.getByRole('cell', { name: 'storage' })).toBeVisible();
  await expect(tags.getByRole('textbox')).toHaveCount(0);
  await expect(tags.getByRole('button')).toHaveCount(0);

  await reader.goto(`/buckets/${bucket}/settings/encryption?region=ap-guangzhou`);
  const encryption = reader.getByRole('region', { name: 'Encryption' });
  await expect(encryption.getByRole('switch')).toBeDisabled();
  await expect(encryption.getByRole('switch')).toHaveAttribute('aria-checked', 'true');
  await expect(encryption.getByRole('button', { name: 'Save' })).toHaveCount(0);
});
