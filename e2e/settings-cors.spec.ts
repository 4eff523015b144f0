// The CORS section against cos-local: rules entered in the UI decide which web pages a browser lets
// read the bucket (a page on an allowed origin fetches a public object, another origin is blocked,
// and the change undoing it blocks the first too); the saved rules read back through the SDK are
// exactly as entered, in order; the preflight tester names the rule COS applies and the
// Access-Control-Allow-Origin it sends, as a real OPTIONS to cos-local does; removing the console's
// own rule asks first, and the console's rule comes back in one click; a read-only account sees rules
// and tester without editing controls. Accessibility in English and Simplified Chinese, with screenshots.
import { mkdirSync } from 'node:fs';
import { request } from 'node:http';
import type { Locator, Page } from '@playwright/test';
import { consoleCorsRule } from '../src/shared/cors/console-rule';
import { parseCorsXml, type CorsConfiguration } from '../src/shared/xml/cors';
import { en } from '../src/console/i18n/en';
import { zhCN } from '../src/console/i18n/zh-CN';
import { expectAccessible } from './axe';
import { expect, test } from './capture';
import { E2E_ADMIN_PASSWORD, E2E_COS_PORT, E2E_PORT } from './playwright.config';
import { CONSOLE_ORIGIN, REGION, createBucket, openSection, readSubresource, rootCos, uniqueBucket } from './settings-steps';
import { createConsoleAccount, signInAs, signInAsAdmin } from './steps';

const ALLOWED = `http://allowed.localhost:${E2E_PORT}`;
const OTHER = `http://other.localhost:${E2E_PORT}`;
const KEY = 'hello.txt';
const BODY = 'hello from cos-local';

const objectUrl = (bucket: string): string => `http://${bucket}.cos.${REGION}.localhost:${E2E_COS_PORT}/${KEY}`;

type FetchResult = { ok: true; status: number; body: string } | { ok: false; error: string };

/** A page at `origin` (the console server answers any Host) fetches the public object, as any page script would. */
async function fetchFrom(page: Page, origin: string, url: string): Promise<FetchResult> {
  await page.goto(`${origin}/login`);
  return page.evaluate(async (u): Promise<FetchResult> => {
    try {
      // no-store: an answer cached for an earlier origin must not stand in for COS's answer now.
      const r = await fetch(u, { cache: 'no-store' });
      return { ok: true, status: r.status, body: await r.text() };
    } catch (e) {
      return { ok: false, error: e instanceof TypeError ? 'TypeError' : String(e) };
    }
  }, url);
}

/** A preflight sent from Node to cos-local with the bucket's virtual-hosted Host (Node does not resolve *.localhost). */
function optionsRequest(bucket: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: E2E_COS_PORT, method: 'OPTIONS', path: `/${KEY}`, headers: { ...headers, Host: `${bucket}.cos.${REGION}.localhost:${E2E_COS_PORT}` } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function savedCors(bucket: string): Promise<CorsConfiguration | string> {
  const r = await readSubresource(rootCos(), bucket, 'cors');
  if ('code' in r) return r.code;
  const parsed = parseCorsXml(r.body);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

const ruleCard = (page: Page, title: string | RegExp): Locator =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4, name: title }) });

/** TDesign's check inputs sit under their styled box: click the label (as a person does), then check the state. */
async function tick(scope: Locator, role: 'checkbox' | 'radio', name: string, checked: boolean): Promise<void> {
  await scope.getByText(name, { exact: true }).click();
  await expect(scope.getByRole(role, { name })).toBeChecked({ checked });
}

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: en.bucketSettings.common.save, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'CORS saved.' })).toBeVisible();
}

