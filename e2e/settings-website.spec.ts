// The static-website section against cos-local: a fresh bucket with public-read pages; through the UI
// the website is switched on with the single-page-app preset and one redirect rule (`old/` → `new/`),
// saved, read back from COS and compared with what was entered; then Chromium itself visits the
// website endpoint the section links to (anonymous, as any visitor): the index, an unknown path
// answered by the app's index.html with 200, and the redirect. The redirect tester's verdicts are
// checked against the same paths. Switching off asks first and deletes the configuration; a console
// account with read access sees the configuration without any control to change it. axe scans and
// screenshots in English and Simplified Chinese.
import type { Page } from '@playwright/test';
import { en } from '../src/console/i18n/en';
import { zhCN } from '../src/console/i18n/zh-CN';
import { parseWebsiteXml } from '../src/shared/xml/website';
import { expectAccessible } from './axe';
import { expect, test } from './capture';
import { E2E_COS_PORT } from './playwright.config';
import { createBucket, openSection, readSubresource, REGION, rootCos, uniqueBucket } from './settings-steps';
import { createConsoleAccount, signInAs } from './steps';

const W = en.bucketSettings.website;
const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

const SHELL = '<!doctype html><title>SPA shell</title><p>the app</p>';
const TARGET = 'the new page';

async function putPublic(bucket: string, key: string, body: string, contentType = 'text/html'): Promise<void> {
  await rootCos().putObject({ Bucket: bucket, Region: REGION, Key: key, Body: body, ContentType: contentType, ACL: 'public-read' });
}

async function chooseLanguage(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.getByLabel(en.language.label).first().click();
  await page.getByRole('listitem').filter({ hasText: lang === 'en' ? en.language.en : en.language.zhCN }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

async function runTester(page: Page, path: string): Promise<string> {
  const tester = page.getByRole('region', { name: W.tester.title });
  await tester.getByLabel(W.tester.path, { exact: true }).fill(path);
  await tester.getByRole('button', { name: W.tester.run }).click();
  const verdict = tester.getByTestId('website-verdict');
  await expect(verdict).toBeVisible();
  return (await verdict.innerText()).replace(/\s+/g, ' ');
}

test('static website: SPA preset and a redirect rule, saved, served at the endpoint, tested, switched off', async ({ page }) => {
  const bucket = uniqueBucket('site');
  await createBucket(rootCos(), bucket);
  await putPublic(bucket, 'index.html', SHELL);
  await putPublic(bucket, '404.html', '<!doctype html><title>not found</title>');
  await putPublic(bucket, 'new/x', TARGET, 'text/plain');
  const endpoint = `http://${bucket}.cos-website.${REGION}.localhost:${E2E_COS_PORT}/`;
  const host = new URL(endpoint).host;

  await openSection(page, bucket, 'website');
  await expect(page.getByRole('heading', { level: 2, name: W.title })).toBeVisible();
  // The endpoint link, derived from /api/config, before the website exists.
  await expect(page.getByRole('link', { name: fill(W.endpointOpen, { url: endpoint }) })).toHaveAttribute('href', endpoint);
  await expect(page.getByText(W.endpointOff)).toBeVisible();
  expect(await readSubresource(rootCos(), bucket, 'website')).toEqual({ code: 'NoSuchWebsiteConfiguration' });

  // On, the single-page-app preset, one redirect rule.
  const onOff = page.getByRole('switch', { name: W.enabled });
  await onOff.click();
  await expect(onOff).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('button', { name: W.spaPreset }).click();
  await expect(page.getByLabel(W.index, { exact: true })).toHaveValue('index.html');
  await expect(page.getByLabel(W.errorDocument, { exact: true })).toHaveValue('index.html');
  await expect(page.getByRole('radio', { name: W.errorStatusOk })).toBeChecked();
  await page.getByRole('button', { name: W.rules.add }).click();
  await page.getByLabel(fill(W.rules.keyPrefix, { n: 1 }), { exact: true }).fill('old/');
  // A target still under the prefix would loop: refused with its reason, nothing saved.
  const newPrefix = page.getByLabel(fill(W.rules.replaceKeyPrefixWith, { n: 1 }), { exact: true });
  await newPrefix.fill('old/new/');
  await page.getByRole('button', { name: en.bucketSettings.common.save }).click();
  await expect(page.getByText(W.errors.loops)).toBeVisible();
  await expect(newPrefix).toHaveAttribute('aria-invalid', 'true');
  expect(await readSubresource(rootCos(), bucket, 'website')).toEqual({ code: 'NoSuchWebsiteConfiguration' });
  await newPrefix.fill('new/');
  await expect(page.getByText(W.errors.loops)).toBeHidden();

  // The tester evaluates the unsaved draft.
  expect(await runTester(page, '/old/x')).toContain(`301 redirect to http://${host}/new/x`);
  expect(await runTester(page, '/old/x')).toContain(fill(W.tester.bySource['routing-rule'], { n: 1 }));

  await page.getByRole('button', { name: en.bucketSettings.common.save }).click();
  await expect(page.getByRole('status').filter({ hasText: fill(en.bucketSettings.common.saved, { setting: W.title }) })).toBeVisible();
  await expect(page.getByText(W.endpointOff)).toBeHidden();

  // COS holds exactly what was entered.
  const stored = await readSubresource(rootCos(), bucket, 'website');
  if (!('body' in stored)) throw new Error(`no website configuration: ${stored.code}`);
  const parsed = parseWebsiteXml(stored.body);
  if (!parsed.ok) throw new Error('unreadable website configuration');
  expect(parsed.value).toEqual({
    indexDocument: { suffix: 'index.html' },
    errorDocument: { key: 'index.html', originalHttpStatus: 'Disabled' },
    routingRules: [{ condition: { keyPrefixEquals: 'old/' }, redirect: { replaceKeyPrefixWith: 'new/' } }],
  });

  // The tester's verdicts on the saved configuration.
  const missing = await runTester(page, '/no/such/page');
  expect(missing).toContain(fill(W.tester.document, { status: 200, key: 'index.html' }));
  expect(missing).toContain(W.tester.bySource['error-document']);
  expect(await runTester(page, '/')).toContain(W.tester.bySource.index);

  await expectAccessible(page, 'website section (en)');
  await page.screenshot({ path: '/tmp/shots/website-en.png', fullPage: true });

  // Chromium at the endpoint, as an anonymous visitor.
  const visitor = await page.context().browser()!.newPage();
  try {
    const home = await visitor.goto(endpoint);
    expect(home?.status()).toBe(200);
    await expect(visitor).toHaveTitle('SPA shell');
    const deep = await visitor.goto(`${endpoint}no/such/page`);
    expect(deep?.status()).toBe(200);
    expect(await deep?.text()).toBe(SHELL);
    const moved = await visitor.goto(`${endpoint}old/x`);
    expect(visitor.url()).toBe(`${endpoint}new/x`);
    expect(moved?.status()).toBe(200);
    expect(await moved?.text()).toBe(TARGET);
    const hop = await moved?.request().redirectedFrom()?.response();
    expect(hop?.status()).toBe(301);
    expect(hop?.headers()['location']).toBe(`${endpoint}new/x`);
  } finally {
    await visitor.close();
  }

  // Simplified Chinese.
  await chooseLanguage(page, 'zh-CN');
  await expect(page.getByRole('heading', { level: 2, name: zhCN.bucketSettings.website.title })).toBeVisible();
  await expect(page.getByRole('switch', { name: zhCN.bucketSettings.website.enabled })).toBeVisible();
  await expectAccessible(page, 'website section (zh-CN)');
  await page.screenshot({ path: '/tmp/shots/website-zh-CN.png', fullPage: true });
  await chooseLanguage(page, 'en');

  // Off: asks first, then deletes the configuration.
  await page.getByRole('switch', { name: W.enabled }).click();
  await page.getByRole('button', { name: en.bucketSettings.common.save }).click();
  const dialog = page.getByRole('dialog', { name: W.removeTitle });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: W.removeConfirm }).click();
  await expect(page.getByRole('status').filter({ hasText: fill(en.bucketSettings.common.deleted, { setting: W.title }) })).toBeVisible();
  expect(await readSubresource(rootCos(), bucket, 'website')).toEqual({ code: 'NoSuchWebsiteConfiguration' });
});

