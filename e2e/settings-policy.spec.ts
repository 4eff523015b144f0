// The bucket-policy section against cos-local. (1) A policy built only with the generator's templates
// on a fresh bucket — anonymous read-only on `public/`, sub-account alice read-write on `alice/` —
// saved through the review dialog, then exercised: anonymous GETs over plain HTTP with the bucket's
// virtual-hosted Host, alice's PUTs with her own keys through cos-nodejs-sdk-v5 (her CAM policy in
// e2e/fixtures/cos-local-accounts.json covers only photos-1250000000, so this bucket's policy is
// what grants her). (2) JSON typed into Monaco shows in the generator, a generator edit shows in
// the JSON, and fields the generator does not model (sid, an unknown top-level key, lone strings)
// survive, checked on the policy read back from COS. (3) A lint marker in Monaco and a quick fix from
// the findings list. (4) axe scans of the JSON and generator tabs in English and Simplified Chinese.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import COS from 'cos-nodejs-sdk-v5';
import { en } from '../src/console/i18n/en';
import { zhCN } from '../src/console/i18n/zh-CN';
import { bucketHost, cosRequest } from '../test/support/cos-request';
import { expectAccessible } from './axe';
import { expect, test } from './capture';
import { E2E_ALICE_SECRET_ID, E2E_ALICE_SECRET_KEY, E2E_COS_PORT } from './playwright.config';
import { APPID, createBucket, openSection, readSubresource, REGION, rootCos, uniqueBucket } from './settings-steps';

const P = en.bucketSettings.policy;
const G = P.generator;
const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

const ROOT_UIN = '100000000001';
const ALICE_UIN = '100000000011';

