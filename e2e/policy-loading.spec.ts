// Monaco is loaded only when the policy section opens: the sign-in page, the bucket list and the file
// browser request none of its code, and the policy section then loads the editor and its two web
// workers from this origin, under the console's unchanged Content-Security-Policy (no violation is
// reported, the JSON worker answers: schema validation puts its own marker on a wrong value).
import { expect, test } from './capture';
import { E2E_ADMIN_PASSWORD } from './playwright.config';
import { createBucket, REGION, rootCos, uniqueBucket } from './settings-steps';
import { signInAsAdmin } from './steps';

const MONACO = /editor\.api|editor\.worker|json\.worker|jsonMode|monaco/i;

test('Monaco and its workers load only with the policy section, within the CSP', async ({ page }) => {
  const bucket = uniqueBucket('lazy');
  await createBucket(rootCos(), bucket);
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });

  await signInAsAdmin(page, E2E_ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
  await page.goto(`/buckets/${bucket}/objects?region=${REGION}`);
  await expect(page.getByRole('heading', { level: 1, name: bucket })).toBeVisible();
  await page.goto(`/buckets/${bucket}/settings/cors?region=${REGION}`);
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  expect(requested.filter((u) => MONACO.test(u))).toEqual([]);

  await page.goto(`/buckets/${bucket}/settings/policy?region=${REGION}`);
  const editor = page.locator('.monaco-editor').first();
  await expect(editor).toBeVisible();
  // The workers are bundled files of this origin, not blobs or a CDN.
  await expect.poll(() => requested.filter((u) => /editor\.worker|json\.worker/.test(u)).length, { timeout: 15_000 }).toBeGreaterThan(0);
  for (const url of requested.filter((u) => MONACO.test(u))) expect(new URL(url).origin, url).toBe(new URL(page.url()).origin);

  // Text with a schema error: the JSON worker validates it against the policy schema (a warning marker),
  // which only happens when the worker runs.
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('{"version": "2.0", "statement": [{"effect": "maybe", "action": ["name/cos:GetObject"], "resource": ["*"]}]}');
  await expect(page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first()).toBeVisible({ timeout: 15_000 });
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
});
