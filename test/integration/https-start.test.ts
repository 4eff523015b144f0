// `npm start` serving HTTPS itself (scripts/start.ts with a config file naming TLS files): the banner
// prints https://, sign-in works over TLS, the session cookie is Secure and responses carry HSTS.
// A config error (one TLS file missing) stops the start with a message naming the setting.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTING_NAMES } from '../../src/server/config';
import { writeTestCert, type TestCert } from '../../src/server/config-test-cert';

const dir = mkdtempSync(join(tmpdir(), 'cos-console-https-'));
const PASSWORD = 'https-test-admin-password';
let cert: TestCert;
beforeAll(async () => {
  cert = await writeTestCert(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run { child: ChildProcess; output: () => string; exit: Promise<number | null> }

function run(env: NodeJS.ProcessEnv): Run {
  const full: NodeJS.ProcessEnv = { ...process.env, ...env };
  // Only the settings given here: none leaks in from the environment the tests run in.
  for (const name of [...SETTING_NAMES, 'CONSOLE_CONFIG']) {
    if (env[name] === undefined) delete full[name];
  }
  const child = spawn('node_modules/.bin/tsx', ['scripts/start.ts'], { env: full, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exit };
}

/** Resolves with the URL once the banner is printed; rejects if the process exits first. */
function running(r: Run): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const m = /is running at (\S+)/.exec(r.output());
      if (m?.[1] && r.output().includes('Press Ctrl-C')) resolve(m[1]);
    };
    r.child.stdout?.on('data', check);
    r.child.stderr?.on('data', check);
    void r.exit.then((code) => reject(new Error(`start exited with ${code}:\n${r.output()}`)));
  });
}

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** An HTTPS request that trusts only the test certificate. */
function httpsCall(url: string, options: { method?: string; body?: object; cookie?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = options.body ? JSON.stringify(options.body) : undefined;
    const req = request(url, {
      method: options.method ?? 'GET', ca: cert.cert,
      headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...(options.cookie ? { cookie: options.cookie } : {}) },
    }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

function stop(r: Run): Promise<number | null> {
  r.child.kill('SIGINT');
  return r.exit;
}

describe('HTTPS listener', () => {
  it('serves the console over TLS with Secure cookies and HSTS', async () => {
    const configFile = join(dir, 'console.json');
    // TLS from the file (paths relative to it), the rest from the environment.
    writeFileSync(configFile, JSON.stringify({ tls: { certFile: 'console-cert.pem', keyFile: 'console-key.pem' }, cosLocal: { port: 0 } }));
    const r = run({ CONSOLE_CONFIG: configFile, PORT: '0', DATA_DIR: join(dir, 'data'), CONSOLE_ADMIN_PASSWORD: PASSWORD });
    try {
      const url = await running(r);
      expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(r.output()).toContain(`config:      ${configFile}`);

      const health = await httpsCall(`${url}/api/health`);
      expect(health.status).toBe(200);
      expect(health.headers['strict-transport-security']).toBe('max-age=31536000');

      const login = await httpsCall(`${url}/api/login`, { method: 'POST', body: { username: 'admin', password: PASSWORD } });
      expect(login.status).toBe(200);
      const cookies = [login.headers['set-cookie'] ?? []].flat();
      const session = cookies.find((c) => c.startsWith('cos_console_sid='));
      expect(session).toBeDefined();
      expect(session).toMatch(/;\s*Secure/i);
      expect(session).toMatch(/;\s*HttpOnly/i);
      expect(login.headers['strict-transport-security']).toBe('max-age=31536000');

      const me = await httpsCall(`${url}/api/session`, { cookie: (session ?? '').split(';')[0] });
      expect(me.status).toBe(200);
      expect(JSON.parse(me.body)).toMatchObject({ user: { name: 'admin' } });

      // Plain HTTP on the same port is not served.
      await expect(fetch(`${url.replace('https:', 'http:')}/api/health`)).rejects.toThrow();
    } finally {
      expect(await stop(r)).toBe(0);
    }
  }, 180_000);

  it('refuses to start with only one TLS file, naming the setting', async () => {
    const r = run({ PORT: '0', DATA_DIR: join(dir, 'data-2'), TLS_CERT_FILE: cert.certFile });
    expect(await r.exit).toBe(1);
    expect(r.output()).toContain('configuration error: Set both TLS_CERT_FILE and TLS_KEY_FILE');
  }, 60_000);
});
