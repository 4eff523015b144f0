// What the browser saw during each e2e test, for the secret scan (issue 5: no SecretKey, password or
// session secret in any HTTP response, browser storage or log line; e2e/secret-scan.spec.ts).
// Every spec imports `test` from here: an automatic fixture records every response the page receives
// (headers, and the body unless it is binary object data) and, at the end of the test, what page
// scripts can reach — localStorage, sessionStorage, IndexedDB, document.cookie — plus the context's
// cookies (the session cookie's value is itself a secret the scan looks for everywhere else).
import { appendFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { test as base, type Page, type Response } from '@playwright/test';

export { expect } from '@playwright/test';

export interface CaptureRecord {
  kind: 'response' | 'storage' | 'cookies';
  test: string;
  url?: string;
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** storage: what page scripts can read; cookies: the context's cookies (name, value, httpOnly). */
  data?: unknown;
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
  return { kind: 'response', test, url: response.url(), status: response.status(), headers, ...(body !== undefined ? { body } : {}) };
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
  capture: [async ({ page, context }, use, testInfo) => {
    const dir = captureDir(testInfo.config.metadata);
    mkdirSync(dir, { recursive: true });
    const file = resolve(dir, `${testInfo.project.name}-${testInfo.testId}.jsonl`);
    const write = (r: CaptureRecord): void => appendFileSync(file, `${JSON.stringify(r)}\n`);
    const name = testInfo.titlePath.join(' › ');
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      pending.push(responseRecord(name, response).then(write));
    });
    await use();
    await Promise.all(pending);
    write({ kind: 'storage', test: name, data: await storage(page).catch((e: unknown) => ({ error: String(e) })) });
    write({ kind: 'cookies', test: name, data: (await context.cookies()).map((c) => ({ name: c.name, value: c.value, httpOnly: c.httpOnly, domain: c.domain })) });
  }, { auto: true }],
});
