// The ACL editor against cos-local: a grant entered in the bucket ACL section reads back exactly as
// set (the owner's FULL_CONTROL intact) and takes effect (the sub-account alice, whose CAM policy does
// not cover this bucket, may list it afterwards and not before); in the file browser an object's ACL
// made public-read lets anonymous users download that object and no other; the owner's row cannot be
// removed. Accessibility of the section and of the dialog in English and Simplified Chinese, with
// screenshots.
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import COS from 'cos-nodejs-sdk-v5';
import { bucketHost, cosRequest } from '../test/support/cos-request';
import { ALL_USERS_URI, parseAclXml, type AclGrant } from '../src/shared/xml/acl';
import { en } from '../src/console/i18n/en';
import { zhCN } from '../src/console/i18n/zh-CN';
import { expectAccessible } from './axe';
import { expect, test } from './capture';
import { E2E_ADMIN_PASSWORD, E2E_ALICE_SECRET_ID, E2E_ALICE_SECRET_KEY, E2E_COS_PORT } from './playwright.config';
import { REGION, createBucket, openSection, readSubresource, rootCos, uniqueBucket } from './settings-steps';
import { signInAsAdmin } from './steps';

const OWNER = 'qcs::cam::uin/100000000001:uin/100000000001';
const ALICE = 'qcs::cam::uin/100000000001:uin/100000000011';
const acl = en.bucketSettings.acl;

function aliceCos(): COS {
  return new COS({ SecretId: E2E_ALICE_SECRET_ID, SecretKey: E2E_ALICE_SECRET_KEY, Protocol: 'http:', Ip: `127.0.0.1:${E2E_COS_PORT}` });
}

/** GET Bucket as alice: 'ok' or the error code COS answered. */
async function aliceLists(bucket: string): Promise<string> {
  try {
    await aliceCos().getBucket({ Bucket: bucket, Region: REGION });
    return 'ok';
  } catch (e) {
    return String((e as { code?: unknown }).code);
  }
}

/** Grants as (grantee, permission) pairs, display names aside. */
const pairs = (grants: readonly AclGrant[]): string[][] =>
  grants.map((g) => [g.grantee.type === 'id' ? g.grantee.id : g.grantee.uri, g.permission]);

/** The SDK's getBucketAcl / getObjectAcl `Grants` as (grantee, permission) pairs. */
function sdkPairs(data: { Grants: COS.Grants[] }): string[][] {
  return data.Grants.map((g) => {
    const grantee = g.Grantee as { ID?: string; URI?: string };
    return [grantee.ID ?? grantee.URI ?? '', g.Permission];
  });
}

async function anonymousGet(bucket: string, key: string): Promise<number> {
  return (await cosRequest({ port: E2E_COS_PORT, host: bucketHost(bucket, REGION, E2E_COS_PORT), path: `/${key}` })).status;
}

