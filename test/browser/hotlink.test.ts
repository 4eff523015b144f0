// Hotlink protection felt in Chromium (docs/cos-behaviour.md "Hotlink protection (referer)"): the case
// study of https://www.tencentcloud.com/document/product/436/32466 with real pages. cos-local runs
// in-process; one page server answers under two host names, `allowed.localhost` and `other.localhost`
// (Chromium resolves *.localhost to loopback), and each page embeds the same public-read image through
// the bucket's own host. Chromium sends the page as the Referer of an <img> (cross-origin: its origin,
// under the default strict-origin-when-cross-origin policy), and no Referer when the image is opened
// directly (tencentcloud 436/32466). Each visit uses a fresh browser context, so no cached image hides
// a refusal.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from '@playwright/test';
import COS from 'cos-nodejs-sdk-v5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAccounts } from '../../src/cos-local/accounts';
import { createCosLocal, type CosLocal } from '../../src/cos-local/app';
import { openStore } from '../../src/cos-local/store/open-store';

const SECRET_ID = 'AKIDhotlinkbrowser00000000000000000';
const SECRET_KEY = 'hotlinkbrowsersecretkey000000000';
const REGION = 'ap-guangzhou';
const Bucket = 'hotlink-1250000000';
const b = { Bucket, Region: REGION };
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

interface Seen {
  path: string;
  referer: string | undefined;
  authorization: boolean;
  status?: number;
}

let app: CosLocal;
let cosServer: Server;
let pageServer: Server;
let browser: Browser;
let cos: COS;
let cosPort: number;
let pagePort: number;
const seen: Seen[] = [];
const serverErrors: string[] = [];

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function stop(server: Server | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!server?.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

const imageUrl = (): string => `http://${Bucket}.cos.${REGION}.localhost:${cosPort}/1.png`;

beforeAll(async () => {
  app = createCosLocal({
    store: await openStore({ memory: true }),
    accounts: defaultAccounts(SECRET_ID, SECRET_KEY),
    log: (message, error) => serverErrors.push(`${message} ${String(error)}`),
  });
  cosServer = createServer((req, res) => {
    const entry: Seen = { path: req.url ?? '', referer: req.headers.referer, authorization: req.headers.authorization !== undefined };
    seen.push(entry);
    res.on('finish', () => (entry.status = res.statusCode));
    app.handler(req, res);
  });
  cosPort = await listen(cosServer);
  pageServer = createServer((req, res) => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>${req.headers.host ?? ''}</title></head>` +
      `<body><p>A page embedding a COS image.</p><img id="pic" alt="picture" src="${imageUrl()}"></body></html>`;
    res.writeHead(req.url === '/page.html' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(req.url === '/page.html' ? html : 'not found');
  });
  pagePort = await listen(pageServer);
  cos = new COS({ SecretId: SECRET_ID, SecretKey: SECRET_KEY, Protocol: 'http:', Ip: `127.0.0.1:${cosPort}` });
  await cos.putBucket({ ...b, ACL: 'public-read' });
  await cos.putObject({ ...b, Key: '1.png', Body: PNG, ContentType: 'image/png' });
  browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  await stop(pageServer);
  await stop(cosServer);
  await app?.close();
});

/** Opens `http://<host>/page.html` in a fresh context; whether its <img> rendered, and what cos-local saw of it. */
async function visit(host: string): Promise<{ loaded: boolean; request: Seen | undefined }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const from = seen.length;
    await page.goto(`http://${host}:${pagePort}/page.html`);
    await page.waitForFunction(() => (document.getElementById('pic') as HTMLImageElement | null)?.complete === true);
    const loaded = await page.evaluate(() => (document.getElementById('pic') as HTMLImageElement).naturalWidth === 1);
    return { loaded, request: seen.slice(from).find((s) => s.path === '/1.png') };
  } finally {
    await context.close();
  }
}

/** Opens the image URL itself, as a user pasting it in the address bar: no Referer. */
async function openDirectly(): Promise<{ status: number | undefined; request: Seen | undefined }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const from = seen.length;
    const response = await page.goto(imageUrl());
    return { status: response?.status(), request: seen.slice(from).find((s) => s.path === '/1.png') };
  } finally {
    await context.close();
  }
}

const setReferer = (RefererConfiguration: COS.RefererConfiguration) => cos.putBucketReferer({ ...b, RefererConfiguration });

describe('hotlink protection in Chromium', () => {
  it('without hotlink protection both pages show the image', async () => {
    expect((await visit('allowed.localhost')).loaded).toBe(true);
    expect((await visit('other.localhost')).loaded).toBe(true);
  });

  it('White-List: the listed origin\'s <img> loads, the other page\'s is refused with 403', async () => {
    await setReferer({ Status: 'Enabled', RefererType: 'White-List', DomainList: { Domains: ['allowed.localhost'] }, EmptyReferConfiguration: 'Deny' });
    const allowed = await visit('allowed.localhost');
    expect(allowed.loaded).toBe(true);
    expect(allowed.request).toMatchObject({ referer: `http://allowed.localhost:${pagePort}/`, authorization: false, status: 200 });
    const other = await visit('other.localhost');
    expect(other.loaded).toBe(false);
    expect(other.request).toMatchObject({ referer: `http://other.localhost:${pagePort}/`, status: 403 });
  });

  it('Black-List: the listed origin is the one refused', async () => {
    await setReferer({ Status: 'Enabled', RefererType: 'Black-List', DomainList: { Domains: [`other.localhost:${pagePort}`] }, EmptyReferConfiguration: 'Allow' });
    expect((await visit('other.localhost')).loaded).toBe(false);
    expect((await visit('allowed.localhost')).loaded).toBe(true);
  });

  it('the empty-referer setting decides a direct request', async () => {
    await setReferer({ Status: 'Enabled', RefererType: 'White-List', DomainList: { Domains: ['allowed.localhost'] }, EmptyReferConfiguration: 'Deny' });
    const denied = await openDirectly();
    expect(denied.status).toBe(403);
    expect(denied.request?.referer).toBeUndefined();
    await setReferer({ Status: 'Enabled', RefererType: 'White-List', DomainList: { Domains: ['allowed.localhost'] }, EmptyReferConfiguration: 'Allow' });
    expect((await openDirectly()).status).toBe(200);
    expect((await visit('other.localhost')).loaded).toBe(false); // Allow lets empty Referers in, not unlisted ones
  });

  it('logged no internal error', () => {
    expect(serverErrors).toEqual([]);
  });
});
