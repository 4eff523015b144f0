// `npm run cos-local -- --https-port N` as a user runs it: the `certificate:` line comes first
// (docs/cos-behaviour.md "Addressing and endpoints"), the actual ports are printed (port 0 picks free
// ones), and a separate Node process that trusts the certificate with NODE_EXTRA_CA_CERTS gets
// temporary keys from the HTTPS port with qcloud-cos-sts — the recipe the README gives.
import { spawn, execFile, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let child: ChildProcessWithoutNullStreams | undefined;

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

/** Stdout lines up to and including the one that says the server is ready. */
function readyLines(p: ChildProcessWithoutNullStreams): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    p.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Press Ctrl-C to stop.')) resolve(out.split('\n'));
    });
    p.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    p.on('exit', (code) => reject(new Error(`cos-local exited (${code}) before it was ready:\n${out}\n${err}`)));
  });
}

const exited = (p: ChildProcessWithoutNullStreams): Promise<number | null> =>
  p.exitCode !== null ? Promise.resolve(p.exitCode) : new Promise((resolve) => p.once('exit', (code) => resolve(code)));

describe('cos-local --https-port', () => {
  it('prints the certificate first, then both endpoints, and serves STS to a client trusting it via NODE_EXTRA_CA_CERTS', async () => {
    child = spawn('node_modules/.bin/tsx', ['src/cos-local/main.ts', '--memory', '--port', '0', '--https-port', '0'], { cwd: root });
    const lines = await readyLines(child);

    const cert = /^certificate: (.+)$/.exec(lines[0] ?? '')?.[1];
    expect(cert, lines.join('\n')).toBeDefined();
    const certPath = cert ?? '';
    expect(readFileSync(certPath, 'utf8')).toContain('-----BEGIN CERTIFICATE-----');
    const httpsPort = Number(/^https endpoint: https:\/\/127\.0\.0\.1:(\d+)$/m.exec(lines.join('\n'))?.[1]);
    expect(httpsPort).toBeGreaterThan(0);
    expect(lines.join('\n')).toMatch(/^endpoint: http:\/\/127\.0\.0\.1:[1-9]\d*$/m);
    const secretId = /SecretId (\S+)/.exec(lines.join('\n'))?.[1] ?? '';
    const secretKey = /SecretKey (\S+)/.exec(lines.join('\n'))?.[1] ?? '';

    const script = `
      require('qcloud-cos-sts').getCredential({
        secretId: process.env.SID, secretKey: process.env.SKEY, host: '127.0.0.1:${httpsPort}',
        policy: { version: '2.0', statement: [{ effect: 'allow', action: ['name/cos:GetObject'], resource: ['*'] }] },
      }).then((c) => console.log(JSON.stringify(c)), (e) => { console.error(e && (e.code || e.Code), e && e.message); process.exit(1); });`;
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_EXTRA_CA_CERTS: certPath, SID: secretId, SKEY: secretKey };
    delete env['NODE_TLS_REJECT_UNAUTHORIZED'];
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: root, env });
    const cred = JSON.parse(stdout) as { credentials: { tmpSecretId: string; sessionToken: string }; expiredTime: number };
    expect(cred.credentials.tmpSecretId).toMatch(/^AKID/);
    expect(cred.credentials.sessionToken).toContain('.');

    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(existsSync(dirname(certPath))).toBe(false); // --memory: the temporary directory goes too
  });
});