async function chooseLanguage(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.getByLabel(en.language.label).first().click();
  await page.getByRole('listitem').filter({ hasText: lang === 'en' ? en.language.en : en.language.zhCN }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** TDesign's check inputs sit under their styled box: click the label (as a person does), then check the state. */
async function tick(scope: Locator, role: 'checkbox' | 'radio', name: string, checked: boolean): Promise<void> {
  await scope.getByText(name, { exact: true }).click();
  await expect(scope.getByRole(role, { name, exact: true })).toBeChecked({ checked });
}

const grantRow = (page: Page, text: string | RegExp): Locator => page.getByRole('row').filter({ hasText: text });

test('a grant to alice in the bucket ACL reads back as set and lets her list the bucket', async ({ page }) => {
  const cos = rootCos();
  const bucket = uniqueBucket('acl');
  await createBucket(cos, bucket);
  await cos.putObject({ Bucket: bucket, Region: REGION, Key: 'a.txt', Body: 'a' });
  // Her CAM policy covers photos-1250000000 only: refused before the grant.
  expect(await aliceLists(bucket)).toBe('AccessDenied');

  await openSection(page, bucket, 'acl');
  const section = page.getByRole('region', { name: acl.title });
  await expect(section.getByRole('heading', { level: 2, name: acl.title })).toBeVisible();
  // (c) The owner's FULL_CONTROL is shown and has no remove control.
  const ownerRow = grantRow(page, 'Owner (root account 100000000001)');
  await expect(ownerRow.getByText('FULL_CONTROL', { exact: true })).toBeVisible();
  await expect(ownerRow.getByText(acl.grants.ownerNote)).toBeVisible();
  await expect(ownerRow.getByRole('button')).toHaveCount(0);
  await expect(section.getByRole('radio', { name: acl.publicAccess.private })).toBeChecked();

  await section.getByRole('button', { name: acl.grants.addSub }).click();
  await section.getByLabel('Root account UIN, grantee 1').fill('100000000001');
  await section.getByLabel('Sub-account UIN, grantee 1').fill('alice');
  await expect(section.getByText(acl.problems.subInvalid)).toBeVisible();
  await expect(section.getByLabel('Sub-account UIN, grantee 1')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await section.getByLabel('Sub-account UIN, grantee 1').fill('100000000011');
  await expect(section.getByText(acl.problems.subInvalid)).toHaveCount(0);
  const perms = section.getByRole('group', { name: 'Permissions of grantee 1' });
  await expect(perms.getByRole('checkbox', { name: 'READ', exact: true })).toBeChecked();
  await expect(perms.getByRole('checkbox', { name: 'WRITE', exact: true })).not.toBeChecked();
  await expect(grantRow(page, 'Sub-account').getByRole('button', { name: 'Remove grantee 1' })).toBeVisible();

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Access control list saved.' })).toBeVisible();

  // Read back through the SDK and raw: exactly as set, the owner's FULL_CONTROL first.
  const expected = [[OWNER, 'FULL_CONTROL'], [ALICE, 'READ']];
  expect(sdkPairs(await cos.getBucketAcl({ Bucket: bucket, Region: REGION }))).toEqual(expected);
  const raw = await readSubresource(cos, bucket, 'acl');
  if (!('body' in raw)) throw new Error(`GET Bucket acl: ${raw.code}`);
  const parsed = parseAclXml(raw.body);
  if (!parsed.ok) throw new Error(parsed.reason);
  expect(pairs(parsed.value.grants)).toEqual(expected);
  expect(parsed.value.owner?.id).toBe(OWNER);

  // It takes effect: alice may list the bucket now.
  expect(await aliceLists(bucket)).toBe('ok');
  // The form shows what COS holds, nothing unsaved.
  await page.reload();
  await expect(section.getByLabel('Sub-account UIN, grantee 1')).toHaveValue('100000000011');
  await expect(page.getByText(en.bucketSettings.common.unsaved)).toHaveCount(0);
});

test('an object made public-read in the file browser is readable anonymously, another object is not', async ({ page }) => {
  const cos = rootCos();
  const bucket = uniqueBucket('oacl');
  await createBucket(cos, bucket);
  await cos.putObject({ Bucket: bucket, Region: REGION, Key: 'public.txt', Body: 'hello' });
  await cos.putObject({ Bucket: bucket, Region: REGION, Key: 'other.txt', Body: 'secret' });
  expect(await anonymousGet(bucket, 'public.txt')).toBe(403);

  await signInAsAdmin(page, E2E_ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
  await page.goto(`/buckets/${bucket}/objects?region=${REGION}`);
  await page.getByRole('button', { name: 'Permissions of public.txt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Object ACL: public.txt' });
  // An object without an ACL of its own follows the bucket (GET Object acl answers x-cos-acl: default).
  await expect(dialog.getByRole('radio', { name: acl.publicAccess.inherit })).toBeChecked();
  await expect(dialog.getByText(acl.inheritNote)).toBeVisible();

  await tick(dialog, 'radio', acl.publicAccess['public-read'], true);
  await expect(dialog.getByText(acl.warning.objectRead)).toBeVisible();
  // (c) in the dialog too: the owner's row has no remove control.
  await expect(grantRow(page, 'Owner (root account 100000000001)').getByRole('button')).toHaveCount(0);
  await expect(dialog.getByRole('group', { name: 'Permissions of Anonymous users (everyone)' }).getByRole('checkbox', { name: 'READ', exact: true })).toBeChecked();
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: acl.confirm.title });
  await expect(confirm.getByText('anonymous users get READ on public.txt')).toBeVisible();
  await confirm.getByRole('button', { name: acl.confirm.confirm }).click();
  await expect(dialog.getByRole('status').filter({ hasText: acl.object.saved })).toBeVisible();

  const readBack = await cos.getObjectAcl({ Bucket: bucket, Region: REGION, Key: 'public.txt' });
  expect(sdkPairs(readBack)).toEqual([[OWNER, 'FULL_CONTROL'], [ALL_USERS_URI, 'READ']]);
  expect(await anonymousGet(bucket, 'public.txt')).toBe(200);
  expect(await anonymousGet(bucket, 'other.txt')).toBe(403);
  await expect(dialog.getByRole('radio', { name: acl.publicAccess['public-read'] })).toBeChecked();

  // Back to following the bucket: no confirmation (nothing widens), anonymous access gone.
  await tick(dialog, 'radio', acl.publicAccess.inherit, true);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: acl.object.saved })).toBeVisible();
  expect(await anonymousGet(bucket, 'public.txt')).toBe(403);
});

