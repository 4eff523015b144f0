// The secret scan (README.md "Quick start"): no SecretKey, password or session secret appears in any
// HTTP response, browser storage or log line during the whole run. Runs after the other specs of its
// config (a dependent project) and scans what e2e/capture.ts recorded — every response the browser
// received (headers and non-binary bodies), localStorage/sessionStorage/IndexedDB/document.cookie and
// the context's cookies at the end of each test — plus the console server's whole log (request logs
// on).
//
// The secrets: the admin password and the COS SecretKey(s) from the config (both given by environment,
// so the start banner, which prints a key or password only when it generates one, must not show them),
// the console's at-rest encryption key (console-secret.key), every session cookie value seen, and the
// secrets the specs made and registered (registerSecret in e2e/capture.ts: the passwords of the console
// accounts they create, chosen or generated). Exempt by design: a session cookie value in the
// Set-Cookie header that delivers it, a generated password in the body of the one answer that delivers
// it (shown once to the admin), and the temporary keys /api/sts returns (meant for the browser).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { captureDir, type CaptureRecord } from './capture';

const SESSION_COOKIE = 'cos_console_sid';
const root = resolve(import.meta.dirname, '..');

/**
 * `deliversSession`: a Set-Cookie header, the one place a session cookie value is meant to be;
 * `response`: the answer a body belongs to, matched against a registered secret's `deliveredBy`.
 */
interface Source { where: string; text: string; deliversSession?: boolean; response?: { method: string; path: string } }

type Delivery = { method: string; path: string };

/**
 * The places a secret shows up in `sources`, looking for it raw, URL-encoded and base64-encoded.
 * `sessionValues` are exempt only in the Set-Cookie headers that deliver them.
 */
export function findSecrets(
  secrets: string[], sources: Source[], sessionValues: ReadonlySet<string> = new Set(), deliveries: ReadonlyMap<string, Delivery> = new Map(),
): string[] {
  const hits: string[] = [];
  for (const secret of secrets) {
    const forms = new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')]);
    const delivery = deliveries.get(secret);
    for (const s of sources) {
      if (s.deliversSession && sessionValues.has(secret)) continue;
      if (delivery && s.response && s.response.method === delivery.method && s.response.path === delivery.path) continue;
      if ([...forms].some((f) => s.text.includes(f))) hits.push(`${s.where} contains the secret ${secret.slice(0, 3)}…`);
    }
  }
  return hits;
}

function records(dir: string): CaptureRecord[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(resolve(dir, f), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as CaptureRecord));
}

test('no password, SecretKey or session secret in any response, browser storage or log line', () => {
  const metadata = test.info().config.metadata;
  const configured = metadata['secrets'];
  if (!Array.isArray(configured) || configured.length === 0) throw new Error('the config lists no secrets to look for');
  const secrets = configured.map(String);
  const secretFile = resolve(root, String(metadata['consoleSecretFile']));
  if (existsSync(secretFile)) secrets.push(readFileSync(secretFile, 'utf8').trim());

  const captured = records(captureDir(metadata));
  const cookies = captured.filter((r) => r.kind === 'cookies').flatMap((r) => r.data as { name: string; value: string; httpOnly: boolean }[]);
  const sessionCookies = cookies.filter((c) => c.name === SESSION_COOKIE);
  // Something was captured: a scan of nothing would pass whatever happened.
  expect(captured.filter((r) => r.kind === 'response').length).toBeGreaterThan(10);
  expect(captured.filter((r) => r.kind === 'storage').length).toBeGreaterThan(0);
  expect(sessionCookies.length).toBeGreaterThan(0);
  for (const c of sessionCookies) expect(c.httpOnly).toBe(true);
  const sessionValues = new Set(sessionCookies.map((c) => c.value));
  secrets.push(...sessionValues);
  // The specs' own secrets: console accounts' passwords (e2e/steps.ts createConsoleAccount, admin-users).
  const registered = captured.filter((r) => r.kind === 'secret' && typeof r.secret === 'string');
  const deliveries = new Map<string, Delivery>();
  for (const r of registered) {
    secrets.push(r.secret ?? '');
    if (r.deliveredBy) deliveries.set(r.secret ?? '', r.deliveredBy);
  }

  const sources: Source[] = [];
  for (const r of captured) {
    if (r.kind === 'response') {
      const { 'set-cookie': setCookie, ...headers } = r.headers ?? {};
      sources.push({ where: `response headers of ${r.url ?? ''} (${r.test})`, text: JSON.stringify(headers) });
      if (setCookie !== undefined) sources.push({ where: `Set-Cookie of ${r.url ?? ''} (${r.test})`, text: setCookie, deliversSession: true });
      if (r.body !== undefined) {
        const response = { method: r.method ?? '', path: new URL(r.url ?? 'about:blank').pathname };
        sources.push({ where: `response body of ${r.method ?? ''} ${r.url ?? ''} (${r.test})`, text: r.body, response });
      }
    } else if (r.kind === 'storage') {
      sources.push({ where: `browser storage at the end of "${r.test}"`, text: JSON.stringify(r.data) });
    } else if (r.kind === 'cookies') {
      // Cookies page scripts can read (not HttpOnly) are browser storage too.
      const readable = (r.data as { name: string; value: string; httpOnly: boolean }[]).filter((c) => !c.httpOnly);
      sources.push({ where: `script-readable cookies at the end of "${r.test}"`, text: JSON.stringify(readable) });
    }
  }
  const log = resolve(root, String(metadata['serverLog']));
  const logText = readFileSync(log, 'utf8');
  expect(logText).toContain('is running at');
  logText.split('\n').forEach((line, i) => sources.push({ where: `server log line ${i + 1}`, text: line }));

  // The scanner itself finds a planted secret in each kind of source.
  for (const probe of secrets) expect(findSecrets([probe], [{ where: 'probe', text: `x${probe}y` }])).toHaveLength(1);

  // …and the session exemption covers only the session value in a Set-Cookie header.
  expect(findSecrets(['s3cr3t'], [{ where: 'probe', text: 'a=s3cr3t', deliversSession: true }], new Set(['s3cr3t']))).toEqual([]);
  expect(findSecrets(['s3cr3t'], [{ where: 'probe', text: 'a=s3cr3t', deliversSession: true }], new Set())).toHaveLength(1);
  expect(findSecrets(['s3cr3t'], [{ where: 'probe', text: '{"v":"s3cr3t"}' }], new Set(['s3cr3t']))).toHaveLength(1);

  // …and a delivery exempts only its own answer's body.
  const delivered = new Map([['g3n', { method: 'POST', path: '/api/admin/users' }]]);
  expect(findSecrets(['g3n'], [{ where: 'probe', text: '{"generatedPassword":"g3n"}', response: { method: 'POST', path: '/api/admin/users' } }], new Set(), delivered)).toEqual([]);
  expect(findSecrets(['g3n'], [{ where: 'probe', text: '{"g3n":1}', response: { method: 'GET', path: '/api/admin/users' } }], new Set(), delivered)).toHaveLength(1);
  expect(findSecrets(['g3n'], [{ where: 'probe', text: 'g3n' }], new Set(), delivered)).toHaveLength(1);

  expect(findSecrets(secrets, sources, sessionValues, deliveries)).toEqual([]);
});
