// The Policy section's Simulator tab against cos-local: on a fresh bucket whose policy was put with the
// root key, the simulator decides an allowed and a denied anonymous read from the draft (the stored
// policy here), names the statement that decided each, and renders the access matrix of the principal.
// Accessibility in English and Simplified Chinese, with screenshots.
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { en } from '../src/console/i18n/en';
import { zhCN } from '../src/console/i18n/zh-CN';
import { expectAccessible } from './axe';
import { expect, test } from './capture';
import { APPID, REGION, createBucket, openSection, rootCos, uniqueBucket } from './settings-steps';

const S = en.bucketSettings.policy.simulator;

async function chooseLanguage(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.getByLabel(en.language.label).first().click();
  await page.getByRole('listitem').filter({ hasText: lang === 'en' ? en.language.en : en.language.zhCN }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

test('the simulator decides on the policy, names the deciding statement, and renders the matrix', async ({ page }) => {
  const cos = rootCos();
  const bucket = uniqueBucket('simulator');
  await createBucket(cos, bucket);
  const res = (path: string) => `qcs::cos:${REGION}:uid/${APPID}:${bucket}/${path}`;
  await cos.putBucketPolicy({
    Bucket: bucket, Region: REGION,
    Policy: {
      version: '2.0',
      Statement: [
        { sid: 'public-read', effect: 'allow', principal: { qcs: ['qcs::cam::anyone:anyone'] }, action: ['name/cos:GetObject'], resource: [res('public/*')] },
        { sid: 'no-secret', effect: 'deny', principal: { qcs: ['qcs::cam::anyone:anyone'] }, action: ['name/cos:GetObject'], resource: [res('public/secret/*')] },
      ],
    },
  } as unknown as Parameters<typeof cos.putBucketPolicy>[0]);

  await openSection(page, bucket, 'policy');
  // TDesign's tab labels carry no tab role: click the label as a person does.
  await page.getByRole('radiogroup', { name: en.bucketSettings.policy.tabs.label }).getByText(en.bucketSettings.policy.tabs.simulator, { exact: true }).click();
  await expect(page.getByRole('heading', { level: 3, name: S.title })).toBeVisible();

  const result = page.getByRole('status').filter({ has: page.getByTestId('simulator-reason') });
  const key = page.getByLabel(S.key, { exact: true });
  await key.fill('public/photo.jpg');
  await expect(result.getByText(S.allowed, { exact: true })).toBeVisible();
  await expect(page.getByTestId('simulator-reason')).toHaveText('Allowed by statement #1 (public-read).');
  await expect(page.getByRole('row').filter({ hasText: '#1 (public-read)' }).getByText(S.decided)).toBeVisible();

  await key.fill('public/secret/plan.txt');
  await expect(result.getByText(S.denied, { exact: true })).toBeVisible();
  await expect(page.getByTestId('simulator-reason')).toHaveText('Denied explicitly by statement #2 (no-secret). A deny wins over every allow.');
  await expect(page.getByRole('row').filter({ hasText: '#2 (no-secret)' }).getByText(S.decided)).toBeVisible();

  await key.fill('private/a.txt');
  await expect(page.getByTestId('simulator-reason')).toHaveText(S.because.implicitDeny);

  // The matrix: the bucket root and the policy's two patterns, for anonymous.
  const matrix = page.getByRole('region', { name: 'Operations allowed for Anonymous (no signature)' });
  await expect(matrix).toBeVisible();
  const row = (text: string) => matrix.getByRole('row').filter({ has: page.getByRole('cell', { name: text, exact: true }) });
  await expect(row('public/*').getByRole('cell').nth(2)).toHaveText(S.allowed);
  await expect(row('public/secret/*').getByRole('cell').nth(2)).toHaveText(S.denied);
  await expect(row(S.root).getByRole('cell').nth(2)).toHaveText(S.denied);
  await expect(row('public/*').getByRole('cell').nth(4)).toHaveText(S.denied); // PutObject

  await key.fill('public/photo.jpg');
  await expectAccessible(page, 'policy simulator (en)');
  mkdirSync('/tmp/shots', { recursive: true });
  await page.screenshot({ path: '/tmp/shots/simulator-en.png', fullPage: true });

  await chooseLanguage(page, 'zh-CN');
  const Z = zhCN.bucketSettings.policy.simulator;
  await expect(page.getByRole('heading', { level: 3, name: Z.title })).toBeVisible();
  await expect(page.getByTestId('simulator-reason')).toHaveText('由语句 #1（public-read）允许。');
  await expectAccessible(page, 'policy simulator (zh-CN)');
  await page.screenshot({ path: '/tmp/shots/simulator-zh.png', fullPage: true });
});