test('static website: read-only for an account that may only read the bucket', async ({ page, browser }) => {
  const bucket = uniqueBucket('siteread');
  await createBucket(rootCos(), bucket);
  await rootCos().putBucketWebsite({
    Bucket: bucket, Region: REGION,
    WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' }, RoutingRules: [{ Condition: { KeyPrefixEquals: 'old/' }, Redirect: { ReplaceKeyPrefixWith: 'new/' } }] },
  } as unknown as Parameters<ReturnType<typeof rootCos>['putBucketWebsite']>[0]);
  await openSection(page, bucket, 'website');
  const name = `reader${Date.now().toString(36)}`;
  const password = `pw-${Date.now().toString(36)}-website-reader`;
  await createConsoleAccount(page, name, password, [{ bucket, prefix: '', permissions: ['list', 'read'] }]);
  const reader = await signInAs(browser, name, password);
  await reader.goto(`/buckets/${bucket}/settings/website?region=${REGION}`);
  await expect(reader.getByRole('heading', { level: 2, name: W.title })).toBeVisible();
  await expect(reader.getByText(fill(W.rules.summaryPrefix, { prefix: 'old/' }), { exact: false })).toBeVisible();
  await expect(reader.getByRole('switch')).toHaveCount(0);
  await expect(reader.getByRole('button', { name: en.bucketSettings.common.save })).toHaveCount(0);
  await expect(reader.getByRole('button', { name: W.rules.add })).toHaveCount(0);
  await expect(reader.getByRole('textbox', { name: W.index })).toHaveCount(0);
  await expectAccessible(reader, 'website section, read-only (en)');
  await reader.screenshot({ path: '/tmp/shots/website-readonly.png', fullPage: true });
});