test('ACL section and object ACL dialog: accessibility in English and Simplified Chinese', async ({ page }) => {
  mkdirSync('/tmp/shots', { recursive: true });
  const cos = rootCos();
  const bucket = uniqueBucket('acla');
  await createBucket(cos, bucket);
  await cos.putObject({ Bucket: bucket, Region: REGION, Key: 'file.txt', Body: 'x' });
  await openSection(page, bucket, 'acl');
  const section = page.getByRole('region', { name: acl.title });
  await section.getByRole('button', { name: acl.grants.addRoot }).click();
  await section.getByRole('button', { name: acl.grants.addSub }).click();
  await section.getByLabel('Root account UIN, grantee 2').fill('1234');
  await tick(section, 'radio', acl.publicAccess['public-read'], true);
  await expect(section.getByText(acl.warning.bucketRead)).toBeVisible();
  await expectAccessible(page, 'ACL section (en)');
  await page.screenshot({ path: '/tmp/shots/acl-en.png', fullPage: true });

  await chooseLanguage(page, 'zh-CN');
  const zh = zhCN.bucketSettings.acl;
  await expect(page.getByRole('heading', { level: 2, name: zh.title })).toBeVisible();
  await expect(page.getByText(zh.explain.title)).toBeVisible();
  await expectAccessible(page, 'ACL section (zh-CN)');
  await page.screenshot({ path: '/tmp/shots/acl-zh-CN.png', fullPage: true });

  await page.goto(`/buckets/${bucket}/objects?region=${REGION}`);
  await page.getByRole('button', { name: 'file.txt 的权限' }).click();
  const dialogZh = page.getByRole('dialog', { name: '对象 ACL：file.txt' });
  await expect(dialogZh.getByRole('radio', { name: zh.publicAccess.inherit })).toBeChecked();
  await tick(dialogZh, 'radio', zh.publicAccess.private, true);
  await expectAccessible(page, 'object ACL dialog (zh-CN)');
  await page.screenshot({ path: '/tmp/shots/acl-object-zh-CN.png', fullPage: true });
  await dialogZh.getByRole('button', { name: zh.object.close }).click();

  await chooseLanguage(page, 'en');
  await page.getByRole('button', { name: 'Permissions of file.txt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Object ACL: file.txt' });
  await tick(dialog, 'radio', acl.publicAccess['public-read'], true);
  await dialog.getByRole('button', { name: acl.grants.addSub }).click();
  await expectAccessible(page, 'object ACL dialog (en)');
  await page.screenshot({ path: '/tmp/shots/acl-object-en.png', fullPage: true });
});