async function chooseLanguage(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.getByLabel(en.language.label).first().click();
  await page.getByRole('listitem').filter({ hasText: lang === 'en' ? en.language.en : en.language.zhCN }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

test('rules entered in the UI decide which origins the browser lets read the bucket', async ({ page, context }) => {
  const cos = rootCos();
  const bucket = uniqueBucket('cors');
  await createBucket(cos, bucket);
  await cos.putObject({ Bucket: bucket, Region: REGION, Key: KEY, Body: BODY, ACL: 'public-read' });
  const other = await context.newPage();

  // Before: only the console's origin is allowed.
  expect(await fetchFrom(other, ALLOWED, objectUrl(bucket))).toEqual({ ok: false, error: 'TypeError' });

  await openSection(page, bucket, 'cors');
  await expect(page.getByRole('heading', { level: 2, name: 'CORS' })).toBeVisible();
  await expect(page.getByText(en.bucketSettings.cors.firstMatchWins)).toBeVisible();
  await expect(ruleCard(page, 'Rule 1: cos-console')).toBeVisible();

  // A new rule: inline reasons first, then valid values.
  await page.getByRole('button', { name: 'Add rule' }).click();
  const rule = ruleCard(page, /^Rule 2/);
  await expect(rule.getByText('Enter at least one origin.')).toBeVisible();
  await rule.getByLabel('Allowed origins').fill('allowed.localhost');
  await expect(rule.getByText('Line 1 ("allowed.localhost"): add the scheme')).toBeVisible();
  await expect(rule.getByLabel('Allowed origins')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await rule.getByLabel('Exposed headers').fill('x-cos-meta-*');
  await expect(rule.getByText('browsers do not expand wildcards here')).toBeVisible();

  await rule.getByLabel('ID (optional)').fill('allowed-app');
  const card = ruleCard(page, 'Rule 2: allowed-app');
  await card.getByLabel('Allowed origins').fill(`${ALLOWED}\nhttps://*.example.com`);
  await tick(card, 'checkbox', 'HEAD', true);
  await card.getByLabel('Allowed headers').fill('content-type\nx-cos-meta-*');
  await card.getByLabel('Exposed headers').fill('ETag\nx-cos-request-id');
  await card.getByLabel('Max age (seconds)').fill('300');
  await expect(card.getByText(/Line \d/)).toHaveCount(0);
  await expect(page.getByText('You have unsaved changes.')).toBeVisible();
  // Order matters: first match wins. Put the new rule first.
  await page.getByRole('button', { name: 'Move up: rule 2' }).click();
  await expect(ruleCard(page, 'Rule 1: allowed-app')).toBeVisible();
  await expect(ruleCard(page, 'Rule 2: cos-console')).toBeVisible();
  await save(page);
  await expect(page.getByText('You have unsaved changes.')).toHaveCount(0);

  // Read back through the SDK: exactly as entered, in order.
  const entered = {
    id: 'allowed-app', allowedOrigins: [ALLOWED, 'https://*.example.com'], allowedMethods: ['GET', 'HEAD'],
    allowedHeaders: ['content-type', 'x-cos-meta-*'], exposeHeaders: ['ETag', 'x-cos-request-id'], maxAgeSeconds: '300',
  };
  expect(await savedCors(bucket)).toEqual({ rules: [entered, consoleCorsRule(CONSOLE_ORIGIN)] });

  // The browser now lets the allowed origin read the object, and still blocks another.
  expect(await fetchFrom(other, ALLOWED, objectUrl(bucket))).toEqual({ ok: true, status: 200, body: BODY });
  expect(await fetchFrom(other, OTHER, objectUrl(bucket))).toEqual({ ok: false, error: 'TypeError' });

  // The preflight tester: the matching rule and the headers COS computes…
  const tester = page.getByRole('region', { name: 'Preflight tester' });
  await expect(tester.getByText(en.bucketSettings.cors.tester.draftNote)).toBeVisible();
  await tester.getByLabel('Origin', { exact: true }).fill(ALLOWED);
  await tick(tester, 'radio', 'HEAD', true);
  await tester.getByLabel('Request headers').fill('Content-Type, X-Cos-Meta-Author');
  const result = tester.getByRole('status');
  await expect(result).toContainText('Rule 1 (allowed-app) matches');
  const shown = async (header: string): Promise<string> =>
    (await result.getByRole('row').filter({ has: page.getByRole('cell', { name: header, exact: true }) }).getByRole('cell').nth(1).innerText()).trim();
  expect(await shown('Access-Control-Allow-Origin')).toBe(ALLOWED);
  expect(await shown('Access-Control-Allow-Methods')).toBe('GET,HEAD');
  expect(await shown('Access-Control-Allow-Headers')).toBe('content-type,x-cos-meta-author');
  expect(await shown('Access-Control-Max-Age')).toBe('300');
  // …are what cos-local answers a real preflight.
  const preflight = await optionsRequest(bucket, { Origin: ALLOWED, 'Access-Control-Request-Method': 'HEAD', 'Access-Control-Request-Headers': 'Content-Type, X-Cos-Meta-Author' });
  expect(preflight.status).toBe(200);
  expect(preflight.headers['access-control-allow-origin']).toBe(ALLOWED);
  expect(preflight.headers['access-control-allow-methods']).toBe('GET,HEAD');
  expect(preflight.headers['access-control-allow-headers']).toBe('content-type,x-cos-meta-author');
  expect(preflight.headers['access-control-max-age']).toBe('300');
  // An origin no rule allows: blocked.
  await tester.getByLabel('Origin', { exact: true }).fill(OTHER);
  await expect(result).toContainText('No rule matches');
  await expect(result).toContainText(`origin ${OTHER} not allowed`);

  // Undo it in the UI: delete the rule, save; the allowed origin is blocked again.
  await page.getByRole('button', { name: 'Delete rule 1' }).click();
  await expect(ruleCard(page, 'Rule 1: cos-console')).toBeVisible();
  await save(page);
  expect(await savedCors(bucket)).toEqual({ rules: [consoleCorsRule(CONSOLE_ORIGIN)] });
  expect(await fetchFrom(other, ALLOWED, objectUrl(bucket))).toEqual({ ok: false, error: 'TypeError' });
});

test('the console\'s own rule: a change that locks the console out asks first; one click adds it back; remove all asks', async ({ page }) => {
  const cos = rootCos();
  const bucket = uniqueBucket('corslock');
  await createBucket(cos, bucket);
  await openSection(page, bucket, 'cors');

  // Keep GET for the console (the page can still read), take away the rest: the prompt appears.
  const card = ruleCard(page, 'Rule 1: cos-console');
  await card.getByRole('button', { name: 'Edit rule 1' }).click();
  await tick(card, 'checkbox', 'PUT', false);
  await expect(page.getByText(/No rule lets this console/)).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: en.bucketSettings.cors.breakTitle });
  await expect(dialog).toContainText('the file browser and uploads will stop working');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await savedCors(bucket)).toEqual({ rules: [consoleCorsRule(CONSOLE_ORIGIN)] });

  // One click adds the rule the console needs; discarding goes back to what COS has.
  await page.getByRole('button', { name: en.bucketSettings.cors.consoleMissingAdd }).click();
  await expect(page.getByText(/No rule lets this console/)).toHaveCount(0);
  await expect(ruleCard(page, 'Rule 2: cos-console')).toBeVisible();
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(ruleCard(page, 'Rule 2: cos-console')).toHaveCount(0);
  await expect(page.getByText('You have unsaved changes.')).toHaveCount(0);

  // Remove all rules: asked first, then the configuration is gone.
  await page.getByRole('button', { name: 'Remove all rules' }).click();
  const remove = page.getByRole('dialog', { name: en.bucketSettings.cors.removeAllTitle });
  await expect(remove).toContainText(en.bucketSettings.cors.removeAllConsole);
  await remove.getByRole('button', { name: 'Remove all rules' }).click();
  await expect.poll(() => savedCors(bucket)).toBe('NoSuchCORSConfiguration');
});

