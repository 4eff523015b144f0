// `npm start` itself (scripts/start.ts): first run seeds and prints the generated admin password,
// Ctrl-C stops it cleanly, and a second start reuses the data and prints no secret.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'cos-console-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Started { child: ChildProcess; output: () => string; url: string }

/** Starts the console on free ports and resolves once it prints that it is running. */
function start(): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', COS_LOCAL_PORT: '0', DATA_DIR: dataDir };
  delete env['CONSOLE_ADMIN_PASSWORD'];
  const child = spawn('node_modules/.bin/tsx', ['scripts/start.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = /is running at (http:\/\/\S+)/.exec(out);
      if (m?.[1] && out.includes('Press Ctrl-C')) resolve({ child, output: () => out, url: m[1] });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`start exited with ${code}:\n${out}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

async function login(url: string, password: string): Promise<number> {
  const res = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
  return res.status;
}

describe('npm start', () => {
  it('seeds once, prints secrets once, stops on Ctrl-C and reuses its data', async () => {
    const first = await start();
    const password = /password (\S+)\s+\(generated now/.exec(first.output())?.[1];
    expect(password).toBeDefined();
    expect(first.output()).toMatch(/demo data: +3 buckets, 1212 objects/);
    expect(first.output()).toMatch(/SecretKey \S+ +\(generated now/);
    const health = await fetch(`${first.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await login(first.url, password ?? '')).toBe(200);
    expect(await stop(first.child)).toBe(0);

    const second = await start();
    expect(second.output()).not.toContain('demo data');
    expect(second.output()).not.toContain('generated now');
    expect(second.output()).not.toContain(password);
    expect(await login(second.url, password ?? '')).toBe(200);
    const buckets = await fetch(`${second.url}/api/buckets`);
    expect(buckets.status).toBe(401);
    expect(await stop(second.child)).toBe(0);
  }, 180_000);
});
