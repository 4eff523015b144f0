// Steps the bucket-settings e2e tests share: a fresh bucket of their own (made with the root key
// through cos-nodejs-sdk-v5, with the console's CORS rule so the browser can reach it), and opening
// one section of the bucket page as admin.
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import COS from 'cos-nodejs-sdk-v5';
import { buildCorsXml } from '../src/shared/xml/cors';
import { withConsoleRule } from '../src/shared/cors/console-rule';
import { expect } from './capture';
import { E2E_ADMIN_PASSWORD, E2E_COS_PORT, E2E_COS_SECRET_ID, E2E_COS_SECRET_KEY, E2E_PORT } from './playwright.config';
import { signInAsAdmin } from './steps';

export const REGION = 'ap-guangzhou';
export const APPID = '1250000000';
/** The console's origin, as the browser sends it. */
export const CONSOLE_ORIGIN = `http://127.0.0.1:${E2E_PORT}`;

/** The root account's Node SDK, sending to cos-local with production Host headers (`Ip`). */
export function rootCos(): COS {
  return new COS({ SecretId: E2E_COS_SECRET_ID, SecretKey: E2E_COS_SECRET_KEY, Protocol: 'http:', Ip: `127.0.0.1:${E2E_COS_PORT}` });
}

/** A bucket name no other test (or earlier run against the same data) uses: `<stem>-<run>-<APPID>`. */
export function uniqueBucket(stem: string): string {
  return `${stem}-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}-${APPID}`;
}

/** PUT Bucket with the root key, plus the console's CORS rule (what "Create bucket" in the console adds). */
export async function createBucket(cos: COS, bucket: string, region = REGION): Promise<void> {
  await cos.putBucket({ Bucket: bucket, Region: region });
  const body = buildCorsXml(withConsoleRule(undefined, CONSOLE_ORIGIN));
  await cos.request({
    Method: 'PUT', Bucket: bucket, Region: region, Action: 'cors', Body: body,
    Headers: { 'Content-Type': 'application/xml', 'Content-MD5': createHash('md5').update(body).digest('base64') },
  } as COS.RequestParams);
}

/** Raw GET of a bucket subresource with the root key (the XML as COS keeps it), or the error code. */
export async function readSubresource(cos: COS, bucket: string, subresource: string, region = REGION): Promise<{ body: string } | { code: string }> {
  try {
    const r = await cos.request({ Method: 'GET', Bucket: bucket, Region: region, Action: subresource, RawBody: true } as COS.RequestParams);
    return { body: String(r.Body ?? '') };
  } catch (e) {
    return { code: String((e as { code?: unknown }).code) };
  }
}

/** Signs in as admin (from a fresh page) and opens a settings section of `bucket`. */
export async function openSection(page: Page, bucket: string, section: string, region = REGION): Promise<void> {
  await signInAsAdmin(page, E2E_ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
  await page.goto(`/buckets/${bucket}/settings/${section}?region=${region}`);
  await expect(page.getByRole('heading', { level: 1, name: bucket })).toBeVisible();
}