test('the CORS section is accessible in English and Simplified Chinese', async ({ page }) => {
  const cos = rootCos();
  const bucket = uniqueBucket('corsaxe');
  await createBucket(cos, bucket);
  await openSection(page, bucket, 'cors');
  mkdirSync('/tmp/shots', { recursive: true });

  await page.getByRole('button', { name: 'Add rule' }).click();
  const rule = ruleCard(page, /^Rule 2/);
  await rule.getByLabel('Allowed origins').fill(`${ALLOWED}\nexample.com`);
  await expect(rule.getByText('add the scheme')).toBeVisible();
  const tester = page.getByRole('region', { name: 'Preflight tester' });
  await tester.getByLabel('Origin', { exact: true }).fill(CONSOLE_ORIGIN);
  await expect(tester.getByRole('status')).toContainText('Rule 1 (cos-console) matches');
  await expectAccessible(page, 'CORS section (en)');
  await page.screenshot({ path: '/tmp/shots/cors-en.png', fullPage: true });

  await chooseLanguage(page, 'zh-CN');
  await expect(page.getByRole('heading', { level: 2, name: zhCN.bucketSettings.cors.title })).toBeVisible();
  await expect(page.getByRole('region', { name: zhCN.bucketSettings.cors.tester.title }).getByRole('status')).toContainText('规则 1（cos-console）匹配');
  await expectAccessible(page, 'CORS section (zh-CN)');
  await page.screenshot({ path: '/tmp/shots/cors-zh-CN.png', fullPage: true });
});

test('read-only: an account with list on the whole bucket sees the rules and the tester, and no editing control', async ({ page, browser }) => {
  const cos = rootCos();
  const bucket = uniqueBucket('corsro');
  await createBucket(cos, bucket);
  await signInAsAdmin(page, E2E_ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
  const name = `corsro${Date.now().toString(36)}`;
  const password = `ro-password-${Date.now().toString(36)}-x`;
  await createConsoleAccount(page, name, password, [{ bucket, prefix: '', permissions: ['list'] }]);

  const user = await signInAs(browser, name, password);
  await user.goto(`/buckets/${bucket}/settings/cors?region=${REGION}`);
  await expect(user.getByRole('heading', { level: 2, name: 'CORS' })).toBeVisible();
  await expect(ruleCard(user, 'Rule 1: cos-console')).toContainText(CONSOLE_ORIGIN);
  await expect(user.getByRole('note').filter({ hasText: 'Read-only' })).toBeVisible();
  for (const button of ['Edit rule 1', 'Delete rule 1', 'Add rule', 'Save', 'Remove all rules']) {
    await expect(user.getByRole('button', { name: button, exact: true })).toHaveCount(0);
  }
  await expect(user.getByRole('switch', { name: en.bucketSettings.cors.vary.label })).toBeDisabled();
  const tester = user.getByRole('region', { name: 'Preflight tester' });
  await tester.getByLabel('Origin', { exact: true }).fill(CONSOLE_ORIGIN);
  await expect(tester.getByRole('status')).toContainText('Rule 1 (cos-console) matches');
});
