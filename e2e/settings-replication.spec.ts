// The replication section against cos-local: the add-rule wizard from a bucket in ap-guangzhou to one in
// ap-shanghai, enabling versioning on both from the wizard; a new object written to the source is copied
// (cos-local's replicator) and the section shows its status COMPLETED and the rule's progress. The
// configuration COS keeps is the one entered. Then the wizard's own overlap check, and COS's refusal of
// a destination without versioning explained in plain words. Axe in English and Simplified Chinese.
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { en } from '../src/console/i18n/en';
import { zhCN } from '../src/console/i18n/zh-CN';
import { parseReplicationXml } from '../src/shared/xml/replication';
import { expectAccessible } from './axe';
import { expect, test } from './capture';
import { createBucket, openSection, readSubresource, rootCos, uniqueBucket } from './settings-steps';
import { createConsoleAccount, signInAs } from './steps';

const R = en.bucketSettings.replication;
const RZ = zhCN.bucketSettings.replication;
const SOURCE_REGION = 'ap-guangzhou';
const DEST_REGION = 'ap-shanghai';
/** The root account of e2e/fixtures/cos-local-accounts.json, as GET Bucket acl names the owner. */
const OWNER_ROLE = 'qcs::cam::uin/100000000001:uin/100000000001';

const fill = (template: string, values: Record<string, string>): string => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

