// The settings history and settings as code, against cos-local:
// (a) a CORS configuration applied through the settings-as-code section lets a page on another origin
//     fetch a public object; the next application takes that origin away and the fetch is blocked;
//     rolling the last change back in the history makes it work again, and the history lists both
//     applications and the rollback, by admin;
// (b) one bucket's settings, exported (downloaded) and applied through the UI to two fresh buckets,
//     read back from all three with the root key, are the same setting by setting (codecs.ts sameSetting).
// Both sections pass axe in English and in Simplified Chinese; screenshots go to /tmp/shots.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type COS from 'cos-nodejs-sdk-v5';
import { consoleCorsRule } from '../src/shared/cors/console-rule';
import { codecOf, readSettingAnswer, sameSetting, type TrackedSetting, type TrackedSettings } from '../src/shared/settings/codecs';
import { SETTING_NAMES, SETTINGS_FORMAT, SETTINGS_VERSION, type DocumentSettings } from '../src/shared/settings/document';
import type { CorsConfiguration } from '../src/shared/xml/cors';
import { en } from '../src/console/i18n/en';
import { zhCN } from '../src/console/i18n/zh-CN';
import { expectAccessible } from './axe';
import { expect, test } from './capture';
import { E2E_COS_PORT, E2E_PORT } from './playwright.config';
import { CONSOLE_ORIGIN, createBucket, openSection, readSubresource, REGION, rootCos, uniqueBucket } from './settings-steps';

const ALLOWED_ORIGIN = `http://allowed.localhost:${E2E_PORT}`;
const OBJECT_KEY = 'public.txt';
const OBJECT_BODY = 'hello from a public object';
const asCode = en.bucketSettings.asCode;
const history = en.bucketSettings.history;

const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

const documentText = (settings: DocumentSettings): string => JSON.stringify({ format: SETTINGS_FORMAT, version: SETTINGS_VERSION, settings }, null, 2);

/** PUT of a setting with the root key, built by the shared codec (as the console sends it). */
async function putSetting<K extends TrackedSetting>(cos: COS, bucket: string, name: K, value: NonNullable<TrackedSettings[K]>): Promise<void> {
  const codec = codecOf(name);
  const body = codec.build(value);
  await cos.request({
    Method: 'PUT', Bucket: bucket, Region: REGION, Action: codec.subresource, Body: body,
    Headers: { 'Content-Type': codec.contentType, 'Content-MD5': createHash('md5').update(body).digest('base64') },
  } as COS.RequestParams);
}

/** A setting as COS keeps it, read with the root key and parsed by the shared codec. */
async function readSetting(bucket: string, name: TrackedSetting): Promise<unknown> {
  const answer = await readSubresource(rootCos(), bucket, codecOf(name).subresource);
  const read = readSettingAnswer(name, 'body' in answer ? answer : { missingCode: answer.code });
  if (!read.ok) throw new Error(`${bucket} ${name}: ${read.reason}`);
  return read.value;
}

/** From a page on ALLOWED_ORIGIN: whether the browser lets it read the public object (CORS). */
async function fetchFromAllowedOrigin(page: Page, bucket: string): Promise<string> {
  const url = `http://${bucket}.cos.${REGION}.localhost:${E2E_COS_PORT}/${OBJECT_KEY}`;
  return page.evaluate(async (u) => {
    try {
      const r = await fetch(u, { cache: 'no-store' });
      return `ok:${await r.text()}`;
    } catch (e) {
      return `blocked:${String(e)}`;
    }
  }, url);
}

/** In the as-code section: paste a document, tick `others`, untick this bucket unless `includeCurrent`, preview, apply. */
async function applyDocument(page: Page, text: string, options: { current: string; others?: string[]; includeCurrent?: boolean; warnings?: string[] }): Promise<void> {
  await page.getByLabel(asCode.apply.documentLabel).fill(text);
  await expect(page.getByText(/^Valid document/)).toBeVisible();
  const buckets = page.getByRole('group', { name: asCode.apply.buckets });
  // From the keyboard: Space on the focused checkbox.
  const toggle = async (label: string, checked: boolean) => {
    const box = buckets.getByLabel(label, { exact: true });
    await box.focus();
    await page.keyboard.press('Space');
    if (checked) await expect(box).toBeChecked();
    else await expect(box).not.toBeChecked();
  };
  if (options.includeCurrent === false) await toggle(fill(asCode.apply.current, { bucket: options.current }), false);
  for (const other of options.others ?? []) await toggle(other, true);
  await page.getByRole('button', { name: asCode.apply.preview }).click();
  const apply = page.getByRole('button', { name: /^Apply to \d+ bucket/ });
  await expect(apply).toBeVisible();
  if (options.warnings?.length) {
    // A warning must be acknowledged before the document can be applied.
    for (const w of options.warnings) await expect(page.getByText(w).first()).toBeVisible();
    await expect(apply).toBeDisabled();
    const ack = page.getByLabel(asCode.apply.acknowledge);
    await ack.focus();
    await page.keyboard.press('Space');
    await expect(ack).toBeChecked();
  }
  await expect(apply).toBeEnabled();
  await apply.click();
  // Each change is three round trips (open, write, confirm) and the server reads COS twice: allow for many.
  await expect(page.getByRole('status').filter({ hasText: /changes applied/ })).toContainText(' 0 failed, 0 not tried', { timeout: 60_000 });
}

