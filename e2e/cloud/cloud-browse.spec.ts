// Cloud mode end to end: the console signs with its cloud credential (COS_SECRET_ID/KEY) and the SPA's
// cos-js-sdk-v5 calls COS on its production hostnames — https://<bucket>.cos.<region>.myqcloud.com —
// which Chromium resolves to cos-local (e2e/cloud.config.ts). The server's own COS calls (bucket list,
// health) and STS go through the Node SDK and qcloud-cos-sts with production Host headers
// (e2e/cloud-stack.ts).
import COS from 'cos-nodejs-sdk-v5';
import { expectAccessible } from '../axe';
import { expect, test } from '../capture';
import { CLOUD } from '../cloud-settings';
import { openSeededPhotos, signInAsAdmin } from '../steps';

test('cloud mode: sign in, list buckets, browse a bucket on its production hostname', async ({ page, request }) => {
  const health = await request.get('/api/health');
  expect(await health.json()).toEqual({ status: 'ok', mode: 'cloud' });

  const cosRequests: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.hostname.endsWith('.myqcloud.com')) cosRequests.push(`${r.method()} ${url.protocol}//${url.host}${url.pathname}${url.search}`);
  });
  const cosResponses: number[] = [];
  page.on('response', (r) => {
    if (new URL(r.url()).hostname.endsWith('.myqcloud.com')) cosResponses.push(r.status());
  });

  await signInAsAdmin(page, CLOUD.adminPassword);
  await openSeededPhotos(page);
  await page.getByRole('link', { name: '2025/' }).or(page.getByRole('button', { name: '2025/' })).click();
  await page.getByRole('link', { name: 'summer/' }).or(page.getByRole('button', { name: 'summer/' })).click();
  await expect(page.getByText('日落 sunset.png')).toBeVisible();
  await expectAccessible(page, 'a folder in cloud mode');

  // The listings went to the production hostname over HTTPS, virtual-hosted, and succeeded.
  expect(cosRequests.some((r) => r.startsWith('GET https://photos-1250000000.cos.ap-guangzhou.myqcloud.com/?') && r.includes('prefix=2025%2Fsummer%2F'))).toBe(true);
  expect(cosRequests.every((r) => r.includes('https://') && !r.includes('127.0.0.1'))).toBe(true);
  expect(cosResponses.length).toBeGreaterThan(0);
  expect(cosResponses.filter((s) => s >= 400)).toEqual([]);
});

test('cloud mode: temporary keys come from STS (qcloud-cos-sts against cos-local) and work on COS', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill(CLOUD.adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();

  const csrf = ((await (await page.request.get('/api/session')).json()) as { csrfToken: string }).csrfToken;
  const sts = await page.request.post('/api/sts', {
    headers: { 'x-csrf-token': csrf, origin: `http://127.0.0.1:${CLOUD.port}` },
    data: { bucket: 'photos-1250000000', region: 'ap-guangzhou', prefix: '2025/', actions: ['name/cos:GetObject'] },
  });
  expect(sts.status()).toBe(200);
  const keys = (await sts.json()) as { TmpSecretId: string; TmpSecretKey: string; SecurityToken: string };
  expect(keys.TmpSecretId).toMatch(/\S/);
  expect(keys.SecurityToken).toMatch(/\S/);
  expect(keys.TmpSecretKey).not.toBe(CLOUD.secretKey);

  // The keys are cos-local's (its STS answered qcloud-cos-sts): they read inside the prefix, nothing else.
  const cos = new COS({ SecretId: keys.TmpSecretId, SecretKey: keys.TmpSecretKey, SecurityToken: keys.SecurityToken, Protocol: 'http:', Ip: `127.0.0.1:${CLOUD.cosPort}` });
  const inside = await cos.getObject({ Bucket: 'photos-1250000000', Region: 'ap-guangzhou', Key: '2025/summer/beach.png' });
  expect(inside.statusCode).toBe(200);
  const outside = await cos.getObject({ Bucket: 'photos-1250000000', Region: 'ap-guangzhou', Key: 'README.md' }).then(() => 'read', (e: { code?: string }) => e.code);
  expect(outside).toBe('AccessDenied');
});
