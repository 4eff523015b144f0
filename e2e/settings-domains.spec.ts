// The custom domains and versioning sections and the bucket overview, against cos-local:
// - a custom domain added through the UI serves the bucket's objects by Host (cos-local routes by it,
//   docs/cos-behaviour.md "Custom domains"), through Node and in Chromium (`*.localhost`); the same
//   name on a second bucket is refused with DomainConflict, explained, and can be taken over; removing
//   the last one deletes the configuration;
// - versioning enabled and suspended through the UI reads back through the SDK; suspending a bucket
//   that replicates warns first;
// - the overview shows region, endpoints, custom domains and settings, each linking to its section.
// Each part is scanned with axe in English and Simplified Chinese, and screenshotted.
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type COS from 'cos-nodejs-sdk-v5';
import { en } from '../src/console/i18n/en';
import { zhCN } from '../src/console/i18n/zh-CN';
import { buildDomainXml } from '../src/shared/xml/domain';
import { cosRequest } from '../test/support/cos-request';
import { expectAccessible } from './axe';
import { expect, test } from './capture';
import { E2E_COS_PORT } from './playwright.config';
import { createBucket, openSection, readSubresource, REGION, rootCos, uniqueBucket } from './settings-steps';

const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });
const D = en.bucketSettings.domains;
const V = en.bucketSettings.versioning;
const O = en.bucketSettings.overview;