async function chooseLanguage(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.getByLabel(en.language.label).first().click();
  await page.getByRole('listitem').filter({ hasText: lang === 'en' ? en.language.en : en.language.zhCN }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

test('CORS applied as code, changed, and rolled back from the history: a page on the allowed origin can fetch again', async ({ page, context }) => {
  test.setTimeout(180_000);
  const cos = rootCos();
  const bucket = uniqueBucket('hist');
  await createBucket(cos, bucket);
  await cos.putObject({ Bucket: bucket, Region: REGION, Key: OBJECT_KEY, Body: OBJECT_BODY, ACL: 'public-read' });

  const other = await context.newPage();
  await other.goto(`${ALLOWED_ORIGIN}/login`);
  // Only the console's own rule so far: the other origin is refused.
  expect(await fetchFromAllowedOrigin(other, bucket)).toMatch(/^blocked:/);

  await openSection(page, bucket, 'as-code');
  const consoleRule = consoleCorsRule(CONSOLE_ORIGIN);
  const allowing: CorsConfiguration = {
    rules: [consoleRule, { id: 'allowed', allowedOrigins: [ALLOWED_ORIGIN], allowedMethods: ['GET', 'HEAD'], allowedHeaders: ['*'], exposeHeaders: [] }],
  };
  await applyDocument(page, documentText({ cors: allowing }), { current: bucket });
  await expect.poll(() => fetchFromAllowedOrigin(other, bucket)).toBe(`ok:${OBJECT_BODY}`);

  await applyDocument(page, documentText({ cors: { rules: [consoleRule] } }), { current: bucket });
  expect(await fetchFromAllowedOrigin(other, bucket)).toMatch(/^blocked:/);

  // The history, filtered on CORS (as a section's "View history" link opens it): newest first.
  await page.goto(`/buckets/${bucket}/settings/history?region=${REGION}&setting=cors`);
  await expect(page.getByRole('heading', { level: 2, name: history.title })).toBeVisible();
  const entries = page.getByRole('list', { name: history.listLabel }).getByRole('article');
  await expect(entries).toHaveCount(2);
  const last = entries.first();
  const lastTitle = (await last.getByRole('heading', { level: 3 }).textContent()) ?? '';
  const lastId = Number(/#(\d+)/.exec(lastTitle)?.[1]);
  expect(lastId).toBeGreaterThan(0);
  // The diff of the last change: the allowed origin's line is removed, and says so in text.
  await expect(last.getByRole('deletion').filter({ hasText: ALLOWED_ORIGIN })).toContainText('Removed');
  await expectAccessible(page, 'history (en)');
  await page.screenshot({ path: '/tmp/shots/history-en.png', fullPage: true });

  await last.getByRole('button', { name: history.restore }).click();
  const dialog = page.getByRole('dialog', { name: fill(history.rollback.title, { setting: en.bucketSettings.cors.title, id: lastId }) });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: fill(history.rollback.before, { id: lastId }) })).toBeChecked();
  // The diff from what the bucket has now to the restored value adds the allowed origin back.
  await expect(dialog.getByRole('insertion').filter({ hasText: ALLOWED_ORIGIN })).toBeVisible();
  await expectAccessible(page, 'rollback dialog (en)');
  await page.screenshot({ path: '/tmp/shots/history-rollback-en.png', fullPage: true });
  await dialog.getByRole('button', { name: history.rollback.confirm, exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'restored' })).toBeVisible();

  await expect.poll(() => fetchFromAllowedOrigin(other, bucket)).toBe(`ok:${OBJECT_BODY}`);
  expect(sameSetting('cors', await readSetting(bucket, 'cors'), allowing)).toBe(true);

  // Both applications and the rollback, newest first, all by admin.
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toContainText(fill(history.kind.rollback, { of: lastId }));
  await expect(entries.nth(1)).toContainText(history.kind.apply);
  await expect(entries.nth(2)).toContainText(history.kind.apply);
  for (let i = 0; i < 3; i += 1) await expect(entries.nth(i).locator('.history-entry__actor')).toHaveText('admin');

  // The same page in Simplified Chinese.
  await chooseLanguage(page, 'zh-CN');
  await expect(page.getByRole('heading', { level: 2, name: zhCN.bucketSettings.history.title })).toBeVisible();
  await expect(page.getByRole('list', { name: zhCN.bucketSettings.history.listLabel }).getByRole('article')).toHaveCount(3);
  await expectAccessible(page, 'history (zh-CN)');
  await page.screenshot({ path: '/tmp/shots/history-zh.png', fullPage: true });
  await page.getByRole('button', { name: zhCN.bucketSettings.history.restore }).first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAccessible(page, 'rollback dialog (zh-CN)');
  await page.getByRole('button', { name: zhCN.bucketSettings.common.cancel }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
});

