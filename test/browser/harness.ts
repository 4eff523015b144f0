// Browser fidelity harness: cos-local (in-process, memory store) behind a recording node:http server, a
// static server for the test page (cos-js-sdk-v5's dist bundle + page.js) with a `/sign` endpoint that
// signs with the root key server-side (cos-js-sdk-v5's getAuthorization: the browser never holds the
// SecretKey), Debian's Chromium (never a downloaded browser: README "Quick start") and the Node SDK for
// setup and cross-checks. Every test drives cos-js-sdk-v5 inside the page with page.evaluate.
//
// The page's origin (http://127.0.0.1:<static port>) differs from cos-local's, so Chromium enforces
// CORS for real: buckets get a CORS rule through the Node SDK unless a test wants none.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import type BrowserCos from 'cos-js-sdk-v5';
import COS from 'cos-nodejs-sdk-v5';
import { defaultAccounts } from '../../src/cos-local/accounts';
import { createCosLocal, type CosLocal } from '../../src/cos-local/app';
import { openStore } from '../../src/cos-local/store/open-store';

export const SECRET_ID = 'AKIDbrowserfidelity0000000000000000';
export const SECRET_KEY = 'browserfidelitysecretkey00000000';
export const APPID = '1250000000';
export const REGION = 'ap-guangzhou';

/** Headers the suite's CORS rule exposes to the page (what cos-js-sdk-v5 reads: docs/cos-behaviour.md "CORS"). */
export const EXPOSED_HEADERS = [
  'ETag', 'Content-Length', 'Content-Range', 'Content-Type', 'Content-Disposition', 'Cache-Control', 'Date', 'Last-Modified',
  'x-cos-request-id', 'x-cos-version-id', 'x-cos-hash-crc64ecma', 'x-cos-delete-marker', 'x-cos-tagging-count',
  'x-cos-meta-author', 'x-cos-meta-note', 'x-cos-storage-class',
];

// ---------------------------------------------------------------------------------------------
// What the page exposes (page.js), for the functions given to page.evaluate.

export interface PageError {
  message: string;
  code?: string;
  statusCode?: number;
  headers?: Record<string, string>;
  error?: { Code?: string; Message?: string; RequestId?: string; Resource?: string };
}

export interface BodySummary { size: number; sha256: string; type?: string }

/** SDK results as they come out of the page: JSON, with bodies summarised. */
export interface PageData {
  [field: string]: unknown;
  statusCode?: number;
  headers?: Record<string, string>;
  ETag?: string;
  Body?: string | BodySummary;
}

export type Outcome = { ok: true; data: PageData } | { ok: false; error: PageError };

export interface ClientConfig {
  style?: 'vhost' | 'path';
  /** Temporary keys handed to getAuthorization instead of asking `/sign`. */
  tmp?: { TmpSecretId: string; TmpSecretKey: string; SecurityToken: string; StartTime: number; ExpiredTime: number };
  options?: Partial<BrowserCos.COSOptions>;
}

export interface PageApi {
  region: string;
  cosPort: number;
  client(config?: ClientConfig): BrowserCos;
  /** Virtual-hosted: `{Bucket}.cos.{Region}.localhost:<port>`. */
  vhost: BrowserCos;
  /** Path-style: `http://127.0.0.1:<port>/{Bucket}`. */
  path: BrowserCos;
  settle(promise: Promise<unknown>): Promise<Outcome>;
  sha256(data: Blob | ArrayBuffer | string): Promise<string>;
  bytes(size: number, seed: number): Uint8Array<ArrayBuffer>;
  /** How often any client of the page called its getAuthorization. */
  authorizationCalls(): number;
}

declare global {
  interface Window {
    t: PageApi;
    COS: typeof BrowserCos;
  }
}

/** Narrows an outcome to success (the page's error is in the assertion message otherwise). */
export function ok(outcome: Outcome): PageData {
  if (!outcome.ok) throw new Error(`expected success, got ${JSON.stringify(outcome.error)}`);
  return outcome.data;
}

export function failed(outcome: Outcome): PageError {
  if (outcome.ok) throw new Error(`expected a failure, got ${JSON.stringify(outcome.data)}`);
  return outcome.error;
}

// ---------------------------------------------------------------------------------------------
// Node-side helpers.