async function chooseLanguage(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.getByLabel(en.language.label).first().click();
  await page.getByRole('listitem').filter({ hasText: lang === 'en' ? en.language.en : en.language.zhCN }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** Chooses an option of the TDesign Select whose input has this label. */
async function selectOption(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.t-select-option').filter({ hasText: option }).first().click();
}

async function headObject(bucket: string, region: string, key: string): Promise<Record<string, string> | undefined> {
  try {
    const r = await rootCos().headObject({ Bucket: bucket, Region: region, Key: key });
    return r.headers as Record<string, string>;
  } catch {
    return undefined;
  }
}

test('replication: the wizard sets up cross-region replication, a new object is copied and shows COMPLETED', async ({ page }) => {
  // Two buckets, three wizard steps, a copy across regions and four axe scans: more than the default minute.
  test.setTimeout(150_000);
  const cos = rootCos();
  const source = uniqueBucket('repl-src');
  const dest = uniqueBucket('repl-dst');
  await createBucket(cos, source, SOURCE_REGION);
  await createBucket(cos, dest, DEST_REGION);

  await openSection(page, source, 'replication', SOURCE_REGION);
  await expect(page.getByRole('heading', { level: 2, name: R.title })).toBeVisible();
  await expect(page.getByText(R.rules.empty)).toBeVisible();

  await page.getByRole('button', { name: R.rules.add }).click();
  const dialog = page.getByRole('dialog', { name: R.wizard.title });
  await expect(dialog.getByRole('heading', { name: fill(R.wizard.stepOf, { n: '1', name: R.wizard.steps.destination }) })).toBeVisible();

  // Step 1: Next without a destination says what is missing; then the destination from the bucket list.
  await dialog.getByRole('button', { name: R.wizard.next }).click();
  await expect(dialog.getByText(R.problems.required)).toBeVisible();
  await selectOption(page, dialog, R.wizard.bucketFromList, fill(R.wizard.bucketOption, { bucket: dest, region: DEST_REGION }));
  await dialog.getByRole('button', { name: R.wizard.next }).click();

  // Step 2: whole bucket, STANDARD_IA copies, delete markers not replicated, an ID; the Role defaults to the owner's root.
  await expect(dialog.getByRole('heading', { name: fill(R.wizard.stepOf, { n: '2', name: R.wizard.steps.rule }) })).toBeVisible();
  await expect(dialog.getByLabel(R.wizard.role, { exact: true })).toHaveValue(OWNER_ROLE);
  await selectOption(page, dialog, R.wizard.storageClass, '(STANDARD_IA)');
  await dialog.getByText(R.wizard.deleteMarkers, { exact: true }).click();
  await expect(dialog.getByRole('checkbox', { name: R.wizard.deleteMarkers })).not.toBeChecked();
  await dialog.getByLabel(R.wizard.id, { exact: true }).fill('to-shanghai');
  await dialog.getByRole('button', { name: R.wizard.next }).click();

  // Step 3: neither bucket has versioning; the wizard offers to enable it on both.
  await expect(dialog.getByRole('heading', { name: fill(R.wizard.stepOf, { n: '3', name: R.wizard.steps.review }) })).toBeVisible();
  const sourceRow = dialog.getByRole('group', { name: fill(R.wizard.sourceBucket, { bucket: source }) });
  const destRow = dialog.getByRole('group', { name: fill(R.wizard.destinationBucket, { bucket: dest }) });
  await expect(sourceRow.getByText(R.wizard.versioningOff)).toBeVisible();
  await expect(destRow.getByText(R.wizard.versioningOff)).toBeVisible();
  await expectAccessible(page, 'the replication wizard (review step)');
  await sourceRow.getByRole('button', { name: fill(R.wizard.enableVersioning, { bucket: source }) }).click();
  await expect(sourceRow.getByText(R.wizard.versioningEnabled)).toBeVisible();
  await destRow.getByRole('button', { name: fill(R.wizard.enableVersioning, { bucket: dest }) }).click();
  await expect(destRow.getByText(R.wizard.versioningEnabled)).toBeVisible();
  expect(await readSubresource(cos, source, 'versioning', SOURCE_REGION)).toEqual({ body: expect.stringContaining('<Status>Enabled</Status>') as unknown });
  expect(await readSubresource(cos, dest, 'versioning', DEST_REGION)).toEqual({ body: expect.stringContaining('<Status>Enabled</Status>') as unknown });
  await expect(dialog.getByText(`qcs::cos:${DEST_REGION}::${dest}`)).toBeVisible();
  mkdirSync('/tmp/shots', { recursive: true });
  await page.screenshot({ path: '/tmp/shots/replication-wizard-en.png' });
  await dialog.getByRole('button', { name: R.wizard.save }).click();
  await expect(dialog).toBeHidden();

  // The rules list; and the configuration COS keeps is the one entered.
  // The rules table comes first; the progress table has a row per rule too.
  const row = page.getByRole('row').filter({ hasText: 'to-shanghai' }).first();
  await expect(row).toContainText(R.rules.wholeBucket);
  await expect(row).toContainText(fill(R.rules.destinationValue, { bucket: dest, region: DEST_REGION }));
  await expect(row).toContainText('STANDARD_IA');
  await expect(row).toContainText(R.rules.notReplicated);
  const stored = await readSubresource(cos, source, 'replication', SOURCE_REGION);
  if (!('body' in stored)) throw new Error(`GET replication failed: ${stored.code}`);
  const parsed = parseReplicationXml(stored.body);
  expect(parsed.ok && parsed.value).toEqual({
    role: OWNER_ROLE,
    rules: [{
      id: 'to-shanghai', status: 'Enabled', prefix: '', deleteMarkerReplication: 'Disabled',
      destination: { bucket: `qcs::cos:${DEST_REGION}::${dest}`, storageClass: 'STANDARD_IA' },
    }],
  });

  // A new object in the source is copied to the destination in the other region.
  const key = 'reports/2024.txt';
  await cos.putObject({ Bucket: source, Region: SOURCE_REGION, Key: key, Body: 'replicate me' });
  await expect.poll(async () => (await headObject(dest, DEST_REGION, key))?.['x-cos-replication-status']).toBe('REPLICA');
  expect((await headObject(dest, DEST_REGION, key))?.['x-cos-storage-class']).toBe('STANDARD_IA');

  // The section: the object's status, and the rule's progress.
  await page.getByLabel(R.status.key, { exact: true }).fill(key);
  await page.getByRole('button', { name: R.status.check }).click();
  await expect(page.getByText(fill(R.status.result, { key }))).toBeVisible();
  await expect(page.locator('[data-status]')).toHaveAttribute('data-status', 'COMPLETED');
  await expect(page.getByText(R.status.values.COMPLETED)).toBeVisible();
  await page.getByRole('button', { name: `${R.status.refresh} — ${R.status.progress}` }).click();
  // The progress table comes after the rules table: ID, waiting, copied, failed, last copy.
  const progressCells = page.getByRole('row').filter({ hasText: 'to-shanghai' }).last().getByRole('cell');
  await expect(progressCells.nth(2)).toHaveText('1');
  await expect(progressCells.nth(1)).toHaveText('0');
  await expect(progressCells.nth(3)).toHaveText('0');
  // A key that is not there.
  await page.getByLabel(R.status.key, { exact: true }).fill('missing.txt');
  await page.getByRole('button', { name: R.status.check }).click();
  await expect(page.getByText(fill(R.status.notFound, { key: 'missing.txt' }))).toBeVisible();

  // A second rule: the wizard keeps the destination and refuses a prefix overlapping the whole-bucket rule.
  await page.getByRole('button', { name: R.rules.add }).click();
  await expect(dialog.getByText(fill(R.wizard.fixedDestination, { bucket: dest, region: DEST_REGION }))).toBeVisible();
  await dialog.getByRole('button', { name: R.wizard.next }).click();
  await dialog.getByText(R.wizard.scopePrefix, { exact: true }).click();
  await expect(dialog.getByRole('radio', { name: R.wizard.scopePrefix })).toBeChecked();
  await dialog.getByLabel(R.wizard.prefix, { exact: true }).fill('logs/');
  await dialog.getByRole('button', { name: R.wizard.next }).click();
  await expect(dialog.getByText(fill(R.problems.overlapAll, { id: 'to-shanghai' }))).toBeVisible();
  await dialog.getByRole('button', { name: en.bucketSettings.common.cancel }).click();
  await expect(dialog).toBeHidden();

  await expectAccessible(page, 'the replication section (en)');
  await page.screenshot({ path: '/tmp/shots/replication-en.png', fullPage: true });

  await chooseLanguage(page, 'zh-CN');
  await expect(page.getByRole('heading', { level: 2, name: RZ.title })).toBeVisible();
  await expectAccessible(page, 'the replication section (zh-CN)');
  await page.screenshot({ path: '/tmp/shots/replication-zh-CN.png', fullPage: true });
  await page.getByRole('button', { name: RZ.rules.add }).click();
  await page.getByRole('dialog', { name: RZ.wizard.title }).getByRole('button', { name: RZ.wizard.next }).click();
  await expectAccessible(page, 'the replication wizard (zh-CN)');
  await page.screenshot({ path: '/tmp/shots/replication-wizard-zh-CN.png', fullPage: true });
});

test('replication: COS refuses a destination without versioning, and the section says why; removing a rule asks first', async ({ page }) => {
  const cos = rootCos();
  const source = uniqueBucket('repl-src');
  const dest = uniqueBucket('repl-dst');
  await createBucket(cos, source, SOURCE_REGION);
  await createBucket(cos, dest, DEST_REGION);
  await cos.putBucketVersioning({ Bucket: source, Region: SOURCE_REGION, VersioningConfiguration: { Status: 'Enabled' } });

  await openSection(page, source, 'replication', SOURCE_REGION);
  await page.getByRole('button', { name: R.rules.add }).click();
  const dialog = page.getByRole('dialog', { name: R.wizard.title });
  // The destination typed, in the other region.
  await dialog.getByText(R.wizard.typed, { exact: true }).click();
  await expect(dialog.getByRole('radio', { name: R.wizard.typed })).toBeChecked();
  await dialog.getByLabel(R.wizard.destBucket, { exact: true }).fill(dest);
  await dialog.getByLabel(R.wizard.destRegion, { exact: true }).fill(DEST_REGION);
  await dialog.getByRole('button', { name: R.wizard.next }).click();
  await dialog.getByText(R.wizard.scopePrefix, { exact: true }).click();
  await expect(dialog.getByRole('radio', { name: R.wizard.scopePrefix })).toBeChecked();
  await dialog.getByLabel(R.wizard.prefix, { exact: true }).fill('logs/');
  await dialog.getByRole('button', { name: R.wizard.next }).click();
  const destRow = dialog.getByRole('group', { name: fill(R.wizard.destinationBucket, { bucket: dest }) });
  await expect(destRow.getByText(R.wizard.versioningOff)).toBeVisible();
  // Saved without enabling it: COS refuses, the wizard explains.
  await dialog.getByRole('button', { name: R.wizard.save }).click();
  await expect(dialog.getByRole('alert')).toContainText(R.wizard.saveFailed);
  await expect(dialog.getByRole('alert')).toContainText(R.refusals.versioningDestination);
  expect(await readSubresource(cos, source, 'replication', SOURCE_REGION)).toEqual({ code: 'ReplicationConfigurationNotFoundError' });
  // Enabled from the wizard, saved again.
  await destRow.getByRole('button', { name: fill(R.wizard.enableVersioning, { bucket: dest }) }).click();
  await expect(destRow.getByText(R.wizard.versioningEnabled)).toBeVisible();
  await dialog.getByRole('button', { name: R.wizard.save }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: 'rule-1' }).first();
  await expect(row).toContainText(fill(R.rules.prefix, { prefix: 'logs/' }));

  // Removing the only rule: a confirmation, then the configuration is gone.
  await row.getByRole('button', { name: fill(R.rules.removeLabel, { id: 'rule-1' }) }).click();
  const confirm = page.getByRole('dialog', { name: fill(R.rules.removeTitle, { id: 'rule-1' }) });
  await expect(confirm).toContainText(fill(R.rules.removeLastBody, { destination: fill(R.rules.destinationValue, { bucket: dest, region: DEST_REGION }) }));
  await confirm.getByRole('button', { name: en.bucketSettings.common.remove }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText(R.rules.empty)).toBeVisible();
  expect(await readSubresource(cos, source, 'replication', SOURCE_REGION)).toEqual({ code: 'ReplicationConfigurationNotFoundError' });
});

test('replication: an account that may only read sees the rules and statuses without editing controls', async ({ page, browser }) => {
  const cos = rootCos();
  const source = uniqueBucket('repl-src');
  const dest = uniqueBucket('repl-dst');
  await createBucket(cos, source, SOURCE_REGION);
  await createBucket(cos, dest, DEST_REGION);
  for (const [bucket, region] of [[source, SOURCE_REGION], [dest, DEST_REGION]] as const) {
    await cos.putBucketVersioning({ Bucket: bucket, Region: region, VersioningConfiguration: { Status: 'Enabled' } });
  }
  await cos.putBucketReplication({
    Bucket: source, Region: SOURCE_REGION,
    ReplicationConfiguration: { Role: OWNER_ROLE, Rules: [{ ID: 'docs', Status: 'Enabled', Prefix: 'docs/', Destination: { Bucket: `qcs::cos:${DEST_REGION}::${dest}` } }] },
  });
  await cos.putObject({ Bucket: source, Region: SOURCE_REGION, Key: 'docs/a.txt', Body: 'a' });

  await openSection(page, source, 'replication', SOURCE_REGION);
  const name = `repl-reader-${Date.now().toString(36)}`;
  await createConsoleAccount(page, name, `${name}-password-1`, [{ bucket: source, prefix: '', permissions: ['list', 'read'] }]);
  const reader = await signInAs(browser, name, `${name}-password-1`);
  await reader.goto(`/buckets/${source}/settings/replication?region=${SOURCE_REGION}`);
  await expect(reader.getByRole('heading', { level: 2, name: R.title })).toBeVisible();
  await expect(reader.getByRole('note')).toContainText(fill(en.bucketSettings.common.readOnly, { permission: en.bucketSettings.common.permission.settings }));
  const row = reader.getByRole('row').filter({ hasText: 'docs' }).first();
  await expect(row).toContainText(fill(R.rules.prefix, { prefix: 'docs/' }));
  await expect(reader.getByRole('button', { name: R.rules.add })).toHaveCount(0);
  await expect(reader.getByRole('button', { name: R.rules.removeAll })).toHaveCount(0);
  await expect(reader.getByRole('button', { name: fill(R.rules.removeLabel, { id: 'docs' }) })).toHaveCount(0);
  // Reading an object's status stays possible.
  await reader.getByLabel(R.status.key, { exact: true }).fill('docs/a.txt');
  await reader.getByRole('button', { name: R.status.check }).click();
  await expect(reader.getByText(fill(R.status.result, { key: 'docs/a.txt' }))).toBeVisible();
  await expectAccessible(reader, 'the replication section, read-only');
  await reader.screenshot({ path: '/tmp/shots/replication-readonly-en.png', fullPage: true });
});