async function chooseLanguage(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.getByLabel(en.language.label).first().click();
  await page.getByRole('listitem').filter({ hasText: lang === 'en' ? en.language.en : en.language.zhCN }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

async function radio(page: Page, group: string, option: string): Promise<void> {
  await page.getByRole('radiogroup', { name: group }).getByText(option, { exact: true }).click();
}

async function showView(page: Page, label: string, view: string): Promise<void> {
  await page.getByRole('radiogroup', { name: label }).getByText(view, { exact: true }).click();
}

/**
 * Replaces the whole Monaco text as a user would: click in, select all, paste from the keyboard.
 * Typing key by key is no way to enter JSON in Monaco: it closes brackets and quotes as they open and
 * its schema completion inserts snippets.
 */
async function typeJson(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.getByTestId('json-editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('ControlOrMeta+v');
  await expect(page.getByTestId('json-editor')).toContainText(text.slice(0, 12));
}

async function reviewAndSave(page: Page): Promise<void> {
  await page.getByRole('button', { name: P.review }).click();
  const dialog = page.getByRole('dialog', { name: P.diffTitle });
  await expect(dialog).toBeVisible();
  const ack = dialog.locator('.t-checkbox');
  if (await ack.count() > 0) {
    await ack.click();
    await expect(dialog.getByRole('checkbox')).toBeChecked();
  }
  await dialog.getByRole('button', { name: en.bucketSettings.common.save }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(P.saved)).toBeVisible();
}

async function storedPolicy(bucket: string): Promise<Record<string, unknown>> {
  const read = await readSubresource(rootCos(), bucket, 'policy');
  if (!('body' in read)) throw new Error(`no policy: ${read.code}`);
  return JSON.parse(read.body) as Record<string, unknown>;
}

test('a policy built only with the generator: anonymous read on public/, alice read-write on alice/', async ({ page }) => {
  // alice's own CAM policy names only photos-1250000000: on a fresh bucket it grants her nothing.
  const fixture = readFileSync(resolve(import.meta.dirname, 'fixtures', 'cos-local-accounts.json'), 'utf8');
  const accounts = JSON.parse(fixture) as { accounts: { subUsers: { uin: string; policies: unknown }[] }[] };
  const alicePolicies = JSON.stringify(accounts.accounts[0]?.subUsers.find((u) => u.uin === ALICE_UIN)?.policies);
  expect(alicePolicies).not.toContain('uid/1250000000:*');
  expect(alicePolicies).toContain('photos-1250000000/');

  const bucket = uniqueBucket('pgen');
  await createBucket(rootCos(), bucket);
  for (const key of ['public/a.txt', 'private/b.txt']) {
    await rootCos().putObject({ Bucket: bucket, Region: REGION, Key: key, Body: `body of ${key}` });
  }
  const alice = new COS({ SecretId: E2E_ALICE_SECRET_ID, SecretKey: E2E_ALICE_SECRET_KEY, Protocol: 'http:', Ip: `127.0.0.1:${E2E_COS_PORT}` });
  const alicePut = async (key: string): Promise<string> => {
    try {
      await alice.putObject({ Bucket: bucket, Region: REGION, Key: key, Body: 'from alice' });
      return 'ok';
    } catch (e) {
      return String((e as { code?: unknown }).code);
    }
  };
  const anonymousGet = (key: string) => cosRequest({ port: E2E_COS_PORT, host: bucketHost(bucket, REGION, E2E_COS_PORT), path: `/${key}` });
  // Before: nothing is granted.
  expect((await anonymousGet('public/a.txt')).status).toBe(403);
  expect(await alicePut('alice/x.txt')).toBe('AccessDenied');

  await openSection(page, bucket, 'policy');
  await showView(page, P.tabs.label, P.tabs.generator);

  // Anonymous, folder public/, read objects: its actions shown before it is added, no listing.
  await radio(page, G.adder.who, G.adder.anyone);
  await radio(page, G.adder.scope, G.adder.folder);
  await page.getByLabel(G.adder.folderPath, { exact: true }).fill('public/');
  await radio(page, G.adder.template, G.templates.read);
  const preview = page.getByTestId('template-actions');
  await expect(preview).toContainText('name/cos:GetObject');
  await expect(preview).not.toContainText('GetBucket');
  await expect(page.getByRole('radiogroup', { name: G.adder.template }).getByText(G.templates['read-list'], { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: G.adder.add }).click();
  await expect(page.getByTestId('policy-statement-1')).toContainText(`qcs::cos:${REGION}:uid/${APPID}:${bucket}/public/*`);

  // Sub-account alice of this account (owner UIN read from the ACL), folder alice/, read-write.
  await radio(page, G.adder.who, G.adder.specified);
  await expect(page.getByLabel(G.adder.rootUin, { exact: true })).toHaveValue(ROOT_UIN);
  await page.getByLabel(G.adder.subUin, { exact: true }).fill(ALICE_UIN);
  await page.getByLabel(G.adder.folderPath, { exact: true }).fill('alice/');
  await radio(page, G.adder.template, G.templates['read-write']);
  await expect(preview).toContainText('name/cos:PutObject');
  await page.getByRole('button', { name: G.adder.add }).click();
  await expect(page.getByTestId('policy-statement-2')).toContainText(`qcs::cam::uin/${ROOT_UIN}:uin/${ALICE_UIN}`);

  await reviewAndSave(page);
  const stored = await storedPolicy(bucket);
  expect(stored['Statement']).toHaveLength(2);

  // Anonymous GET inside public/ succeeds, outside is refused.
  const inside = await anonymousGet('public/a.txt');
  expect(inside.status).toBe(200);
  expect(inside.text).toBe('body of public/a.txt');
  const outside = await anonymousGet('private/b.txt');
  expect(outside.status).toBe(403);
  expect(outside.code).toBe('AccessDenied');
  // Chromium itself (it resolves *.localhost), anonymous, at the virtual-hosted endpoint.
  const visitor = await page.context().newPage();
  const viaBrowser = await visitor.goto(`http://${bucketHost(bucket, REGION, E2E_COS_PORT)}/public/a.txt`);
  expect(viaBrowser?.status()).toBe(200);
  expect((await visitor.goto(`http://${bucketHost(bucket, REGION, E2E_COS_PORT)}/private/b.txt`))?.status()).toBe(403);
  await visitor.close();

  // alice writes inside alice/ only.
  expect(await alicePut('private/x.txt')).toBe('AccessDenied');
  expect(await alicePut('alice/x.txt')).toBe('ok');
});

test('JSON ↔ generator round trip keeps what the generator does not model', async ({ page }) => {
  const bucket = uniqueBucket('pgrt');
  await createBucket(rootCos(), bucket);
  const resource = `qcs::cos:${REGION}:uid/${APPID}:${bucket}/x/*`;
  const typed = {
    version: '2.0',
    comment: 'kept as it is',
    statement: [{
      sid: 'mine',
      effect: 'allow',
      principal: { qcs: 'qcs::cam::uin/100000000001:uin/100000000011' },
      action: 'name/cos:GetObject',
      resource,
    }],
  };
  await openSection(page, bucket, 'policy');
  await typeJson(page, JSON.stringify(typed));

  // The JSON edit appears in the generator at once.
  await showView(page, P.tabs.label, P.tabs.generator);
  const item = page.getByTestId('policy-statement-1');
  await expect(item.getByRole('heading', { name: fill(G.statementSid, { n: 1, sid: 'mine' }) })).toBeVisible();
  await expect(item).toContainText('name/cos:GetObject');

  // A generator edit: tick HeadObject, add a condition.
  await item.getByRole('button', { name: `${en.bucketSettings.common.edit} (${fill(G.statementSid, { n: 1, sid: 'mine' })})` }).click();
  await item.getByText('HeadObject', { exact: true }).click();
  await expect(item.getByRole('checkbox', { name: 'HeadObject', exact: true })).toBeChecked();
  await item.getByRole('button', { name: G.conditions.add }).click();
  await expect(item.getByLabel(fill(G.conditions.values, { n: 1 }), { exact: true })).toHaveValue('true');

  // … appears in the JSON.
  await showView(page, P.tabs.label, P.tabs.json);
  const editor = page.getByTestId('json-editor');
  await expect(editor).toContainText('name/cos:HeadObject');
  await expect(editor).toContainText('cos:secure-transport');

  await reviewAndSave(page);
  const stored = await storedPolicy(bucket);
  // Only the edit differs; sid, the unknown top-level key, key order and the lone-string principal and resource survive.
  expect(JSON.stringify(stored)).toBe(JSON.stringify({
    version: '2.0',
    comment: 'kept as it is',
    Statement: [{
      sid: 'mine',
      effect: 'allow',
      principal: { qcs: 'qcs::cam::uin/100000000001:uin/100000000011' },
      action: ['name/cos:GetObject', 'name/cos:HeadObject'],
      resource,
      condition: { bool_equal: { 'cos:secure-transport': ['true'] } },
    }],
  }));

  // JSON that does not parse: the generator says so and leaves it alone.
  await typeJson(page, '{"version": ');
  await showView(page, P.tabs.label, P.tabs.generator);
  await expect(page.getByText(G.cannotRead)).toBeVisible();
  await showView(page, P.tabs.label, P.tabs.json);
  await expect(page.getByTestId('json-editor')).toContainText('{"version":');
});

test('a lint marker in Monaco and a quick fix from the findings list', async ({ page }) => {
  const bucket = uniqueBucket('pglint');
  await createBucket(rootCos(), bucket);
  await openSection(page, bucket, 'policy');
  await typeJson(page, JSON.stringify({
    version: '1.0',
    statement: [{ effect: 'allow', principal: { qcs: ['qcs::cam::uin/100000000001:uin/100000000011'] }, action: ['name/cos:GetObject'], resource: [`qcs::cos:${REGION}:uid/${APPID}:${bucket}/*`] }],
  }, null, 2));
  const editor = page.getByTestId('json-editor');
  await expect(editor.locator('.squiggly-error').first()).toBeVisible();
  const findings = page.getByRole('region', { name: P.findings });
  const finding = findings.getByRole('listitem').filter({ hasText: 'bad-version' });
  // Where the finding is, Monaco marks it: the marked text is the version's value.
  await expect(finding).toContainText(/\(line \d+, column \d+\)/);
  await expect(editor.locator('.squiggly-error').first()).toBeVisible();
  await finding.getByRole('button', { name: fill(P.applyFix, { title: 'Set to "2.0"' }) }).click();
  await expect(findings.getByRole('listitem').filter({ hasText: 'bad-version' })).toHaveCount(0);
  await expect(editor).toContainText(/"version":\s*"2\.0"/);
  await expect(editor.locator('.squiggly-error')).toHaveCount(0);
});

test('policy section, JSON and generator tabs: axe in English and Simplified Chinese', async ({ page }) => {
  const bucket = uniqueBucket('pgaxe');
  await createBucket(rootCos(), bucket);
  await openSection(page, bucket, 'policy');
  for (const [lang, text] of [['en', en], ['zh-CN', zhCN]] as const) {
    await chooseLanguage(page, lang);
    const T = text.bucketSettings.policy;
    await showView(page, T.tabs.label, T.tabs.json);
    await expect(page.getByTestId('json-editor').locator('.monaco-editor')).toBeVisible();
    await expectAccessible(page, `policy JSON tab (${lang})`);
    await showView(page, T.tabs.label, T.tabs.generator);
    const gen = T.generator;
    await radio(page, gen.adder.who, gen.adder.specified);
    await page.getByLabel(gen.adder.subUin, { exact: true }).fill(ALICE_UIN);
    await page.getByRole('button', { name: gen.adder.add }).click();
    const item = page.getByTestId('policy-statement-1');
    await item.getByRole('button', { name: `${text.bucketSettings.common.edit} (${fill(gen.statement, { n: 1 })})` }).click();
    await item.getByRole('button', { name: gen.conditions.add }).click();
    await expect(item.getByLabel(fill(gen.conditions.values, { n: 1 }), { exact: true })).toHaveValue('true');
    await expectAccessible(page, `policy generator tab (${lang})`);
    await page.screenshot({ path: `/tmp/shots/policygen-${lang}.png`, fullPage: true });
    await item.getByRole('button', { name: `${text.bucketSettings.common.remove} (${fill(gen.statement, { n: 1 })})` }).click();
  }
});
