// Admin screens for console accounts (issue: admin UI for accounts, grants and the audit log): an
// admin creates an account with a generated password and one grant in the browser; that account signs
// in elsewhere and sees only its bucket; disabling it ends its session; the audit page shows the
// sign-in and filters by outcome. The real console and cos-local; names are unique per run because the
// e2e data directory lives as long as the run.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectAccessible } from './axe';
import { expect, registerSecret, test } from './capture';
import { E2E_ADMIN_PASSWORD } from './playwright.config';
import { signInAsAdmin, signInInNewContext } from './steps';

const BUCKET = 'photos-1250000000';

test('an admin creates an account with a generated password and one grant, disables it, and audits its sign-in', async ({ page, browser }) => {
  const name = `grantee-${Date.now()}`;
  // Every response the admin's page receives, to check where the generated password travelled.
  const bodies: { url: string; method: string; body: string }[] = [];
  page.on('response', (r) => {
    void r.text().then((body) => bodies.push({ url: r.url(), method: r.request().method(), body }), () => undefined);
  });

  await signInAsAdmin(page, E2E_ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
  const adminNav = page.getByRole('navigation', { name: 'Administration' });
  await adminNav.getByRole('link', { name: 'Users' }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Console accounts' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'admin' }).first()).toContainText('Administrator');
  await expectAccessible(page, 'the console accounts');

  // Create: name, role user, generated password, one grant.
  await page.getByRole('button', { name: 'Create account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a console account' });
  await expect(dialog.getByLabel('Account name')).toBeFocused();
  await dialog.getByLabel('Account name').fill(name);
  await expect(dialog.getByRole('radio', { name: 'User', exact: true })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'Generate one' })).toBeChecked();
  const grant = dialog.getByRole('group', { name: 'Grant 1' });
  await grant.getByLabel('Bucket').fill(BUCKET);
  // An empty prefix means the whole bucket, and says so.
  await expect(grant.getByText('Empty: the whole bucket.')).toBeVisible();
  // A `*` is refused next to the field before anything is sent.
  await grant.getByLabel('Prefix').fill('2025/*');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(grant.getByText('A prefix cannot contain *')).toBeVisible();
  await expect(grant.getByLabel('Prefix')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'the account dialog with an error');
  await grant.getByLabel('Prefix').fill('2025/');
  const permissions = grant.getByRole('group', { name: 'Permissions' });
  for (const p of ['Write', 'Delete', 'Share', 'Settings']) await expect(permissions.getByRole('checkbox', { name: p })).not.toBeChecked();
  await expect(permissions.getByRole('checkbox', { name: 'List' })).toBeChecked();
  await expect(permissions.getByRole('checkbox', { name: 'Read' })).toBeChecked();
  const created = page.waitForResponse((r) => r.url().endsWith('/api/admin/users') && r.request().method() === 'POST');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  const createdBody = (await (await created).json()) as { user: { grants: unknown }; generatedPassword?: string };
  expect(createdBody.user.grants).toEqual([{ bucket: BUCKET, prefix: '2025/', permissions: ['list', 'read'] }]);

  // The generated password, once, with a warning and a Copy button.
  await expect(dialog.getByRole('alert')).toContainText('It will not be shown again');
  await expect(dialog.getByRole('button', { name: 'Copy' })).toBeVisible();
  await expectAccessible(page, 'the generated password');
  const password = await dialog.getByLabel(`Password of ${name}`).inputValue();
  expect(password).toBe(createdBody.generatedPassword);
  registerSecret(test.info(), password, { method: 'POST', path: '/api/admin/users' });
  expect(password.length).toBeGreaterThanOrEqual(12);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('User');
  await expect(row).toContainText('Enabled');
  await expect(row.getByRole('cell').nth(3)).toHaveText('1');
  await expectAccessible(page, 'the console accounts with a new one');

  // The server explains a refusal next to the form, in its own words.
  await page.getByRole('button', { name: 'Create account' }).click();
  const again = page.getByRole('dialog', { name: 'Create a console account' });
  await again.getByLabel('Account name').fill(name);
  await again.getByRole('group', { name: 'Grant 1' }).getByLabel('Bucket').fill(BUCKET);
  await again.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(again.getByRole('alert')).toContainText(`A console account "${name}" already exists.`);
  await expect(again.getByRole('alert')).toContainText('UserExists');
  await expectAccessible(page, 'the account dialog with the server\'s refusal');
  await again.getByRole('button', { name: 'Cancel' }).click();
  await expect(again).toBeHidden();

  // The account signs in elsewhere (after one wrong password, for the audit) and sees only its bucket.
  const wrong = await signInInNewContext(browser, name, 'not-the-password');
  await expect(wrong.getByRole('alert')).toContainText('Incorrect username or password');
  await wrong.context().close();
  const member = await signInInNewContext(browser, name, password);
  try {
    await expect(member).not.toHaveURL(/\/login/);
    const buckets = (await (await member.request.get('/api/buckets')).json()) as { buckets: { name: string }[] };
    expect(buckets.buckets.map((b) => b.name)).toEqual([BUCKET]);
    await member.goto('/buckets');
    const table = member.getByRole('table');
    await expect(table).toContainText(BUCKET);
    await expect(table).not.toContainText('documents-1250000000');
    await expect(table).not.toContainText('logs-1250000000');
    // No way into the admin pages, and a plain answer at their URL.
    await expect(member.getByRole('navigation', { name: 'Administration' })).toHaveCount(0);
    await member.goto('/admin/users');
    await expect(member.getByRole('heading', { level: 1, name: 'Administrators only' })).toBeVisible();
    await expect(member.getByRole('table')).toHaveCount(0);
    await expectAccessible(member, 'the admin page refused');
    await member.goto('/buckets');
    await expect(member.getByRole('table')).toContainText(BUCKET);

    // Disable, with a confirmation that says the sessions end.
    await row.getByRole('button', { name: `Disable ${name}` }).click();
    const confirm = page.getByRole('dialog', { name: `Disable ${name}?` });
    await expect(confirm).toContainText('every session of the account ends at once');
    await expectAccessible(page, 'the disable confirmation');
    await confirm.getByRole('button', { name: 'Disable', exact: true }).click();
    await expect(confirm).toBeHidden();
    await expect(row).toContainText('Disabled');
    await expect(row.getByRole('button', { name: `Enable ${name}` })).toBeVisible();

    // The member's next call is refused: opening the bucket sends it to the sign-in page.
    await member.getByRole('table').getByRole('link').first().click();
    await expect(member).toHaveURL(/\/login/);
    expect((await member.request.get('/api/session')).status()).toBe(401);
  } finally {
    await member.context().close();
  }

  // The audit log shows the account's sign-in; the outcome filter is in the URL and works.
  await adminNav.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const filters = page.getByRole('search', { name: 'Filter the audit log' });
  await filters.getByLabel('Actor').fill(name);
  await filters.getByLabel('Event').fill('login');
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('actor') === name && url.searchParams.get('event') === 'login');
  const rows = page.getByRole('table').getByRole('row').filter({ hasText: name });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'OK' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Failed' })).toHaveCount(1);
  await expectAccessible(page, 'the audit log');

  await filters.getByText('Failed', { exact: true }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('outcome') === 'failed' && url.searchParams.get('actor') === name);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Failed');
  await expect(rows.first()).toContainText('login');
  await filters.getByText('OK', { exact: true }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('outcome') === 'ok');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('console account');
  // The filtered view survives a reload: it is the URL.
  await page.reload();
  await expect(page.getByRole('search', { name: 'Filter the audit log' }).getByLabel('Actor')).toHaveValue(name);
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole('radio', { name: 'OK' })).toBeChecked();

  // The generated password reached the browser once, in the answer that created it, and nowhere else:
  // not in any other response, not in browser storage, not in the server's log.
  const carrying = bodies.filter((b) => b.body.includes(password));
  expect(carrying.map((b) => `${b.method} ${new URL(b.url).pathname}`)).toEqual(['POST /api/admin/users']);
  const storage = await page.evaluate(() => JSON.stringify({ l: { ...localStorage }, s: { ...sessionStorage }, c: document.cookie }));
  expect(storage).not.toContain(password);
  const log = readFileSync(resolve(import.meta.dirname, '..', String(test.info().config.metadata['serverLog'])), 'utf8');
  expect(log).toContain(name);
  expect(log).not.toContain(password);
});

