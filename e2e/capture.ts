// What the browser saw during each e2e test, for the secret scan (no SecretKey, password or
// session secret in any HTTP response, browser storage or log line; e2e/secret-scan.spec.ts).
// Every spec imports `test` from here: an automatic fixture records every response the page receives
// (headers, and the body unless it is binary object data) and, at the end of the test, what page
// scripts can reach — localStorage, sessionStorage, IndexedDB, document.cookie — plus the context's
// cookies (the session cookie's value is itself a secret the scan looks for everywhere else).
// Browser contexts a test opens itself (`browser.newContext()`: another account, a link opened without
// a session) are recorded the same way, and so are the secrets a test makes (registerSecret).
import { appendFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { test as base, type Browser, type BrowserContext, type Page, type Response, type TestInfo } from '@playwright/test';

export { expect } from '@playwright/test';

export interface CaptureRecord {
  kind: 'response' | 'storage' | 'cookies' | 'secret';
  test: string;
  url?: string;
  /** response: the request's method. */
  method?: string;
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** storage: what page scripts can read; cookies: the context's cookies (name, value, httpOnly). */
  data?: unknown;
  /** secret: a secret the test made (a password it chose, or one the server generated). */
  secret?: string;
  /** secret: the one answer meant to carry it to the browser (`POST /api/admin/users`), if any. */
  deliveredBy?: { method: string; path: string };
}

function captureFile(testInfo: TestInfo): string {
  const dir = captureDir(testInfo.config.metadata);
  mkdirSync(dir, { recursive: true });
  return resolve(dir, `${testInfo.project.name}-${testInfo.testId}.jsonl`);
}

/**
 * Adds a secret of this test to what e2e/secret-scan.spec.ts looks for. `deliveredBy` names the one
 * answer whose body may carry it (a generated password is shown once, in the answer that made it).
 */
export function registerSecret(testInfo: TestInfo, secret: string, deliveredBy?: { method: string; path: string }): void {
  const record: CaptureRecord = { kind: 'secret', test: testInfo.titlePath.join(' › '), secret, ...(deliveredBy ? { deliveredBy } : {}) };
  appendFileSync(captureFile(testInfo), `${JSON.stringify(record)}\n`);
}

const BINARY = /^(image|audio|video|font)\/|^application\/(octet-stream|zip|gzip|pdf|wasm)/i;

export function captureDir(metadata: Record<string, unknown>): string {
  const dir = metadata['captureDir'];
  if (typeof dir !== 'string') throw new Error('the Playwright config has no metadata.captureDir');
  return resolve(import.meta.dirname, '..', dir);
}

async function responseRecord(test: string, response: Response): Promise<CaptureRecord> {
  const headers = await response.allHeaders().catch(() => response.headers());
  const type = headers['content-type'] ?? '';
  let body: string | undefined;
  if (!BINARY.test(type)) body = await response.text().catch(() => undefined);
  return {
    kind: 'response', test, url: response.url(), method: response.request().method(), status: response.status(), headers,
    ...(body !== undefined ? { body } : {}),
  };
}

async function storage(page: Page): Promise<unknown> {
  if (!/^https?:/.test(page.url())) return { url: page.url() };
  return page.evaluate(async () => {
    const dump = (s: Storage): Record<string, string> => {
      const out: Record<string, string> = {};
      for (let i = 0; i < s.length; i++) {
        const k = s.key(i);
        if (k !== null) out[k] = s.getItem(k) ?? '';
      }
      return out;
    };
    const idb: Record<string, unknown> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open(info.name ?? '');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error ?? new Error('indexedDB.open failed'));
      });
      for (const store of Array.from(db.objectStoreNames)) {
        idb[`${info.name}/${store}`] = await new Promise<unknown>((ok, fail) => {
          const r = db.transaction(store, 'readonly').objectStore(store).getAll();
          r.onsuccess = () => ok(r.result);
          r.onerror = () => fail(r.error ?? new Error('getAll failed'));
        });
      }
      db.close();
    }
    return { url: location.href, localStorage: dump(localStorage), sessionStorage: dump(sessionStorage), indexedDB: idb, documentCookie: document.cookie };
  });
}

export const test = base.extend<{ capture: void }>({
  capture: [async ({ page, context, browser }, use, testInfo) => {
    const file = captureFile(testInfo);
    const write = (r: CaptureRecord): void => appendFileSync(file, `${JSON.stringify(r)}\n`);
    const name = testInfo.titlePath.join(' › ');
    const pending: Promise<void>[] = [];
    const watchPage = (p: Page): void => {
      p.on('response', (response) => {
        pending.push(responseRecord(name, response).then(write));
      });
    };
    // What page scripts can reach and the context's cookies, for every page of a context.
    const snapshot = async (c: BrowserContext): Promise<void> => {
      for (const p of c.pages()) write({ kind: 'storage', test: name, data: await storage(p).catch((e: unknown) => ({ error: String(e) })) });
      write({ kind: 'cookies', test: name, data: (await c.cookies()).map((k) => ({ name: k.name, value: k.value, httpOnly: k.httpOnly, domain: k.domain })) });
    };
    const watchContext = (c: BrowserContext): void => {
      c.pages().forEach(watchPage);
      c.on('page', watchPage);
    };
    watchPage(page);
    context.on('page', (p) => p !== page && watchPage(p));

    // Contexts the test opens itself: watched from the start, recorded before they close.
    const opened = new Set<BrowserContext>();
    const newContext = browser.newContext.bind(browser);
    const patched: Browser['newContext'] = async (options) => {
      const c = await newContext(options);
      opened.add(c);
      watchContext(c);
      const close = c.close.bind(c);
      c.close = async (closeOptions) => {
        if (opened.delete(c)) {
          await Promise.all(pending);
          await snapshot(c);
        }
        return close(closeOptions);
      };
      return c;
    };
    browser.newContext = patched;
    try {
      await use();
    } finally {
      browser.newContext = newContext;
    }
    await Promise.all(pending);
    await snapshot(context);
    for (const c of opened) await snapshot(c).catch(() => undefined);
  }, { auto: true }],
});
