// The console under its Content-Security-Policy (src/server/security-headers.ts): signing in and
// browsing — which calls cos-local straight from the browser — trigger no CSP violation, and the
// session cookie is out of reach of page scripts.
import { expectAccessible } from './axe';
import { expect, test } from './capture';
import { E2E_ADMIN_PASSWORD } from './playwright.config';

test('browsing under the CSP reports no violation; the session cookie is HttpOnly', async ({ page, context }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content-Security-Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });

  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(response?.headers()['x-frame-options']).toBe('DENY');
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'photos-1250000000', exact: true }).click();
  await expect(page.getByText('README.md')).toBeVisible();
  await expectAccessible(page, 'the photos bucket');

  const cookie = (await context.cookies()).find((c) => c.name === 'cos_console_sid');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  expect(await page.evaluate(() => document.cookie)).not.toContain('cos_console_sid');
  expect(violations).toEqual([]);
});