test('settings exported from one bucket and applied to two others: all three read back the same', async ({ page }) => {
  test.setTimeout(180_000);
  const cos = rootCos();
  const source = uniqueBucket('src');
  const targets = [uniqueBucket('dst1'), uniqueBucket('dst2')];
  const backup = uniqueBucket('backup');
  for (const b of [source, ...targets, backup]) await createBucket(cos, b);

  // Several settings, replication among them: it needs versioning on both sides (436/19223).
  await putSetting(cos, backup, 'versioning', 'Enabled');
  await putSetting(cos, source, 'versioning', 'Enabled');
  await putSetting(cos, source, 'replication', {
    role: 'qcs::cam::uin/100000000001:uin/100000000001',
    rules: [{ id: 'to-backup', status: 'Enabled', prefix: 'docs/', destination: { bucket: `qcs::cos:${REGION}::${backup}`, storageClass: 'Standard' } }],
  });
  await putSetting(cos, source, 'website', { indexDocument: { suffix: 'index.html' }, errorDocument: { key: 'error.html' } });
  await putSetting(cos, source, 'tagging', [{ key: 'team', value: 'web' }, { key: 'env', value: 'test' }]);
  await putSetting(cos, source, 'lifecycle', {
    rules: [{ id: 'logs', filter: { kind: 'prefix', prefix: 'logs/' }, status: 'Enabled', transitions: [], expiration: { days: '30' }, noncurrentVersionTransitions: [] }],
  });
  await putSetting(cos, source, 'encryption', { rules: [{ applyByDefault: { sseAlgorithm: 'AES256' } }] });
  await putSetting(cos, source, 'referer', { status: 'Enabled', refererType: 'White-List', domains: ['*.example.com'], emptyReferConfiguration: 'Allow' });

  await openSection(page, source, 'as-code');
  const exported = page.getByLabel(fill(asCode.export.documentLabel, { bucket: source }));
  await expect(exported).toContainText('"replication"');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: asCode.export.download }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${source}-settings.json`);
  const text = await readFile(await download.path(), 'utf8');
  expect(text).toBe(await exported.textContent());

  await applyDocument(page, text, { current: source, others: targets, includeCurrent: false, warnings: [asCode.apply.warnings['referer-enabled']] });
  // Replication was written after versioning on each target (else COS refuses it).
  await expectAccessible(page, 'settings as code after an application (en)');
  await page.screenshot({ path: '/tmp/shots/as-code-en.png', fullPage: true });

  for (const name of SETTING_NAMES) {
    const want = await readSetting(source, name);
    for (const target of targets) {
      const got = await readSetting(target, name);
      expect(sameSetting(name, got, want), `${name} of ${target}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`).toBe(true);
    }
  }
  // The source really had them: the comparison is not of two empty buckets.
  expect(await readSetting(source, 'replication')).not.toBeNull();
  expect(await readSetting(targets[1] ?? '', 'tagging')).toHaveLength(2);

  // Every application is in the target's history as an applied document.
  await page.goto(`/buckets/${targets[0] ?? ''}/settings/history?region=${REGION}`);
  const entries = page.getByRole('list', { name: history.listLabel }).getByRole('article');
  await expect(entries.first()).toContainText(history.kind.apply);
  await expect(entries).toHaveCount(7);

  // Settings as code in Simplified Chinese, with a document that has problems listed by path.
  await page.goto(`/buckets/${source}/settings/as-code?region=${REGION}`);
  await chooseLanguage(page, 'zh-CN');
  const zh = zhCN.bucketSettings.asCode;
  await page.getByLabel(zh.apply.documentLabel).fill(JSON.stringify({ format: 'x', version: 1, settings: { versioning: null } }));
  await expect(page.getByText(zh.apply.errorsTitle)).toBeVisible();
  await expect(page.getByText('settings.versioning')).toBeVisible();
  await expectAccessible(page, 'settings as code (zh-CN)');
  await page.screenshot({ path: '/tmp/shots/as-code-zh.png', fullPage: true });
});