async function chooseLanguage(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.getByLabel(en.language.label).first().click();
  await page.getByRole('listitem').filter({ hasText: lang === 'en' ? en.language.en : en.language.zhCN }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

async function putDomains(cos: COS, bucket: string, names: string[]): Promise<void> {
  const body = buildDomainXml({ rules: names.map((name) => ({ status: 'ENABLED', name, type: 'REST' })) });
  await cos.request({ Method: 'PUT', Bucket: bucket, Region: REGION, Action: 'domain', Body: body, Headers: { 'Content-Type': 'application/xml' } } as COS.RequestParams);
}

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

test('custom domains: add one that serves the bucket by Host, a conflict on another bucket, take over, remove', async ({ page, context }) => {
  const cos = rootCos();
  const first = uniqueBucket('domains-a');
  const second = uniqueBucket('domains-b');
  await createBucket(cos, first);
  await createBucket(cos, second);
  const body = `hello from ${first}`;
  await cos.putObject({ Bucket: first, Region: REGION, Key: 'hello.txt', Body: body, ACL: 'public-read' });
  const domain = `files-${run}.localhost`;

  await openSection(page, first, 'domains');
  const section = page.getByRole('region', { name: D.title });
  await expect(section.getByRole('heading', { level: 2, name: D.title })).toBeVisible();
  await expect(section.getByText(D.empty)).toBeVisible();

  // A URL is refused before anything is sent.
  await section.getByLabel(D.add.name, { exact: true }).fill(`https://${domain}`);
  await section.getByRole('button', { name: D.add.submit }).click();
  await expect(section.getByText(D.problems.scheme)).toBeVisible();
  expect(await readSubresource(cos, first, 'domain')).toEqual({ code: 'NoSuchDomainConfiguration' });

  await section.getByLabel(D.add.name, { exact: true }).fill(domain);
  await section.getByRole('button', { name: D.add.submit }).click();
  await expect(section.getByRole('status').filter({ hasText: domain })).toBeVisible();
  await expect(section.getByRole('cell', { name: domain, exact: true })).toBeVisible();
  await expect(section.getByText(`${first}.cos.${REGION}.myqcloud.com`).first()).toBeVisible();
  const saved = await readSubresource(cos, first, 'domain');
  expect('body' in saved && saved.body).toContain(`<Name>${domain}</Name>`);
  expect('body' in saved && saved.body).toContain('<Type>REST</Type>');

  // Served by Host: through Node with the Host header, as the curl line the section shows does.
  await section.getByLabel(D.local.key, { exact: true }).fill('hello.txt');
  await expect(section.getByLabel(D.local.commandLabel.replace('{{domain}}', domain))).toHaveText(
    `curl -H 'Host: ${domain}' 'http://127.0.0.1:${E2E_COS_PORT}/hello.txt'`,
  );
  const answer = await cosRequest({ port: E2E_COS_PORT, host: `${domain}:${E2E_COS_PORT}`, path: '/hello.txt' });
  expect(answer.status).toBe(200);
  expect(answer.text).toBe(body);
  // …and in Chromium, which resolves *.localhost itself: the link the section shows.
  const link = section.getByRole('link', { name: `http://${domain}:${E2E_COS_PORT}/hello.txt` });
  const href = await link.getAttribute('href');
  expect(href).toBe(`http://${domain}:${E2E_COS_PORT}/hello.txt`);
  const tab = await context.newPage();
  const response = await tab.goto(href ?? '');
  expect(response?.status()).toBe(200);
  expect(await response?.text()).toBe(body);
  await tab.close();

  await expectAccessible(page, 'the custom domains section');
  await page.screenshot({ path: `${SHOTS}/domains-en.png`, fullPage: true });

  // The same name on the second bucket: COS refuses with DomainConflict, and the section says why.
  await page.goto(`/buckets/${second}/settings/domains?region=${REGION}`);
  await section.getByLabel(D.add.name, { exact: true }).fill(domain);
  await section.getByRole('button', { name: D.add.submit }).click();
  const conflict = section.getByRole('alert').filter({ hasText: D.conflict.title.replace('{{domain}}', domain) });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('DomainConflict');
  await expect(conflict).toContainText(D.conflict.remedy);
  expect(await readSubresource(cos, second, 'domain')).toEqual({ code: 'NoSuchDomainConfiguration' });
  await expectAccessible(page, 'a DomainConflict on the custom domains section');
  await page.screenshot({ path: `${SHOTS}/domains-conflict-en.png`, fullPage: true });

  // Taking it over (ownership verified by a TXT record) moves it: the first bucket has none left.
  await conflict.getByText(D.conflict.verifyTxt, { exact: true }).click();
  await expect(conflict.getByRole('radio', { name: D.conflict.verifyTxt })).toBeChecked();
  await conflict.getByRole('button', { name: D.conflict.takeOver }).click();
  await expect(section.getByRole('cell', { name: domain, exact: true })).toBeVisible();
  const moved = await readSubresource(cos, second, 'domain');
  expect('body' in moved && moved.body).toContain(`<Name>${domain}</Name>`);
  expect(await readSubresource(cos, first, 'domain')).toEqual({ code: 'NoSuchDomainConfiguration' });

  // Removing the last one deletes the configuration, after a confirmation.
  await section.getByRole('button', { name: D.removeLabel.replace('{{domain}}', domain) }).click();
  const dialog = page.getByRole('dialog', { name: D.remove.title.replace('{{domain}}', domain) });
  await expect(dialog.getByText(D.remove.last)).toBeVisible();
  await expectAccessible(page, 'the remove-domain dialog');
  await dialog.getByRole('button', { name: D.remove.confirm }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByText(D.empty)).toBeVisible();
  expect(await readSubresource(cos, second, 'domain')).toEqual({ code: 'NoSuchDomainConfiguration' });
  expect((await cosRequest({ port: E2E_COS_PORT, host: `${domain}:${E2E_COS_PORT}`, path: '/hello.txt' })).status).not.toBe(200);

  // Simplified Chinese, with a domain listed.
  await putDomains(cos, second, [`www-${run}.example.com`]);
  await page.reload();
  await chooseLanguage(page, 'zh-CN');
  const zhSection = page.getByRole('region', { name: zhCN.bucketSettings.domains.title });
  await expect(zhSection.getByRole('cell', { name: `www-${run}.example.com`, exact: true })).toBeVisible();
  await expect(zhSection.getByText(zhCN.bucketSettings.domains.local.browserOther.replace('{{port}}', String(E2E_COS_PORT)))).toBeVisible();
  await expectAccessible(page, 'the custom domains section (zh-CN)');
  await page.screenshot({ path: `${SHOTS}/domains-zh.png`, fullPage: true });
});

test('versioning: enable, then suspend with a warning about replication; read back through the SDK', async ({ page }) => {
  const cos = rootCos();
  const bucket = uniqueBucket('versioning');
  const destination = uniqueBucket('versioning-dst');
  await createBucket(cos, bucket);
  await createBucket(cos, destination);

  await openSection(page, bucket, 'versioning');
  const section = page.getByRole('region', { name: V.title });
  await expect(section.getByTestId('versioning-state')).toHaveText(V.state.never);
  await expectAccessible(page, 'the versioning section');
  await page.screenshot({ path: `${SHOTS}/versioning-en.png`, fullPage: true });

  await section.getByRole('button', { name: V.enable }).click();
  const enableDialog = page.getByRole('dialog', { name: V.confirmEnable.title });
  await expect(enableDialog.getByText(V.confirmEnable.oneWay)).toBeVisible();
  // Cancelling changes nothing.
  await enableDialog.getByRole('button', { name: en.bucketSettings.common.cancel }).click();
  await expect(enableDialog).toBeHidden();
  expect((await cos.getBucketVersioning({ Bucket: bucket, Region: REGION })).VersioningConfiguration.Status).toBeUndefined();

  await section.getByRole('button', { name: V.enable }).click();
  await page.getByRole('dialog', { name: V.confirmEnable.title }).getByRole('button', { name: V.confirmEnable.confirm }).click();
  await expect(section.getByTestId('versioning-state')).toHaveText(V.state.Enabled);
  expect((await cos.getBucketVersioning({ Bucket: bucket, Region: REGION })).VersioningConfiguration.Status).toBe('Enabled');

  // Replication to a versioned destination: suspending now warns, naming the destination.
  await cos.putBucketVersioning({ Bucket: destination, Region: REGION, VersioningConfiguration: { Status: 'Enabled' } });
  await cos.putBucketReplication({
    Bucket: bucket, Region: REGION,
    ReplicationConfiguration: {
      Role: 'qcs::cam::uin/100000000001:uin/100000000001',
      Rules: [{ ID: 'all', Status: 'Enabled', Prefix: '', Destination: { Bucket: `qcs::cos:${REGION}::${destination}` } }],
    },
  } as COS.PutBucketReplicationParams);
  await page.reload();
  await section.getByRole('button', { name: V.suspend }).click();
  const suspendDialog = page.getByRole('dialog', { name: V.confirmSuspend.title });
  await expect(suspendDialog).toContainText(`${destination} (${REGION})`);
  await expect(suspendDialog.getByRole('link', { name: V.confirmSuspend.replicationLink })).toHaveAttribute('href', `/buckets/${bucket}/settings/replication?region=${REGION}`);
  await expectAccessible(page, 'the suspend-versioning dialog');
  await page.screenshot({ path: `${SHOTS}/versioning-suspend-en.png`, fullPage: true });
  await suspendDialog.getByRole('button', { name: V.confirmSuspend.confirm }).click();
  await expect(section.getByTestId('versioning-state')).toHaveText(V.state.Suspended);
  expect((await cos.getBucketVersioning({ Bucket: bucket, Region: REGION })).VersioningConfiguration.Status).toBe('Suspended');
  // Suspended can go back to enabled, never to "never".
  await expect(section.getByRole('button', { name: V.enable })).toBeVisible();

  await chooseLanguage(page, 'zh-CN');
  const zhSection = page.getByRole('region', { name: zhCN.bucketSettings.versioning.title });
  await expect(zhSection.getByTestId('versioning-state')).toHaveText(zhCN.bucketSettings.versioning.state.Suspended);
  // What the last change did follows the language too.
  await expect(zhSection.getByRole('status')).toHaveText(zhCN.bucketSettings.versioning.suspended);
  await expectAccessible(page, 'the versioning section (zh-CN)');
  await page.screenshot({ path: `${SHOTS}/versioning-zh.png`, fullPage: true });
});

test('overview: region, endpoints, custom domain and settings, each linking to its section', async ({ page }) => {
  const cos = rootCos();
  const bucket = uniqueBucket('overview');
  await createBucket(cos, bucket);
  const domain = `cdn-${run}.example.com`;
  await putDomains(cos, bucket, [domain]);
  await cos.putBucketVersioning({ Bucket: bucket, Region: REGION, VersioningConfiguration: { Status: 'Enabled' } });

  await openSection(page, bucket, 'versioning');
  await page.getByRole('navigation').getByRole('link', { name: O.title }).click();
  await expect(page).toHaveURL(new RegExp(`/buckets/${bucket}/overview`));
  const overview = page.getByRole('region', { name: O.title });
  await expect(overview.getByTestId('overview-region')).toHaveText(REGION);
  await expect(overview.getByTestId('overview-endpoint')).toHaveText(`http://${bucket}.cos.${REGION}.localhost:${E2E_COS_PORT}`);
  await expect(overview.getByTestId('overview-domains')).toContainText(domain);
  await expect(overview.getByTestId('overview-website-endpoint')).toHaveText(O.websiteOff);
  await expect(overview.getByTestId('overview-versioning')).toHaveText(O.versioning.Enabled);
  await expect(overview.getByTestId('overview-replication')).toHaveText(O.replication.none);
  await expect(overview.getByTestId('overview-website')).toHaveText(O.website.off);
  await expect(overview.getByTestId('overview-encryption')).toHaveText(O.encryption.none);
  await expect(overview.getByTestId('overview-hotlink')).toHaveText(O.hotlink.off);
  await expectAccessible(page, 'the bucket overview');
  await page.screenshot({ path: `${SHOTS}/overview-en.png`, fullPage: true });

  // The links open the sections.
  await overview.getByRole('link', { name: V.title }).click();
  await expect(page).toHaveURL(new RegExp(`/buckets/${bucket}/settings/versioning\\?region=${REGION}`));
  await expect(page.getByRole('region', { name: V.title }).getByTestId('versioning-state')).toHaveText(V.state.Enabled);
  await page.goBack();
  await overview.getByRole('link', { name: O.customDomains }).click();
  await expect(page).toHaveURL(new RegExp(`/buckets/${bucket}/settings/domains\\?region=${REGION}`));
  await expect(page.getByRole('region', { name: D.title }).getByRole('cell', { name: domain, exact: true })).toBeVisible();
  await page.goBack();

  await chooseLanguage(page, 'zh-CN');
  const zh = page.getByRole('region', { name: zhCN.bucketSettings.overview.title });
  await expect(zh.getByTestId('overview-versioning')).toHaveText(zhCN.bucketSettings.overview.versioning.Enabled);
  await expectAccessible(page, 'the bucket overview (zh-CN)');
  await page.screenshot({ path: `${SHOTS}/overview-zh.png`, fullPage: true });
});