test('an admin edits an account\'s grants and resets its password; only the new password works', async ({ page, browser }) => {
  const name = `editee-${Date.now()}`;
  const chosen = `chosen-password-${Date.now()}`;
  registerSecret(test.info(), chosen);
  await signInAsAdmin(page, E2E_ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
  await page.goto('/admin/users');

  // A chosen password: checked for length before it is sent, and nothing is shown afterwards.
  await page.getByRole('button', { name: 'Create account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a console account' });
  await dialog.getByLabel('Account name').fill(name);
  await dialog.getByText('Choose one', { exact: true }).click();
  await dialog.getByLabel('New password').fill('short');
  await dialog.getByRole('group', { name: 'Grant 1' }).getByLabel('Bucket').fill(BUCKET);
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(dialog.getByText('At least 12 characters.')).toBeVisible();
  await dialog.getByLabel('New password').fill(chosen);
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row.getByRole('cell').nth(3)).toHaveText('1');

  // Edit: the existing grant is there; a second one (whole bucket) is added.
  await row.getByRole('button', { name: `Edit ${name}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${name}` });
  await expect(edit.getByRole('group', { name: 'Grant 1' }).getByLabel('Bucket')).toHaveValue(BUCKET);
  await edit.getByRole('button', { name: 'Add a grant' }).click();
  const second = edit.getByRole('group', { name: 'Grant 2' });
  await second.getByLabel('Bucket').fill('documents-1250000000');
  await expect(second.getByText('Empty: the whole bucket.')).toBeVisible();
  await expectAccessible(page, 'the edit dialog');
  const saved = page.waitForResponse((r) => r.url().endsWith(`/api/admin/users/${name}`) && r.request().method() === 'PATCH');
  await edit.getByRole('button', { name: 'Save' }).click();
  expect(((await (await saved).json()) as { user: { grants: unknown } }).user.grants).toEqual([
    { bucket: BUCKET, prefix: '', permissions: ['list', 'read'] },
    { bucket: 'documents-1250000000', prefix: '', permissions: ['list', 'read'] },
  ]);
  await expect(edit).toBeHidden();
  await expect(row.getByRole('cell').nth(3)).toHaveText('2');

  // Reset to a generated password, shown once; the dialog says sessions end.
  await row.getByRole('button', { name: `Reset password for ${name}` }).click();
  const reset = page.getByRole('dialog', { name: `Reset the password of ${name}` });
  await expect(reset).toContainText(`Every session of ${name} ends now`);
  await expectAccessible(page, 'the reset-password dialog');
  await reset.getByRole('button', { name: 'Reset password' }).click();
  await expect(reset.getByRole('alert')).toContainText('It will not be shown again');
  const generated = await reset.getByLabel(`Password of ${name}`).inputValue();
  registerSecret(test.info(), generated, { method: 'POST', path: `/api/admin/users/${encodeURIComponent(name)}/password` });
  expect(generated).not.toBe(chosen);
  await reset.getByRole('button', { name: 'Done' }).click();
  await expect(reset).toBeHidden();

  const old = await signInInNewContext(browser, name, chosen);
  await expect(old.getByRole('alert')).toContainText('Incorrect username or password');
  await old.context().close();
  const member = await signInInNewContext(browser, name, generated);
  try {
    await expect(member).not.toHaveURL(/\/login/);
    await member.goto('/buckets');
    const table = member.getByRole('table');
    await expect(table).toContainText(BUCKET);
    await expect(table).toContainText('documents-1250000000');
    await expect(table).not.toContainText('logs-1250000000');
  } finally {
    await member.context().close();
  }
});