/** The same deterministic bytes as page.js `bytes`. */
export function bytes(size: number, seed: number): Buffer {
  const out = Buffer.alloc(size);
  let x = seed >>> 0;
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

export const md5hex = (data: Buffer | string): string => createHash('md5').update(data).digest('hex');
export const sha256hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** What cos-local received: recorded on arrival, `status` set when the response is finished. */
export interface SeenRequest {
  method: string;
  host: string;
  /** Raw request target (path and query, encoded as sent). */
  url: string;
  query: URLSearchParams;
  origin: string | undefined;
  headers: IncomingHttpHeaders;
  status?: number;
  /** The connection closed before a response was sent. */
  aborted: boolean;
}

export interface Held {
  /** Resolves when a matching request arrives. It never reaches cos-local; its body is read and discarded. */
  arrived: Promise<SeenRequest>;
  /** Resolves when the client closed the held request's connection (e.g. the browser aborted it). */
  clientClosed: Promise<void>;
  /** Close it without an answer. */
  drop(): void;
}

export const isUploadPart = (r: SeenRequest): boolean => r.method === 'PUT' && r.query.has('partNumber') && r.query.has('uploadId');

export interface BrowserHarness {
  cosPort: number;
  /** `http://127.0.0.1:<static port>`: the page's origin. */
  origin: string;
  /** `http://127.0.0.1:<cos port>` */
  cosUrl: string;
  /** cos-nodejs-sdk-v5 with the root key, virtual-hosted through `Ip`. */
  node: COS;
  browser: Browser;
  page: Page;
  /** Every request cos-local's port received, in arrival order. */
  requests: SeenRequest[];
  /** Internal errors cos-local logged. */
  serverErrors: string[];
  /** Messages the page printed to its console (Chromium reports CORS refusals there). */
  consoleMessages: string[];
  /** Requests the `/sign` endpoint signed. */
  signed: { Method: string; Pathname: string; Query: Record<string, string>; Headers: Record<string, string>; SystemClockOffset?: number }[];
  /** Keep the next matching request from cos-local (it is never answered). */
  hold(predicate: (r: SeenRequest) => boolean): Held;
  /** `<name>-<appid>`, created through the Node SDK, with the suite's CORS rule unless `cors: false`. */
  createBucket(name: string, options?: { cors?: boolean }): Promise<string>;
  /** The object's bytes, read through the Node SDK. */
  nodeGet(bucket: string, key: string): Promise<Buffer>;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);
const SDK_BUNDLE = require.resolve('cos-js-sdk-v5/dist/cos-js-sdk-v5.min.js');
const PAGE_SCRIPT = fileURLToPath(new URL('./page.js', import.meta.url));

const HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>cos-js-sdk-v5 fidelity</title>
<script src="/cos-js-sdk-v5.min.js"></script>
<script src="/page.js"></script>
</head><body>cos-js-sdk-v5 fidelity suite</body></html>`;

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

interface HoldEntry {
  predicate: (r: SeenRequest) => boolean;
  taken: boolean;
  onArrive: (seen: SeenRequest, req: IncomingMessage, res: ServerResponse) => void;
}

export async function startBrowserHarness(): Promise<BrowserHarness> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  };
  try {
    return await start(cleanups, close);
  } catch (e) {
    await close();
    throw e;
  }
}

async function start(cleanups: (() => Promise<unknown>)[], close: () => Promise<void>): Promise<BrowserHarness> {
  const serverErrors: string[] = [];
  const store = await openStore({ memory: true });
  const app: CosLocal = createCosLocal({
    store,
    accounts: defaultAccounts(SECRET_ID, SECRET_KEY),
    log: (message, error) => serverErrors.push(`${message} ${error instanceof Error ? error.stack ?? error.message : String(error ?? '')}`),
  });
  cleanups.push(() => app.close());

  // cos-local behind a recorder: tests count and hold requests by method and query.
  const requests: SeenRequest[] = [];
  const holds: HoldEntry[] = [];
  const cosServer = createServer({ requestTimeout: 0 }, (req, res) => {
    const url = req.url ?? '/';
    const seen: SeenRequest = {
      method: req.method ?? 'GET', host: req.headers.host ?? '', url,
      query: new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : ''),
      origin: req.headers.origin, headers: req.headers, aborted: false,
    };
    requests.push(seen);
    res.on('finish', () => (seen.status = res.statusCode));
    res.on('close', () => (seen.aborted = !res.writableFinished));
    const hold = holds.find((h) => !h.taken && h.predicate(seen));
    if (hold) {
      hold.taken = true;
      hold.onArrive(seen, req, res);
      return;
    }
    app.handler(req, res);
  });
  const cosPort = await listen(cosServer);
  cleanups.push(() => stop(cosServer));
  const cosUrl = `http://127.0.0.1:${cosPort}`;

  // The page, the SDK bundle and the signer.
  const signed: BrowserHarness['signed'] = [];
  const staticServer = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (status: number, type: string, body: string | Buffer): void => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (req.method === 'GET' && path === '/') return send(200, 'text/html; charset=utf-8', HTML);
    if (req.method === 'GET' && path === '/cos-js-sdk-v5.min.js') return send(200, 'text/javascript', readFileSync(SDK_BUNDLE));
    if (req.method === 'GET' && path === '/page.js') return send(200, 'text/javascript', readFileSync(PAGE_SCRIPT));
    if (req.method === 'POST' && path === '/sign') {
      readJson(req)
        .then((body) => {
          const o = body as BrowserHarness['signed'][number];
          signed.push(o);
          return COS.getAuthorization({
            // The SDKs' Method type lacks 'HEAD', which cos-js-sdk-v5 does sign.
            SecretId: SECRET_ID, SecretKey: SECRET_KEY, Method: o.Method as COS.Method, Pathname: o.Pathname, Query: o.Query, Headers: o.Headers,
            // The SDK's clock correction (CorrectClockSkew) reaches the signer through this.
            SystemClockOffset: o.SystemClockOffset ?? 0,
          });
        })
        .then(
          (Authorization) => send(200, 'application/json', JSON.stringify({ Authorization })),
          (e: unknown) => send(400, 'text/plain', String(e)),
        );
      return;
    }
    send(404, 'text/plain', 'not found');
  });
  const staticPort = await listen(staticServer);
  cleanups.push(() => stop(staticServer));
  const origin = `http://127.0.0.1:${staticPort}`;

  const node = new COS({ SecretId: SECRET_ID, SecretKey: SECRET_KEY, Protocol: 'http:', Ip: `127.0.0.1:${cosPort}` });

  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  cleanups.push(() => browser.close());
  const page = await browser.newPage();
  const consoleMessages: string[] = [];
  page.on('console', (m) => consoleMessages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => consoleMessages.push(`pageerror: ${e.message}`));
  await page.goto(`${origin}/?cos=${cosPort}&region=${REGION}`);
  await page.waitForFunction(() => window.t !== undefined && typeof window.COS === 'function');

  const createBucket = async (name: string, options: { cors?: boolean } = {}): Promise<string> => {
    const Bucket = `${name}-${APPID}`;
    await node.putBucket({ Bucket, Region: REGION });
    if (options.cors !== false) {
      await node.putBucketCors({
        Bucket, Region: REGION,
        CORSRules: [{
          AllowedOrigin: [origin], AllowedMethod: ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'],
          AllowedHeader: ['*'], ExposeHeader: EXPOSED_HEADERS, MaxAgeSeconds: 600,
        }],
      });
    }
    return Bucket;
  };

  return {
    cosPort, origin, cosUrl, node, browser, page, requests, serverErrors, consoleMessages, signed,
    hold: (predicate) => {
      let arrive!: (r: SeenRequest) => void;
      let closed!: () => void;
      let held: IncomingMessage | undefined;
      const arrived = new Promise<SeenRequest>((resolve) => (arrive = resolve));
      const clientClosed = new Promise<void>((resolve) => (closed = resolve));
      holds.push({
        predicate, taken: false,
        onArrive: (seen, req, res) => {
          held = req;
          res.on('close', () => closed());
          // Reading the body keeps the socket flowing, so a client that gives up is noticed.
          req.resume();
          arrive(seen);
        },
      });
      return { arrived, clientClosed, drop: () => held?.destroy() };
    },
    createBucket,
    nodeGet: async (Bucket, Key) => {
      const r = await node.getObject({ Bucket, Region: REGION, Key });
      return r.Body as Buffer;
    },
    close,
  };
}
